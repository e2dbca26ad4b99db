// workflows.syntax: every workflow file can be read, so no workflow escapes the other checks.

import { isWorkflowPath } from '../audit-context.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const workflowsSyntaxRule: ReadinessRule = {
  id: 'workflows.syntax',
  category: 'workflows',
  title: 'Workflows can be read',
  rule: {
    pass: 'Every .github/workflows/*.yml and *.yaml file is a YAML mapping the audit can read.',
    fail: 'A workflow is not valid YAML, too large, not UTF-8, or not a mapping; the other workflow checks cannot see it.',
    skip: 'No workflows.',
  },
  fix: 'Fix the YAML error named in the evidence (GitHub would refuse the workflow too).',
  reads: isWorkflowPath,
  check(context) {
    const readings = context.workflows;
    if (readings.length === 0) return [makeResult('skip', null, [], ['no workflows'])];
    const broken = readings.flatMap((reading) => (reading.ok ? [] : [reading]));
    if (broken.length === 0)
      return [makeResult('pass', null, [], [`${readings.length} workflow(s) read`])];
    return broken.map((reading) =>
      makeResult('fail', reading.path, [reading.line], [reading.message]),
    );
  },
};
