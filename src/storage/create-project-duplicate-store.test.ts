// The DuplicateStore contract over the command line's file store and over a project of the
// report store (SQLite always, PostgreSQL when configured): duplicate matching sees one behaviour.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { buildTestDuplicateDocument } from '../../test/support/build-test-duplicate-document.js';
import { describeDuplicateStoreContract } from '../../test/support/describe-duplicate-store-contract.js';
import { createFileDuplicateStore } from '../adapters/duplicates/create-file-duplicate-store.js';
import type { ReportStore } from '../services/ports.js';
import { createProjectDuplicateStore } from './create-project-duplicate-store.js';
import { openPostgresReportStore } from './open-postgres-report-store.js';
import { openSqliteReportStore } from './open-sqlite-report-store.js';
import { testDatabaseUrl } from '../../test/support/test-environment.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-duplicate-stores-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

describeDuplicateStoreContract('duplicate store contract: JSON-lines file', () => {
  const path = join(folder, `store-${(counter += 1)}.jsonl`);
  return Promise.resolve({
    open: () => createFileDuplicateStore(path),
    destroy: () => Promise.resolve(rmSync(path, { force: true })),
  });
});

async function onReportStore(store: ReportStore, drop: () => Promise<void>) {
  await store.projects.add({ name: 'zlib', profileYaml: '' });
  await store.projects.add({ name: 'other', profileYaml: '' });
  // Another project's documents must never show up in this one's.
  await store.duplicateDocuments.write('other', {
    save: [buildTestDuplicateDocument('x', { kind: 'advisory', title: 'x' })],
    remove: [],
  });
  return {
    open: () => createProjectDuplicateStore(store, 'zlib'),
    destroy: async () => {
      await store.close();
      await drop();
    },
  };
}

describeDuplicateStoreContract('duplicate store contract: SQLite report store', async () => {
  const path = join(folder, `store-${(counter += 1)}.sqlite`);
  return onReportStore(await openSqliteReportStore({ path }), () => Promise.resolve());
});

const url = testDatabaseUrl;
describeDuplicateStoreContract(
  'duplicate store contract: PostgreSQL report store',
  async () => {
    const schema = `thresher_test_${randomBytes(6).toString('hex')}`;
    return onReportStore(await openPostgresReportStore({ url: url!, schema }), async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });
  },
  url ? undefined : 'THRESHER_TEST_DATABASE_URL is not set; CI sets it',
);
