// What a command loads is part of its start-up (docs/architecture.md, "Loading on demand"): the
// real binary run with a module-recording hook, asserting which modules stay unloaded. Counts and
// times are in `npm run bench:startup`; this only guards the structure.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryPath, projectRoot } from './run-thresher.js';

const dir = mkdtempSync(join(tmpdir(), 'thresher-modules-'));
const hook = resolve(import.meta.dirname, 'record-loaded-modules.mjs');
let runs = 0;

/** The URLs of the modules `thresher ...args` loads. */
function listLoadedModules(args: string[]): string[] {
  runs += 1;
  const log = join(dir, `modules-${runs}.txt`);
  const result = spawnSync(process.execPath, ['--import', hook, binaryPath, ...args], {
    cwd: projectRoot,
    env: { ...process.env, THRESHER_MODULE_LOG: log },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

function loadedPackages(urls: readonly string[]): Set<string> {
  const names = urls.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match ? [match[1]!] : [];
  });
  return new Set(names);
}

const profile = 'examples/security-profile.yml';

describe('modules loaded at start-up', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--help loads no core, no composition root and no package', () => {
    const urls = listLoadedModules(['--help']);
    expect(urls.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(
      urls.filter((url) => /\/dist\/(core|services|adapters)\/|create-services/.test(url)),
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
    ]) {
      expect(packages, unused).not.toContain(unused);
    }
    expect(urls.filter((url) => url.includes('/dist/core/index.js'))).toEqual([]);
    for (const folder of ['core/readiness', 'core/advisories', 'core/workflow', 'adapters/git'])
      expect(
        urls.filter((url) => url.includes(`/dist/${folder}/`)),
        folder,
      ).toEqual([]);
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
