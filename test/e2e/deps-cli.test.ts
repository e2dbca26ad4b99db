// `thresher deps` end to end: the compiled binary against a loopback registry serving recorded
// packuments, every manifest format, every flag and output format of the contract in docs/deps.md.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRegistryFixtures, type FixtureRegistry } from '../support/serve-registry-fixtures.js';
import { findSarifErrors } from '../support/validate-sarif.js';
import { binaryPath, projectRoot } from './run-thresher.js';

const fixtures = join(projectRoot, 'test/fixtures/deps');
let registry: FixtureRegistry;
let home: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the binary without blocking, so the loopback registry in this process can answer. */
function runDeps(
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binaryPath, 'deps', ...args], {
      cwd: options.cwd ?? projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        THRESHER_CACHE_DIR: join(home, 'cache'),
        npm_config_registry: registry.url,
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(options.input ?? '');
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface JsonReport {
  dependencies: number;
  findings: Array<Record<string, unknown> & { kind: string; package: string; severity: string }>;
  files: Array<{ name: string; format: string; dependencies: number }>;
  registry: { offline: boolean; requests: number };
  problems: Array<{ source: string; message: string }>;
}

beforeAll(async () => {
  registry = await serveRegistryFixtures();
  home = mkdtempSync(join(tmpdir(), 'thresher-deps-e2e-'));
});
afterAll(async () => {
  await registry.close();
  rmSync(home, { recursive: true, force: true });
});

describe('thresher deps', { timeout: 90_000 }, () => {
  it('prints the JSON contract with every registry signal, and exits 1 on findings', async () => {
    const run = await runDeps(['test/fixtures/deps/npm-lock-v3', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.dependencies).toBe(12);
    for (const finding of report.findings) {
      expect(Object.keys(finding).slice(0, 7)).toEqual([
        'package',
        'version',
        'ecosystem',
        'kind',
        'severity',
        'message',
        'evidence',
      ]);
      expect(finding.evidence).toEqual(expect.any(Array));
    }
    expect(new Set(report.findings.map((finding) => finding.kind))).toEqual(
      new Set([
        'placeholder',
        'not-found',
        'typosquat',
        'vulnerable',
        'deprecated',
        'install-script',
        'new-package',
      ]),
    );
    expect(report.findings[0]).toMatchObject({
      package: 'loadsh',
      kind: 'placeholder',
      severity: 'critical',
      location: { file: 'test/fixtures/deps/npm-lock-v3/package.json', line: 11 },
    });
  });

  it('writes SARIF 2.1.0 that validates against the official schema', async () => {
    const run = await runDeps([
      'test/fixtures/deps/npm-lock-v3',
      '--format',
      'sarif',
      '--fail-on',
      'none',
    ]);
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
    expect(findSarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results.length).toBeGreaterThan(5);
  });

  it('prints a readable text report by default, with control characters made visible', async () => {
    const project = join(home, 'escape');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ dependencies: { loadsh: '^4\u001b[2J\u202e' } }),
    );
    const run = await runDeps([project, '--offline']);
    expect(run.stdout).toContain('Checked 1 packages');
    expect(run.stdout).toContain('loadsh looks like lodash');
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\u202e');
    expect(run.stdout).toContain('loadsh@^4\\x1b[2J\\u{202e}');
  });

  it('--fail-on picks the severity that fails the run', async () => {
    const folder = 'test/fixtures/deps/npm-lock-v3';
    expect((await runDeps([folder, '--fail-on', 'critical', '--format', 'json'])).status).toBe(1);
    expect((await runDeps([folder, '--fail-on', 'none', '--format', 'json'])).status).toBe(0);
    const clean = join(home, 'clean');
    mkdirSync(clean);
    writeFileSync(
      join(clean, 'package.json'),
      JSON.stringify({ dependencies: { express: '4.18.2' } }),
    );
    expect((await runDeps([clean])).status).toBe(0);
    expect((await runDeps([clean, '--fail-on', 'severe'])).status).toBe(2);
  });

  it('--offline asks no registry and says how many packages it could not look up', async () => {
    const before = registry.requests.length;
    const run = await runDeps(
      ['test/fixtures/deps/yarn-classic', '--offline', '--format', 'json'],
      { env: { THRESHER_CACHE_DIR: join(home, 'empty-cache') } },
    );
    expect(registry.requests.length).toBe(before);
    const report = JSON.parse(run.stdout) as JsonReport & { registry: { unverified: number } };
    expect(report.registry).toMatchObject({ offline: true, requests: 0, unverified: 4 });
    expect(report.findings.map((finding) => `${finding.kind} ${finding.package}`)).toEqual([
      'typosquat colros',
    ]);
  });

  it('--diff checks only what a pull request adds, from a file or standard input', async () => {
    const diff = readFileSync(join(fixtures, 'diffs/pull-request.diff'), 'utf8');
    const fromFile = JSON.parse(
      (
        await runDeps([
          '--diff',
          'test/fixtures/deps/diffs/pull-request.diff',
          '--offline',
          '--format',
          'json',
        ])
      ).stdout,
    ) as JsonReport;
    const fromStdin = JSON.parse(
      (await runDeps(['--diff', '-', '--offline', '--format', 'json'], { input: diff })).stdout,
    ) as JsonReport;
    expect(fromFile.findings.length).toBeGreaterThan(8);
    expect(fromStdin.findings.map((finding) => finding.package)).toEqual(
      fromFile.findings.map((finding) => finding.package),
    );
    expect(fromFile.findings.map((finding) => finding.package)).toEqual(
      expect.arrayContaining(['loadsh', 'reqeusts', 'huggingface-hubb']),
    );
  });

  it('--advisories checks pinned versions against OSV advisories offline', async () => {
    const run = await runDeps([
      'test/fixtures/deps/requirements',
      '--offline',
      '--advisories',
      'test/fixtures/deps/osv',
      '--format',
      'json',
    ]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.filter((finding) => finding.kind === 'vulnerable')).toMatchObject([
      { package: 'urllib3', advisories: ['GHSA-v845-jxx5-vc9f'] },
    ]);
    expect(report.files.map((file) => file.name)).toEqual([
      'test/fixtures/deps/requirements/requirements-base.txt',
      'test/fixtures/deps/requirements/requirements.txt',
    ]);
  });

  it('reads every manifest and lockfile format', { timeout: 120_000 }, async () => {
    const folders = readdirSync(fixtures).filter(
      (folder) => !['registry', 'osv', 'diffs'].includes(folder),
    );
    const runs = await Promise.all(
      folders.map((folder) =>
        runDeps([
          join('test/fixtures/deps', folder),
          '--offline',
          '--format',
          'json',
          '--fail-on',
          'none',
        ]),
      ),
    );
    runs.forEach((run, index) => {
      const folder = folders[index]!;
      expect(run.status, `${folder}: ${run.stderr}`).toBe(0);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.dependencies, folder).toBeGreaterThan(0);
      for (const file of report.files) expect(file.dependencies, file.name).toBeGreaterThan(0);
    });
  });

  it('uses the registry named in the project .npmrc', async () => {
    const project = join(home, 'npmrc-project');
    mkdirSync(project);
    copyFileSync(join(fixtures, 'npm-lock-v3/package.json'), join(project, 'package.json'));
    writeFileSync(join(project, '.npmrc'), `registry=${registry.url}\n`);
    const run = await runDeps([project, '--format', 'json'], {
      env: { npm_config_registry: '', THRESHER_CACHE_DIR: join(home, 'npmrc-cache') },
    });
    const report = JSON.parse(run.stdout) as JsonReport & { registry: { url: string } };
    expect(report.registry.url).toBe(registry.url);
    expect(report.findings.some((finding) => finding.kind === 'placeholder')).toBe(true);
  });

  it('exits 2 with one clear line for bad input, and still reports the readable files', async () => {
    expect(await runDeps(['no/such/folder'])).toMatchObject({
      status: 2,
      stderr: 'thresher: no/such/folder: no such file or folder\n',
    });
    expect((await runDeps(['README.md'])).status).toBe(2);
    expect((await runDeps(['--format', 'xml'])).stderr).toContain('unknown --format "xml"');
    const broken = join(home, 'broken');
    mkdirSync(broken);
    writeFileSync(
      join(broken, 'package-lock.json'),
      '{"lockfileVersion": 3, "packages": {"node_modules/a": ',
    );
    writeFileSync(join(broken, 'requirements.txt'), 'reqeusts==1.0\n');
    const run = await runDeps([broken, '--offline', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/package-lock\.json: invalid JSON/);
    expect(
      (JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.package),
    ).toEqual(['reqeusts']);
    if (spawnSync('mkfifo', [join(home, 'requirements.txt')]).status === 0) {
      const fifo = await runDeps([join(home, 'requirements.txt'), '--offline']);
      expect(fifo.status).toBe(2);
      expect(fifo.stderr).toContain('not a regular file');
    }
  });
});
