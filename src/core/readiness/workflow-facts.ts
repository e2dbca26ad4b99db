// Facts about workflows that several rules share: which triggers let outsiders start a run or
// write its text, which permissions a job ends up with, and whether a `uses:` is pinned.

import type { RuleResult } from '../model/readiness.js';
import type { AuditContext } from './audit-context.js';
import { makeResult } from './readiness-rule.js';
import type { Permissions, Workflow, WorkflowJob, WorkflowStep } from './parse-workflow.js';

/** Triggers that run with the base repository's token and secrets on outsiders' events. */
export const dangerousTriggers = ['pull_request_target', 'workflow_run'];
/** Triggers whose event text (titles, bodies, comments, branch names) anyone can write. */
export const untrustedTextTriggers = [
  ...dangerousTriggers,
  'issues',
  'issue_comment',
  'pull_request_review',
  'pull_request_review_comment',
  'discussion',
  'discussion_comment',
];

export function okWorkflows(context: AuditContext): Workflow[] {
  return context.workflows.flatMap((reading) => (reading.ok ? [reading.workflow] : []));
}

export function findTriggers(
  workflow: Workflow,
  names: readonly string[],
): { name: string; line: number }[] {
  return names.flatMap((name) => {
    const line = workflow.triggers.get(name);
    return line === undefined ? [] : [{ name, line }];
  });
}

export type WriteAccess = 'write' | 'read' | 'default';

/** What the job's GITHUB_TOKEN can do: its own block, else the workflow's, else the repository default. */
export function describeWriteAccess(
  workflow: Workflow,
  job: WorkflowJob,
): { access: WriteAccess; scopes: string[] } {
  const permissions: Permissions | undefined = job.permissions ?? workflow.permissions;
  if (permissions === undefined) return { access: 'default', scopes: [] };
  if (permissions.kind === 'all') {
    return permissions.value === 'write-all'
      ? { access: 'write', scopes: ['write-all'] }
      : { access: 'read', scopes: [] };
  }
  const scopes = [...permissions.scopes]
    .filter(([, value]) => value.text === 'write')
    .map(([name]) => name);
  return { access: scopes.length > 0 ? 'write' : 'read', scopes };
}

/** The action name of a `uses:` without its ref, lower-cased (`actions/checkout`). */
export function actionName(uses: string): string {
  return (uses.split('@')[0] ?? '').toLowerCase();
}

/** The SLSA generator must be called by its release tag: it verifies its own ref. */
const slsaGenerator = /^slsa-framework\/slsa-github-generator\/[^@]+@v\d+\.\d+\.\d+$/i;

export function isShaPinned(uses: string): boolean {
  if (uses.startsWith('./') || slsaGenerator.test(uses)) return true;
  if (uses.startsWith('docker://')) return /@sha256:[a-f0-9]{64}$/i.test(uses);
  return /@[a-f0-9]{40}$/i.test(uses);
}

export function stepsOf(workflow: Workflow): { job: WorkflowJob; step: WorkflowStep }[] {
  return workflow.jobs.flatMap((job) => job.steps.map((step) => ({ job, step })));
}

/** A job or step condition that only lets trusted people through. */
export function isTrustedActorGate(condition: string | undefined): boolean {
  if (condition === undefined) return false;
  return /author_association|github\.actor\s*==|\.user\.login\s*==|github\.triggering_actor\s*==|contains\(\s*fromjson|github\.event\.sender\.login\s*==/i.test(
    condition,
  );
}

export interface Finding {
  status: 'fail' | 'warn';
  line: number;
  message: string;
}

/**
 * One result per workflow with findings (fail when any finding fails, else warn), or one pass
 * result naming how many workflows were read; skip when there are none.
 */
export function checkEachWorkflow(
  context: AuditContext,
  findInWorkflow: (workflow: Workflow) => Finding[],
  passEvidence = 'no problem found',
): RuleResult[] {
  const workflows = okWorkflows(context);
  if (workflows.length === 0) return [makeResult('skip', null, [], ['no readable workflows'])];
  const results = workflows.flatMap((workflow) => {
    const findings = findInWorkflow(workflow).sort((a, b) => a.line - b.line);
    if (findings.length === 0) return [];
    const status = findings.some((finding) => finding.status === 'fail') ? 'fail' : 'warn';
    return [
      makeResult(
        status,
        workflow.path,
        findings.map((finding) => finding.line),
        findings.map((finding) => `line ${finding.line}: ${finding.message}`),
      ),
    ];
  });
  if (results.length > 0) return results;
  return [makeResult('pass', null, [], [`${workflows.length} workflow(s): ${passEvidence}`])];
}
