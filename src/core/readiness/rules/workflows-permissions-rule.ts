// workflows.permissions: each workflow sets its token permissions at the top, read-only or
// narrower, so a job that forgets its own block does not get the repository default.

import type { Finding } from '../workflow-facts.js';
import { checkEachWorkflow } from '../workflow-facts.js';
import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';

export const workflowsPermissionsRule: ReadinessRule = {
  id: 'workflows.permissions',
  category: 'workflows',
  title: 'Token permissions set and narrow',
  rule: {
    pass: 'The workflow has a top-level permissions block that is `{}`, lists only read/none scopes, or it is a reusable workflow (on: workflow_call only) whose caller sets them; no job uses write-all.',
    warn: 'No top-level block but every job sets its own; or the top level uses read-all (broader than needed).',
    fail: 'No top-level block and some job has none either (it gets the repository default, which may be read/write); or the top level grants write (write-all or any scope: write), which every job inherits; or a job uses write-all.',
    skip: 'No readable workflows.',
  },
  fix: 'Put `permissions: {}` (or `contents: read`) at the top of the workflow and grant write scopes only in the jobs that need them.',
  anchors: ['Scorecard Token-Permissions', 'zizmor excessive-permissions'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(
      context,
      findPermissionProblems,
      'top-level permissions are read-only or narrower',
    ),
};

function findPermissionProblems(workflow: Workflow): Finding[] {
  const findings: Finding[] = [];
  const top = workflow.permissions;
  const isReusableOnly = workflow.triggers.size === 1 && workflow.triggers.has('workflow_call');
  if (top === undefined && !isReusableOnly) {
    const bare = workflow.jobs.filter((job) => job.permissions === undefined);
    if (bare.length > 0) {
      findings.push({
        status: 'fail',
        line: bare[0]?.line ?? 1,
        message: `no top-level permissions, and job(s) ${bare.map((job) => job.id).join(', ')} set none: they get the repository default token`,
      });
    } else {
      findings.push({
        status: 'warn',
        line: 1,
        message: 'no top-level permissions (every job sets its own)',
      });
    }
  } else if (top?.kind === 'all') {
    if (top.value === 'write-all')
      findings.push({
        status: 'fail',
        line: top.line,
        message: 'top-level permissions: write-all',
      });
    else if (top.value === 'read-all')
      findings.push({
        status: 'warn',
        line: top.line,
        message: 'top-level permissions: read-all (broader than most workflows need)',
      });
  } else if (top?.kind === 'scopes') {
    for (const [scope, value] of top.scopes) {
      if (value.text === 'write')
        findings.push({
          status: 'fail',
          line: value.line,
          message: `top-level ${scope}: write is inherited by every job`,
        });
    }
  }
  for (const job of workflow.jobs) {
    if (job.permissions?.kind === 'all' && job.permissions.value === 'write-all') {
      findings.push({
        status: 'fail',
        line: job.permissions.line,
        message: `job ${job.id}: permissions: write-all`,
      });
    }
  }
  return findings;
}
