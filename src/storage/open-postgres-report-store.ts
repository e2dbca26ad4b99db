// The report store on PostgreSQL, for several server processes sharing one database. Commits wait
// for the server's WAL flush (PostgreSQL's default synchronous_commit=on; the store never lowers
// it), and concurrent writers are kept apart by the version check inside each UPDATE.

import { PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { InputError } from '../core/index.js';
import type { Clock, ReportStore } from '../services/ports.js';
import { createSqlReportStore, systemClock } from './create-sql-report-store.js';

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/database`. */
  url: string;
  /** A schema of its own (created when missing); `public` when absent. */
  schema?: string;
  /** Connections in the pool (10 when absent). */
  maxConnections?: number;
  clock?: Clock;
}

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresReportStore(options: PostgresStoreOptions): Promise<ReportStore> {
  const { schema } = options;
  if (schema !== undefined && !schemaPattern.test(schema)) {
    throw new InputError(
      `schema "${schema}" must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection the server dropped (a restart, a failover) is reported here; without a
  // listener it would end the process. The pool replaces it, and a query that needed it fails
  // with an UnavailableError.
  pool.on('error', () => undefined);
  return createSqlReportStore(new PostgresDialect({ pool }), 'postgres', {
    clock: options.clock ?? systemClock,
    // Inside the migration's transaction and lock, so two processes starting together agree.
    ...(schema === undefined
      ? {}
      : {
          prepare: async (db) => {
            await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
          },
        }),
  });
}
