// No acknowledged report is lost: a child process adds reports as fast as it can and prints each
// id once its add resolved; it is killed with SIGKILL mid-burst, and every id it printed must be
// in the store when it is opened again (SQLite always, PostgreSQL when configured).

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportStore } from '../services/ports.js';
import { openPostgresReportStore } from './open-postgres-report-store.js';
import { openSqliteReportStore } from './open-sqlite-report-store.js';
import { testDatabaseUrl } from '../../test/support/test-environment.js';

const childScript = resolve(
  import.meta.dirname,
  '../../test/fixtures/storage/add-reports-until-killed.ts',
);
const folder = mkdtempSync(join(tmpdir(), 'thresher-durability-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the child until it has acknowledged `wanted` reports, then kills it; returns the ids. */
function addUntilKilled(args: string[], wanted: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      if (!killed && acknowledged.length >= wanted) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acknowledged);
      else reject(new Error(`the child ended by itself: ${stderr}`));
    });
  });
}

async function expectAllPresent(store: ReportStore, ids: readonly string[]): Promise<void> {
  const page = await store.reports.listQueue({ project: 'zlib', limit: 1000 });
  const stored = new Set(page.reports.map((entry) => entry.id));
  expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  // The child may have committed one more than it printed before the kill, never fewer.
  expect(stored.size).toBeGreaterThanOrEqual(ids.length);
  expect(stored.size).toBeLessThanOrEqual(ids.length + 1);
}

describe('report store durability', () => {
  it('keeps every report a killed SQLite writer acknowledged', async () => {
    const path = join(folder, 'burst.sqlite');
    const setup = await openSqliteReportStore({ path });
    await setup.projects.add({ name: 'zlib', profileYaml: 'version: 1\n' });
    await setup.close();
    const ids = await addUntilKilled(['sqlite', path], 150);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    const store = await openSqliteReportStore({ path });
    try {
      await expectAllPresent(store, ids);
    } finally {
      await store.close();
    }
  });

  const url = testDatabaseUrl;
  it.skipIf(!url)(
    `keeps every report a killed PostgreSQL writer acknowledged${url ? '' : ' (skipped: THRESHER_TEST_DATABASE_URL is not set)'}`,
    async () => {
      const schema = `thresher_test_${randomBytes(6).toString('hex')}`;
      const setup = await openPostgresReportStore({ url: url!, schema });
      await setup.projects.add({ name: 'zlib', profileYaml: 'version: 1\n' });
      await setup.close();
      try {
        const ids = await addUntilKilled(['postgres', url!, schema], 150);
        const store = await openPostgresReportStore({ url: url!, schema });
        try {
          await expectAllPresent(store, ids);
        } finally {
          await store.close();
        }
      } finally {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    },
  );
});
