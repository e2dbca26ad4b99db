// Reports of the inbox: stored once per content, changed only with the version the caller read,
// moved only along the workflow of core/workflow, and every change written to the append-only
// event log in the same transaction as the change itself.

import type { Insertable } from 'kysely';
import {
  checkStatusChange,
  ConflictError,
  InputError,
  NotFoundError,
  reportStatuses,
  type ReportStatus,
} from '../core/index.js';
import type { ReportChanges, ReportRecords } from '../services/ports.js';
import {
  checkNonEmptyText,
  checkOptionalText,
  checkText,
  checkTime,
  encodeJson,
  storedTextLimits,
} from './check-stored-text.js';
import { createId, createToken, hashText } from './create-secret.js';
import { listReportQueue } from './list-report-queue.js';
import { encodeReportChanges, readStatus, toEvent, toReport } from './map-report-rows.js';
import type { ReportEventsTable, ReportsTable } from './report-store-tables.js';
import type { StoreContext, StoreDatabase } from './store-context.js';

type NewEvent = Omit<Insertable<ReportEventsTable>, 'at' | 'sequence'>;

async function appendEvent(context: StoreContext, db: StoreDatabase, event: NewEvent) {
  const row = await db
    .insertInto('report_events')
    .values({ ...event, at: context.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEvent(row);
}

async function requireReport(db: StoreDatabase, id: string) {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`no report with id "${id}"`);
  return row;
}

function staleVersion(id: string, expected: number, current: number): ConflictError {
  return new ConflictError(
    `report ${id} changed since version ${expected} (it is at ${current}); reload it and try again`,
  );
}

/**
 * Sets columns of one report when its version is still `expectedVersion`. The version check is
 * in the UPDATE itself, so of two writers that read the same version exactly one succeeds.
 */
async function updateAtVersion(
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
  throw staleVersion(id, expectedVersion, current.version);
}

function checkActor(actor: unknown): string {
  return checkNonEmptyText('actor', actor, storedTextLimits.name);
}

export function createReportRecords(context: StoreContext): ReportRecords {
  return {
    async add(report) {
      const project = checkText('project', report.project, storedTextLimits.name);
      const title = checkText('title', report.title, storedTextLimits.line);
      const body = checkText('body', report.body, storedTextLimits.body);
      const reporterName = checkOptionalText(
        'reporter name',
        report.reporter?.name,
        storedTextLimits.line,
      );
      const reporterEmail = checkOptionalText(
        'reporter e-mail',
        report.reporter?.email,
        storedTextLimits.line,
      );
      const actor = checkActor(report.actor ?? 'reporter');
      const contentHash =
        report.contentHash === undefined
          ? hashText(JSON.stringify([project, title, body, reporterName, reporterEmail]))
          : checkNonEmptyText('content hash', report.contentHash, storedTextLimits.name);
      const now = context.now();
      const row: ReportsTable = {
        id: createId('r'),
        project,
        title,
        body,
        reporter_name: reporterName,
        reporter_email: reporterEmail,
        channel: checkNonEmptyText('channel', report.channel, storedTextLimits.name),
        format: checkNonEmptyText('format', report.format, storedTextLimits.name),
        content_hash: contentHash,
        received_at:
          report.receivedAt === undefined ? now : checkTime('receivedAt', report.receivedAt),
        status: 'new',
        version: 1,
        assessment: null,
        disposition: null,
        priority: 0,
        rules: '[]',
        embargo_until: null,
        duplicate_of: null,
        created_at: now,
        updated_at: now,
      };
      const token = createToken('report');
      return context.write(async (db) => {
        const known = await db
          .selectFrom('projects')
          .select('name')
          .where('name', '=', project)
          .executeTakeFirst();
        if (known === undefined) throw new NotFoundError(`no project named "${project}"`);
        // A concurrent add of the same content waits here for the first and then inserts nothing.
        const inserted = await db
          .insertInto('reports')
          .values(row)
          .onConflict((conflict) => conflict.columns(['project', 'content_hash']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted === undefined) {
          const earlier = await db
            .selectFrom('reports')
            .selectAll()
            .where('project', '=', project)
            .where('content_hash', '=', contentHash)
            .executeTakeFirstOrThrow();
          return { report: toReport(earlier), isNew: false, reporterToken: null };
        }
        await appendEvent(context, db, {
          report_id: row.id,
          kind: 'received',
          visibility: 'reporter',
          actor,
          body: null,
          from_status: null,
          to_status: 'new',
          data: encodeJson('event data', { channel: row.channel, format: row.format }, 10_000),
        });
        await db
          .insertInto('report_access_tokens')
          .values({
            token_hash: hashText(token),
            report_id: row.id,
            role: 'reporter',
            created_at: now,
            revoked_at: null,
          })
          .execute();
        return { report: toReport(row), isNew: true, reporterToken: token };
      });
    },

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
        const row = await updateAtVersion(context, db, id, expectedVersion, set);
        await appendEvent(context, db, {
          report_id: id,
          kind: 'updated',
          visibility: 'team',
          actor: by,
          body: null,
          from_status: null,
          to_status: null,
          data: encodeJson('event data', { fields: Object.keys(set).sort() }, 10_000),
        });
        return toReport(row);
      });
    },

    async changeStatus(id, expectedVersion, to, actor, message) {
      const by = checkActor(actor);
      const note = checkOptionalText('message', message, storedTextLimits.message);
      if (to === 'duplicate') {
        throw new InputError(
          'name the original: a report becomes a duplicate through markDuplicate',
        );
      }
      return context.write(async (db) => {
        const current = await requireReport(db, id);
        if (current.version !== expectedVersion) {
          throw staleVersion(id, expectedVersion, current.version);
        }
        const from = readStatus(current.status);
        const next = checkStatusChange(from, to);
        const row = await updateAtVersion(context, db, id, expectedVersion, {
          status: next,
          // Reopening a duplicate ends its link to the original.
          ...(from === 'duplicate' ? { duplicate_of: null } : {}),
        });
        await appendEvent(context, db, {
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
    },

    async markDuplicate(id, expectedVersion, originalId, actor) {
      const by = checkActor(actor);
      return context.write(async (db) => {
        const current = await requireReport(db, id);
        if (current.version !== expectedVersion) {
          throw staleVersion(id, expectedVersion, current.version);
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
        const row = await updateAtVersion(context, db, id, expectedVersion, {
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
        await appendEvent(context, db, {
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
    },

    async listFinders(id) {
      return context.read(async (db) => {
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
    },

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

    async addMessage(reportId, message) {
      const visibility = message.visibility === 'reporter' ? 'reporter' : 'team';
      if (message.visibility !== visibility) {
        throw new InputError('a message is for the reporter or for the team');
      }
      const body = checkNonEmptyText('message', message.body, storedTextLimits.message);
      const actor = checkActor(message.actor);
      return context.write(async (db) => {
        await requireReport(db, reportId);
        return appendEvent(context, db, {
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
        await appendEvent(context, db, {
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
