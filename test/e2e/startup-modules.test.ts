// What a command loads is part of its start-up (docs/architecture.md, "Loading on demand"): the
// real binary run with a module-recording hook, asserting which modules stay unloaded. The binary
// is an esbuild bundle: each loaded chunk stands for the source files and packages it holds
// (dist/bundle/metafile.json). Counts and times are in `npm run bench:startup`; this only guards
// the structure.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryPath, projectRoot } from './run-thresher.js';

const dir = mkdtempSync(join(tmpdir(), 'thresher-modules-'));
const hook = resolve(import.meta.dirname, 'record-loaded-modules.mjs');
let runs = 0;

const metafile = JSON.parse(
  readFileSync(resolve(projectRoot, 'dist/bundle/metafile.json'), 'utf8'),
) as { outputs: Record<string, { inputs: Record<string, unknown> }> };

/**
 * What `thresher ...args` loads: each bundle file as the files it was built from (`src/...`,
 * `node_modules/...`), any other module as its URL.
 */
function listLoadedModules(args: string[]): string[] {
  runs += 1;
  const log = join(dir, `modules-${runs}.txt`);
  const result = spawnSync(process.execPath, ['--import', hook, binaryPath, ...args], {
    cwd: projectRoot,
    env: { ...process.env, THRESHER_MODULE_LOG: log },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return urls.flatMap((url) => {
    if (!url.startsWith('file:')) return [url];
    const output = relative(projectRoot, fileURLToPath(url)).replaceAll('\\', '/');
    const bundled = metafile.outputs[output];
    return bundled ? [output, ...Object.keys(bundled.inputs)] : [url];
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
    expect(urls).toContain('src/cli/run-cli.ts');
    expect(
      urls.filter((url) => /^src\/(core|services|adapters)\/|create-services/.test(url)),
    ).toEqual([]);
    expect([...loadedPackages(urls)]).toEqual([]);
  });

  it('a Markdown report triage loads only what triage uses', () => {
    const urls = listLoadedModules([
      'triage',
      '--profile',
      profile,
      'examples/reports/01-chunked-size-integer-overflow.md',
    ]);
    const packages = loadedPackages(urls);
    expect(packages).toContain('zod'); // the profile is read
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
