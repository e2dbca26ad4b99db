// The default report store: one SQLite file, created on first open, in WAL mode so readers never
// wait for the one writer. synchronous=FULL makes each commit wait for the WAL to reach the disk,
// so a report acknowledged to its sender survives a crash of the process or of the machine.

import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { InputError } from '../core/index.js';
import type { Clock, ReportStore } from '../services/ports.js';
import { createSqlReportStore, systemClock } from './create-sql-report-store.js';

export interface SqliteStoreOptions {
  /** The database file; created (with its -wal and -shm companions) when missing. */
  path: string;
  clock?: Clock;
}

function requireFolder(path: string): void {
  const folder = dirname(path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isFolder) {
    throw new InputError(`cannot create the report store ${path}: folder ${folder} does not exist`);
  }
}

function openDatabase(path: string): Database.Database {
  requireFolder(path);
  let database: Database.Database | undefined;
  try {
    // No busy timeout: it would block the event loop; the store retries asynchronously instead.
    database = new Database(path, { timeout: 0 });
    const mode = database.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new InputError(`${path}: SQLite could not use WAL mode (got ${String(mode)})`);
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    return database;
  } catch (error) {
    database?.close();
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot open the report store ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export async function openSqliteReportStore(options: SqliteStoreOptions): Promise<ReportStore> {
  const database = openDatabase(options.path);
  return createSqlReportStore(new SqliteDialect({ database }), 'sqlite', {
    clock: options.clock ?? systemClock,
  });
}
