// policy.report-requirements: SECURITY.md tells reporters what a report must contain.

import { findReportingSections } from '../find-policy-section.js';
import { findLines } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const items: { name: string; pattern: RegExp }[] = [
  { name: 'affected version', pattern: /\bversions?\b/i },
  { name: 'reproduction', pattern: /reproduc|steps to|proof[- ]of[- ]concept|\bpoc\b|exploit/i },
  { name: 'impact', pattern: /\bimpact|what an attacker|consequence|severity/i },
  {
    name: 'affected component',
    pattern:
      /affected (?:file|component|module|code|function|endpoint)|location|source file|where in the code/i,
  },
];

export const policyReportRequirementsRule: ReadinessRule = {
  id: 'policy.report-requirements',
  category: 'policy',
  title: 'What a report must contain',
  rule: {
    pass: 'The reporting sections of SECURITY.md (headings with report, disclose, what to include; the whole file when there are none) ask for at least 3 of: affected version, reproduction steps, impact, affected component.',
    warn: 'They ask for 1 or 2 of them.',
    fail: 'They ask for none.',
    skip: 'No SECURITY.md.',
  },
  fix: 'List what a report must contain: affected version, affected component, reproduction steps and impact (`thresher init` writes this from report-requirements).',
  reads: () => false,
  check(context) {
    const policy = context.policy;
    if (policy === null) return [makeResult('skip', null, [], ['no SECURITY.md'])];
    const sections = findReportingSections(policy);
    const ranges =
      sections.length > 0
        ? sections.map((section) => ({ start: section.startLine, end: section.endLine }))
        : [{ start: 1, end: policy.lines.length }];
    const found = items.flatMap(({ name, pattern }) => {
      const hit = ranges.flatMap((range) => findLines(policy.lines, [pattern], range))[0];
      return hit === undefined ? [] : [{ name, line: hit.line }];
    });
    const missing = items.filter((item) => !found.some((hit) => hit.name === item.name));
    const evidence = [
      ...found.map((hit) => `asks for ${hit.name} (line ${hit.line})`),
      ...(missing.length > 0
        ? [`does not ask for: ${missing.map((item) => item.name).join(', ')}`]
        : []),
    ];
    const status = found.length >= 3 ? 'pass' : found.length > 0 ? 'warn' : 'fail';
    return [
      makeResult(
        status,
        policy.file,
        found.map((hit) => hit.line),
        evidence,
      ),
    ];
  },
};
