// `thresher deps [PATH...] [--diff FILE] [--offline] [--format text|json|sarif] [--fail-on SEVERITY]`

import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import {
  dependencySeverities,
  InputError,
  isAtLeastSeverity,
  type DependencySeverity,
} from '../../core/index.js';
import type { Services } from '../../create-services.js';
import {
  renderDependencyJson,
  renderDependencySarif,
  renderDependencyText,
} from '../../presenters/render-dependency-report.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { pickRenderer } from '../read-command-options.js';
import { readDependencyInputs, readRegularFile } from '../read-dependency-inputs.js';
import { writeProblems } from '../write-problems.js';

const depsHelp = `Usage: thresher deps [PATH...] [--diff FILE] [--offline] [--format text|json|sarif] [--fail-on SEVERITY]

Check dependencies for invented (hallucinated) names, typosquats of popular packages, packages npm
took down for malware, very new packages and versions, install scripts, deprecation and known
vulnerabilities.

PATH is a manifest or lockfile, or a folder holding them (default: the current folder):
package.json, package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock (classic and
berry), requirements*.txt (with -r includes), pyproject.toml (PEP 621 and Poetry), poetry.lock,
Pipfile.lock, uv.lock. With --diff, only what the diff adds is checked, including new imports of
packages no manifest declares; PATH then names the project whose manifests declare them.

Options:
  -d, --diff FILE        a unified diff (git diff, a pull request's .diff); - reads standard input
      --offline          ask no registry: popular lists, the cache and --advisories only
  -a, --advisories PATH  OSV advisories (folder, JSON file or zip) to check versions against (repeatable)
  -f, --format FORMAT    text (default), json or sarif (see docs/deps.md)
      --fail-on LEVEL    exit 1 when a finding is at least LEVEL: critical, high (default), medium,
                         low, info, or none to never fail
  -h, --help             show this help

The npm registry is the one npm uses (npm_config_registry, .npmrc registry=); answers are cached
for a day in THRESHER_CACHE_DIR (default ~/.cache/thresher).

Exit status: 0 no finding at or above --fail-on; 1 such findings; 2 bad usage or unreadable input.
`;

function readVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../../package.json') as { version: string }).version;
}

function readFailOn(value: string): DependencySeverity | null {
  if (value === 'none') return null;
  if ((dependencySeverities as readonly string[]).includes(value))
    return value as DependencySeverity;
  throw new InputError(
    `unknown --fail-on "${value}" (expected one of: critical, high, medium, low, info, none)`,
  );
}

async function readDiff(path: string): Promise<string> {
  if (path !== '-') return readRegularFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runDepsCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      diff: { type: 'string', short: 'd' },
      offline: { type: 'boolean', default: false },
      advisories: { type: 'string', short: 'a', multiple: true },
      format: { type: 'string', short: 'f', default: 'text' },
      'fail-on': { type: 'string', default: 'high' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(depsHelp);
    return exitCodes.ok;
  }
  const render = pickRenderer(values.format, {
    text: renderDependencyText,
    json: renderDependencyJson,
    sarif: (outcome: Parameters<typeof renderDependencyJson>[0]) =>
      renderDependencySarif(outcome, readVersion()),
  });
  const failOn = readFailOn(values['fail-on']);
  const paths = positionals.length > 0 || values.diff !== undefined ? positionals : ['.'];
  const inputs = await readDependencyInputs(paths);
  const diffs =
    values.diff === undefined
      ? []
      : [
          {
            name: values.diff === '-' ? 'stdin.diff' : values.diff,
            text: await readDiff(values.diff),
          },
        ];
  const outcome = await services.dependencies.check({
    files: inputs.files,
    diffs,
    offline: values.offline,
    npmrcTexts: inputs.npmrcTexts,
    advisoryPaths: values.advisories ?? [],
    localModules: inputs.localModules,
  });
  io.stdout(render(outcome));
  for (const warning of outcome.warnings)
    io.stderr(`thresher: warning: ${warning.source}: ${warning.message}\n`);
  const problemCode = writeProblems(io, [...inputs.problems, ...outcome.problems]);
  if (problemCode !== exitCodes.ok) return problemCode;
  const hasFailingFinding =
    failOn !== null &&
    outcome.findings.some((finding) => isAtLeastSeverity(finding.severity, failOn));
  return hasFailingFinding ? exitCodes.findings : exitCodes.ok;
}
