// What every part of the SQL report store shares: the query layer, the dialect it speaks, the
// clock, and the two ways to run work (plain reads, and write transactions that resolve after
// commit). SQLite write transactions start with BEGIN IMMEDIATE so the one writer is chosen up
// front; a store that finds the database busy waits asynchronously and tries again.

import { sql, type Kysely } from 'kysely';
import { UnavailableError } from '../core/index.js';
import type { Clock } from '../services/ports.js';
import type { StoreTables } from './report-store-tables.js';

export type SqlDialectName = 'sqlite' | 'postgres';

export type StoreDatabase = Kysely<StoreTables>;

export interface StoreContext {
  dialect: SqlDialectName;
  /** The current time as ISO 8601 UTC. */
  now(): string;
  read<T>(work: (db: StoreDatabase) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction on one connection; resolves once it is committed. */
  write<T>(work: (transaction: StoreDatabase) => Promise<T>): Promise<T>;
}

/** How long a busy SQLite database (another process writing) is waited for. */
const busyWaitMs = 10_000;

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

/** SQLite's "another connection holds the lock", PostgreSQL's deadlock and serialization failures. */
function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_BUSY_SNAPSHOT' ||
    code === '40P01' ||
    code === '40001'
  );
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** PostgreSQL's unique_violation and SQLite's UNIQUE or PRIMARY KEY constraint failures. */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

async function retryWhileBusy<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + busyWaitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (connectionErrorCodes.has(errorCode(error) as string)) {
        throw new UnavailableError(`the database is unavailable: ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (!isRetryable(error)) throw error;
      if (Date.now() > deadline) {
        throw new UnavailableError(
          `the database stayed busy for ${busyWaitMs / 1000} s (another writer holds it)`,
          { cause: error },
        );
      }
      // Jittered backoff up to 50 ms keeps two writers from retrying in lockstep.
      const delay = Math.min(50, 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export function createStoreContext(
  db: StoreDatabase,
  dialect: SqlDialectName,
  clock: Clock,
): StoreContext {
  const begin = dialect === 'sqlite' ? 'begin immediate' : 'begin';
  return {
    dialect,
    now: () => clock.now().toISOString(),
    read: (work) => retryWhileBusy(() => work(db)),
    write: (work) =>
      retryWhileBusy(() =>
        db.connection().execute(async (connection) => {
          await sql.raw(begin).execute(connection);
          try {
            const result = await work(connection);
            await sql.raw('commit').execute(connection);
            return result;
          } catch (error) {
            await sql
              .raw('rollback')
              .execute(connection)
              .catch(() => undefined);
            throw error;
          }
        }),
      ),
  };
}
