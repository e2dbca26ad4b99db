// dependencies.update-tool: Dependabot or Renovate keeps dependencies (and pinned action SHAs) up
// to date.

import { findFile, isWorkflowPath } from '../audit-context.js';
import { isIgnoredForManifests, isManifest } from '../find-manifests.js';
import { findLines, splitLines } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const dependabotPaths = ['.github/dependabot.yml', '.github/dependabot.yaml'];
const renovatePaths = [
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
];

export const dependenciesUpdateToolRule: ReadinessRule = {
  id: 'dependencies.update-tool',
  category: 'dependencies',
  title: 'Dependency update tool configured',
  rule: {
    pass: '.github/dependabot.yml with at least one package-ecosystem entry, a Renovate config file, or a "renovate" key in package.json.',
    fail: 'None of them, while the repository has dependency manifests or workflows.',
    skip: 'Nothing to update: no manifest (package.json, requirements.txt, go.mod, Cargo.toml, Dockerfile ...) and no workflow.',
  },
  fix: 'Add .github/dependabot.yml with an entry per ecosystem, including `package-ecosystem: github-actions` so pinned action SHAs are updated too.',
  anchors: ['Scorecard Dependency-Update-Tool'],
  reads: (path) => dependabotPaths.includes(path) || path === 'package.json',
  check(context) {
    const dependabot = dependabotPaths
      .map((path) => findFile(context.snapshot, path))
      .find((file) => file !== undefined);
    if (dependabot?.text !== undefined) {
      const entries = findLines(splitLines(dependabot.text), [/package-ecosystem\s*:/]);
      if (entries.length > 0)
        return [
          makeResult(
            'pass',
            dependabot.path,
            entries.map((hit) => hit.line),
            entries.map((hit) => hit.text),
          ),
        ];
    }
    const renovate = renovatePaths
      .map((path) => findFile(context.snapshot, path))
      .find((file) => file !== undefined);
    if (renovate !== undefined)
      return [makeResult('pass', renovate.path, [1], [`found ${renovate.path}`])];
    const packageJson = context.snapshot.byPath.get('package.json');
    const renovateKey =
      packageJson?.text === undefined
        ? []
        : findLines(splitLines(packageJson.text), [/^\s{0,4}"renovate"\s*:/]);
    if (packageJson !== undefined && renovateKey.length > 0)
      return [
        makeResult(
          'pass',
          packageJson.path,
          [renovateKey[0]!.line],
          ['Renovate config in package.json'],
        ),
      ];
    const needs = context.snapshot.files.filter(
      (file) =>
        (isManifest(file.path) && !isIgnoredForManifests(file.path)) || isWorkflowPath(file.path),
    );
    if (needs.length === 0)
      return [makeResult('skip', null, [], ['no dependency manifest or workflow to update'])];
    const evidence =
      dependabot === undefined
        ? 'no Dependabot or Renovate configuration'
        : `${dependabot.path} has no package-ecosystem entry`;
    return [
      makeResult(
        'fail',
        dependabot?.path ?? null,
        [],
        [
          evidence,
          `to update: ${needs
            .slice(0, 5)
            .map((file) => file.path)
            .join(', ')}${needs.length > 5 ? ', ...' : ''}`,
        ],
      ),
    ];
  },
};
