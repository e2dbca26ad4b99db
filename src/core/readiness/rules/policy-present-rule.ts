// policy.present: a security policy where GitHub looks for one (Scorecard Security-Policy's file
// check, with GitHub's precedence and the empty-file case added).

import { findFile, policyLocations } from '../audit-context.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const otherFormats = [
  'SECURITY.adoc',
  '.github/SECURITY.adoc',
  'docs/SECURITY.adoc',
  'doc/SECURITY.rst',
  'docs/SECURITY.rst',
];
const allLocations = new Set(
  [...policyLocations, ...otherFormats].map((path) => path.toLowerCase()),
);
const minimumPolicyLength = 40;

export const policyPresentRule: ReadinessRule = {
  id: 'policy.present',
  category: 'policy',
  title: 'Security policy where GitHub looks for it',
  rule: {
    pass: 'SECURITY.md is in .github/, the root or docs/ (case-insensitive; GitHub uses the first in that order) and holds at least 40 characters of text.',
    warn: 'The policy is only in a format GitHub does not show (SECURITY.adoc or SECURITY.rst).',
    fail: 'No security policy file, or it is (nearly) empty.',
  },
  fix: 'Add SECURITY.md at the repository root (`thresher init` writes one from security-profile.yml).',
  anchors: ['Scorecard Security-Policy (securityPolicyPresent)'],
  reads: (path) => allLocations.has(path.toLowerCase()),
  check(context) {
    const policy = context.policy;
    if (policy !== null) {
      const shadowed = policyLocations
        .map((path) => findFile(context.snapshot, path)?.path)
        .filter((path) => path !== undefined && path !== policy.file);
      if (policy.text.replace(/\s+/g, '').length < minimumPolicyLength) {
        return [makeResult('fail', policy.file, [1], [`${policy.file} is (nearly) empty`])];
      }
      const note = shadowed.length > 0 ? `; GitHub ignores ${shadowed.join(', ')}` : '';
      return [makeResult('pass', policy.file, [1], [`found ${policy.file}${note}`])];
    }
    const other = otherFormats.map((path) => findFile(context.snapshot, path)).find(Boolean);
    if (other !== undefined) {
      return [
        makeResult(
          'warn',
          other.path,
          [1],
          [`found ${other.path}, which GitHub does not show as the security policy`],
          `Rename or convert ${other.path} to SECURITY.md.`,
        ),
      ];
    }
    return [makeResult('fail', null, [], ['no SECURITY.md in .github/, the root or docs/'])];
  },
};
