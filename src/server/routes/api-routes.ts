// The REST API under /api/v1 (docs/server.md; the OpenAPI document in openapi-document.ts lists
// every route). Maintainers and report holders authenticate with `Authorization: Bearer`.

import { Hono, type Context } from 'hono';
import { InputError, isReportStatus, NotFoundError, type ReportStatus } from '../../core/index.js';
import type { InboxService, Viewer } from '../../services/create-inbox-service.js';
import type { ReportRecord } from '../../services/ports.js';
import type { ServerEnv } from '../server-env.js';
import { createOpenApiDocument } from '../openapi-document.js';

async function identify(c: Context<ServerEnv>, inbox: InboxService): Promise<Viewer> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([\w-]{1,200})$/.exec(header);
  return match ? inbox.identifyToken(match[1]!) : { kind: 'anonymous' };
}

function requireMaintainerOrThrow(viewer: Viewer): void {
  if (viewer.kind !== 'maintainer') {
    throw new UnauthorizedError('a maintainer token is required (Authorization: Bearer)');
  }
}

/** Mapped to 401 by the app's error handler. */
export class UnauthorizedError extends Error {
  readonly code = 'unauthorized';
}

async function readJsonObject(c: Context<ServerEnv>): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new InputError('the body must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function readLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new InputError('limit must be a whole number from 1 to 1000');
  }
  return limit;
}

function readStatuses(values: string[]): ReportStatus[] {
  const statuses = values.flatMap((value) => value.split(',')).filter((value) => value !== '');
  for (const status of statuses) {
    if (!isReportStatus(status)) throw new InputError(`unknown status "${status}"`);
  }
  return statuses as ReportStatus[];
}

/** What the reporter (or a guest) sees of their report: no assessment, no team notes. */
function toReporterView(record: ReportRecord) {
  return {
    id: record.id,
    project: record.project,
    title: record.title,
    body: record.body,
    reporter: record.reporter,
    status: record.status,
    receivedAt: record.receivedAt,
    updatedAt: record.updatedAt,
  };
}

function toMaintainerView(record: ReportRecord) {
  return {
    ...toReporterView(record),
    channel: record.channel,
    format: record.format,
    version: record.version,
    disposition: record.disposition,
    priority: record.priority,
    rules: record.rules,
    embargoUntil: record.embargoUntil,
    duplicateOf: record.duplicateOf,
    assessment: record.assessment,
  };
}

export function createApiRoutes(options: {
  inbox: InboxService;
  takeSubmission: (c: Context<ServerEnv>) => boolean;
}): Hono<ServerEnv> {
  const { inbox } = options;
  const api = new Hono<ServerEnv>();

  api.get('/openapi.json', (c) => c.json(createOpenApiDocument()));

  api.post('/projects/:project/reports', async (c) => {
    if (!options.takeSubmission(c)) {
      return c.json(
        { error: { code: 'rate-limited', message: 'too many reports; try later' } },
        429,
      );
    }
    const body = await readJsonObject(c);
    const reporter = body.reporter;
    if (reporter !== undefined && reporter !== null && typeof reporter !== 'object') {
      throw new InputError('reporter must be an object with name and email');
    }
    const receipt = await inbox.submitReport({
      project: c.req.param('project'),
      title: body.title as string,
      body: body.body as string,
      reporter: reporter ?? null,
      channel: 'api',
    });
    const url = receipt.token === null ? null : new URL(`/track/${receipt.token}`, c.req.url).href;
    return c.json({ ...receipt, url }, 201);
  });

  api.get('/projects/:project/reports', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    const page = await inbox.listQueue({
      project: c.req.param('project'),
      statuses: readStatuses(c.req.queries('status') ?? []),
      limit: readLimit(c.req.query('limit')),
      cursor: c.req.query('cursor') ?? null,
    });
    return c.json(page);
  });

  api.get('/projects/:project/counts', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    return c.json({ counts: await inbox.countByStatus(c.req.param('project')) });
  });

  api.get('/reports/:id', async (c) => {
    const viewer = await identify(c, inbox);
    const record = await inbox.getReport(viewer, c.req.param('id'));
    return c.json(viewer.kind === 'maintainer' ? toMaintainerView(record) : toReporterView(record));
  });

  api.post('/reports/:id/status', async (c) => {
    const viewer = await identify(c, inbox);
    const body = await readJsonObject(c);
    if (!isReportStatus(body.status)) throw new InputError('status must be a workflow state');
    if (!Number.isSafeInteger(body.version)) throw new InputError('version must be a number');
    if (body.message !== undefined && typeof body.message !== 'string') {
      throw new InputError('message must be text');
    }
    const record = await inbox.changeStatus(viewer, c.req.param('id'), {
      status: body.status,
      version: body.version as number,
      ...(typeof body.message === 'string' && body.message !== '' ? { message: body.message } : {}),
    });
    return c.json(toMaintainerView(record));
  });

  api.post('/reports/:id/triage', async (c) => {
    const viewer = await identify(c, inbox);
    // A report's holder learns nothing more than anyone else: not found, as for a stranger.
    if (viewer.kind !== 'maintainer') throw new NotFoundError(`no report "${c.req.param('id')}"`);
    return c.json(toMaintainerView(await inbox.triageStoredReport(c.req.param('id'))));
  });

  api.get('/reports/:id/messages', async (c) => {
    const viewer = await identify(c, inbox);
    const events = await inbox.listMessages(viewer, c.req.param('id'));
    return c.json({ events });
  });

  for (const [path, visibility] of [
    ['/reports/:id/messages', 'reporter'],
    ['/reports/:id/notes', 'team'],
  ] as const) {
    api.post(path, async (c) => {
      const viewer = await identify(c, inbox);
      const body = await readJsonObject(c);
      const event = await inbox.addMessage(viewer, c.req.param('id'), {
        body: body.body as string,
        visibility,
      });
      return c.json(event, 201);
    });
  }

  return api;
}
