// The CLI bundle's code cache is optional (src/cli/load-cli-bundle.ts): the real binary, copied
// with its bundle into a scratch package, prints the same triage with a damaged, truncated, empty,
// unreadable or missing cache as with the one the build wrote.

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryEnvironment, projectRoot, runThresher } from './run-thresher.js';

const triageArgs = [
  'triage',
  '--profile',
  'examples/security-profile.yml',
  'examples/reports/01-chunked-size-integer-overflow.md',
];
const dir = mkdtempSync(join(tmpdir(), 'thresher-code-cache-'));
const cli = join(dir, 'dist/cli');
let cacheName = '';
let goodCache = Buffer.alloc(0);
let expected = '';

function runCopy(): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(cli, 'main.js'), ...triageArgs], {
    cwd: projectRoot,
    env: binaryEnvironment(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI bundle code cache', () => {
  beforeAll(() => {
    const built = resolve(projectRoot, 'dist/cli');
    cacheName = readdirSync(built).find((name) => name.endsWith('.codecache')) ?? '';
    expect(cacheName, 'npm run build writes a code cache').not.toBe('');
    mkdirSync(cli, { recursive: true });
    for (const name of ['main.js', 'package.json', 'thresher.cjs', cacheName])
      copyFileSync(join(built, name), join(cli, name));
    for (const shipped of ['package.json', 'models', 'data', 'schema', 'node_modules'])
      symlinkSync(resolve(projectRoot, shipped), join(dir, shipped));
    goodCache = readFileSync(join(cli, cacheName));
    const real = runThresher(triageArgs);
    expect(real.status, real.stderr).toBe(0);
    expected = real.stdout;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const damaged: Array<[string, () => void]> = [
    ['as built', () => writeFileSync(join(cli, cacheName), goodCache)],
    [
      'with damaged bytes',
      () => {
        const bytes = Buffer.from(goodCache);
        for (let at = 100; at < bytes.length; at += 997) bytes[at]! ^= 0x5a;
        writeFileSync(join(cli, cacheName), bytes);
      },
    ],
    [
      'truncated',
      () => writeFileSync(join(cli, cacheName), goodCache.subarray(0, goodCache.length >> 1)),
    ],
    ['empty', () => writeFileSync(join(cli, cacheName), '')],
    [
      'unreadable (a folder)',
      () => {
        rmSync(join(cli, cacheName), { force: true });
        mkdirSync(join(cli, cacheName));
      },
    ],
    ['missing', () => rmSync(join(cli, cacheName), { recursive: true, force: true })],
  ];
  for (const [label, damage] of damaged) {
    it(`prints the same triage with a cache ${label}`, () => {
      rmSync(join(cli, cacheName), { recursive: true, force: true });
      damage();
      const result = runCopy();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
    });
  }

  it('has V8 take the cache the build wrote (the bin sets its V8 flags only after)', () => {
    // A V8 flag set before the bundle compiles changes the flag hash and V8 rejects the cache
    // silently (src/cli/tier-up-later.ts): a preload notes what V8 said of the bundle's script.
    const preload = join(dir, 'note-cache-rejection.cjs');
    writeFileSync(
      preload,
      [
        "const vm = require('node:vm');",
        'const Script = vm.Script;',
        'let bundle;',
        'vm.Script = function (source, options) {',
        '  const script = new Script(source, options);',
        "  if (String(options && options.filename).endsWith('thresher.cjs')) bundle = script;",
        '  return script;',
        '};',
        "process.on('exit', () => process.stderr.write(`rejected: ${bundle && bundle.cachedDataRejected}`));",
      ].join('\n'),
    );
    writeFileSync(join(cli, cacheName), goodCache);
    const result = spawnSync(
      process.execPath,
      ['--require', preload, resolve(projectRoot, 'dist/cli/main.js'), ...triageArgs],
      { cwd: projectRoot, env: binaryEnvironment(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stdout).toBe(expected);
    expect(result.stderr).toBe('rejected: false');
  });

  it('does not read a cache made for another build of the bundle', () => {
    writeFileSync(join(cli, cacheName), goodCache);
    const bundle = readFileSync(join(cli, 'thresher.cjs'), 'utf8');
    // Another build: its first line names it, so the old cache's file name no longer matches.
    const rebuilt = bundle.replace(/^\/\/ thresher-bundle [0-9a-f]+/, (line) =>
      line.replace(/[0-9a-f]$/, (digit) => (digit === '0' ? '1' : '0')),
    );
    expect(rebuilt).not.toBe(bundle);
    writeFileSync(join(cli, 'thresher.cjs'), rebuilt);
    try {
      const result = runCopy();
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(expected);
    } finally {
      writeFileSync(join(cli, 'thresher.cjs'), bundle);
    }
  });
});
