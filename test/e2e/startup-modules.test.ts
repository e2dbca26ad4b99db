// What a command loads is part of its start-up (docs/architecture.md, "Loading on demand"): the
// real binary run with V8 coverage (NODE_V8_COVERAGE), asserting which modules stay unloaded.
// `--help` runs dist/cli/main.js alone; a command runs the CLI bundle (dist/cli/thresher.cjs),
// where esbuild wraps each module in an initialiser named after its source file (`src/...`,
// `node_modules/...`) that runs on the module's first import: the initialisers that ran are the
// modules the command loaded. Counts and times are in `npm run bench:startup`; this only guards
// the structure.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryEnvironment, binaryPath, projectRoot, testCacheDir } from './run-thresher.js';

const dir = mkdtempSync(join(tmpdir(), 'thresher-modules-'));
let runs = 0;

interface ScriptCoverage {
  url: string;
  functions: Array<{ functionName: string; ranges: Array<{ count: number }> }>;
}

/**
 * What `thresher ...args` loads: each file of the package it ran (`dist/...`), and for the CLI
 * bundle the source files and packages whose module code ran (`src/...`, `node_modules/...`).
 */
function listLoadedModules(args: string[], cacheDir = testCacheDir): string[] {
  runs += 1;
  const coverage = join(dir, `coverage-${runs}`);
  const result = spawnSync(process.execPath, [binaryPath, ...args], {
    cwd: projectRoot,
    env: binaryEnvironment({ NODE_V8_COVERAGE: coverage, THRESHER_CACHE_DIR: cacheDir }),
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const scripts = readdirSync(coverage).flatMap(
    (name) =>
      (JSON.parse(readFileSync(join(coverage, name), 'utf8')) as { result: ScriptCoverage[] })
        .result,
  );
  return scripts.flatMap(({ url, functions }) => {
    if (!url.startsWith('file:')) return [url];
    const file = relative(projectRoot, fileURLToPath(url)).replaceAll('\\', '/');
    if (file !== 'dist/cli/thresher.cjs') return [file];
    const ran = functions.filter(
      ({ functionName, ranges }) =>
        /^(?:src|node_modules)\//.test(functionName) && ranges[0]!.count > 0,
    );
    return [file, ...ran.map(({ functionName }) => functionName)];
  });
}

function loadedPackages(urls: readonly string[]): Set<string> {
  const names = urls.flatMap((url) => {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match ? [match[1]!] : [];
  });
  return new Set(names);
}

const profile = 'examples/security-profile.yml';

describe('modules loaded at start-up', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--help loads no core, no composition root and no package', () => {
    const urls = listLoadedModules(['--help']);
    expect(urls).toContain('dist/cli/main.js');
    expect(urls).not.toContain('dist/cli/thresher.cjs');
    expect(
      urls.filter((url) => /^src\/(core|services|adapters)\/|create-services/.test(url)),
    ).toEqual([]);
    expect([...loadedPackages(urls)]).toEqual([]);
  });

  const triageArgs = [
    'triage',
    '--profile',
    profile,
    'examples/reports/01-chunked-size-integer-overflow.md',
  ];

  it('a triage parses a profile it has not met with YAML and zod, and then takes it from the cache', () => {
    const emptyCache = join(dir, 'empty-cache');
    const first = listLoadedModules(triageArgs, emptyCache);
    expect(first).toContain('src/config/parse-security-profile.ts');
    expect(loadedPackages(first)).toContain('zod');
    const second = listLoadedModules(triageArgs, emptyCache);
    expect(second).toContain('src/adapters/profile-cache/create-file-profile-cache.ts');
    expect(second).not.toContain('src/config/parse-security-profile.ts');
    expect(second).not.toContain('src/config/security-profile-schema.ts');
    expect(loadedPackages(second)).not.toContain('zod');
  });

  it('a Markdown report triage loads only what triage uses', () => {
    const urls = listLoadedModules(triageArgs);
    expect(urls).toContain('dist/cli/thresher.cjs');
    expect(urls).toContain('src/cli/commands/triage.ts');
    const packages = loadedPackages(urls);
    for (const unused of [
      'postal-mime', // mail only
      'yauzl', // zip only
      'npm-high-impact', // only when a registry package's name is judged
      'ajv',
      'kysely',
      'better-sqlite3',
      'pg',
      'hono',
      // a plain CVSS 3.1 base vector is scored by our own formula (load-cvss-calculator.ts)
      'ae-cvss-calculator',
    ]) {
      expect(packages, unused).not.toContain(unused);
    }
    expect(urls).toContain('src/core/report/extract-facts.ts');
    // The report holds a diff: the dependency guard runs. No --repo: no code evidence check.
    expect(urls).toContain('src/services/check-dependencies.ts');
    expect(urls).not.toContain('src/services/check-evidence.ts');
    expect(urls).not.toContain('src/core/evidence/extract-code-claims.ts');
    expect(urls).not.toContain('src/core/index.ts');
    for (const folder of ['core/readiness', 'core/advisories', 'core/workflow', 'adapters/git'])
      expect(
        urls.filter((url) => url.startsWith(`src/${folder}/`)),
        folder,
      ).toEqual([]);
  });

  it('a report without a diff does not load the dependency guard', () => {
    const urls = listLoadedModules([
      'triage',
      '--profile',
      profile,
      'examples/reports/02-parse-header-oob-read.md',
    ]);
    for (const guard of [
      'src/services/check-dependencies.ts',
      'src/core/deps/assess-dependencies.ts',
      'src/adapters/registry/create-npm-registry.ts',
    ])
      expect(urls).not.toContain(guard);
    const packages = loadedPackages(urls);
    expect(packages).not.toContain('smol-toml');
    expect(packages).not.toContain('@renovatebot/pep440');
  });

  it('a mail report loads the mail parser', () => {
    const urls = listLoadedModules([
      'triage',
      '--profile',
      profile,
      'examples/reports/22-tls-renegotiation-cpu-exhaustion.eml',
    ]);
    expect(loadedPackages(urls)).toContain('postal-mime');
  });
});
