// Moves of a report along the workflow (core/workflow), checked in the transaction that makes
// them, and duplicate links to the first report of a bug with every finder credited.

import { checkStatusChange, ConflictError, InputError, type ReportStatus } from '../core/index.js';
import type { DuplicateFinder, ReportRecord } from '../services/ports.js';
import { checkOptionalText, encodeJson, storedTextLimits } from './check-stored-text.js';
import { readStatus, toReport } from './map-report-rows.js';
import type { StoreContext } from './store-context.js';
import {
  appendReportEvent,
  checkActor,
  requireReport,
  buildStaleVersionError,
  updateReportAtVersion,
} from './update-report-at-version.js';

export async function changeReportStatus(
  context: StoreContext,
  id: string,
  expectedVersion: number,
  to: ReportStatus,
  actor: string,
  message?: string,
): Promise<ReportRecord> {
  const by = checkActor(actor);
  const note = checkOptionalText('message', message, storedTextLimits.message);
  if (to === 'duplicate') {
    throw new InputError('name the original: a report becomes a duplicate through markDuplicate');
  }
  return await context.write(async (db) => {
    const current = await requireReport(db, id);
    if (current.version !== expectedVersion) {
      throw buildStaleVersionError(id, expectedVersion, current.version);
    }
    const from = readStatus(current.status);
    const next = checkStatusChange(from, to);
    const row = await updateReportAtVersion(context, db, id, expectedVersion, {
      status: next,
      // Reopening a duplicate ends its link to the original.
      ...(from === 'duplicate' ? { duplicate_of: null } : {}),
    });
    await appendReportEvent(context, db, {
      report_id: id,
      kind: 'status-changed',
      visibility: 'reporter',
      actor: by,
      body: note,
      from_status: from,
      to_status: next,
      data: null,
    });
    return toReport(row);
  });
}

export async function markDuplicateReport(
  context: StoreContext,
  id: string,
  expectedVersion: number,
  originalId: string,
  actor: string,
): Promise<ReportRecord> {
  const by = checkActor(actor);
  return await context.write(async (db) => {
    const current = await requireReport(db, id);
    if (current.version !== expectedVersion) {
      throw buildStaleVersionError(id, expectedVersion, current.version);
    }
    const original = await requireReport(db, originalId);
    if (original.project !== current.project) {
      throw new ConflictError(`report ${originalId} belongs to another project`);
    }
    const root = original.duplicate_of ?? original.id;
    if (root === id) {
      throw new ConflictError(`report ${id} cannot be a duplicate of itself`);
    }
    const from = readStatus(current.status);
    checkStatusChange(from, 'duplicate');
    const row = await updateReportAtVersion(context, db, id, expectedVersion, {
      status: 'duplicate',
      duplicate_of: root,
    });
    // Duplicates of this report now credit the same original, so chains stay one level deep.
    const now = context.now();
    await db
      .updateTable('reports')
      .set((eb) => ({ duplicate_of: root, version: eb('version', '+', 1), updated_at: now }))
      .where('duplicate_of', '=', id)
      .execute();
    await appendReportEvent(context, db, {
      report_id: id,
      kind: 'duplicate-linked',
      visibility: 'reporter',
      actor: by,
      body: null,
      from_status: from,
      to_status: 'duplicate',
      data: encodeJson('event data', { originalId: root }, 10_000),
    });
    return toReport(row);
  });
}

export async function listDuplicateFinders(
  context: StoreContext,
  id: string,
): Promise<DuplicateFinder[]> {
  return await context.read(async (db) => {
    const report = await requireReport(db, id);
    const root = report.duplicate_of ?? report.id;
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'reporter_name', 'reporter_email', 'received_at', 'duplicate_of'])
      .where((eb) => eb.or([eb('id', '=', root), eb('duplicate_of', '=', root)]))
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    const ordered = [
      ...rows.filter((row) => row.id === root),
      ...rows.filter((row) => row.id !== root),
    ];
    return ordered.map((row) => ({
      reportId: row.id,
      reporter: { name: row.reporter_name, email: row.reporter_email },
      receivedAt: row.received_at,
    }));
  });
}
