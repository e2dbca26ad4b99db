// workflows.github-env: writing to GITHUB_ENV or GITHUB_PATH in workflows that outsiders trigger
// lets them set LD_PRELOAD, PATH and the like for every later step.

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import {
  checkEachWorkflow,
  findTriggers,
  stepsOf,
  untrustedTextTriggers,
  type Finding,
} from '../workflow-facts.js';

const envFileWrite = /\$\{?GITHUB_(?:ENV|PATH)\}?|\$env:GITHUB_(?:ENV|PATH)/i;

export const workflowsGithubEnvRule: ReadinessRule = {
  id: 'workflows.github-env',
  category: 'workflows',
  title: 'No GITHUB_ENV writes under untrusted triggers',
  rule: {
    pass: 'No run step writes to GITHUB_ENV or GITHUB_PATH in a workflow triggered by pull_request_target, workflow_run, issues, issue_comment, pull_request_review(_comment) or discussion(_comment).',
    fail: 'Such a workflow has a run step that writes to GITHUB_ENV or GITHUB_PATH.',
    skip: 'No readable workflows.',
  },
  fix: 'Pass values between steps with GITHUB_OUTPUT and env: instead, or move the step to a workflow outsiders cannot trigger.',
  anchors: ['zizmor github-env'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(
      context,
      findEnvWrites,
      'no environment-file writes under untrusted triggers',
    ),
};

function findEnvWrites(workflow: Workflow): Finding[] {
  const triggers = findTriggers(workflow, untrustedTextTriggers).map((trigger) => trigger.name);
  if (triggers.length === 0) return [];
  return stepsOf(workflow).flatMap(({ step }): Finding[] => {
    const match = step.run === undefined ? null : envFileWrite.exec(step.run.text);
    if (step.run === undefined || match === null) return [];
    return [
      {
        status: 'fail',
        line: step.run.lineOf(match[0]),
        message: `writes ${match[0]} in a workflow triggered by ${triggers.join(', ')}`,
      },
    ];
  });
}
