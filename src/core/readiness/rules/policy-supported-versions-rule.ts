// policy.supported-versions: SECURITY.md says which versions receive security fixes.

import { findSupportedVersionsSection } from '../find-policy-section.js';
import { findLines, quoteLine } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const versionStatement =
  /(?:only|latest|current|newest|most recent)\b.{0,40}\b(?:release|version)s?\b.{0,40}\b(?:supported|receive|get|patched|fixed)|\bsupported\b.{0,40}\b(?:v?\d+\.(?:\d+|x))/i;
const versionContent = /\d|latest|current|(?:all|every) (?:\w+ )?versions?/i;

export const policySupportedVersionsRule: ReadinessRule = {
  id: 'policy.supported-versions',
  category: 'policy',
  title: 'Supported versions',
  rule: {
    pass: 'SECURITY.md has a section headed like "Supported versions" with a version number or "latest" in it, or a sentence saying which releases are supported.',
    warn: 'The heading is there but says nothing about versions.',
    fail: 'No section or sentence about supported versions.',
    skip: 'No SECURITY.md.',
  },
  fix: 'Add a "Supported versions" section listing the release lines that get security fixes (for example a table, or "only the latest 2.x release").',
  reads: () => false,
  check(context) {
    const policy = context.policy;
    if (policy === null) return [makeResult('skip', null, [], ['no SECURITY.md'])];
    const section = findSupportedVersionsSection(policy);
    if (section !== undefined) {
      const range = { start: section.startLine + 1, end: section.endLine };
      const content = findLines(policy.lines, [versionContent], range);
      if (content.length > 0) {
        return [
          makeResult(
            'pass',
            policy.file,
            [section.startLine, ...content.map((hit) => hit.line)],
            [`section "${section.heading}" (lines ${section.startLine}-${section.endLine})`],
          ),
        ];
      }
      return [
        makeResult(
          'warn',
          policy.file,
          [section.startLine],
          [`section "${section.heading}" names no version`],
        ),
      ];
    }
    const sentence = findLines(policy.lines, [versionStatement]);
    if (sentence.length > 0) {
      return [
        makeResult(
          'pass',
          policy.file,
          sentence.map((hit) => hit.line),
          sentence.slice(0, 3).map(quoteLine),
        ),
      ];
    }
    return [makeResult('fail', policy.file, [], ['no supported-versions section or statement'])];
  },
};
