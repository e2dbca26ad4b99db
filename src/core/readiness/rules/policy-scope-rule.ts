// policy.scope: SECURITY.md says what is out of scope, so reporters (and their AI tools) can tell
// before they write.

import { findOutOfScopeSection, findScopeSection } from '../find-policy-section.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const policyScopeRule: ReadinessRule = {
  id: 'policy.scope',
  category: 'policy',
  title: 'Scope section with out-of-scope cases',
  rule: {
    pass: 'SECURITY.md has a section headed like "Out of scope", "Not a vulnerability", "Exclusions" or "Threat model" with at least one line of content.',
    warn: 'Only a general "Scope" section, with no out-of-scope heading.',
    fail: 'No scope section.',
    skip: 'No SECURITY.md.',
  },
  fix: 'Add an "Out of scope" section listing what you do not treat as a vulnerability, and why (`thresher init` writes it from threat-model.out-of-scope).',
  reads: () => false,
  check(context) {
    const policy = context.policy;
    if (policy === null) return [makeResult('skip', null, [], ['no SECURITY.md'])];
    const outOfScope = findOutOfScopeSection(policy);
    if (outOfScope !== undefined) {
      const body = policy.lines.slice(outOfScope.startLine, outOfScope.endLine);
      if (body.some((line) => line.trim() !== '')) {
        return [
          makeResult(
            'pass',
            policy.file,
            [outOfScope.startLine],
            [
              `section "${outOfScope.heading}" (lines ${outOfScope.startLine}-${outOfScope.endLine})`,
            ],
          ),
        ];
      }
    }
    const scope = findScopeSection(policy);
    if (scope !== undefined) {
      return [
        makeResult(
          'warn',
          policy.file,
          [scope.startLine],
          [`section "${scope.heading}" but no out-of-scope cases`],
        ),
      ];
    }
    return [makeResult('fail', policy.file, [], ['no scope or out-of-scope section'])];
  },
};
