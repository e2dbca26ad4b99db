// Every error kind of core/errors.ts through the compiled binary: the exit code and the one line
// the table in presenters/map-error-kind.ts promises (docs/errors.md).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runThresher } from './run-thresher.js';

const report = 'examples/reports/01-chunked-size-integer-overflow.md';
const profile = 'examples/security-profile.yml';

describe('error kinds through the thresher binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thresher-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** One line on stderr, no stack trace. */
  function expectOneLine(stderr: string): void {
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  }

  it('input: an invalid profile exits 2 and says what is wrong', () => {
    const bad = join(dir, 'bad-profile.yml');
    writeFileSync(bad, 'version: 7\n');
    const result = runThresher(['triage', '--profile', bad, report]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: .*bad-profile\.yml/);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stdout).toBe('');
  });

  it('not-found: a missing profile exits 2 with its name, not "internal error"', () => {
    const missing = join(dir, 'no-such-profile.yml');
    const result = runThresher(['triage', '--profile', missing, report]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`thresher: ${missing}: no such file\n`);
  });

  it('conflict: a taken project name and a store newer than Thresher exit 2', () => {
    const dataDir = join(dir, 'conflict');
    const add = ['project', 'add', '--name', 'demo', '--profile', profile, '--data', dataDir];
    expect(runThresher(add).status).toBe(0);
    const again = runThresher(add);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^thresher: a project named "demo" already exists/);
    expectOneLine(again.stderr);

    const database = new Database(join(dataDir, 'inbox.sqlite'));
    database
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(9999, 'from-the-future', new Date(0).toISOString());
    database.close();
    const newer = runThresher(['user', 'add', '--maintainer', 'a@example.org', '--data', dataDir]);
    expect(newer.status).toBe(2);
    expect(newer.stderr).toMatch(/schema is at version 9999, newer than this Thresher knows/);
    expectOneLine(newer.stderr);
  });

  it('unavailable: a database that does not answer exits 2, not as a bug', () => {
    const result = runThresher(
      ['project', 'add', '--name', 'demo', '--profile', profile, '--data', join(dir, 'x')],
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      { env: { THRESHER_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' } },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: the database is unavailable/);
    expectOneLine(result.stderr);
  });

  it('internal: a broken invariant exits 1, marked as a bug, in one line', () => {
    const dataDir = join(dir, 'internal');
    const add = ['project', 'add', '--name', 'demo', '--profile', profile, '--data', dataDir];
    expect(runThresher(add).status).toBe(0);
    // The schema's version says the users table exists; it does not.
    const database = new Database(join(dataDir, 'inbox.sqlite'));
    database.exec('DROP TABLE users');
    database.close();
    const result = runThresher(['user', 'add', '--maintainer', 'a@example.org', '--data', dataDir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('thresher: internal error: no such table: users\n');
  });

  it('bad usage (an unknown option) is input: exit 2', () => {
    const result = runThresher(['triage', '--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: Unknown option '--no-such-option'/);
  });
});
