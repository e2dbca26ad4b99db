// What only the SQLite store does: create its file on first open in WAL mode, refuse files it
// cannot use, keep the audit log append-only and tokens hashed in the file itself.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../core/index.js';
import { openSqliteReportStore } from './open-sqlite-report-store.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-sqlite-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
const freshPath = (): string => join(folder, `store-${(counter += 1)}.sqlite`);

function readRaw<T>(path: string, query: string): T[] {
  const database = new Database(path, { readonly: true });
  try {
    return database.prepare(query).all() as T[];
  } finally {
    database.close();
  }
}

describe('openSqliteReportStore', () => {
  it('creates the file on first open, in WAL mode, at the newest schema', async () => {
    const path = freshPath();
    expect(existsSync(path)).toBe(false);
    const store = await openSqliteReportStore({ path });
    await store.projects.add({ name: 'zlib', profileYaml: 'version: 1\n' });
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(readRaw(path, 'pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(readRaw(path, 'select version, name from schema_migrations order by version')).toEqual([
      { version: 1, name: 'inbox records' },
      { version: 2, name: 'reports by reporter' },
      { version: 3, name: 'project settings' },
      { version: 4, name: 'advisory drafts' },
    ]);
    await store.close();
    await store.close();
  });

  it('migrates once when several instances open a new file at once', async () => {
    const path = freshPath();
    const stores = await Promise.all([1, 2, 3].map(() => openSqliteReportStore({ path })));
    await stores[2]!.projects.add({ name: 'zlib', profileYaml: '' });
    expect((await stores[0]!.projects.list()).map((project) => project.name)).toEqual(['zlib']);
    for (const store of stores) await store.close();
    expect(readRaw(path, 'select count(*) as n from schema_migrations')).toEqual([{ n: 4 }]);
  });

  it('applies a pending migration to a database with data, keeping the data', async () => {
    const path = freshPath();
    const store = await openSqliteReportStore({ path });
    await store.projects.add({ name: 'zlib', profileYaml: '' });
    await store.close();
    // Back to the schema of version 1, as an older Thresher left it.
    const database = new Database(path);
    database.exec(
      'drop table advisory_drafts; drop index reports_by_reporter; ' +
        'alter table projects drop column settings; ' +
        'delete from schema_migrations where version >= 2',
    );
    database.close();
    const upgraded = await openSqliteReportStore({ path });
    expect((await upgraded.projects.list()).map((project) => project.name)).toEqual(['zlib']);
    expect((await upgraded.projects.get('zlib'))?.settings.publishDisclosedReports).toBe(false);
    expect(await upgraded.advisoryDrafts.get('r_none')).toBeNull();
    await upgraded.close();
    expect(
      readRaw(path, "select name from sqlite_master where name = 'reports_by_reporter'"),
    ).toHaveLength(1);
    expect(readRaw(path, 'select version from schema_migrations order by version')).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
    ]);
  });

  it('refuses a missing folder and a file that is not a database, leaving it untouched', async () => {
    await expect(
      openSqliteReportStore({ path: join(folder, 'no-such-folder', 'store.sqlite') }),
    ).rejects.toThrow(/folder .*no-such-folder does not exist/);
    const path = freshPath();
    const text = 'line 1\nline 2\n'.repeat(500);
    writeFileSync(path, text);
    await expect(openSqliteReportStore({ path })).rejects.toThrow(InputError);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a database migrated by a newer Thresher', async () => {
    const path = freshPath();
    await (await openSqliteReportStore({ path })).close();
    const database = new Database(path);
    database
      .prepare("insert into schema_migrations values (99, 'from the future', '2030-01-01')")
      .run();
    database.close();
    await expect(openSqliteReportStore({ path })).rejects.toThrow(ConflictError);
    await expect(openSqliteReportStore({ path })).rejects.toThrow(/version 99, newer/);
  });

  it('keeps the audit log append-only and only hashes of tokens in the file', async () => {
    const path = freshPath();
    const store = await openSqliteReportStore({ path });
    await store.projects.add({ name: 'zlib', profileYaml: '' });
    const added = await store.reports.add({
      project: 'zlib',
      title: 't',
      body: 'b',
      channel: 'web',
      format: 'markdown',
    });
    const user = await store.people.addUser({
      email: 'a@x.org',
      role: 'maintainer',
      passwordHash: 'h',
    });
    const api = await store.people.createApiToken({ userId: user.id, name: 'ci' });
    const session = await store.people.createSession({ userId: user.id, expiresAt: '2999-01-01' });
    await store.close();
    const database = new Database(path);
    try {
      expect(() => database.prepare("update report_events set body = 'forged'").run()).toThrow(
        /append-only/,
      );
      expect(() => database.prepare('delete from report_events').run()).toThrow(/append-only/);
      const bytes =
        readFileSync(path).toString('latin1') + readFileSync(`${path}-wal`).toString('latin1');
      for (const token of [added.reporterToken!, api.token, session.token]) {
        expect(bytes).not.toContain(token);
        expect(bytes).toContain(createHash('sha256').update(token).digest('hex'));
      }
    } finally {
      database.close();
    }
  });
});
