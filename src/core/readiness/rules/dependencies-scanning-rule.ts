// dependencies.scanning: some workflow scans dependencies (or code) for known vulnerabilities.

import { findFile } from '../audit-context.js';
import { isIgnoredForManifests, isManifest } from '../find-manifests.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';
import { actionName, okWorkflows, stepsOf } from '../workflow-facts.js';

const scanActions = [
  'actions/dependency-review-action',
  'github/codeql-action/init',
  'github/codeql-action/analyze',
  'google/osv-scanner-action',
  'google/osv-scanner-action/osv-scanner-action',
  'ossf/scorecard-action',
  'aquasecurity/trivy-action',
  'anchore/scan-action',
  'snyk/actions',
  'pypa/gh-action-pip-audit',
  'golang/govulncheck-action',
  'rustsec/audit-check',
  'actions-rust-lang/audit',
];
const scanCommand =
  /\bnpm\s+audit\b|\bpnpm\s+audit\b|\byarn\s+(?:npm\s+)?audit\b|\bpip-audit\b|\bcargo\s+(?:audit|deny)\b|\bgovulncheck\b|\bosv-scanner\b|\btrivy\b|\bgrype\b|\bsnyk\s+test\b|\bbundle[- ]audit\b/i;

export const dependenciesScanningRule: ReadinessRule = {
  id: 'dependencies.scanning',
  category: 'dependencies',
  title: 'Dependency scanning in CI',
  rule: {
    pass: 'A workflow runs a dependency or code scanner: dependency-review-action, CodeQL, OSV-Scanner, Scorecard, Trivy, Grype, Snyk, pip-audit, govulncheck, cargo audit/deny, npm/pnpm/yarn audit or bundle-audit; or Dependabot is configured (its alerts cover known vulnerabilities).',
    warn: 'None, while the repository has dependency manifests.',
    skip: 'No dependency manifest.',
  },
  fix: 'Add actions/dependency-review-action to pull requests, or a scheduled OSV-Scanner or CodeQL workflow.',
  reads: () => false,
  check(context) {
    for (const workflow of okWorkflows(context)) {
      for (const { step } of stepsOf(workflow)) {
        const name = step.uses === undefined ? undefined : actionName(step.uses.text);
        if (
          name !== undefined &&
          scanActions.some((action) => name === action || name.startsWith(`${action}/`))
        ) {
          return [makeResult('pass', workflow.path, [step.line], [`line ${step.line}: ${name}`])];
        }
        const command = step.run === undefined ? null : scanCommand.exec(step.run.text);
        if (command !== null)
          return [
            makeResult('pass', workflow.path, [step.line], [`line ${step.line}: ${command[0]}`]),
          ];
      }
    }
    const dependabot =
      findFile(context.snapshot, '.github/dependabot.yml') ??
      findFile(context.snapshot, '.github/dependabot.yaml');
    if (dependabot !== undefined)
      return [makeResult('pass', dependabot.path, [1], ['Dependabot is configured'])];
    const manifests = context.snapshot.files.filter(
      (file) => isManifest(file.path) && !isIgnoredForManifests(file.path),
    );
    if (manifests.length === 0) return [makeResult('skip', null, [], ['no dependency manifest'])];
    return [
      makeResult('warn', null, [], ['no workflow scans dependencies for known vulnerabilities']),
    ];
  },
};
