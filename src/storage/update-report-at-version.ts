// What every change of a report shares: the event written in the same transaction, and the
// version check inside the UPDATE itself, so of two writers that read the same version exactly
// one succeeds.

import type { Insertable } from 'kysely';
import { ConflictError, NotFoundError } from '../core/index.js';
import { checkNonEmptyText, storedTextLimits } from './check-stored-text.js';
import { toEvent } from './map-report-rows.js';
import type { ReportEventsTable, ReportsTable } from './report-store-tables.js';
import type { StoreContext, StoreDatabase } from './store-context.js';

type NewEvent = Omit<Insertable<ReportEventsTable>, 'at' | 'sequence'>;

export async function appendReportEvent(context: StoreContext, db: StoreDatabase, event: NewEvent) {
  const row = await db
    .insertInto('report_events')
    .values({ ...event, at: context.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEvent(row);
}

export async function requireReport(db: StoreDatabase, id: string) {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`no report with id "${id}"`);
  return row;
}

export function buildStaleVersionError(
  id: string,
  expected: number,
  current: number,
): ConflictError {
  return new ConflictError(
    `report ${id} changed since version ${expected} (it is at ${current}); reload it and try again`,
  );
}

/**
 * Sets columns of one report when its version is still `expectedVersion`. The version check is
 * in the UPDATE itself, so of two writers that read the same version exactly one succeeds.
 */
export async function updateReportAtVersion(
  context: StoreContext,
  db: StoreDatabase,
  id: string,
  expectedVersion: number,
  set: Partial<ReportsTable>,
) {
  const row = await db
    .updateTable('reports')
    .set({ ...set, version: expectedVersion + 1, updated_at: context.now() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) return row;
  const current = await requireReport(db, id);
  throw buildStaleVersionError(id, expectedVersion, current.version);
}

export function checkActor(actor: unknown): string {
  return checkNonEmptyText('actor', actor, storedTextLimits.name);
}
