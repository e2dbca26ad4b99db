// profile.valid: security-profile.yml exists and loads (the same parser `thresher triage` uses).

import { profileLocations } from '../audit-context.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const profileValidRule: ReadinessRule = {
  id: 'profile.valid',
  category: 'profile',
  title: 'Security profile is valid',
  rule: {
    pass: 'security-profile.yml (or .yaml, in the root or .github/) loads without problems.',
    warn: 'There is no profile.',
    fail: 'The profile has problems (each listed with its line) or cannot be read.',
  },
  fix: 'Run `thresher init` to write a profile, or fix the problems listed (docs/security-profile.md describes the format).',
  reads: (path) => profileLocations.includes(path),
  check(context) {
    const profile = context.profile;
    if (profile === null) return [makeResult('warn', null, [], ['no security-profile.yml'])];
    if (profile.result === undefined)
      return [
        makeResult(
          'fail',
          profile.file,
          [],
          [`${profile.file} is ${profile.unread ?? 'unreadable'}`],
        ),
      ];
    if (profile.result.ok) {
      const { inScope, outOfScope, components } = profile.result.value.threatModel;
      return [
        makeResult(
          'pass',
          profile.file,
          [1],
          [
            `${components.length} components, ${inScope.length} in-scope and ${outOfScope.length} out-of-scope rules`,
          ],
        ),
      ];
    }
    const issues = profile.result.issues;
    return [
      makeResult(
        'fail',
        profile.file,
        issues.flatMap((issue) => (issue.line === undefined ? [] : [issue.line])),
        issues
          .slice(0, 10)
          .map(
            (issue) =>
              `${issue.line === undefined ? '' : `line ${issue.line}: `}${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
          ),
      ),
    ];
  },
};
