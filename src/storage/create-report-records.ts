// Reports of the inbox: stored once per content, changed only with the version the caller read,
// moved only along the workflow of core/workflow, and every change written to the append-only
// event log in the same transaction as the change itself.

import { InputError, reportStatuses, type ReportStatus } from '../core/index.js';
import type { ReportChanges, ReportRecords } from '../services/ports.js';
import { addReport } from './add-report.js';
import {
  changeReportStatus,
  listDuplicateFinders,
  markDuplicateReport,
} from './change-report-status.js';
import { sql } from 'kysely';
import { checkNonEmptyText, checkTime, encodeJson, storedTextLimits } from './check-stored-text.js';
import { createToken, hashText } from './create-secret.js';
import { listReportQueue } from './list-report-queue.js';
import { encodeReportChanges, readStatus, toEvent, toReport } from './map-report-rows.js';
import type { StoreContext } from './store-context.js';
import {
  appendReportEvent,
  checkActor,
  requireReport,
  updateReportAtVersion,
} from './update-report-at-version.js';

const acceptedStatuses: ReportStatus[] = ['accepted', 'fixing', 'fixed', 'disclosed'];

/** The port's names of the fields a change sets, for the audit log. */
function listChangedFields(changes: ReportChanges): string[] {
  return Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field)
    .sort();
}

export function createReportRecords(context: StoreContext): ReportRecords {
  return {
    add: (report) => addReport(context, report),

    async get(id) {
      const row = await context.read((db) =>
        db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row === undefined ? null : toReport(row);
    },

    async update(id, expectedVersion, changes: ReportChanges, actor) {
      const set = encodeReportChanges(changes);
      const by = checkActor(actor);
      return context.write(async (db) => {
        const row = await updateReportAtVersion(context, db, id, expectedVersion, set);
        await appendReportEvent(context, db, {
          report_id: id,
          kind: 'updated',
          visibility: 'team',
          actor: by,
          body: null,
          from_status: null,
          to_status: null,
          data: encodeJson('event data', { fields: listChangedFields(changes) }, 10_000),
        });
        return toReport(row);
      });
    },

    changeStatus: (id, expectedVersion, to, actor, message) =>
      changeReportStatus(context, id, expectedVersion, to, actor, message),
    markDuplicate: (id, expectedVersion, originalId, actor) =>
      markDuplicateReport(context, id, expectedVersion, originalId, actor),
    listFinders: (id) => listDuplicateFinders(context, id),

    listQueue: (query) => listReportQueue(context, query),

    async countByStatus(project) {
      const rows = await context.read((db) =>
        db
          .selectFrom('reports')
          .select((eb) => ['status', eb.fn.countAll().as('count')])
          .where('project', '=', project)
          .groupBy('status')
          .execute(),
      );
      const counts = Object.fromEntries(reportStatuses.map((status) => [status, 0])) as Record<
        ReportStatus,
        number
      >;
      for (const row of rows) counts[readStatus(row.status)] = Number(row.count);
      return counts;
    },

    async listActivity(project) {
      // The first reply a maintainer sent to the reporter's thread (a message or a move), per report.
      const rows = await context.read((db) =>
        db
          .selectFrom('reports')
          .leftJoin(
            (eb) =>
              eb
                .selectFrom('report_events')
                .select((inner) => ['report_id', inner.fn.min('at').as('first_at')])
                .where('actor', 'like', 'user:%')
                .where('visibility', '=', 'reporter')
                .where('kind', 'in', ['message', 'status-changed'])
                .groupBy('report_id')
                .as('responses'),
            (join) => join.onRef('responses.report_id', '=', 'reports.id'),
          )
          .select([
            'reports.id',
            'reports.status',
            'reports.disposition',
            'reports.received_at',
            'responses.first_at',
          ])
          .where('reports.project', '=', project)
          .orderBy('reports.received_at')
          .orderBy('reports.id')
          .execute(),
      );
      return rows.map((row) => ({
        id: row.id,
        status: readStatus(row.status),
        disposition: row.disposition,
        receivedAt: row.received_at,
        firstResponseAt: row.first_at ?? null,
      }));
    },

    async summarizeReporter({ project, email, since }) {
      const address = checkNonEmptyText('e-mail address', email, storedTextLimits.line)
        .trim()
        .toLowerCase();
      const from = checkTime('since', since);
      const row = await context.read((db) =>
        db
          .selectFrom('reports')
          .select((eb) => [
            eb.fn.countAll().as('total'),
            eb.fn.sum(eb.case().when('received_at', '>=', from).then(1).else(0).end()).as('recent'),
            eb.fn
              .sum(eb.case().when('status', 'in', acceptedStatuses).then(1).else(0).end())
              .as('accepted'),
          ])
          .where('project', '=', project)
          .where(sql`lower(reporter_email)`, '=', address)
          .executeTakeFirstOrThrow(),
      );
      return {
        total: Number(row.total),
        recent: Number(row.recent ?? 0),
        accepted: Number(row.accepted ?? 0),
      };
    },

    async addMessage(reportId, message) {
      const visibility = message.visibility === 'reporter' ? 'reporter' : 'team';
      if (message.visibility !== visibility) {
        throw new InputError('a message is for the reporter or for the team');
      }
      const body = checkNonEmptyText('message', message.body, storedTextLimits.message);
      const actor = checkActor(message.actor);
      return context.write(async (db) => {
        await requireReport(db, reportId);
        return appendReportEvent(context, db, {
          report_id: reportId,
          kind: 'message',
          visibility,
          actor,
          body,
          from_status: null,
          to_status: null,
          data: null,
        });
      });
    },

    async listEvents(reportId, view) {
      const rows = await context.read((db) => {
        let select = db.selectFrom('report_events').selectAll().where('report_id', '=', reportId);
        if (view === 'reporter') select = select.where('visibility', '=', 'reporter');
        return select.orderBy('sequence').execute();
      });
      return rows.map(toEvent);
    },

    async issueAccessToken(reportId, role, actor) {
      if (role !== 'reporter' && role !== 'guest') {
        throw new InputError('a report token is for the reporter or a guest');
      }
      const by = checkActor(actor);
      const token = createToken('report');
      await context.write(async (db) => {
        await requireReport(db, reportId);
        await db
          .insertInto('report_access_tokens')
          .values({
            token_hash: hashText(token),
            report_id: reportId,
            role,
            created_at: context.now(),
            revoked_at: null,
          })
          .execute();
        await appendReportEvent(context, db, {
          report_id: reportId,
          kind: 'access-granted',
          visibility: 'team',
          actor: by,
          body: null,
          from_status: null,
          to_status: null,
          data: encodeJson('event data', { role }, 10_000),
        });
      });
      return token;
    },

    async revokeAccess(reportId, role, actor) {
      const by = checkActor(actor);
      return context.write(async (db) => {
        await requireReport(db, reportId);
        const result = await db
          .updateTable('report_access_tokens')
          .set({ revoked_at: context.now() })
          .where('report_id', '=', reportId)
          .where('role', '=', role)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        const count = Number(result.numUpdatedRows);
        await appendReportEvent(context, db, {
          report_id: reportId,
          kind: 'access-revoked',
          visibility: 'team',
          actor: by,
          body: null,
          from_status: null,
          to_status: null,
          data: encodeJson('event data', { role, count }, 10_000),
        });
        return count;
      });
    },

    async findAccess(token) {
      if (typeof token !== 'string' || token.length > storedTextLimits.name) return null;
      const row = await context.read((db) =>
        db
          .selectFrom('report_access_tokens')
          .select(['report_id', 'role'])
          .where('token_hash', '=', hashText(token))
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
      if (row === undefined) return null;
      return { reportId: row.report_id, role: row.role === 'guest' ? 'guest' : 'reporter' };
    },
  };
}
