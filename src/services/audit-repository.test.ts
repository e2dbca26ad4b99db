// The audit service over the fixture repositories in test/fixtures/readiness, through the real
// directory adapter and profile parser: every check is seen passing and failing (or warning).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryOpener } from '../adapters/files/create-directory-access.js';
import { parseSecurityProfile } from '../config/parse-security-profile.js';
import { readinessRules, type CheckResult } from '../core/index.js';
import { createAuditService } from './audit-repository.js';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/readiness');
const now = new Date('2026-12-01T12:00:00Z');
const service = createAuditService({
  directories: directoryOpener,
  parseProfile: parseSecurityProfile,
});

async function audit(scenario: string): Promise<CheckResult[]> {
  return (await service.audit({ dir: resolve(fixtures, scenario), now })).report.checks;
}

/** Each check's statuses in a scenario, joined (several results can share an id). */
function statusesById(checks: readonly CheckResult[]): Map<string, string> {
  const byId = new Map<string, Set<string>>();
  for (const check of checks) {
    const label =
      check.status +
      (check.exemption === undefined ? '' : check.exemption.isExpired ? '(expired)' : '(exempt)');
    byId.set(check.id, (byId.get(check.id) ?? new Set()).add(label));
  }
  return new Map([...byId].map(([id, set]) => [id, [...set].sort().join(',')]));
}

// The status every check gives in each scenario, as the fixtures were written to produce.
const expected: Record<string, Record<string, string>> = {
  ready: Object.fromEntries(readinessRules.map((rule) => [rule.id, 'pass'])),
  bare: {
    'policy.present': 'fail',
    'policy.private-channel': 'skip',
    'policy.issue-template': 'warn',
    'security-txt.present': 'warn',
    'ai-policy.present': 'fail',
    'ai-policy.pr-template': 'fail',
    'ai-policy.trailer': 'warn',
    'ai-policy.agents': 'warn',
    'profile.valid': 'warn',
    'workflows.syntax': 'skip',
    'dependencies.update-tool': 'fail',
    'dependencies.scanning': 'warn',
    'artefacts.binaries': 'pass',
  },
  'weak-policy': {
    'policy.present': 'pass',
    'policy.private-channel': 'fail',
    'policy.response-times': 'warn',
    'policy.supported-versions': 'warn',
    'policy.report-requirements': 'warn',
    'policy.scope': 'warn',
    'policy.links-profile': 'warn',
    'policy.issue-template': 'warn',
    'security-txt.valid': 'fail',
    'security-txt.expires': 'fail',
    'ai-policy.present': 'pass',
    'ai-policy.disclosure': 'fail',
    'ai-policy.pr-template': 'fail',
    'ai-policy.agents': 'warn',
    'profile.valid': 'fail',
    'profile.scope-rules': 'skip',
  },
  drift: {
    'policy.private-channel': 'pass',
    'policy.links-profile': 'warn',
    'policy.issue-template': 'warn(expired)',
    'security-txt.expires': 'skip(exempt)',
    'profile.scope-rules': 'warn',
    'profile.drift-contacts': 'fail',
    'profile.drift-response': 'fail',
    'profile.drift-versions': 'fail',
    'profile.exemptions': 'warn',
  },
  alternatives: {
    'policy.present': 'warn',
    'security-txt.present': 'warn',
    'security-txt.valid': 'warn',
    'security-txt.expires': 'warn',
    'ai-policy.present': 'pass',
    'ai-policy.disclosure': 'fail',
    'profile.scope-rules': 'fail',
    'profile.drift-contacts': 'skip',
  },
  'dangerous-workflows': {
    'workflows.syntax': 'fail',
    'workflows.dangerous-triggers': 'fail',
    'workflows.script-injection': 'fail',
    'workflows.ai-agents': 'fail',
    'workflows.permissions': 'fail',
    'workflows.pinned-actions': 'fail',
    'workflows.pinned-images': 'fail',
    'workflows.pinned-downloads': 'fail',
    'workflows.persist-credentials': 'fail',
    'workflows.github-env': 'fail',
    'workflows.insecure-commands': 'fail',
    'workflows.secrets': 'fail',
    'workflows.release-provenance': 'fail',
    'dependencies.update-tool': 'fail',
    'dependencies.dockerfile-images': 'fail',
    'artefacts.binaries': 'fail',
    'artefacts.models': 'fail,warn',
  },
  'minimal-policy': {
    'policy.private-channel': 'pass',
    'policy.response-times': 'fail',
    'policy.supported-versions': 'fail',
    'policy.report-requirements': 'fail',
    'policy.scope': 'fail',
    'profile.drift-contacts': 'pass',
    'profile.drift-response': 'warn',
    'profile.drift-versions': 'skip',
  },
  'gentle-workflows': {
    'profile.drift-versions': 'warn',
    'workflows.script-injection': 'warn',
    'workflows.pinned-downloads': 'warn',
    'workflows.dangerous-triggers': 'warn',
    'workflows.ai-agents': 'warn',
    'workflows.permissions': 'fail,warn',
    'workflows.pinned-images': 'warn',
    'workflows.persist-credentials': 'warn',
    'workflows.secrets': 'warn',
    'workflows.release-provenance': 'warn',
    'dependencies.update-tool': 'pass',
    'dependencies.scanning': 'pass',
    'dependencies.dockerfile-images': 'warn',
    'artefacts.binaries': 'warn',
  },
};
expected.ready!['artefacts.models'] = 'pass,skip(exempt)';

describe('audit over the fixture repositories', () => {
  for (const [scenario, statuses] of Object.entries(expected)) {
    it(`gives the expected status for each check in ${scenario}`, async () => {
      const actual = statusesById(await audit(scenario));
      const wanted = Object.fromEntries(Object.keys(statuses).map((id) => [id, actual.get(id)]));
      expect(wanted).toEqual(statuses);
    });
  }

  it('sees every check pass in one scenario and warn or fail in another', async () => {
    const seen = new Map<string, Set<string>>();
    for (const scenario of Object.keys(expected)) {
      for (const check of await audit(scenario)) {
        seen.set(check.id, (seen.get(check.id) ?? new Set()).add(check.status));
      }
    }
    const oneWay = readinessRules
      .map((rule) => rule.id)
      .filter((id) => {
        const statuses = seen.get(id) ?? new Set();
        return !statuses.has('pass') || !(statuses.has('fail') || statuses.has('warn'));
      });
    expect(oneWay).toEqual([]);
    // A check that documents a fail status must be seen failing, and likewise for warn.
    const undemonstrated = readinessRules.flatMap((rule) =>
      (['fail', 'warn'] as const)
        .filter((status) => rule.rule[status] !== undefined && !seen.get(rule.id)?.has(status))
        .map((status) => `${rule.id}:${status}`),
    );
    expect(undemonstrated).toEqual([]);
  });

  it('cites files and lines for each finding', async () => {
    const checks = await audit('dangerous-workflows');
    const injection = checks.find((check) => check.id === 'workflows.script-injection');
    expect(injection).toMatchObject({ file: '.github/workflows/injection.yml', status: 'fail' });
    expect(injection?.lines).toEqual([16, 20, 22, 25]);
    expect(injection?.evidence[0]).toContain('github.event.issue.title');
    expect(injection?.fix).toContain('env:');
  });
});

// Each detection of OpenSSF Scorecard (Security-Policy, Dangerous-Workflow, Token-Permissions,
// Pinned-Dependencies) and of zizmor's workflow audits, reproduced in the fixtures, and the
// Thresher result that covers it (docs/readiness.md has the table).
const anchorDetections: {
  anchor: string;
  scenario: string;
  id: string;
  file: string | null;
  line?: number;
}[] = [
  {
    anchor: 'Scorecard Security-Policy: no policy file',
    scenario: 'bare',
    id: 'policy.present',
    file: null,
  },
  {
    anchor: 'Scorecard Security-Policy: no links or emails',
    scenario: 'weak-policy',
    id: 'policy.private-channel',
    file: 'SECURITY.md',
  },
  {
    anchor: 'Scorecard Security-Policy: no disclosure or timeline hints',
    scenario: 'minimal-policy',
    id: 'policy.response-times',
    file: 'SECURITY.md',
  },
  {
    anchor: 'Scorecard Dangerous-Workflow: pull_request_target checkout',
    scenario: 'dangerous-workflows',
    id: 'workflows.dangerous-triggers',
    file: '.github/workflows/pr-target-checkout.yml',
    line: 11,
  },
  {
    anchor: 'Scorecard Dangerous-Workflow: workflow_run checkout',
    scenario: 'dangerous-workflows',
    id: 'workflows.dangerous-triggers',
    file: '.github/workflows/workflow-run.yml',
    line: 13,
  },
  {
    anchor: 'Scorecard Dangerous-Workflow: script injection (issue title)',
    scenario: 'dangerous-workflows',
    id: 'workflows.script-injection',
    file: '.github/workflows/injection.yml',
    line: 16,
  },
  {
    anchor: 'Scorecard Dangerous-Workflow: script injection (github.head_ref)',
    scenario: 'dangerous-workflows',
    id: 'workflows.script-injection',
    file: '.github/workflows/injection.yml',
    line: 22,
  },
  {
    anchor: 'zizmor template-injection: github-script script input',
    scenario: 'dangerous-workflows',
    id: 'workflows.script-injection',
    file: '.github/workflows/injection.yml',
    line: 20,
  },
  {
    anchor:
      'Scorecard Token-Permissions: undeclared top level; zizmor excessive-permissions: default',
    scenario: 'dangerous-workflows',
    id: 'workflows.permissions',
    file: '.github/workflows/no-permissions.yml',
  },
  {
    anchor: 'Scorecard Token-Permissions / zizmor excessive-permissions: top-level write-all',
    scenario: 'dangerous-workflows',
    id: 'workflows.permissions',
    file: '.github/workflows/write-all.yml',
    line: 3,
  },
  {
    anchor: 'zizmor excessive-permissions: job write-all',
    scenario: 'dangerous-workflows',
    id: 'workflows.permissions',
    file: '.github/workflows/write-all.yml',
    line: 7,
  },
  {
    anchor: 'Scorecard Token-Permissions: top-level contents: write',
    scenario: 'dangerous-workflows',
    id: 'workflows.permissions',
    file: '.github/workflows/write-scope.yml',
    line: 4,
  },
  {
    anchor: 'zizmor excessive-permissions: read-all',
    scenario: 'gentle-workflows',
    id: 'workflows.permissions',
    file: '.github/workflows/publish.yml',
    line: 4,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies / zizmor unpinned-uses: action by tag',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-actions',
    file: '.github/workflows/unpinned.yml',
    line: 20,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: docker:// action without digest',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-actions',
    file: '.github/workflows/unpinned.yml',
    line: 21,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies / zizmor unpinned-uses: reusable workflow by branch',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-actions',
    file: '.github/workflows/unpinned.yml',
    line: 32,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: curl | bash',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-downloads',
    file: '.github/workflows/unpinned.yml',
    line: 22,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: bash <(wget ...)',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-downloads',
    file: '.github/workflows/unpinned.yml',
    line: 23,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: npm install',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-downloads',
    file: '.github/workflows/unpinned.yml',
    line: 24,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: pip install',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-downloads',
    file: '.github/workflows/unpinned.yml',
    line: 25,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: go install @latest',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-downloads',
    file: '.github/workflows/unpinned.yml',
    line: 26,
  },
  {
    anchor: 'Scorecard Pinned-Dependencies: Dockerfile FROM without digest',
    scenario: 'dangerous-workflows',
    id: 'dependencies.dockerfile-images',
    file: 'Dockerfile',
    line: 1,
  },
  {
    anchor: 'zizmor dangerous-triggers: pull_request_target without checkout',
    scenario: 'gentle-workflows',
    id: 'workflows.dangerous-triggers',
    file: '.github/workflows/label.yml',
    line: 2,
  },
  {
    anchor: 'zizmor unpinned-images: latest',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-images',
    file: '.github/workflows/unpinned.yml',
    line: 12,
  },
  {
    anchor: 'zizmor unpinned-images: no tag',
    scenario: 'dangerous-workflows',
    id: 'workflows.pinned-images',
    file: '.github/workflows/unpinned.yml',
    line: 18,
  },
  {
    anchor: 'zizmor unpinned-images (pedantic): tag without digest',
    scenario: 'gentle-workflows',
    id: 'workflows.pinned-images',
    file: '.github/workflows/per-job.yml',
    line: 10,
  },
  {
    anchor: 'zizmor artipacked: checkout then upload-artifact',
    scenario: 'dangerous-workflows',
    id: 'workflows.persist-credentials',
    file: '.github/workflows/unpinned.yml',
    line: 20,
  },
  {
    anchor: 'zizmor artipacked: checkout persisting credentials',
    scenario: 'gentle-workflows',
    id: 'workflows.persist-credentials',
    file: '.github/workflows/per-job.yml',
    line: 12,
  },
  {
    anchor: 'zizmor github-env: GITHUB_ENV under pull_request_target',
    scenario: 'dangerous-workflows',
    id: 'workflows.github-env',
    file: '.github/workflows/pr-target-checkout.yml',
    line: 13,
  },
  {
    anchor: 'zizmor insecure-commands',
    scenario: 'dangerous-workflows',
    id: 'workflows.insecure-commands',
    file: '.github/workflows/unpinned.yml',
    line: 7,
  },
  {
    anchor: 'zizmor hardcoded-container-credentials',
    scenario: 'dangerous-workflows',
    id: 'workflows.secrets',
    file: '.github/workflows/unpinned.yml',
    line: 15,
  },
  {
    anchor: 'zizmor overprovisioned-secrets',
    scenario: 'dangerous-workflows',
    id: 'workflows.secrets',
    file: '.github/workflows/unpinned.yml',
    line: 27,
  },
  {
    anchor: 'zizmor secrets-inherit',
    scenario: 'dangerous-workflows',
    id: 'workflows.secrets',
    file: '.github/workflows/unpinned.yml',
    line: 33,
  },
  {
    anchor: 'zizmor use-trusted-publishing: stored npm token',
    scenario: 'gentle-workflows',
    id: 'workflows.release-provenance',
    file: '.github/workflows/publish.yml',
    line: 14,
  },
];

describe('the detections of Scorecard and zizmor', () => {
  for (const detection of anchorDetections) {
    it(`finds ${detection.anchor}`, async () => {
      const checks = await audit(detection.scenario);
      const found = checks.find(
        (check) =>
          check.id === detection.id &&
          check.file === detection.file &&
          (check.status === 'fail' || check.status === 'warn') &&
          (detection.line === undefined || check.lines.includes(detection.line)),
      );
      expect(
        found,
        JSON.stringify(checks.filter((check) => check.id === detection.id)),
      ).toBeDefined();
      expect(found?.fix).toBeTruthy();
    });
  }
});
