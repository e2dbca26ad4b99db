// workflows.persist-credentials: actions/checkout leaves the job's token on disk unless told not
// to; a later upload-artifact can publish it (ArtiPACKED).

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { actionName, checkEachWorkflow, type Finding } from '../workflow-facts.js';

export const workflowsPersistCredentialsRule: ReadinessRule = {
  id: 'workflows.persist-credentials',
  category: 'workflows',
  title: 'Checkout does not persist credentials',
  rule: {
    pass: 'Every actions/checkout step sets `persist-credentials: false`.',
    warn: 'A checkout step keeps the default (credentials persisted on disk).',
    fail: 'A checkout step keeps the default and the same job uploads an artifact (actions/upload-artifact), which can carry the token.',
    skip: 'No readable workflows.',
  },
  fix: 'Add `with: persist-credentials: false` to actions/checkout; set it to true explicitly only in jobs that push with git.',
  anchors: ['zizmor artipacked'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(context, findPersistedCredentials, 'no checkout persists credentials'),
};

function findPersistedCredentials(workflow: Workflow): Finding[] {
  return workflow.jobs.flatMap((job) => {
    const uploads = job.steps.some(
      (step) => step.uses !== undefined && actionName(step.uses.text) === 'actions/upload-artifact',
    );
    return job.steps.flatMap((step): Finding[] => {
      if (step.uses === undefined || actionName(step.uses.text) !== 'actions/checkout') return [];
      const persist = step.with.get('persist-credentials')?.text.toLowerCase();
      if (persist === 'false' || persist === 'true') return [];
      return uploads
        ? [
            {
              status: 'fail',
              line: step.uses.line,
              message: `job ${job.id}: checkout persists the token and the job uploads an artifact`,
            },
          ]
        : [
            {
              status: 'warn',
              line: step.uses.line,
              message: `job ${job.id}: checkout persists the token on disk`,
            },
          ];
    });
  });
}
