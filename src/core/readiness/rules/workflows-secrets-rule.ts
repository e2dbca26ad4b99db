// workflows.secrets: secrets are passed one by one, never all at once, and never written into the
// workflow.

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { checkEachWorkflow, type Finding } from '../workflow-facts.js';

const wholeSecrets = /tojson\(\s*secrets\s*\)/i;

export const workflowsSecretsRule: ReadinessRule = {
  id: 'workflows.secrets',
  category: 'workflows',
  title: 'Secrets passed narrowly',
  rule: {
    pass: 'No `secrets: inherit`, no toJSON(secrets), no literal container registry password.',
    warn: 'A reusable workflow call uses `secrets: inherit` (the callee gets every secret).',
    fail: 'An expression serialises the whole secrets context (toJSON(secrets)), or a container or service has a literal credentials password.',
    skip: 'No readable workflows.',
  },
  fix: 'Pass each secret the callee needs by name; keep registry passwords in secrets (`password: ${{ secrets.REGISTRY_TOKEN }}`).',
  anchors: [
    'zizmor secrets-inherit',
    'zizmor overprovisioned-secrets',
    'zizmor hardcoded-container-credentials',
  ],
  reads: () => false,
  check: (context) => checkEachWorkflow(context, findSecretProblems, 'secrets are passed by name'),
};

function findSecretProblems(workflow: Workflow): Finding[] {
  const findings: Finding[] = [];
  for (const job of workflow.jobs) {
    if (job.secretsInherit !== undefined)
      findings.push({
        status: 'warn',
        line: job.secretsInherit.line,
        message: `job ${job.id}: secrets: inherit passes every secret`,
      });
    for (const { literalPassword } of job.images) {
      if (literalPassword !== undefined)
        findings.push({
          status: 'fail',
          line: literalPassword.line,
          message: `job ${job.id}: a container password is written in the workflow`,
        });
    }
  }
  workflow.source.split('\n').forEach((text, index) => {
    if (wholeSecrets.test(text))
      findings.push({
        status: 'fail',
        line: index + 1,
        message: 'toJSON(secrets) exposes every secret',
      });
  });
  return findings;
}
