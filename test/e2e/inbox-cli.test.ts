// The inbox's administration commands through the compiled binary: project add, user add and
// token create over one --data folder, and their refusals (exit 2 with one clear line).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runThresher } from './run-thresher.js';

describe('thresher project, user and token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thresher-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a project, refuses a taken name and an invalid profile', () => {
    const args = ['project', 'add', '--name', 'demo', '--profile', 'examples/security-profile.yml'];
    const added = runThresher([...args, '--data', dataDir]);
    expect(added.stdout).toBe('added project demo\n');
    expect(added.status).toBe(0);
    const again = runThresher([...args, '--data', dataDir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^thresher: .*demo/);
    const bad = join(dataDir, 'bad.yml');
    writeFileSync(bad, 'version: 7\n');
    const invalid = runThresher([
      'project',
      'add',
      '--name',
      'bad',
      '--profile',
      bad,
      '--data',
      dataDir,
    ]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/security profile is not valid/);
    const badName = runThresher([
      'project',
      'add',
      '--name',
      '../x',
      '--profile',
      bad,
      '--data',
      dataDir,
    ]);
    expect(badName.status).toBe(2);
  });

  it('updates a project and triages its open reports again, on a new profile and on demand', () => {
    const changed = join(dataDir, 'changed.yml');
    writeFileSync(
      changed,
      readFileSync('examples/security-profile.yml', 'utf8').replace(
        /^(\s*name:\s*)(.*)$/m,
        '$1$2-renamed',
      ),
    );
    const updated = runThresher([
      'project',
      'update',
      '--name',
      'demo',
      '--profile',
      changed,
      '--data',
      dataDir,
    ]);
    expect(updated.stderr).toBe('');
    expect(updated.stdout).toBe('updated project demo; triaged 0 open reports of demo again\n');
    const triaged = runThresher(['project', 'triage', '--name', 'demo', '--data', dataDir]);
    expect(triaged.stdout).toBe('triaged 0 open reports of demo again\n');
    const missing = runThresher(['project', 'update', '--name', 'nope', '--data', dataDir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no project named "nope"/);
    const invalid = runThresher([
      'project',
      'update',
      '--name',
      'demo',
      '--profile',
      join(dataDir, 'bad.yml'),
      '--data',
      dataDir,
    ]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/security profile is not valid/);
  });

  it('asks for a maintainer before a token, then prints one-time secrets once', () => {
    const early = runThresher(['token', 'create', '--name', 'ci', '--data', dataDir]);
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/add a maintainer first/);
    const user = runThresher([
      'user',
      'add',
      '--maintainer',
      'Lead@Example.org',
      '--data',
      dataDir,
    ]);
    expect(user.status).toBe(0);
    expect(user.stdout).toMatch(
      /^added maintainer lead@example\.org\none-time password: \S{20,}\n$/,
    );
    const token = runThresher(['token', 'create', '--name', 'ci', '--data', dataDir]);
    expect(token.status).toBe(0);
    expect(token.stdout).toMatch(/^thr_api_[\w-]{43}\n$/);
    const taken = runThresher([
      'user',
      'add',
      '--maintainer',
      'lead@example.org',
      '--data',
      dataDir,
    ]);
    expect(taken.status).toBe(2);
  });

  it('documents serve', () => {
    const help = runThresher(['serve', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--no-rate-limit');
  });
});
