// workflows.insecure-commands: ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and
// ::add-path, so anything printed to the log can set the environment.

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { checkEachWorkflow, stepsOf, type Finding } from '../workflow-facts.js';

export const workflowsInsecureCommandsRule: ReadinessRule = {
  id: 'workflows.insecure-commands',
  category: 'workflows',
  title: 'Insecure workflow commands stay disabled',
  rule: {
    pass: 'No workflow, job or step env sets ACTIONS_ALLOW_UNSECURE_COMMANDS.',
    fail: 'One does (to anything but false).',
    skip: 'No readable workflows.',
  },
  fix: 'Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to GITHUB_ENV / GITHUB_PATH files instead of ::set-env / ::add-path.',
  anchors: ['zizmor insecure-commands'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(context, findInsecureCommands, 'insecure commands stay disabled'),
};

function findInsecureCommands(workflow: Workflow): Finding[] {
  const envs = [
    workflow.env,
    ...workflow.jobs.map((job) => job.env),
    ...stepsOf(workflow).map(({ step }) => step.env),
  ];
  return envs.flatMap((env): Finding[] => {
    const value = env.get('ACTIONS_ALLOW_UNSECURE_COMMANDS');
    if (value === undefined || value.text.toLowerCase() === 'false') return [];
    return [
      {
        status: 'fail',
        line: value.line,
        message: `ACTIONS_ALLOW_UNSECURE_COMMANDS: ${value.text}`,
      },
    ];
  });
}
