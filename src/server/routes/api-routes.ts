// The REST API under /api/v1 (docs/server.md; the OpenAPI document in openapi-document.ts lists
// every route). Maintainers and report holders authenticate with `Authorization: Bearer`.

import { Hono, type Context } from 'hono';
import { InputError, isReportStatus, NotFoundError, type ReportStatus } from '../../core/index.js';
import type { InboxService, Viewer } from '../../services/create-inbox-service.js';
import type { InboxAdvisoryDraft } from '../../services/manage-inbox-advisories.js';
import { describeExportRefusal, readAdvisoryFormat } from '../read-advisory-export.js';
import type { ProjectSettings, ReportRecord } from '../../services/ports.js';
import type { ServerEnv } from '../server-env.js';
import { createOpenApiDocument } from '../openapi-document.js';
import { summarizeInboxActivity } from '../../core/index.js';

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

/** A JSON object body, or {} when the request has none. */
async function readOptionalJsonObject(c: Context<ServerEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('the body must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function readOptionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`${name} must be text`);
  return value;
}

function toAdvisoryDraftView(draft: InboxAdvisoryDraft) {
  return {
    reportId: draft.reportId,
    version: draft.version,
    advisory: draft.advisory,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
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

/** The media type of a request body, without parameters, lower-cased. */
function readMediaType(c: Context<ServerEnv>): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function readFormText(form: Record<string, unknown>, name: string): string | null {
  const value = form[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The fields of a settings change the caller may send, each checked by the service. */
const settingNames = [
  'intakePausedMessage',
  'workInProgressLimit',
  'requireReproductionFromNewReporters',
  'reportsPerReporterPerDay',
  'publishDisclosedReports',
] as const;

function readSettingsChange(body: Record<string, unknown>): Partial<ProjectSettings> {
  for (const key of Object.keys(body)) {
    if (!(settingNames as readonly string[]).includes(key)) {
      throw new InputError(`unknown setting "${key}"; expected ${settingNames.join(', ')}`);
    }
  }
  return body;
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
    const mediaType = readMediaType(c);
    let receipt;
    if (mediaType === 'multipart/form-data') {
      receipt = await submitFile(c, c.req.param('project'));
    } else if (mediaType === 'application/json' || mediaType === '') {
      const body = await readJsonObject(c);
      const reporter = body.reporter;
      if (reporter !== undefined && reporter !== null && typeof reporter !== 'object') {
        throw new InputError('reporter must be an object with name and email');
      }
      receipt = await inbox.submitReport({
        project: c.req.param('project'),
        title: body.title as string,
        body: body.body as string,
        reporter: reporter ?? null,
        channel: 'api',
      });
    } else {
      return c.json(
        {
          error: {
            code: 'unsupported-media-type',
            message: 'send application/json, or multipart/form-data with a report file in "file"',
          },
        },
        415,
      );
    }
    const url = receipt.token === null ? null : new URL(`/track/${receipt.token}`, c.req.url).href;
    return c.json({ ...receipt, url }, 201);
  });

  /** `multipart/form-data`: the report file in `file`; `title`, `name` and `email` optional. */
  async function submitFile(c: Context<ServerEnv>, project: string) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new InputError('the multipart body could not be read');
    }
    const file = form.file;
    if (!(file instanceof File)) {
      throw new InputError('a multipart submission needs the report file in the field "file"');
    }
    return inbox.submitReportFile({
      project,
      file: { name: file.name || 'report', content: new Uint8Array(await file.arrayBuffer()) },
      title: readFormText(form, 'title'),
      reporter: { name: readFormText(form, 'name'), email: readFormText(form, 'email') },
      channel: 'api',
    });
  }

  api.get('/projects/:project/published', async (c) => {
    const published = await inbox.listPublishedReports(c.req.param('project'));
    return c.json({
      reports: published.map((record) => ({
        id: record.id,
        title: record.title,
        body: record.body,
        receivedAt: record.receivedAt,
        disclosedAt: record.updatedAt,
      })),
    });
  });

  api.get('/projects/:project/settings', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    return c.json({ settings: (await inbox.getProject(c.req.param('project'))).settings });
  });

  api.post('/projects/:project/settings', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    const { project } = await inbox.updateProject(c.req.param('project'), {
      settings: readSettingsChange(await readJsonObject(c)),
    });
    return c.json({ settings: project.settings });
  });

  api.post('/projects/:project/profile', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    const body = await readJsonObject(c);
    if (typeof body.profile !== 'string') {
      throw new InputError('profile must be the text of a security-profile.yml');
    }
    const { retriaged, failed } = await inbox.updateProject(c.req.param('project'), {
      profileYaml: body.profile,
    });
    return c.json({ retriaged, failed });
  });

  api.post('/projects/:project/triage', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    return c.json(await inbox.retriageProject(c.req.param('project')));
  });

  api.get('/projects/:project/dashboard', async (c) => {
    requireMaintainerOrThrow(await identify(c, inbox));
    const activity = await inbox.listActivity(c.req.param('project'));
    return c.json(summarizeInboxActivity(activity, new Date().toISOString()));
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

  api.post('/reports/:id/duplicate', async (c) => {
    const viewer = await identify(c, inbox);
    const body = await readJsonObject(c);
    if (typeof body.originalId !== 'string') throw new InputError('originalId must be a report id');
    if (!Number.isSafeInteger(body.version)) throw new InputError('version must be a number');
    const record = await inbox.markDuplicate(viewer, c.req.param('id'), {
      originalId: body.originalId,
      version: body.version as number,
    });
    return c.json(toMaintainerView(record));
  });

  api.get('/reports/:id/finders', async (c) => {
    const viewer = await identify(c, inbox);
    return c.json({ finders: await inbox.listFinders(viewer, c.req.param('id')) });
  });

  api.post('/reports/:id/embargo', async (c) => {
    const viewer = await identify(c, inbox);
    const body = await readJsonObject(c);
    if (body.until !== null && typeof body.until !== 'string') {
      throw new InputError('until must be a date (YYYY-MM-DD or ISO 8601), or null');
    }
    if (!Number.isSafeInteger(body.version)) throw new InputError('version must be a number');
    const record = await inbox.setEmbargo(viewer, c.req.param('id'), {
      until: body.until,
      version: body.version as number,
    });
    return c.json(toMaintainerView(record));
  });

  api.post('/reports/:id/guests', async (c) => {
    const viewer = await identify(c, inbox);
    const token = await inbox.inviteGuest(viewer, c.req.param('id'));
    return c.json({ token, url: new URL(`/track/${token}`, c.req.url).href }, 201);
  });

  api.delete('/reports/:id/guests', async (c) => {
    const viewer = await identify(c, inbox);
    return c.json({ revoked: await inbox.revokeGuests(viewer, c.req.param('id')) });
  });

  api.get('/reports/:id/messages', async (c) => {
    const viewer = await identify(c, inbox);
    const events = await inbox.listMessages(viewer, c.req.param('id'));
    return c.json({ events });
  });

  api.get('/reports/:id/advisory', async (c) => {
    const viewer = await identify(c, inbox);
    const draft = await inbox.getAdvisoryDraft(viewer, c.req.param('id'));
    if (draft === null) {
      throw new NotFoundError(
        `report ${c.req.param('id')} has no draft advisory yet; POST to this address drafts it`,
      );
    }
    return c.json(toAdvisoryDraftView(draft));
  });

  api.post('/reports/:id/advisory', async (c) => {
    const viewer = await identify(c, inbox);
    const body = await readOptionalJsonObject(c);
    const cveId = readOptionalString(body, 'cveId');
    const ecosystem = readOptionalString(body, 'ecosystem');
    const { draft, notes } = await inbox.createAdvisoryDraft(viewer, c.req.param('id'), {
      ...(cveId !== undefined ? { cveId } : {}),
      ...(ecosystem !== undefined ? { ecosystem } : {}),
    });
    return c.json({ ...toAdvisoryDraftView(draft), notes }, 201);
  });

  api.put('/reports/:id/advisory', async (c) => {
    const viewer = await identify(c, inbox);
    const body = await readJsonObject(c);
    if (!Number.isSafeInteger(body.version)) throw new InputError('version must be a number');
    const { advisory } = body;
    if (typeof advisory !== 'string' && (typeof advisory !== 'object' || advisory === null)) {
      throw new InputError('advisory must be the advisory model (an object, or its JSON text)');
    }
    const draft = await inbox.saveAdvisoryDraft(viewer, c.req.param('id'), {
      version: body.version as number,
      text: typeof advisory === 'string' ? advisory : JSON.stringify(advisory),
    });
    return c.json(toAdvisoryDraftView(draft));
  });

  api.get('/reports/:id/advisory/export', async (c) => {
    const viewer = await identify(c, inbox);
    // Only a maintainer learns whether the format is right, like everything else of the report.
    await inbox.getAdvisoryDraft(viewer, c.req.param('id'));
    const format = readAdvisoryFormat(c.req.query('format'));
    const force = c.req.query('force');
    if (force !== undefined && force !== 'true' && force !== 'false') {
      throw new InputError('force must be true or false');
    }
    const outcome = await inbox.exportAdvisoryDraft(viewer, c.req.param('id'), {
      format,
      force: force === 'true',
    });
    if (outcome.kind !== 'exported') {
      const refusal = describeExportRefusal(outcome, format);
      return c.json({ error: refusal.error }, refusal.status);
    }
    if (outcome.isEmbargoed) c.header('x-thresher-embargoed', 'true');
    return c.json(outcome.document);
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
