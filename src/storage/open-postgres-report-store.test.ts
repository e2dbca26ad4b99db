// What only the PostgreSQL store does: its own schema, concurrent first starts that migrate once,
// a clear error when the server cannot be reached, and an append-only audit log in the database.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, UnavailableError } from '../core/index.js';
import { openPostgresReportStore } from './open-postgres-report-store.js';
import { testDatabaseUrl } from '../../test/support/test-environment.js';

const url = testDatabaseUrl;

async function withSchema(work: (schema: string, client: pg.Client) => Promise<void>) {
  const schema = `thresher_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(schema, client);
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

describe('openPostgresReportStore', () => {
  it('refuses a schema name that is not a plain identifier', async () => {
    for (const schema of ['Public', 'a-b', '1abc', 'x"; drop schema public; --', '']) {
      await expect(
        openPostgresReportStore({ url: 'postgres://127.0.0.1:1/none', schema }),
      ).rejects.toThrow(InputError);
    }
  });

  it('says the database is unavailable when nothing listens', async () => {
    await expect(
      openPostgresReportStore({ url: 'postgres://postgres@127.0.0.1:1/test' }),
    ).rejects.toThrow(UnavailableError);
  });

  describe.skipIf(!url)(
    `with a server${url ? '' : ' (skipped: THRESHER_TEST_DATABASE_URL is not set)'}`,
    () => {
      it('creates its schema and migrates once when several processes start at once', async () => {
        await withSchema(async (schema, client) => {
          const stores = await Promise.all(
            [1, 2, 3, 4].map(() =>
              openPostgresReportStore({ url: url!, schema, maxConnections: 2 }),
            ),
          );
          await stores[3]!.projects.add({ name: 'zlib', profileYaml: '' });
          expect((await stores[0]!.projects.list()).map((project) => project.name)).toEqual([
            'zlib',
          ]);
          for (const store of stores) await store.close();
          const { rows } = await client.query(
            `select version from ${schema}.schema_migrations order by version`,
          );
          expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
        });
      });

      it('keeps the audit log append-only and refuses a newer schema', async () => {
        await withSchema(async (schema, client) => {
          const store = await openPostgresReportStore({ url: url!, schema });
          await store.projects.add({ name: 'zlib', profileYaml: '' });
          await store.reports.add({
            project: 'zlib',
            title: 't',
            body: 'b',
            channel: 'web',
            format: 'markdown',
          });
          await store.close();
          await expect(
            client.query(`update ${schema}.report_events set body = 'x'`),
          ).rejects.toThrow(/append-only/);
          await expect(client.query(`delete from ${schema}.report_events`)).rejects.toThrow(
            /append-only/,
          );
          await client.query(
            `insert into ${schema}.schema_migrations values (99, 'future', '2030-01-01')`,
          );
          await expect(openPostgresReportStore({ url: url!, schema })).rejects.toThrow(
            ConflictError,
          );
        });
      });
    },
  );
});
