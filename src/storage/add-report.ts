// Stores a new report in state `new` with its `received` event and the reporter's token, in one
// transaction; the same content sent again to the same project returns the earlier report.

import { NotFoundError } from '../core/index.js';
import type { AddedReport, NewReport } from '../services/ports.js';
import {
  checkNonEmptyText,
  checkOptionalText,
  checkText,
  checkTime,
  encodeJson,
  storedTextLimits,
} from './check-stored-text.js';
import { createId, createToken, hashText } from './create-secret.js';
import { toReport } from './map-report-rows.js';
import type { ReportsTable } from './report-store-tables.js';
import type { StoreContext, StoreDatabase } from './store-context.js';
import { appendReportEvent, checkActor } from './update-report-at-version.js';

/** The row of a new report; InputError for a field the store cannot keep exactly. */
function buildReportRow(report: NewReport, now: string): ReportsTable {
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
  return {
    id: createId('r'),
    project,
    title,
    body,
    reporter_name: reporterName,
    reporter_email: reporterEmail,
    channel: checkNonEmptyText('channel', report.channel, storedTextLimits.name),
    format: checkNonEmptyText('format', report.format, storedTextLimits.name),
    content_hash:
      report.contentHash === undefined
        ? hashText(JSON.stringify([project, title, body, reporterName, reporterEmail]))
        : checkNonEmptyText('content hash', report.contentHash, storedTextLimits.name),
    received_at: report.receivedAt === undefined ? now : checkTime('receivedAt', report.receivedAt),
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
}

async function requireProject(db: StoreDatabase, project: string): Promise<void> {
  const known = await db
    .selectFrom('projects')
    .select('name')
    .where('name', '=', project)
    .executeTakeFirst();
  if (known === undefined) throw new NotFoundError(`no project named "${project}"`);
}

export async function addReport(context: StoreContext, report: NewReport): Promise<AddedReport> {
  const now = context.now();
  const row = buildReportRow(report, now);
  const actor = checkActor(report.actor ?? 'reporter');
  const token = createToken('report');
  return await context.write(async (db) => {
    await requireProject(db, row.project);
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
        .where('project', '=', row.project)
        .where('content_hash', '=', row.content_hash)
        .executeTakeFirstOrThrow();
      return { report: toReport(earlier), isNew: false, reporterToken: null };
    }
    await appendReportEvent(context, db, {
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
}
