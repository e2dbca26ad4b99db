// The documents `thresher deps` prints (and any other front end would): the stable JSON of
// docs/deps.md, a terminal summary, and SARIF 2.1.0 for code scanning.

import {
  dependencySeverities,
  sanitizeForTerminal,
  type DependencyFinding,
  type DependencyFindingKind,
  type DependencySeverity,
} from '../core/index.js';
import type { DependencyCheckOutcome } from '../services/check-dependencies.js';
import { renderSarifLog, type SarifRule } from './render-sarif-log.js';

const kindRules: Record<DependencyFindingKind, { name: string; description: string }> = {
  'not-found': {
    name: 'PackageNotFound',
    description: 'The package does not exist on the registry (or cannot be verified).',
  },
  'version-not-found': {
    name: 'VersionNotFound',
    description: 'No published version matches the requested version.',
  },
  typosquat: { name: 'Typosquat', description: 'The name imitates a popular package.' },
  'new-package': {
    name: 'NewPackage',
    description: 'The package or version was published very recently.',
  },
  'install-script': { name: 'InstallScript', description: 'The package runs code when installed.' },
  deprecated: { name: 'Deprecated', description: 'The version is deprecated by its maintainers.' },
  vulnerable: {
    name: 'Vulnerable',
    description: 'The version is affected by a published advisory.',
  },
  placeholder: {
    name: 'SecurityPlaceholder',
    description: 'npm removed the package for malicious code.',
  },
};

function toJsonFinding(finding: DependencyFinding): Record<string, unknown> {
  return {
    package: finding.package,
    version: finding.version,
    ecosystem: finding.ecosystem,
    kind: finding.kind,
    severity: finding.severity,
    message: finding.message,
    evidence: finding.evidence,
    location: finding.location,
    ...(finding.target ? { target: finding.target } : {}),
    ...(finding.advisories ? { advisories: finding.advisories } : {}),
  };
}

export function renderDependencyJson(outcome: DependencyCheckOutcome): string {
  return `${JSON.stringify(
    {
      dependencies: outcome.dependencies,
      findings: outcome.findings.map(toJsonFinding),
      files: outcome.files,
      registry: outcome.registry,
      problems: outcome.problems,
      warnings: outcome.warnings,
    },
    null,
    2,
  )}\n`;
}

function describeLocation(finding: DependencyFinding): string {
  return `${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ''}`;
}

export function renderDependencyText(outcome: DependencyCheckOutcome): string {
  const lines: string[] = [];
  const fileList =
    outcome.files.map((file) => `${file.name} (${file.format})`).join(', ') || 'no files';
  const mode = outcome.registry.offline ? 'offline (cache only)' : outcome.registry.url;
  lines.push(`Checked ${outcome.dependencies} packages from ${fileList}; npm registry: ${mode}.`);
  if (outcome.registry.unverified > 0)
    lines.push(
      `${outcome.registry.unverified} npm packages could not be looked up (offline, or the registry did not answer).`,
    );
  lines.push('');
  for (const finding of outcome.findings) {
    const version = finding.version ? `@${finding.version}` : '';
    lines.push(
      `${finding.severity.toUpperCase().padEnd(8)} ${finding.kind.padEnd(17)} ${finding.ecosystem} ${finding.package}${version}  ${describeLocation(finding)}`,
    );
    lines.push(`         ${finding.message}`);
    for (const evidence of finding.evidence) lines.push(`           - ${evidence}`);
  }
  if (outcome.findings.length === 0) lines.push('No findings.');
  const counts = [...dependencySeverities]
    .reverse()
    .map(
      (severity) =>
        `${outcome.findings.filter((finding) => finding.severity === severity).length} ${severity}`,
    );
  lines.push('', `Findings: ${counts.join(', ')}.`);
  return `${sanitizeForTerminal(lines.join('\n'))}\n`;
}

const sarifLevels: Record<DependencySeverity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export function renderDependencySarif(
  outcome: DependencyCheckOutcome,
  toolVersion: string,
): string {
  const rules: SarifRule[] = Object.entries(kindRules).map(([kind, rule]) => ({
    id: `deps/${kind}`,
    name: rule.name,
    shortDescription: rule.description,
  }));
  return renderSarifLog({
    toolName: 'thresher',
    toolVersion,
    rules,
    results: outcome.findings.map((finding) => ({
      ruleId: `deps/${finding.kind}`,
      level: sarifLevels[finding.severity],
      message: [finding.message, ...finding.evidence].join('\n'),
      locations: [
        {
          path: finding.location.file,
          ...(finding.location.line ? { startLine: finding.location.line } : {}),
        },
      ],
      properties: {
        package: finding.package,
        version: finding.version,
        ecosystem: finding.ecosystem,
        severity: finding.severity,
        ...(finding.target ? { target: finding.target } : {}),
        ...(finding.advisories ? { advisories: finding.advisories } : {}),
      },
    })),
  });
}
