// profile.drift-contacts: the contacts in the profile, SECURITY.md and security.txt agree.

import type { SecurityProfile } from '../../model/security-profile.js';
import { findEmails, findUrls, privateReportingPattern } from '../policy-patterns.js';
import { parseSecurityTxt } from '../parse-security-txt.js';
import { findLines } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';
import { findSecurityTxt } from './security-txt-valid-rule.js';

export const profileDriftContactsRule: ReadinessRule = {
  id: 'profile.drift-contacts',
  category: 'profile',
  title: 'Contacts agree (profile, SECURITY.md, security.txt)',
  rule: {
    pass: "Every email address and URL contact of the profile appears in SECURITY.md; a github-pvr contact is matched by private vulnerability reporting wording; every email address in SECURITY.md and every mailto: Contact of security.txt is one of the profile's.",
    fail: 'Any contact is in one place and not the other.',
    skip: 'No valid profile, or no SECURITY.md.',
  },
  fix: 'Make the contacts agree: change the profile or the documents, or re-render the documents with `thresher init --force`.',
  reads: () => false,
  check(context) {
    const profile = context.validProfile;
    const policy = context.policy;
    if (profile === null || policy === null)
      return [
        makeResult('skip', null, [], [profile === null ? 'no valid profile' : 'no SECURITY.md']),
      ];
    const emails = new Set(
      profile.policy.contact.flatMap((c) => (c.type === 'email' ? [c.address.toLowerCase()] : [])),
    );
    const problems: { line: number; message: string }[] = [];
    const policyEmails = policy.lines.flatMap((line, index) =>
      findEmails(line).map((email) => ({ email, line: index + 1 })),
    );
    const policyText = policy.text.toLowerCase();
    for (const email of emails) {
      if (!policyEmails.some((found) => found.email === email))
        problems.push({ line: 0, message: `profile contact ${email} is not in ${policy.file}` });
    }
    for (const found of policyEmails) {
      if (!emails.has(found.email))
        problems.push({
          line: found.line,
          message: `${policy.file} line ${found.line} gives ${found.email}, which is not a profile contact`,
        });
    }
    for (const contact of profile.policy.contact) {
      if (contact.type === 'url' && !policyText.includes(contact.url.toLowerCase()))
        problems.push({
          line: 0,
          message: `profile contact ${contact.url} is not in ${policy.file}`,
        });
      if (
        contact.type === 'github-pvr' &&
        findLines(policy.lines, [privateReportingPattern]).length === 0
      ) {
        problems.push({
          line: 0,
          message: `the profile offers GitHub private vulnerability reporting; ${policy.file} does not mention it`,
        });
      }
    }
    problems.push(...checkSecurityTxt(context, profile, emails));
    if (problems.length > 0) {
      return [
        makeResult(
          'fail',
          policy.file,
          problems.flatMap((p) => (p.line > 0 ? [p.line] : [])),
          problems.map((p) => p.message),
        ),
      ];
    }
    return [
      makeResult(
        'pass',
        policy.file,
        policyEmails.map((found) => found.line),
        [`${profile.policy.contact.length} profile contact(s) match`],
      ),
    ];
  },
};

function checkSecurityTxt(
  context: Parameters<ReadinessRule['check']>[0],
  profile: SecurityProfile,
  emails: Set<string>,
) {
  const file = findSecurityTxt(context);
  if (file?.text === undefined) return [];
  const urls = new Set(
    profile.policy.contact.flatMap((c) =>
      c.type === 'url' ? [c.url] : c.type === 'github-pvr' && c.url ? [c.url] : [],
    ),
  );
  return parseSecurityTxt(file.text)
    .fields.filter((field) => field.name === 'contact')
    .flatMap((field) => {
      const email = field.value.toLowerCase().startsWith('mailto:')
        ? field.value.slice(7).toLowerCase()
        : undefined;
      if (email !== undefined && !emails.has(email))
        return [
          {
            line: 0,
            message: `${file.path} line ${field.line}: Contact ${email} is not a profile contact`,
          },
        ];
      const url = findUrls(field.value)[0];
      const isKnownUrl =
        url === undefined ||
        urls.has(url) ||
        /security\/advisories|security\/policy|SECURITY\.md/i.test(url);
      if (email === undefined && !isKnownUrl)
        return [
          {
            line: 0,
            message: `${file.path} line ${field.line}: Contact ${url} is not a profile contact`,
          },
        ];
      return [];
    });
}
