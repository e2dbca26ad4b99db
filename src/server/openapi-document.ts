// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json; a test checks that every
// route of the app is described here and nothing else is.

import { advisoryFormats, reportStatuses } from '../core/index.js';

/** The `{ "error": { "code", "message", ... } }` body every refusal has, with its extra fields. */
function errorBody(properties: Record<string, object> = {}) {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' }, ...properties },
      },
    },
  };
}

const errorResponse = {
  description: 'An error: `{ "error": { "code", "message" } }`',
  content: { 'application/json': { schema: errorBody() } },
};

// The workflow's own list, so the document never drifts from what the store enforces.
const statuses = [...reportStatuses];

const bearer = [{ bearer: [] }];
const projectParameter = {
  name: 'project',
  in: 'path',
  required: true,
  schema: { type: 'string' },
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const errors = {
  '400': errorResponse,
  '401': errorResponse,
  '404': errorResponse,
  '413': errorResponse,
  '429': errorResponse,
};
const messageBody = {
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
    },
  },
};
const eventSchema = {
  type: 'object',
  properties: {
    sequence: { type: 'integer' },
    reportId: { type: 'string' },
    kind: { type: 'string' },
    visibility: { enum: ['reporter', 'team'] },
    actor: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    body: { type: ['string', 'null'] },
    fromStatus: { type: ['string', 'null'] },
    toStatus: { type: ['string', 'null'] },
  },
};
const reportSchema = {
  type: 'object',
  description:
    'A report. Maintainers also get channel, format, version, disposition, priority, rules, embargoUntil, duplicateOf and assessment (the `thresher triage --format json` entry of this report).',
  properties: {
    id: { type: 'string' },
    project: { type: 'string' },
    title: { type: 'string' },
    body: { type: 'string' },
    status: { enum: statuses },
    version: { type: 'integer' },
    receivedAt: { type: 'string', format: 'date-time' },
    assessment: { type: 'object' },
  },
};
const settingsSchema = {
  type: 'object',
  properties: {
    intakePausedMessage: {
      type: ['string', 'null'],
      description: 'Set: intake is paused and submissions get 503 with this message',
    },
    workInProgressLimit: { type: ['integer', 'null'], minimum: 1 },
    requireReproductionFromNewReporters: { type: 'boolean' },
    reportsPerReporterPerDay: { type: ['integer', 'null'], minimum: 1 },
    publishDisclosedReports: { type: 'boolean' },
  },
};
const retriageSchema = {
  type: 'object',
  properties: { retriaged: { type: 'integer' }, failed: { type: 'integer' } },
};
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const advisoryDraftSchema = {
  type: 'object',
  description:
    "The draft advisory of the report's cluster (held by the report that heads it): the advisory model of `thresher advisory draft` (docs/advisories.md) with its own version.",
  properties: {
    reportId: { type: 'string' },
    version: { type: 'integer' },
    advisory: { type: 'object', description: 'The advisory model (`thresherAdvisory: 1`)' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
const exportErrorResponse = {
  description:
    'The document fails validation: `{ "error": { "code": "input", "message", "stage", "issues": [{ "path", "message" }] } }`, each failing field named',
  ...json(
    errorBody({
      stage: { enum: ['advisory', 'format', 'schema'] },
      issues: {
        type: 'array',
        items: {
          type: 'object',
          properties: { path: { type: 'string' }, message: { type: 'string' } },
        },
      },
    }),
  ),
};

export function createOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Thresher inbox',
      version: '1',
      description: 'Private vulnerability reports: intake, triage, queue, workflow and messages.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/api/v1/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
      '/api/v1/projects/{project}/reports': {
        post: {
          summary: 'Submit a report (no account needed); 201 once it is durable',
          parameters: [projectParameter],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['title', 'body'],
                  properties: {
                    title: { type: 'string' },
                    body: { type: 'string' },
                    reporter: {
                      type: 'object',
                      properties: { name: { type: 'string' }, email: { type: 'string' } },
                    },
                  },
                },
              },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: {
                    file: {
                      type: 'string',
                      format: 'binary',
                      description:
                        'One report in any intake format (Markdown, text, e-mail, Thresher, GitHub advisory, HackerOne or OSV JSON)',
                    },
                    title: { type: 'string', description: "Replaces the file's title" },
                    name: { type: 'string' },
                    email: { type: 'string' },
                  },
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'Stored and triaged; `token` opens the report to its reporter',
              ...json({
                type: 'object',
                required: ['id', 'status', 'token', 'url'],
                properties: {
                  id: { type: 'string' },
                  status: { enum: statuses },
                  token: { type: ['string', 'null'] },
                  url: { type: ['string', 'null'] },
                },
              }),
            },
            ...errors,
            '415': errorResponse,
            '429': errorResponse,
            '503': {
              ...errorResponse,
              description: 'Intake is paused or full (the message says why)',
            },
          },
        },
        get: {
          summary: "The project's queue, ranked like `thresher triage`",
          security: bearer,
          parameters: [
            projectParameter,
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'status', in: 'query', schema: { enum: statuses } },
          ],
          responses: {
            '200': {
              description: 'One page',
              ...json({
                type: 'object',
                required: ['reports', 'next'],
                properties: {
                  reports: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' },
                        title: { type: 'string' },
                        status: { enum: statuses },
                        disposition: { type: ['string', 'null'] },
                        priority: { type: 'number' },
                        rules: { type: 'array', items: { type: 'string' } },
                        receivedAt: { type: 'string', format: 'date-time' },
                      },
                    },
                  },
                  next: { type: ['string', 'null'] },
                },
              }),
            },
            ...errors,
          },
        },
      },
      '/api/v1/projects/{project}/counts': {
        get: {
          summary: 'How many reports are in each state',
          security: bearer,
          parameters: [projectParameter],
          responses: { '200': json({ type: 'object' }), ...errors },
        },
      },
      '/api/v1/projects/{project}/published': {
        get: {
          summary: 'The disclosed reports of a project that publishes them (404 otherwise)',
          parameters: [projectParameter],
          responses: {
            '200': json({
              type: 'object',
              properties: {
                reports: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      title: { type: 'string' },
                      body: { type: 'string' },
                      receivedAt: { type: 'string', format: 'date-time' },
                      disclosedAt: { type: 'string', format: 'date-time' },
                    },
                  },
                },
              },
            }),
            ...errors,
          },
        },
      },
      '/api/v1/projects/{project}/settings': {
        get: {
          summary: "The project's intake settings",
          security: bearer,
          parameters: [projectParameter],
          responses: {
            '200': json({ type: 'object', properties: { settings: settingsSchema } }),
            ...errors,
          },
        },
        post: {
          summary: 'Change some intake settings (the others stay)',
          security: bearer,
          parameters: [projectParameter],
          requestBody: { required: true, ...json(settingsSchema) },
          responses: {
            '200': json({ type: 'object', properties: { settings: settingsSchema } }),
            ...errors,
          },
        },
      },
      '/api/v1/projects/{project}/profile': {
        post: {
          summary: "Replace the project's security profile; its open reports are triaged again",
          security: bearer,
          parameters: [projectParameter],
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['profile'],
              properties: { profile: { type: 'string' } },
            }),
          },
          responses: { '200': json(retriageSchema), ...errors },
        },
      },
      '/api/v1/projects/{project}/triage': {
        post: {
          summary: 'Triage every open report of the project again with its current profile',
          security: bearer,
          parameters: [projectParameter],
          responses: { '200': json(retriageSchema), ...errors },
        },
      },
      '/api/v1/projects/{project}/dashboard': {
        get: {
          summary: 'Reports per week, the verdict mix and time to first response',
          security: bearer,
          parameters: [projectParameter],
          responses: {
            '200': json({
              type: 'object',
              properties: {
                reportsPerWeek: { type: 'array' },
                verdicts: { type: 'array' },
                firstResponse: { type: 'object' },
              },
            }),
            ...errors,
          },
        },
      },
      '/api/v1/reports/{id}': {
        get: {
          summary: 'A report: the whole assessment for maintainers, the report for its reporter',
          security: bearer,
          parameters: [idParameter],
          responses: { '200': { description: 'The report', ...json(reportSchema) }, ...errors },
        },
      },
      '/api/v1/reports/{id}/status': {
        post: {
          summary: 'Move the report along the workflow from the version read (409 when stale)',
          security: bearer,
          parameters: [idParameter],
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['status', 'version'],
              properties: {
                status: { enum: statuses },
                version: { type: 'integer' },
                message: { type: 'string', description: 'Sent to the reporter' },
              },
            }),
          },
          responses: {
            '200': { description: 'The report', ...json(reportSchema) },
            '409': errorResponse,
            ...errors,
          },
        },
      },
      '/api/v1/reports/{id}/triage': {
        post: {
          summary: "Triage again with the project's current profile",
          security: bearer,
          parameters: [idParameter],
          responses: { '200': { description: 'The report', ...json(reportSchema) }, ...errors },
        },
      },
      '/api/v1/reports/{id}/duplicate': {
        post: {
          summary: 'Mark the report a duplicate of an original of the same project',
          security: bearer,
          parameters: [idParameter],
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['originalId', 'version'],
              properties: { originalId: { type: 'string' }, version: { type: 'integer' } },
            }),
          },
          responses: {
            '200': { description: 'The report', ...json(reportSchema) },
            '409': errorResponse,
            ...errors,
          },
        },
      },
      '/api/v1/reports/{id}/finders': {
        get: {
          summary:
            "Everyone credited for the report's bug: the original's reporter, then each duplicate's",
          security: bearer,
          parameters: [idParameter],
          responses: {
            '200': json({
              type: 'object',
              properties: {
                finders: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      reportId: { type: 'string' },
                      reporter: { type: 'object' },
                      receivedAt: { type: 'string', format: 'date-time' },
                    },
                  },
                },
              },
            }),
            ...errors,
          },
        },
      },
      '/api/v1/reports/{id}/embargo': {
        post: {
          summary: 'Set (or clear with null) the date before which the report may not be disclosed',
          security: bearer,
          parameters: [idParameter],
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['until', 'version'],
              properties: {
                until: { type: ['string', 'null'], description: 'YYYY-MM-DD (UTC) or ISO 8601' },
                version: { type: 'integer' },
              },
            }),
          },
          responses: {
            '200': { description: 'The report', ...json(reportSchema) },
            '409': errorResponse,
            ...errors,
          },
        },
      },
      '/api/v1/reports/{id}/guests': {
        post: {
          summary: 'Invite a guest: a token that opens this report and its reporter thread only',
          security: bearer,
          parameters: [idParameter],
          responses: {
            '201': json({
              type: 'object',
              properties: { token: { type: 'string' }, url: { type: 'string' } },
            }),
            ...errors,
          },
        },
        delete: {
          summary: 'End every guest invitation of the report',
          security: bearer,
          parameters: [idParameter],
          responses: {
            '200': json({ type: 'object', properties: { revoked: { type: 'integer' } } }),
            ...errors,
          },
        },
      },
      '/api/v1/reports/{id}/messages': {
        get: {
          summary: 'The thread (with team notes for maintainers)',
          security: bearer,
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'Events in order',
              ...json({
                type: 'object',
                properties: { events: { type: 'array', items: eventSchema } },
              }),
            },
            ...errors,
          },
        },
        post: {
          summary: "A message in the reporter's thread (maintainer or reporter)",
          security: bearer,
          parameters: [idParameter],
          requestBody: messageBody,
          responses: { '201': { description: 'The event', ...json(eventSchema) }, ...errors },
        },
      },
      '/api/v1/reports/{id}/advisory': {
        get: {
          summary:
            "The draft advisory of the report's cluster (maintainers); 404 while there is none",
          security: bearer,
          parameters: [idParameter],
          responses: { '200': json(advisoryDraftSchema), ...errors },
        },
        post: {
          summary:
            'Draft the advisory from the report and its linked duplicates (credits merged, earliest date kept); 409 when there is one already',
          security: bearer,
          parameters: [idParameter],
          requestBody: {
            required: false,
            ...json({
              type: 'object',
              properties: {
                cveId: { type: 'string', description: 'A CVE id assigned already' },
                ecosystem: { type: 'string', description: 'The OSV ecosystem (npm, PyPI...)' },
              },
            }),
          },
          responses: {
            '201': {
              description: 'The draft, with notes on what to complete',
              ...json({
                ...advisoryDraftSchema,
                properties: {
                  ...advisoryDraftSchema.properties,
                  notes: { type: 'array', items: { type: 'string' } },
                },
              }),
            },
            '409': errorResponse,
            ...errors,
          },
        },
        put: {
          summary:
            "Save the edited advisory from the version read; 400 naming the field when the model's checks fail, 409 when stale",
          security: bearer,
          parameters: [idParameter],
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['version', 'advisory'],
              properties: {
                version: { type: 'integer' },
                advisory: {
                  type: ['object', 'string'],
                  description: 'The advisory model, or its JSON text',
                },
              },
            }),
          },
          responses: { '200': json(advisoryDraftSchema), '409': errorResponse, ...errors },
        },
      },
      '/api/v1/reports/{id}/advisory/export': {
        get: {
          summary:
            'The draft as a standard document (OSV, CVE JSON 5 or CSAF 2.0), validated against the official schema first',
          security: bearer,
          parameters: [
            idParameter,
            {
              name: 'format',
              in: 'query',
              required: true,
              schema: { enum: [...advisoryFormats] },
            },
            {
              name: 'force',
              in: 'query',
              required: false,
              schema: { enum: ['true', 'false'] },
              description: 'Export during the embargo (for the CNA or other parties under it)',
            },
          ],
          responses: {
            '200': {
              description:
                'The document; header `x-thresher-embargoed: true` when forced during the embargo',
              ...json({ type: 'object' }),
            },
            '400': exportErrorResponse,
            '423': {
              description:
                'Embargoed: `{ "error": { "code": "embargoed", "message", "until" } }`, saying from when it may be exported',
              ...json(
                errorBody({
                  code: { const: 'embargoed' },
                  until: { type: 'string', format: 'date-time' },
                }),
              ),
            },
            '401': errorResponse,
            '404': errorResponse,
          },
        },
      },
      '/api/v1/reports/{id}/notes': {
        post: {
          summary: 'A team-only note (maintainers)',
          security: bearer,
          parameters: [idParameter],
          requestBody: messageBody,
          responses: { '201': { description: 'The event', ...json(eventSchema) }, ...errors },
        },
      },
    },
  };
}
