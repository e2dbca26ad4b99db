// Draft advisories of the inbox: one per report (the report heading a duplicate cluster), changed
// only from the version the caller read, each write logged in the report's audit log in the same
// transaction. The store keeps the JSON it is given; checking it against the model is the service's.

import type { Selectable } from 'kysely';
import { ConflictError, NotFoundError } from '../core/index.js';
import type { AdvisoryDraftRecord, AdvisoryDraftRecords } from '../services/ports.js';
import {
  checkInteger,
  checkNonEmptyText,
  encodeJson,
  storedTextLimits,
} from './check-stored-text.js';
import type { AdvisoryDraftsTable } from './report-store-tables.js';
import { isUniqueViolation, type StoreContext, type StoreDatabase } from './store-context.js';
import { appendReportEvent, checkActor, requireReport } from './update-report-at-version.js';

function toAdvisoryDraft(row: Selectable<AdvisoryDraftsTable>): AdvisoryDraftRecord {
  return {
    reportId: row.report_id,
    advisory: JSON.parse(row.advisory) as unknown,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The version of a report's draft; NotFoundError when the report has none. */
async function readDraftVersion(db: StoreDatabase, reportId: string): Promise<number> {
  const current = await db
    .selectFrom('advisory_drafts')
    .select('version')
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (current === undefined) throw new NotFoundError(`report ${reportId} has no draft advisory`);
  return current.version;
}

async function logDraftEvent(
  context: StoreContext,
  db: StoreDatabase,
  reportId: string,
  kind: 'advisory-drafted' | 'advisory-saved' | 'advisory-exported',
  actor: string,
  data: Record<string, unknown>,
): Promise<void> {
  await appendReportEvent(context, db, {
    report_id: reportId,
    kind,
    visibility: 'team',
    actor,
    body: null,
    from_status: null,
    to_status: null,
    data: encodeJson('event data', data, 10_000),
  });
}

export function createAdvisoryDraftRecords(context: StoreContext): AdvisoryDraftRecords {
  return {
    async get(reportId) {
      const row = await context.read((db) =>
        db
          .selectFrom('advisory_drafts')
          .selectAll()
          .where('report_id', '=', reportId)
          .executeTakeFirst(),
      );
      return row === undefined ? null : toAdvisoryDraft(row);
    },

    async create(reportId, advisory, actor) {
      const text = encodeJson('advisory', advisory, storedTextLimits.advisory);
      const by = checkActor(actor);
      try {
        return await context.write(async (db) => {
          await requireReport(db, reportId);
          const now = context.now();
          // Two concurrent creates: the primary key lets one in, the other is a conflict below.
          const row = await db
            .insertInto('advisory_drafts')
            .values({
              report_id: reportId,
              advisory: text,
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .onConflict((conflict) => conflict.column('report_id').doNothing())
            .returningAll()
            .executeTakeFirst();
          if (row === undefined) {
            throw new ConflictError(
              `report ${reportId} has a draft advisory already; open it and save your changes there`,
            );
          }
          await logDraftEvent(context, db, row.report_id, 'advisory-drafted', by, {
            version: row.version,
          });
          return toAdvisoryDraft(row);
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new ConflictError(`report ${reportId} has a draft advisory already`, {
          cause: error,
        });
      }
    },

    async save(reportId, expectedVersion, advisory, actor) {
      const version = checkInteger('version', expectedVersion, 1, 2_147_483_646);
      const text = encodeJson('advisory', advisory, storedTextLimits.advisory);
      const by = checkActor(actor);
      return context.write(async (db) => {
        // The version check is in the UPDATE itself: of two saves from one version, one wins.
        const row = await db
          .updateTable('advisory_drafts')
          .set({ advisory: text, version: version + 1, updated_at: context.now() })
          .where('report_id', '=', reportId)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) {
          const current = await readDraftVersion(db, reportId);
          throw new ConflictError(
            `the draft advisory of report ${reportId} changed since version ${version} (it is at ${current}); reload it and try again`,
          );
        }
        await logDraftEvent(context, db, row.report_id, 'advisory-saved', by, {
          version: row.version,
        });
        return toAdvisoryDraft(row);
      });
    },

    async logExport(reportId, exported, actor) {
      const version = checkInteger('version', exported.version, 1, 2_147_483_647);
      const format = checkNonEmptyText('format', exported.format, 20);
      const by = checkActor(actor);
      await context.write(async (db) => {
        await readDraftVersion(db, reportId);
        await logDraftEvent(context, db, reportId, 'advisory-exported', by, {
          version,
          format,
          forced: exported.forced === true,
        });
      });
    },
  };
}
