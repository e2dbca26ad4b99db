// Runs the ReportStore contract against every implementation: SQLite on a temporary file always,
// PostgreSQL in a schema of its own when THRESHER_TEST_DATABASE_URL names a server.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { describeReportStoreContract } from '../../test/support/report-store-contract/describe-report-store-contract.js';
import { openPostgresReportStore } from './open-postgres-report-store.js';
import { openSqliteReportStore } from './open-sqlite-report-store.js';
import { testDatabaseUrl } from '../../test/support/test-environment.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-report-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

describeReportStoreContract('report store contract: SQLite', () => {
  const path = join(folder, `store-${(counter += 1)}.sqlite`);
  return Promise.resolve({
    open: (clock) => openSqliteReportStore({ path, clock }),
    destroy: () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      return Promise.resolve();
    },
  });
});

const databaseUrl = testDatabaseUrl;

describeReportStoreContract(
  'report store contract: PostgreSQL',
  () => {
    const schema = `thresher_test_${randomBytes(6).toString('hex')}`;
    return Promise.resolve({
      open: (clock) => openPostgresReportStore({ url: databaseUrl!, schema, clock }),
      destroy: async () => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await client.end();
        }
      },
    });
  },
  databaseUrl ? undefined : 'THRESHER_TEST_DATABASE_URL is not set; CI sets it',
);
