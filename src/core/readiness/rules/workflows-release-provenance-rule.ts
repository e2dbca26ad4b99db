// workflows.release-provenance: workflows that publish releases sign them or attach build
// provenance, and publish with short-lived OIDC credentials rather than stored tokens.

import type { Workflow, WorkflowStep } from '../parse-workflow.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';
import { actionName, okWorkflows, stepsOf } from '../workflow-facts.js';

const publishCommand =
  /\b(?:npm|pnpm|yarn(?:\s+npm)?)\s+publish\b|\btwine\s+upload\b|\bcargo\s+publish\b|\bgem\s+push\b|\bgh\s+release\s+(?:create|upload)\b|\bgoreleaser\b|\bdocker\s+push\b|\bmvn\b[^\n]{0,200}\bdeploy\b|\bpoetry\s+publish\b|\buv\s+publish\b/i;
const publishActions = [
  'pypa/gh-action-pypi-publish',
  'goreleaser/goreleaser-action',
  'softprops/action-gh-release',
  'docker/build-push-action',
  'rubygems/release-gem',
  'ncipollo/release-action',
  'changesets/action',
];
const provenanceActions = [
  'actions/attest-build-provenance',
  'actions/attest',
  'sigstore/cosign-installer',
  'sigstore/gh-action-sigstore-python',
  'slsa-framework/slsa-github-generator',
  'pypa/gh-action-pypi-publish',
  'rubygems/release-gem',
];
const provenanceCommand =
  /--provenance\b|NPM_CONFIG_PROVENANCE|\bcosign\s+(?:sign|attest)|\bgh\s+attestation\b|\bminisign\b|\bgpg\b[^\n]{0,100}--(?:detach-sign|clearsign|armor)/i;
const storedToken =
  /secrets\.(?:NPM_TOKEN|NODE_AUTH_TOKEN|PYPI_API_TOKEN|PYPI_TOKEN|PYPI_PASSWORD|TWINE_PASSWORD|RUBYGEMS_API_KEY|GEM_HOST_API_KEY|CARGO_REGISTRY_TOKEN)\b/i;

export const workflowsReleaseProvenanceRule: ReadinessRule = {
  id: 'workflows.release-provenance',
  category: 'workflows',
  title: 'Releases carry provenance or signatures',
  rule: {
    pass: 'Every workflow that publishes (npm/pnpm/yarn publish, twine upload, cargo publish, gem push, gh release create, goreleaser, docker push, poetry/uv publish, or a publishing action) also attests or signs, itself or in a local reusable workflow it calls: npm publish --provenance, actions/attest(-build-provenance), cosign, slsa-github-generator, sigstore, docker/build-push-action (provenance by default unless `provenance: false`), or pypa/gh-action-pypi-publish (attestations by default); and it uses no stored registry token.',
    warn: 'It attests or signs but publishes with a stored registry token (NPM_TOKEN, PYPI_API_TOKEN, ...) instead of trusted publishing; or it publishes with trusted publishing (id-token: write) but attests nothing.',
    fail: 'It publishes with neither a provenance or signing step nor trusted publishing.',
    skip: 'No workflow publishes anything.',
  },
  fix: 'Add `permissions: id-token: write` to the publishing job and `npm publish --provenance` or actions/attest-build-provenance (cosign for images); switch to trusted publishing so no long-lived token is stored.',
  anchors: ['zizmor use-trusted-publishing', 'Scorecard Signed-Releases (offline part)'],
  reads: () => false,
  check(context) {
    const workflows = okWorkflows(context);
    const byPath = new Map(workflows.map((workflow) => [workflow.path, workflow]));
    const releases = workflows.flatMap((workflow) => describeRelease(workflow, byPath));
    if (releases.length === 0)
      return [makeResult('skip', null, [], ['no workflow publishes a release'])];
    return releases.map((release) => {
      if (release.provenanceLine === undefined && release.oidcLine !== undefined) {
        return makeResult(
          'warn',
          release.path,
          [release.publishLine, release.oidcLine],
          [
            `line ${release.publishLine}: publishes (${release.what}) with trusted publishing (id-token: write, line ${release.oidcLine}) but attests nothing`,
          ],
          "Add actions/attest-build-provenance (or the registry's attestation support) to the publishing job.",
        );
      }
      if (release.provenanceLine === undefined) {
        return makeResult(
          'fail',
          release.path,
          [release.publishLine],
          [
            `line ${release.publishLine}: publishes (${release.what}) with no provenance or signing step`,
          ],
        );
      }
      if (release.tokenLine !== undefined) {
        return makeResult(
          'warn',
          release.path,
          [release.publishLine, release.tokenLine],
          [
            `line ${release.provenanceLine}: provenance or signing`,
            `line ${release.tokenLine}: publishes with a stored registry token`,
          ],
          'Switch to trusted publishing (OIDC) and remove the stored token.',
        );
      }
      return makeResult(
        'pass',
        release.path,
        [release.publishLine, release.provenanceLine],
        [
          `line ${release.publishLine}: publishes (${release.what})`,
          `line ${release.provenanceLine}: provenance or signing`,
        ],
      );
    });
  },
};

interface Release {
  path: string;
  what: string;
  publishLine: number;
  provenanceLine?: number;
  tokenLine?: number;
  oidcLine?: number;
}

function describeRelease(workflow: Workflow, byPath: ReadonlyMap<string, Workflow>): Release[] {
  const steps = stepsOf(workflow).map(({ step }) => step);
  const publish = steps.find(isPublishStep);
  if (publish === undefined) return [];
  const what =
    publish.uses !== undefined
      ? actionName(publish.uses.text)
      : (publishCommand.exec(publish.run?.text ?? '')?.[0] ?? 'publish');
  // Steps of local reusable workflows the jobs call count too (one level deep).
  const called = workflow.jobs.flatMap((job) => {
    const target = job.uses?.text.startsWith('./') ? byPath.get(job.uses.text.slice(2)) : undefined;
    return target === undefined ? [] : stepsOf(target).map(({ step }) => step);
  });
  const provenance = [...steps, ...called].find(isProvenanceStep);
  const provenanceLine =
    provenance === undefined
      ? undefined
      : steps.includes(provenance)
        ? provenance.line
        : (workflow.jobs.find((job) => job.uses?.text.startsWith('./'))?.line ?? publish.line);
  const sourceLines = workflow.source.split('\n');
  const tokenIndex = sourceLines.findIndex((line) => storedToken.test(line));
  const oidcIndex = sourceLines.findIndex((line) => /^\s*id-token:\s*write\b/.test(line));
  return [
    {
      path: workflow.path,
      what,
      publishLine: publish.line,
      provenanceLine,
      tokenLine: tokenIndex >= 0 ? tokenIndex + 1 : undefined,
      oidcLine: oidcIndex >= 0 ? oidcIndex + 1 : undefined,
    },
  ];
}

function isPublishStep(step: WorkflowStep): boolean {
  return (
    (step.uses !== undefined && publishActions.includes(actionName(step.uses.text))) ||
    (step.run !== undefined && publishCommand.test(step.run.text))
  );
}

function isProvenanceStep(step: WorkflowStep): boolean {
  if (step.uses !== undefined) {
    const name = actionName(step.uses.text);
    if (provenanceActions.includes(name)) return true;
    if (name === 'docker/build-push-action') return step.with.get('provenance')?.text !== 'false';
  }
  return (
    (step.run !== undefined && provenanceCommand.test(step.run.text)) ||
    step.env.has('NPM_CONFIG_PROVENANCE')
  );
}
