// The inbox's app in process (`app.request()`) over a real SQLite store: the API contract, who may
// call every route, the workflow's refusals, body and rate limits, CSRF, and escaping of every
// field the UI renders.

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createFixture,
  logIn,
  profileYaml,
  reportBody,
  submit,
  type Fixture,
} from '../../test/support/inbox-app-fixture.js';
import { createOpenApiDocument } from './openapi-document.js';

describe('the inbox app', () => {
  let fixture: Fixture;
  let own: { id: string; token: string };
  let other: { id: string; token: string };

  beforeAll(async () => {
    fixture = await createFixture();
    const first = await submit(fixture, {
      title: 'Heap over-read in parse_header',
      body: reportBody,
      reporter: { name: 'Ada', email: 'ada@example.org' },
    });
    const second = await submit(
      fixture,
      { title: 'Another report', body: `${reportBody}\n\nSecond.` },
      'other',
    );
    own = { id: first.json.id!, token: first.json.token! };
    other = { id: second.json.id!, token: second.json.token! };
  });

  afterAll(async () => {
    await fixture.inbox.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  });

  it('answers a submission with 201 { id, status, token, url } and stores the triage JSON', async () => {
    const { status, json } = await submit(fixture, {
      title: 'Crash in chunked decoding',
      body: `${reportBody}\n\nChunked.`,
      reporter: { name: 'Bo', email: 'bo@example.org' },
    });
    expect(status).toBe(201);
    expect(Object.keys(json).sort()).toEqual(['id', 'status', 'token', 'url']);
    expect(json.status).toBe('new');
    expect(json.url).toBe(`http://localhost/track/${json.token}`);
    const response = await fixture.app.request(`/api/v1/reports/${json.id}`, {
      headers: bearer(fixture.apiToken),
    });
    const report = (await response.json()) as Record<string, unknown>;
    const assessment = report.assessment as Record<string, unknown>;
    expect(assessment.title).toBe('Crash in chunked decoding');
    expect(assessment).toHaveProperty('ruleMatches');
    expect(assessment).toHaveProperty('reply');
    expect(report.disposition).toBe(assessment.disposition);
    expect(report.priority).toBe(assessment.priority);
  });

  it('gives the same report again for a retried submission, without a new token', async () => {
    const report = { title: 'Retried', body: `${reportBody}\n\nRetried.` };
    const first = await submit(fixture, report);
    const again = await submit(fixture, report);
    expect(again.json.id).toBe(first.json.id);
    expect(again.json.token).toBeNull();
  });

  it('lists the queue ranked like thresher triage, with a cursor and a status filter', async () => {
    const response = await fixture.app.request('/api/v1/projects/demo/reports?limit=1', {
      headers: bearer(fixture.apiToken),
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      reports: Array<Record<string, unknown>>;
      next: string;
    };
    expect(page.reports).toHaveLength(1);
    expect(Object.keys(page.reports[0]!).sort()).toEqual(
      ['disposition', 'id', 'priority', 'receivedAt', 'rules', 'status', 'title'].sort(),
    );
    expect(page.next).toEqual(expect.any(String));
    const rest = await fixture.app.request(
      `/api/v1/projects/demo/reports?limit=1000&cursor=${encodeURIComponent(page.next)}`,
      { headers: bearer(fixture.apiToken) },
    );
    const restPage = (await rest.json()) as { reports: Array<{ id: string; priority: number }> };
    expect(restPage.reports.map((entry) => entry.id)).not.toContain(page.reports[0]!.id);
    const priorities = restPage.reports.map((entry) => entry.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const none = await fixture.app.request('/api/v1/projects/demo/reports?status=fixed', {
      headers: bearer(fixture.apiToken),
    });
    expect(((await none.json()) as { reports: unknown[] }).reports).toEqual([]);
    const bad = await fixture.app.request('/api/v1/projects/demo/reports?limit=1001', {
      headers: bearer(fixture.apiToken),
    });
    expect(bad.status).toBe(400);
  });

  it('shows a reporter their own report without the assessment, and nothing else (404)', async () => {
    const response = await fixture.app.request(`/api/v1/reports/${own.id}`, {
      headers: bearer(own.token),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Record<string, unknown>;
    expect(report.title).toBe('Heap over-read in parse_header');
    expect(report).not.toHaveProperty('assessment');
    const theirs = await fixture.app.request(`/api/v1/reports/${other.id}`, {
      headers: bearer(own.token),
    });
    expect(theirs.status).toBe(404);
    const missing = await fixture.app.request('/api/v1/reports/r_nope', {
      headers: bearer(own.token),
    });
    expect(missing.status).toBe(404);
    const theirsError = JSON.stringify(await theirs.json()).replace(other.id, 'ID');
    expect(theirsError).toBe(JSON.stringify(await missing.json()).replace('r_nope', 'ID'));
  });

  it('enforces the workflow with optimistic versions (409), errors as { error: { code, message } }', async () => {
    const { json } = await submit(fixture, { title: 'Workflow', body: `${reportBody}\n\nW.` });
    const change = (version: number, status: string) =>
      fixture.app.request(`/api/v1/reports/${json.id}/status`, {
        method: 'POST',
        headers: { ...bearer(fixture.apiToken), 'content-type': 'application/json' },
        body: JSON.stringify({ version, status, message: 'Thanks, we are on it.' }),
      });
    const current = (await (
      await fixture.app.request(`/api/v1/reports/${json.id}`, { headers: bearer(fixture.apiToken) })
    ).json()) as { version: number };
    const moved = await change(current.version, 'triaged');
    expect(moved.status).toBe(200);
    const stale = await change(current.version, 'accepted');
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('conflict');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    const fresh = ((await moved.json()) as { version: number }).version;
    const notAllowed = await change(fresh, 'disclosed');
    expect(notAllowed.status).toBe(409);
    const thread = await fixture.app.request(`/api/v1/reports/${json.id}/messages`, {
      headers: bearer(json.token!),
    });
    const events = ((await thread.json()) as { events: Array<{ body: string | null }> }).events;
    expect(events.map((event) => event.body)).toContain('Thanks, we are on it.');
  });

  it('keeps team notes from the reporter and lets both write in the thread', async () => {
    const note = await fixture.app.request(`/api/v1/reports/${own.id}/notes`, {
      method: 'POST',
      headers: { ...bearer(fixture.apiToken), 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'internal: looks real' }),
    });
    expect(note.status).toBe(201);
    const reply = await fixture.app.request(`/api/v1/reports/${own.id}/messages`, {
      method: 'POST',
      headers: { ...bearer(own.token), 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Here is more detail.' }),
    });
    expect(reply.status).toBe(201);
    const read = async (token: string) =>
      (
        (await (
          await fixture.app.request(`/api/v1/reports/${own.id}/messages`, {
            headers: bearer(token),
          })
        ).json()) as { events: Array<{ body: string | null }> }
      ).events.map((event) => event.body);
    expect(await read(own.token)).toContain('Here is more detail.');
    expect(await read(own.token)).not.toContain('internal: looks real');
    expect(await read(fixture.apiToken)).toContain('internal: looks real');
  });

  it('round-trips SQL-looking input exactly and refuses a forged cursor', async () => {
    const title = `'; DROP TABLE reports; -- " OR 1=1 --`;
    const body = `${reportBody}\n\n' UNION SELECT password_hash FROM users; -- %_\\`;
    const { json } = await submit(fixture, {
      title,
      body,
      reporter: { name: "Robert'); DROP TABLE users;--", email: 'x@example.org' },
    });
    const report = (await (
      await fixture.app.request(`/api/v1/reports/${json.id}`, { headers: bearer(fixture.apiToken) })
    ).json()) as { title: string; body: string; reporter: { name: string } };
    expect(report.title).toBe(title);
    expect(report.body).toBe(body);
    expect(report.reporter.name).toBe("Robert'); DROP TABLE users;--");
    const forged = await fixture.app.request(
      `/api/v1/projects/demo/reports?cursor=${encodeURIComponent("' OR 1=1 --")}`,
      { headers: bearer(fixture.apiToken) },
    );
    expect(forged.status).toBe(400);
    const queue = await fixture.app.request('/api/v1/projects/demo/reports', {
      headers: bearer(fixture.apiToken),
    });
    expect(queue.status).toBe(200);
  });

  it('refuses bodies over the limit with 413 and malformed JSON with 400', async () => {
    const large = await fixture.app.request('/api/v1/projects/demo/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'big', body: 'x'.repeat(300 * 1024) }),
    });
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: { code: string } }).error.code).toBe('too-large');
    const malformed = await fixture.app.request('/api/v1/projects/demo/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(malformed.status).toBe(400);
    const unknown = await submit(fixture, { title: 't', body: 'b' }, 'nope');
    expect(unknown.status).toBe(404);
  });

  it('sets a content security policy and never frames', async () => {
    const response = await fixture.app.request('/');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses maintainer forms without the session CSRF token, and the log-in without its cookie', async () => {
    const { cookie, csrf } = await logIn(fixture);
    const { json } = await submit(fixture, { title: 'CSRF target', body: `${reportBody}\n\nC.` });
    const before = await fixture.inbox.getReport(
      await fixture.inbox.identifyToken(fixture.apiToken),
      json.id!,
    );
    const forms: Array<Record<string, string>> = [
      { status: 'triaged', version: String(before.version) },
      { status: 'triaged', version: String(before.version), csrf: `${csrf}x` },
    ];
    for (const form of forms) {
      const response = await fixture.app.request(`/reports/${json.id}/status`, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams(form),
      });
      expect(response.status).toBe(403);
    }
    const after = await fixture.inbox.getReport(
      await fixture.inbox.identifyToken(fixture.apiToken),
      json.id!,
    );
    expect(after.status).toBe('new');
    const accepted = await fixture.app.request(`/reports/${json.id}/status`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ status: 'triaged', version: String(before.version), csrf }),
    });
    expect(accepted.status).toBe(303);
    const login = await fixture.app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({
        csrf: 'guess',
        email: fixture.email,
        password: fixture.password,
      }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.getSetCookie().join()).not.toMatch(/thr_session=/);
  });

  it('escapes script in every field the UI renders', async () => {
    const payload = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'`;
    const { json } = await submit(fixture, {
      title: `Title ${payload}`,
      body: `${reportBody}\n\nBody ${payload}`,
      reporter: { name: `Name ${payload}`, email: `mail${payload}@example.org` },
    });
    await fixture.app.request(`/api/v1/reports/${json.id}/messages`, {
      method: 'POST',
      headers: { ...bearer(json.token!), 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Message ${payload}` }),
    });
    await fixture.app.request(`/api/v1/reports/${json.id}/notes`, {
      method: 'POST',
      headers: { ...bearer(fixture.apiToken), 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Note ${payload}` }),
    });
    const { cookie } = await logIn(fixture);
    const pages = [
      await fixture.app.request(`/reports/${json.id}`, { headers: { cookie } }),
      await fixture.app.request('/projects/demo/queue', { headers: { cookie } }),
      await fixture.app.request(`/track/${json.token}`),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('<img src=x');
    }
    const form = await fixture.app.request('/projects/demo/report', {
      method: 'POST',
      body: new URLSearchParams({ title: payload, body: '' }),
    });
    expect(form.status).toBe(400);
    const text = await form.text();
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img src=x');
  });
});

describe('authorisation of every route', () => {
  let fixture: Fixture;
  let own: { id: string; token: string };
  let original: string;
  let guestToken: string;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    fixture = await createFixture();
    const { json } = await submit(fixture, { title: 'Target', body: reportBody });
    own = { id: json.id!, token: json.token! };
    original = (await submit(fixture, { title: 'Original', body: `${reportBody}\n\nOr.` })).json
      .id!;
    await submit(fixture, { title: 'Elsewhere', body: `${reportBody}\n\nE.` }, 'other');
    session = await logIn(fixture);
    const maintainer = await fixture.inbox.identifyToken(fixture.apiToken);
    guestToken = await fixture.inbox.inviteGuest(maintainer, own.id);
    await fixture.inbox.updateProject('demo', { settings: { publishDisclosedReports: true } });
  });

  afterAll(async () => {
    await fixture.inbox.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  });

  type Who = 'anonymous' | 'reporter' | 'other-reporter' | 'guest' | 'maintainer';
  const who: Who[] = ['anonymous', 'reporter', 'other-reporter', 'guest', 'maintainer'];
  const ok = 'ok';
  type Expected = Record<Who, number | typeof ok>;
  const maintainerOnly: Expected = {
    anonymous: 401,
    reporter: 401,
    'other-reporter': 401,
    guest: 401,
    maintainer: ok,
  };
  const reportHolders: Expected = {
    anonymous: 404,
    reporter: ok,
    'other-reporter': 404,
    guest: ok,
    maintainer: ok,
  };
  const reportMaintainer: Expected = {
    anonymous: 404,
    reporter: 404,
    'other-reporter': 404,
    guest: 404,
    maintainer: ok,
  };
  const everyone: Expected = {
    anonymous: ok,
    reporter: ok,
    'other-reporter': ok,
    guest: ok,
    maintainer: ok,
  };

  const apiRoutes: Array<{ method: string; path: string; body?: object; expected: Expected }> = [
    { method: 'GET', path: '/api/v1/openapi.json', expected: everyone },
    {
      method: 'POST',
      path: '/api/v1/projects/demo/reports',
      body: { title: 'any', body: 'any report text' },
      expected: everyone,
    },
    { method: 'GET', path: '/api/v1/projects/demo/reports', expected: maintainerOnly },
    { method: 'GET', path: '/api/v1/projects/demo/counts', expected: maintainerOnly },
    { method: 'GET', path: '/api/v1/projects/demo/published', expected: everyone },
    { method: 'GET', path: '/api/v1/projects/demo/settings', expected: maintainerOnly },
    {
      method: 'POST',
      path: '/api/v1/projects/demo/settings',
      body: { workInProgressLimit: null },
      expected: maintainerOnly,
    },
    {
      method: 'POST',
      path: '/api/v1/projects/demo/profile',
      body: { profile: profileYaml },
      expected: maintainerOnly,
    },
    { method: 'POST', path: '/api/v1/projects/demo/triage', expected: maintainerOnly },
    { method: 'GET', path: '/api/v1/projects/demo/dashboard', expected: maintainerOnly },
    { method: 'GET', path: '/api/v1/reports/{id}', expected: reportHolders },
    {
      method: 'POST',
      path: '/api/v1/reports/{id}/duplicate',
      body: { originalId: '{original}', version: 999 },
      expected: { ...reportMaintainer, maintainer: 409 },
    },
    { method: 'GET', path: '/api/v1/reports/{id}/finders', expected: reportMaintainer },
    {
      method: 'POST',
      path: '/api/v1/reports/{id}/embargo',
      body: { until: '2030-01-01', version: 999 },
      expected: { ...reportMaintainer, maintainer: 409 },
    },
    { method: 'POST', path: '/api/v1/reports/{id}/guests', expected: reportMaintainer },
    {
      method: 'POST',
      path: '/api/v1/reports/{id}/status',
      body: { status: 'needs-info', version: 999 },
      expected: { ...reportMaintainer, maintainer: 409 },
    },
    { method: 'POST', path: '/api/v1/reports/{id}/triage', expected: reportMaintainer },
    { method: 'GET', path: '/api/v1/reports/{id}/messages', expected: reportHolders },
    {
      method: 'POST',
      path: '/api/v1/reports/{id}/messages',
      body: { body: 'hello' },
      expected: reportHolders,
    },
    {
      method: 'POST',
      path: '/api/v1/reports/{id}/notes',
      body: { body: 'note' },
      expected: reportMaintainer,
    },
    // Drafted first, so the reads below find it; the draft's embargo (the profile's 90 days) is 423.
    { method: 'POST', path: '/api/v1/reports/{id}/advisory', expected: reportMaintainer },
    { method: 'GET', path: '/api/v1/reports/{id}/advisory', expected: reportMaintainer },
    {
      method: 'PUT',
      path: '/api/v1/reports/{id}/advisory',
      body: { version: 999, advisory: { thresherAdvisory: 1 } },
      expected: { ...reportMaintainer, maintainer: 400 },
    },
    {
      method: 'GET',
      path: '/api/v1/reports/{id}/advisory/export?format=osv',
      expected: { ...reportMaintainer, maintainer: 423 },
    },
    // Last: it ends the guest's invitation.
    { method: 'DELETE', path: '/api/v1/reports/{id}/guests', expected: reportMaintainer },
  ];

  function tokenOf(viewer: Who, otherToken: string): string | null {
    if (viewer === 'maintainer') return fixture.apiToken;
    if (viewer === 'reporter') return own.token;
    if (viewer === 'other-reporter') return otherToken;
    if (viewer === 'guest') return guestToken;
    return null;
  }

  it('answers each API route for each kind of caller as the table says', async () => {
    const otherToken = (
      await submit(fixture, { title: 'Other', body: `${reportBody}\n\nO.` }, 'other')
    ).json.token!;
    const seen: string[] = [];
    for (const route of apiRoutes) {
      for (const viewer of who) {
        const token = tokenOf(viewer, otherToken);
        const response = await fixture.app.request(route.path.replace('{id}', own.id), {
          method: route.method,
          headers: {
            ...(token ? bearer(token) : {}),
            ...(route.body ? { 'content-type': 'application/json' } : {}),
          },
          ...(route.body
            ? {
                body: JSON.stringify(
                  'title' in route.body
                    ? { ...route.body, title: `${viewer} ${route.path}` }
                    : route.body,
                ).replace('{original}', original),
              }
            : {}),
        });
        const expected = route.expected[viewer];
        const status =
          expected === ok && response.status >= 200 && response.status < 300 ? ok : response.status;
        seen.push(`${route.method} ${route.path} as ${viewer}: ${status}`);
        expect(`${route.method} ${route.path} as ${viewer}: ${status}`).toBe(
          `${route.method} ${route.path} as ${viewer}: ${expected}`,
        );
      }
    }
    expect(seen).toHaveLength(apiRoutes.length * who.length);
  });

  it('covers every API route of the app, and the OpenAPI document describes exactly those', () => {
    const appRoutes = new Set(
      fixture.app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/v1/'))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const tableRoutes = new Set(
      apiRoutes.map(
        (route) =>
          `${route.method} ${route.path.replace('/projects/demo/', '/projects/{project}/').split('?')[0]}`,
      ),
    );
    const document = createOpenApiDocument();
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect([...appRoutes].sort()).toEqual([...documented].sort());
    expect([...appRoutes].sort()).toEqual([...tableRoutes].sort());
  });

  it('keeps every maintainer page behind the log-in, and the reporter page behind its token', async () => {
    const pages = [
      '/projects/demo/queue',
      `/reports/${own.id}`,
      `/reports/${own.id}/advisory`,
      '/projects/demo/dashboard',
      '/projects/demo/settings',
    ];
    for (const page of pages) {
      const anonymous = await fixture.app.request(page);
      expect(`${page}: ${anonymous.status} ${anonymous.headers.get('location')}`).toBe(
        `${page}: 303 /login`,
      );
      const forged = await fixture.app.request(page, { headers: { cookie: 'thr_session=forged' } });
      expect(forged.status).toBe(303);
      const loggedIn = await fixture.app.request(page, { headers: { cookie: session.cookie } });
      expect(loggedIn.status).toBe(200);
    }
    const formPosts = [
      ...[
        'status',
        'reply',
        'note',
        'duplicate',
        'embargo',
        'guests',
        'guests/revoke',
        'advisory',
        'advisory/fields',
        'advisory/json',
        'advisory/export',
      ].map((action) => `/reports/${own.id}/${action}`),
      '/projects/demo/settings',
      '/projects/demo/triage',
    ];
    for (const action of formPosts) {
      const response = await fixture.app.request(action, {
        method: 'POST',
        body: new URLSearchParams({
          csrf: session.csrf,
          body: 'x',
          status: 'triaged',
          version: '1',
        }),
      });
      expect(`${action}: ${response.status}`).toBe(`${action}: 403`);
      const withoutToken = await fixture.app.request(action, {
        method: 'POST',
        headers: { cookie: session.cookie },
        body: new URLSearchParams({ body: 'x', version: '1', originalId: original }),
      });
      expect(`${action} without CSRF: ${withoutToken.status}`).toBe(`${action} without CSRF: 403`);
    }
    expect((await fixture.app.request(`/track/${own.token}`)).status).toBe(200);
    expect((await fixture.app.request('/track/thr_report_forged')).status).toBe(404);
    expect((await fixture.app.request(`/track/${fixture.apiToken}`)).status).toBe(404);
    const post = await fixture.app.request('/track/thr_report_forged/messages', {
      method: 'POST',
      body: new URLSearchParams({ body: 'x' }),
    });
    expect(post.status).toBe(404);
  });

  it('lists every UI route in this table', () => {
    const uiRoutes = fixture.app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    expect(uiRoutes).toEqual(
      [
        'GET /static/style.css',
        'GET /',
        'GET /projects/:project/report',
        'POST /projects/:project/report',
        'GET /track/:token',
        'POST /track/:token/messages',
        'GET /login',
        'POST /login',
        'POST /logout',
        'GET /projects/:project/queue',
        'GET /reports/:id',
        'POST /reports/:id/status',
        'POST /reports/:id/reply',
        'POST /reports/:id/note',
        'POST /reports/:id/duplicate',
        'POST /reports/:id/embargo',
        'POST /reports/:id/guests',
        'POST /reports/:id/guests/revoke',
        'GET /reports/:id/advisory',
        'POST /reports/:id/advisory',
        'POST /reports/:id/advisory/fields',
        'POST /reports/:id/advisory/json',
        'POST /reports/:id/advisory/export',
        'GET /projects/:project/published',
        'GET /projects/:project/dashboard',
        'GET /projects/:project/settings',
        'POST /projects/:project/settings',
        'POST /projects/:project/triage',
      ].sort(),
    );
  });
});

describe('the submission rate limit', () => {
  it('answers 429 past the limit per address, and --no-rate-limit turns it off', async () => {
    const limited = await createFixture({ submissionsPerMinute: 2 });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) {
        statuses.push(
          (await submit(limited, { title: `r${index}`, body: `${reportBody}\n${index}` })).status,
        );
      }
      expect(statuses).toEqual([201, 201, 429, 429]);
      const page = await limited.app.request('/projects/demo/report', {
        method: 'POST',
        body: new URLSearchParams({ title: 'web', body: 'web report' }),
      });
      expect(page.status).toBe(429);
    } finally {
      await limited.inbox.close();
      rmSync(limited.dir, { recursive: true, force: true });
    }
    const open = await createFixture({ submissionsPerMinute: null });
    try {
      for (let index = 0; index < 4; index += 1) {
        expect(
          (await submit(open, { title: `r${index}`, body: `${reportBody}\n${index}` })).status,
        ).toBe(201);
      }
    } finally {
      await open.inbox.close();
      rmSync(open.dir, { recursive: true, force: true });
    }
  });
});
