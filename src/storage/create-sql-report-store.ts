// The report store over the one query layer both databases share; the openers for SQLite and
// PostgreSQL differ only in how they connect and tune the connection.

import { Kysely, type Dialect } from 'kysely';
import type { Clock, ReportStore } from '../services/ports.js';
import { createAdvisoryDraftRecords } from './create-advisory-draft-records.js';
import { createDuplicateDocumentRecords } from './create-duplicate-document-records.js';
import { createPeopleRecords } from './create-people-records.js';
import { createProjectRecords } from './create-project-records.js';
import { createReportRecords } from './create-report-records.js';
import { migrateReportStore } from './migrate-report-store.js';
import type { StoreTables } from './report-store-tables.js';
import { createStoreContext, type SqlDialectName, type StoreDatabase } from './store-context.js';

export const systemClock: Clock = { now: () => new Date() };

/** Connects, migrates to the newest schema, and returns the store; closes the connection on failure. */
export async function createSqlReportStore(
  dialect: Dialect,
  dialectName: SqlDialectName,
  options: { clock: Clock; prepare?: (db: StoreDatabase) => Promise<void> },
): Promise<ReportStore> {
  const db = new Kysely<StoreTables>({ dialect });
  const context = createStoreContext(db, dialectName, options.clock);
  try {
    await migrateReportStore(context, options.prepare);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    projects: createProjectRecords(context),
    reports: createReportRecords(context),
    people: createPeopleRecords(context),
    duplicateDocuments: createDuplicateDocumentRecords(context),
    advisoryDrafts: createAdvisoryDraftRecords(context),
    close: () => (closing ??= db.destroy()),
  };
}
