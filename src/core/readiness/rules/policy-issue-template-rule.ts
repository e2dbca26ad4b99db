// policy.issue-template: the issue chooser sends security reports to the private channel instead
// of a public issue.

import { findFile } from '../audit-context.js';
import { findLines, quoteLine, splitLines } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const configPaths = ['.github/ISSUE_TEMPLATE/config.yml', '.github/ISSUE_TEMPLATE/config.yaml'];
const privateLink = /security\/advisories\/new|security\/policy|SECURITY\.md|mailto:/i;

export const policyIssueTemplateRule: ReadinessRule = {
  id: 'policy.issue-template',
  category: 'policy',
  title: 'Issue chooser points to private reporting',
  rule: {
    pass: '.github/ISSUE_TEMPLATE/config.yml has a contact link to security/advisories/new, security/policy, SECURITY.md or a mailto: address.',
    warn: 'No issue template config, or it has no such link.',
  },
  fix: 'Add .github/ISSUE_TEMPLATE/config.yml with a contact_links entry "Report a security vulnerability" pointing to https://github.com/OWNER/REPO/security/advisories/new.',
  reads: (path) => configPaths.includes(path),
  check(context) {
    const file = configPaths.map((path) => findFile(context.snapshot, path)).find(Boolean);
    if (file?.text === undefined) {
      return [makeResult('warn', null, [], ['no .github/ISSUE_TEMPLATE/config.yml'])];
    }
    const hits = findLines(splitLines(file.text), [privateLink]);
    if (hits.length > 0) {
      return [
        makeResult(
          'pass',
          file.path,
          hits.map((hit) => hit.line),
          hits.slice(0, 2).map(quoteLine),
        ),
      ];
    }
    return [
      makeResult('warn', file.path, [], ['no contact link to private vulnerability reporting']),
    ];
  },
};
