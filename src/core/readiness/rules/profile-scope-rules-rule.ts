// profile.scope-rules: the threat model says both what is in scope and what is not.

import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const profileScopeRulesRule: ReadinessRule = {
  id: 'profile.scope-rules',
  category: 'profile',
  title: 'In-scope and out-of-scope rules',
  rule: {
    pass: 'The profile has at least one in-scope and one out-of-scope rule.',
    warn: 'It has only one of the two kinds.',
    fail: 'It has neither.',
    skip: 'No valid profile.',
  },
  fix: 'Add threat-model.in-scope and threat-model.out-of-scope rules (docs/security-profile.md); out-of-scope rules are what lets triage answer reports quickly.',
  reads: () => false,
  check(context) {
    const profile = context.validProfile;
    const file = context.profile?.file ?? null;
    if (profile === null) return [makeResult('skip', file, [], ['no valid profile'])];
    const { inScope, outOfScope } = profile.threatModel;
    const evidence = [
      `in-scope: ${inScope.map((rule) => rule.id).join(', ') || 'none'}`,
      `out-of-scope: ${outOfScope.map((rule) => rule.id).join(', ') || 'none'}`,
    ];
    const status =
      inScope.length > 0 && outOfScope.length > 0
        ? 'pass'
        : inScope.length + outOfScope.length > 0
          ? 'warn'
          : 'fail';
    return [makeResult(status, file, [], evidence)];
  },
};
