// A project's queue, a page at a time: highest priority first, then oldest, then by id, with an
// opaque keyset cursor (the last row's sort key) so pages stay stable while reports arrive.

import { InputError, isReportStatus } from '../core/index.js';
import type { QueuePage, QueueQuery } from '../services/ports.js';
import { checkInteger } from './check-stored-text.js';
import { readRules, readStatus } from './map-report-rows.js';
import type { StoreContext } from './store-context.js';

const maxQueueLimit = 1000;
const defaultQueueLimit = 50;

type CursorKey = [priority: number, receivedAt: string, id: string];

function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): CursorKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    typeof value[0] !== 'number' ||
    !Number.isInteger(value[0]) ||
    typeof value[1] !== 'string' ||
    typeof value[2] !== 'string'
  ) {
    throw new InputError('the queue cursor is not one this store gave out');
  }
  return value as CursorKey;
}

export async function listReportQueue(
  context: StoreContext,
  query: QueueQuery,
): Promise<QueuePage> {
  const limit = checkInteger('limit', query.limit ?? defaultQueueLimit, 1, maxQueueLimit);
  const statuses = [...(query.statuses ?? [])];
  for (const status of statuses) {
    if (!isReportStatus(status)) throw new InputError(`unknown report status "${String(status)}"`);
  }
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await context.read((db) => {
    let select = db
      .selectFrom('reports')
      .select(['id', 'title', 'status', 'disposition', 'priority', 'rules', 'received_at'])
      .where('project', '=', query.project);
    if (statuses.length > 0) select = select.where('status', 'in', statuses);
    if (after !== null) {
      const [priority, receivedAt, id] = after;
      select = select.where((eb) =>
        eb.or([
          eb('priority', '<', priority),
          eb.and([
            eb('priority', '=', priority),
            eb.or([
              eb('received_at', '>', receivedAt),
              eb.and([eb('received_at', '=', receivedAt), eb('id', '>', id)]),
            ]),
          ]),
        ]),
      );
    }
    return select
      .orderBy('priority', 'desc')
      .orderBy('received_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit + 1)
      .execute();
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    reports: page.map((row) => ({
      id: row.id,
      title: row.title,
      status: readStatus(row.status),
      disposition: row.disposition,
      priority: row.priority,
      rules: readRules(row.rules),
      receivedAt: row.received_at,
    })),
    next:
      rows.length > limit && last !== undefined
        ? encodeCursor([last.priority, last.received_at, last.id])
        : null,
  };
}
