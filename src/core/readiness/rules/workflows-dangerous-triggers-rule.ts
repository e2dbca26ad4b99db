// workflows.dangerous-triggers: pull_request_target and workflow_run run with the base
// repository's token and secrets; checking out the pull request's code there hands both to it.

import { findExpressions } from '../classify-expression.js';
import type { ReadinessRule } from '../readiness-rule.js';
import {
  actionName,
  checkEachWorkflow,
  dangerousTriggers,
  findTriggers,
  stepsOf,
  type Finding,
} from '../workflow-facts.js';
import type { Workflow } from '../parse-workflow.js';

const untrustedRef =
  /github\.event\.pull_request\.head|github\.event\.workflow_run\.head|github\.head_ref|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number/i;
const untrustedFetch =
  /gh\s+pr\s+checkout|git\s+fetch\b[^\n]{0,200}\bpull\/|git\s+(?:checkout|switch)\b[^\n]{0,200}(?:head_ref|pull_request\.head)/i;

export const workflowsDangerousTriggersRule: ReadinessRule = {
  id: 'workflows.dangerous-triggers',
  category: 'workflows',
  title: 'Dangerous triggers and untrusted checkout',
  rule: {
    pass: 'No workflow is triggered by pull_request_target or workflow_run.',
    warn: 'A workflow uses one of those triggers without checking out the pull request (still risky: argument, environment and file injection).',
    fail: 'Under one of those triggers, actions/checkout takes a ref or repository from the pull request or workflow run (github.event.pull_request.head.*, github.event.workflow_run.head_*, github.head_ref, refs/pull/...), or a run step fetches it (gh pr checkout, git fetch ... pull/...).',
    skip: 'No readable workflows.',
  },
  fix: "Use pull_request (or workflow_call) instead; if you need the privileged trigger, never check out or run the pull request's code in it, and pass results through artifacts to a separate unprivileged workflow.",
  anchors: ['Scorecard Dangerous-Workflow (untrusted checkout)', 'zizmor dangerous-triggers'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(
      context,
      findDangerousTriggers,
      'no pull_request_target or workflow_run trigger',
    ),
};

function findDangerousTriggers(workflow: Workflow): Finding[] {
  const triggers = findTriggers(workflow, dangerousTriggers);
  if (triggers.length === 0) return [];
  const names = triggers.map((trigger) => trigger.name).join(', ');
  const checkouts: Finding[] = stepsOf(workflow).flatMap(({ step }) => {
    if (step.uses !== undefined && actionName(step.uses.text) === 'actions/checkout') {
      const inputs = [step.with.get('ref'), step.with.get('repository')].filter(
        (value) => value !== undefined,
      );
      const bad = inputs.find((input) => untrustedRef.test(input.text));
      return bad === undefined
        ? []
        : [
            {
              status: 'fail',
              line: bad.line,
              message: `${names} checks out untrusted code (${bad.text})`,
            },
          ];
    }
    if (step.run !== undefined && untrustedFetch.test(step.run.text)) {
      return [
        {
          status: 'fail',
          line: step.run.line,
          message: `${names} fetches the pull request's code in a run step`,
        },
      ];
    }
    if (step.run !== undefined) {
      const expression = findExpressions(step.run.text).find(
        (found) =>
          /git (?:checkout|switch)/.test(step.run?.text ?? '') && untrustedRef.test(found.text),
      );
      if (expression !== undefined)
        return [
          {
            status: 'fail',
            line: step.run.lineOf(expression.text),
            message: `${names} checks out ${expression.text}`,
          },
        ];
    }
    return [];
  });
  if (checkouts.length > 0) return checkouts;
  return triggers.map((trigger) => ({
    status: 'warn',
    line: trigger.line,
    message: `triggered by ${trigger.name}, which runs with the base repository's token and secrets`,
  }));
}
