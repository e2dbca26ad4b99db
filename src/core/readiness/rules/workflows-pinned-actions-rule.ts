// workflows.pinned-actions: every action and reusable workflow is pinned by a full commit SHA;
// tags and branches can be moved by whoever controls the action.

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { checkEachWorkflow, isShaPinned, stepsOf, type Finding } from '../workflow-facts.js';

export const workflowsPinnedActionsRule: ReadinessRule = {
  id: 'workflows.pinned-actions',
  category: 'workflows',
  title: 'Actions pinned by full commit SHA',
  rule: {
    pass: 'Every `uses:` of a step or job is a local path (./...), owner/repo[/path]@<40-hex commit SHA>, or docker://image@sha256:<digest>; the one exception is slsa-framework/slsa-github-generator at a vX.Y.Z tag, which must be called by tag.',
    fail: 'Any `uses:` is pinned by a tag or branch, or not at all.',
    skip: 'No readable workflows.',
  },
  fix: 'Pin each action to the full commit SHA of a release, keeping the tag in a comment (`uses: actions/checkout@<sha> # v4.2.2`); Dependabot or Renovate keep SHA pins up to date.',
  anchors: ['Scorecard Pinned-Dependencies (GitHub actions)', 'zizmor unpinned-uses'],
  reads: () => false,
  check: (context) => checkEachWorkflow(context, findUnpinned, 'every action is pinned by SHA'),
};

function findUnpinned(workflow: Workflow): Finding[] {
  const uses = [
    ...workflow.jobs.flatMap((job) => (job.uses === undefined ? [] : [job.uses])),
    ...stepsOf(workflow).flatMap(({ step }) => (step.uses === undefined ? [] : [step.uses])),
  ];
  return uses
    .filter((value) => !isShaPinned(value.text))
    .map((value) => {
      const ref = value.text.startsWith('docker://')
        ? 'a tag, not an @sha256 digest'
        : value.text.includes('@')
          ? `"${value.text.split('@').at(-1) ?? ''}", a tag or branch`
          : 'no ref at all';
      return { status: 'fail', line: value.line, message: `${value.text} is pinned by ${ref}` };
    });
}
