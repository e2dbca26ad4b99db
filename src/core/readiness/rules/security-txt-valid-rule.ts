// security-txt.valid: the security.txt follows RFC 9116's syntax and field rules.

import { findFile, type AuditContext } from '../audit-context.js';
import {
  parseSecurityTxt,
  securityTxtLocations,
  type SecurityTxtField,
} from '../parse-security-txt.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const uriFields = new Set([
  'acknowledgments',
  'canonical',
  'contact',
  'encryption',
  'hiring',
  'policy',
  'csaf',
]);
const singleFields = new Set(['expires', 'preferred-languages']);
const languageTag = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

export function findSecurityTxt(context: AuditContext) {
  return securityTxtLocations
    .map((path) => findFile(context.snapshot, path))
    .find((file) => file !== undefined);
}

export const securityTxtValidRule: ReadinessRule = {
  id: 'security-txt.valid',
  category: 'security-txt',
  title: 'security.txt is valid (RFC 9116)',
  rule: {
    pass: 'Every line is a field, a comment or blank; at least one Contact; Expires and Preferred-Languages at most once; Contact, Policy, Canonical, Encryption, Acknowledgments and Hiring are URIs, web ones https://; Preferred-Languages is a comma-separated list of language tags.',
    warn: 'Valid, but without a Policy field (where reporters find the rules).',
    fail: 'Any of the rules above is broken.',
    skip: 'No security.txt.',
  },
  fix: 'Correct the fields named in the evidence (RFC 9116 section 2); `thresher init --force` renders a valid file from the profile.',
  anchors: ['RFC 9116'],
  reads: () => false,
  check(context) {
    const file = findSecurityTxt(context);
    if (file === undefined) return [makeResult('skip', null, [], ['no security.txt'])];
    if (file.text === undefined)
      return [makeResult('fail', file.path, [], ['security.txt is not readable UTF-8 text'])];
    const reading = parseSecurityTxt(file.text);
    const problems = [...reading.problems, ...checkFields(reading.fields)];
    if (problems.length > 0) {
      return [
        makeResult(
          'fail',
          file.path,
          problems.map((problem) => problem.line),
          problems.map((problem) => problem.message),
        ),
      ];
    }
    const contacts = reading.fields.filter((field) => field.name === 'contact');
    const evidence = [
      `${contacts.length} Contact field(s)${reading.isSigned ? '; OpenPGP signed' : ''}`,
    ];
    if (!reading.fields.some((field) => field.name === 'policy')) {
      return [
        makeResult(
          'warn',
          file.path,
          contacts.map((field) => field.line),
          [...evidence, 'no Policy field'],
          'Add "Policy: https://.../SECURITY.md" so reporters find the rules.',
        ),
      ];
    }
    return [
      makeResult(
        'pass',
        file.path,
        contacts.map((field) => field.line),
        evidence,
      ),
    ];
  },
};

function checkFields(fields: readonly SecurityTxtField[]): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  if (!fields.some((field) => field.name === 'contact')) {
    problems.push({ line: 1, message: 'no Contact field (required)' });
  }
  for (const name of singleFields) {
    const repeated = fields.filter((field) => field.name === name).slice(1);
    for (const field of repeated)
      problems.push({
        line: field.line,
        message: `line ${field.line}: ${name} appears more than once`,
      });
  }
  for (const field of fields) {
    if (uriFields.has(field.name)) {
      const problem = checkUri(field);
      if (problem !== undefined) problems.push({ line: field.line, message: problem });
    }
    if (field.name === 'preferred-languages') {
      const bad = field.value
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => !languageTag.test(tag));
      if (bad.length > 0)
        problems.push({
          line: field.line,
          message: `line ${field.line}: not a language tag: ${bad.join(', ')}`,
        });
    }
  }
  return problems;
}

function checkUri(field: SecurityTxtField): string | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\S+$/.exec(field.value)?.[1]?.toLowerCase();
  if (scheme === undefined)
    return `line ${field.line}: ${field.name} must be a URI, got ${JSON.stringify(field.value.slice(0, 80))}`;
  if (scheme === 'http') return `line ${field.line}: ${field.name} must use https://, not http://`;
  if (field.name === 'contact' && !['https', 'mailto', 'tel'].includes(scheme)) {
    return `line ${field.line}: Contact should be https:, mailto: or tel:, got ${scheme}:`;
  }
  return undefined;
}
