// The inbox beyond intake, in process over a real SQLite store: report files by multipart upload,
// duplicate linking with every finder credited, embargo dates, guest invitations, capacity
// controls, gating of unknown reporters, per-reporter limits, publication of disclosed reports,
// re-triage when the profile changes, and the dashboard. Every rendered field is checked escaped.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../config/load-config.js';
import { createServices } from '../create-services.js';
import { reproductionRequest, type InboxService } from '../services/create-inbox-service.js';
import { createApp } from './create-app.js';
import { reportBody } from '../../test/support/inbox-app-fixture.js';

const root = join(import.meta.dirname, '../..');
const profileYaml = readFileSync(join(root, 'examples/security-profile.yml'), 'utf8');
const payload = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'`;

const bodyWithoutReproduction = `Affected version: 1.9.0

I think parse_header in src/http/parse.c might read past its buffer somewhere. Impact: a crash.`;

let dir: string;
let inbox: InboxService;
let app: ReturnType<typeof createApp>;
let apiToken: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thresher-inbox-workflow-'));
  inbox = await createServices(createDefaultConfig()).openInbox({ dataDir: dir });
  await inbox.addProject({ name: 'demo', profileYaml });
  await inbox.addProject({ name: 'other', profileYaml });
  await inbox.addMaintainer('lead@example.org');
  apiToken = await inbox.createApiToken('tests');
  app = createApp({ inbox, submissionsPerMinute: null, maxBodyBytes: 64 * 1024 });
});

afterEach(async () => {
  await inbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function submit(
  report: { title: string; body: string; reporter?: { name?: string; email?: string } },
  project = 'demo',
) {
  const response = await app.request(`/api/v1/projects/${project}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  return {
    status: response.status,
    json: (await response.json()) as {
      id: string;
      token: string;
      status: string;
      error?: { code: string; message: string };
    },
  };
}

async function callApi(method: string, path: string, body?: unknown, token = apiToken) {
  const response = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function versionOf(id: string): Promise<number> {
  return (await callApi('GET', `/reports/${id}`)).json.version as number;
}

async function moveTo(id: string, ...states: string[]) {
  for (const status of states) {
    const moved = await callApi('POST', `/reports/${id}/status`, {
      status,
      version: await versionOf(id),
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  }
}

function upload(file: Blob, name: string, fields: Record<string, string> = {}, project = 'demo') {
  const form = new FormData();
  form.set('file', file, name);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return app.request(`/api/v1/projects/${project}/reports`, { method: 'POST', body: form });
}

describe('report files by multipart/form-data', () => {
  it('stores a report file in any intake format, parsed like the command line reads it', async () => {
    const json = readFileSync(join(root, 'examples/reports/17-request-smuggling-cl-te.json'));
    const response = await upload(new Blob([json]), '17-request-smuggling-cl-te.json', {
      email: 'eve@example.org',
    });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as { id: string; token: string; url: string };
    expect(receipt.url).toContain('/track/thr_report_');
    const stored = (await callApi('GET', `/reports/${receipt.id}`)).json;
    expect(stored.format).toBe('thresher-json');
    expect(stored.title).toBe(
      'HTTP request smuggling: Content-Length wins over Transfer-Encoding: chunked',
    );
    expect(stored.reporter).toMatchObject({ email: 'eve@example.org' });
    expect(stored.disposition).not.toBeNull();

    const markdown = readFileSync(join(root, 'examples/reports/02-parse-header-oob-read.md'));
    const titled = await upload(new Blob([markdown]), 'report.md', { title: 'My own title' });
    expect(titled.status).toBe(201);
    const id = ((await titled.json()) as { id: string }).id;
    expect((await callApi('GET', `/reports/${id}`)).json).toMatchObject({
      title: 'My own title',
      format: 'markdown',
    });
  });

  it('answers 400 for what is not one report, 413 past the size limit, 415 for other media', async () => {
    const binary = await upload(
      new Blob([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1])]),
      'a.bin',
    );
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { error: { message: string } }).error.message).toMatch(
      /binary/,
    );
    const empty = await upload(new Blob([]), 'empty.md');
    expect(empty.status).toBe(400);
    const latin1 = await upload(new Blob([new Uint8Array([0x63, 0x61, 0x66, 0xe9])]), 'r.md');
    expect(latin1.status).toBe(400);
    const two = await upload(
      new Blob([
        JSON.stringify([
          { title: 'a', body: 'x' },
          { title: 'b', body: 'y' },
        ]),
      ]),
      'two.json',
    );
    expect(two.status).toBe(400);
    const form = new FormData();
    form.set('title', 'no file');
    const missing = await app.request('/api/v1/projects/demo/reports', {
      method: 'POST',
      body: form,
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /"file"/,
    );
    const large = await upload(new Blob(['x'.repeat(70 * 1024)]), 'large.md');
    expect(large.status).toBe(413);
    const text = await app.request('/api/v1/projects/demo/reports', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a report',
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported-media-type',
    );
    expect((await callApi('GET', '/projects/demo/reports')).json.reports).toEqual([]);
  });

  it('takes a file from the web form too', async () => {
    const form = new FormData();
    form.set('title', '');
    form.set('body', '');
    form.set(
      'file',
      new Blob([readFileSync(join(root, 'examples/reports/02-parse-header-oob-read.md'))]),
      '02.md',
    );
    const page = await app.request('/projects/demo/report', { method: 'POST', body: form });
    expect(page.status).toBe(201);
    expect(await page.text()).toContain('id="private-link"');
  });

  it('checks a web report for what the policy requires before storing it', async () => {
    const post = (fields: Record<string, string>) =>
      app.request('/projects/demo/report', {
        method: 'POST',
        body: new URLSearchParams({ name: 'Ada', email: 'ada@example.org', ...fields }),
      });
    // The example policy requires a reproduction and a statement on AI use: this draft has neither.
    const draft = await post({ title: `Maybe a crash ${payload}`, body: bodyWithoutReproduction });
    expect(draft.status).toBe(200);
    const page = await draft.text();
    const start = page.indexOf('class="missing"');
    expect(start).toBeGreaterThan(-1);
    const missing = page.slice(start, page.indexOf('</section>', start));
    expect(missing).toContain('<b>reproduction</b>');
    expect(missing).toContain('<b>ai-disclosure</b>');
    expect(missing).not.toContain('<b>affected-version</b>');
    // What the reporter wrote is kept in the form, escaped, and nothing is stored yet.
    expect(page).toContain('Maybe a crash &lt;script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('name="send-anyway"');
    expect((await callApi('GET', '/projects/demo/reports')).json.reports).toEqual([]);

    // Completed, it goes through; or sent as it is, when the reporter says so.
    const completed = await post({
      title: 'Heap over-read in parse_header',
      body: `${reportBody}\n\nAI use: none, written by hand.`,
    });
    expect(completed.status).toBe(201);
    const asItIs = await post({
      title: 'Maybe a crash',
      body: bodyWithoutReproduction,
      'send-anyway': '1',
    });
    expect(asItIs.status).toBe(201);
    expect((await callApi('GET', '/projects/demo/reports')).json.reports).toHaveLength(2);

    // Paused intake is said before any check, as for a submission.
    await callApi('POST', '/projects/demo/settings', { intakePausedMessage: 'Back on Monday' });
    expect((await post({ title: 't', body: bodyWithoutReproduction })).status).toBe(503);
  });
});

describe('duplicates and embargo', () => {
  it('links a duplicate to its original and credits every finder there', async () => {
    const first = await submit({
      title: 'Original',
      body: reportBody,
      reporter: { name: 'Ada', email: 'ada@example.org' },
    });
    const second = await submit({
      title: 'Same bug',
      body: `${reportBody}\n\nSeen again.`,
      reporter: { name: `Bob ${payload}`, email: 'bob@example.org' },
    });
    const third = await submit({
      title: 'And again',
      body: `${reportBody}\n\nThird.`,
      reporter: { name: 'Cy', email: 'cy@example.org' },
    });
    await moveTo(first.json.id, 'triaged');
    await moveTo(second.json.id, 'triaged');
    await moveTo(third.json.id, 'triaged');
    const linked = await callApi('POST', `/reports/${second.json.id}/duplicate`, {
      originalId: first.json.id,
      version: await versionOf(second.json.id),
    });
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({ status: 'duplicate', duplicateOf: first.json.id });
    // A duplicate of a duplicate is linked to the original.
    await callApi('POST', `/reports/${third.json.id}/duplicate`, {
      originalId: second.json.id,
      version: await versionOf(third.json.id),
    });
    expect((await callApi('GET', `/reports/${third.json.id}`)).json.duplicateOf).toBe(
      first.json.id,
    );
    const finders = (await callApi('GET', `/reports/${first.json.id}/finders`)).json
      .finders as Array<{ reportId: string; reporter: { name: string } }>;
    expect(finders.map((finder) => finder.reportId)).toEqual([
      first.json.id,
      second.json.id,
      third.json.id,
    ]);
    expect(
      (
        await callApi('POST', `/reports/${first.json.id}/duplicate`, {
          originalId: first.json.id,
          version: await versionOf(first.json.id),
        })
      ).status,
    ).toBe(409);
    const elsewhere = await submit({ title: 'Other project', body: reportBody }, 'other');
    expect(
      (
        await callApi('POST', `/reports/${first.json.id}/duplicate`, {
          originalId: elsewhere.json.id,
          version: await versionOf(first.json.id),
        })
      ).status,
    ).toBe(404);

    const page = await app.request(`/reports/${first.json.id}`, {
      headers: { cookie: await logInCookie() },
    });
    const text = await page.text();
    expect(text).toContain('Ada');
    expect(text).toContain('Bob &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img src=x');
  });

  it('discloses a report only after its embargo date', async () => {
    const { json } = await submit({ title: 'Embargoed', body: reportBody });
    await moveTo(json.id, 'triaged', 'accepted', 'fixing', 'fixed');
    const set = await callApi('POST', `/reports/${json.id}/embargo`, {
      until: '2999-01-31',
      version: await versionOf(json.id),
    });
    expect(set.status).toBe(200);
    expect(set.json.embargoUntil).toBe('2999-01-31T00:00:00.000Z');
    const early = await callApi('POST', `/reports/${json.id}/status`, {
      status: 'disclosed',
      version: await versionOf(json.id),
    });
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.json)).toContain('embargo until 2999-01-31');
    for (const until of ['tomorrow', '2999-13-45', '31/01/2999', `2999-01-31${payload}`]) {
      const bad = await callApi('POST', `/reports/${json.id}/embargo`, {
        until,
        version: await versionOf(json.id),
      });
      expect(`${until}: ${bad.status}`).toBe(`${until}: 400`);
    }
    await callApi('POST', `/reports/${json.id}/embargo`, {
      until: '2020-01-01',
      version: await versionOf(json.id),
    });
    await moveTo(json.id, 'disclosed');
    const reporterView = (await callApi('GET', `/reports/${json.id}`, undefined, json.token)).json;
    expect(reporterView.status).toBe('disclosed');
  });
});

async function logInCookie(): Promise<string> {
  const password = await inbox.resetPassword('lead@example.org');
  const session = await inbox.logIn('lead@example.org', password);
  return `thr_session=${session!.token}`;
}

describe('guests', () => {
  it('opens one report and its reporter thread to a guest, never the team notes, until revoked', async () => {
    const { json } = await submit({ title: 'Shared', body: reportBody });
    const other = await submit({ title: 'Not shared', body: `${reportBody}\n\nN.` });
    await callApi('POST', `/reports/${json.id}/notes`, { body: 'team only: suspect a fuzzer' });
    await callApi('POST', `/reports/${json.id}/messages`, { body: 'to the reporter' });
    const invited = await callApi('POST', `/reports/${json.id}/guests`);
    expect(invited.status).toBe(201);
    const guest = invited.json.token as string;
    expect(guest).toMatch(/^thr_report_/);

    const seen = await callApi('GET', `/reports/${json.id}`, undefined, guest);
    expect(seen.status).toBe(200);
    expect(seen.json.assessment).toBeUndefined();
    const thread = JSON.stringify(
      (await callApi('GET', `/reports/${json.id}/messages`, undefined, guest)).json,
    );
    expect(thread).toContain('to the reporter');
    expect(thread).not.toContain('team only');
    expect((await callApi('GET', `/reports/${other.json.id}`, undefined, guest)).status).toBe(404);
    expect((await callApi('GET', '/projects/demo/reports', undefined, guest)).status).toBe(401);
    const page = await app.request(`/track/${guest}`);
    const html = await page.text();
    expect(html).toContain('id="guest-notice"');
    expect(html).not.toContain('team only');

    expect((await callApi('DELETE', `/reports/${json.id}/guests`)).json.revoked).toBe(1);
    expect((await callApi('GET', `/reports/${json.id}`, undefined, guest)).status).toBe(404);
    // The reporter's own token still works.
    expect((await callApi('GET', `/reports/${json.id}`, undefined, json.token)).status).toBe(200);
  });
});

describe('capacity controls and gating', () => {
  it('pauses intake with a message: 503 on the API, the message on the form', async () => {
    const paused = await callApi('POST', '/projects/demo/settings', {
      intakePausedMessage: `Back on Monday ${payload}`,
    });
    expect(paused.status).toBe(200);
    const refused = await submit({ title: 'While paused', body: reportBody });
    expect(refused.status).toBe(503);
    expect(refused.json.error?.message).toBe(`Back on Monday ${payload}`);
    const form = await app.request('/projects/demo/report');
    expect(form.status).toBe(503);
    const text = await form.text();
    expect(text).toContain('Back on Monday &lt;script&gt;');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<form method="post" action="/projects/demo/report"');
    const web = await app.request('/projects/demo/report', {
      method: 'POST',
      body: new URLSearchParams({ title: 't', body: reportBody }),
    });
    expect(web.status).toBe(503);
    expect(await web.text()).not.toContain('<img src=x');
    expect((await submit({ title: 'Elsewhere', body: reportBody }, 'other')).status).toBe(201);
    await callApi('POST', '/projects/demo/settings', { intakePausedMessage: null });
    expect((await submit({ title: 'Resumed', body: reportBody })).status).toBe(201);
  });

  it('refuses new reports at the work-in-progress limit until one closes', async () => {
    const first = await submit({ title: 'One', body: reportBody });
    await submit({ title: 'Two', body: `${reportBody}\n\n2.` });
    await callApi('POST', '/projects/demo/settings', { workInProgressLimit: 2 });
    const full = await submit({ title: 'Three', body: `${reportBody}\n\n3.` });
    expect(full.status).toBe(503);
    expect(full.json.error?.message).toMatch(/2 open reports/);
    await moveTo(first.json.id, 'spam');
    expect((await submit({ title: 'Three', body: `${reportBody}\n\n3.` })).status).toBe(201);
  });

  it('holds a new reporter’s report without a reproduction in needs-info, asking for one', async () => {
    await callApi('POST', '/projects/demo/settings', { requireReproductionFromNewReporters: true });
    const vague = await submit({
      title: 'Vague',
      body: bodyWithoutReproduction,
      reporter: { email: 'new@example.org' },
    });
    expect(vague.status).toBe(201);
    expect(vague.json.status).toBe('needs-info');
    const thread = JSON.stringify(
      (await callApi('GET', `/reports/${vague.json.id}/messages`, undefined, vague.json.token))
        .json,
    );
    expect(thread).toContain(reproductionRequest.slice(0, 40));
    const precise = await submit({
      title: 'Precise',
      body: reportBody,
      reporter: { email: 'new@example.org' },
    });
    expect(precise.json.status).toBe('new');
    // A reporter with an accepted report is known: no reproduction needed.
    await moveTo(precise.json.id, 'triaged', 'accepted');
    const known = await submit({
      title: 'Known reporter',
      body: `${bodyWithoutReproduction}\n\nAgain.`,
      reporter: { email: 'NEW@example.org' },
    });
    expect(known.json.status).toBe('new');
  });

  it('limits reports per reporter per day, by e-mail address', async () => {
    await callApi('POST', '/projects/demo/settings', { reportsPerReporterPerDay: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push(
        (
          await submit({
            title: `r${index}`,
            body: `${reportBody}\n${index}`,
            reporter: { email: 'busy@example.org' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(
      (await submit({ title: 'r', body: reportBody, reporter: { email: 'calm@example.org' } }))
        .status,
    ).toBe(201);
  });

  it('checks settings: unknown names and bad values are 400', async () => {
    for (const body of [
      { workInProgressLimit: 0 },
      { workInProgressLimit: 'ten' },
      { reportsPerReporterPerDay: 1.5 },
      { publishDisclosedReports: 'yes' },
      { intakePausedMessage: '  ' },
      { pauseIntake: true },
    ]) {
      const response = await callApi('POST', '/projects/demo/settings', body);
      expect(`${JSON.stringify(body)}: ${response.status}`).toBe(`${JSON.stringify(body)}: 400`);
    }
    expect((await callApi('GET', '/projects/demo/settings')).json.settings).toEqual({
      intakePausedMessage: null,
      workInProgressLimit: null,
      requireReproductionFromNewReporters: false,
      reportsPerReporterPerDay: null,
      publishDisclosedReports: false,
    });
  });

  it('saves settings from the settings page with its CSRF token', async () => {
    const cookie = await logInCookie();
    const page = await app.request('/projects/demo/settings', { headers: { cookie } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const saved = await app.request('/projects/demo/settings', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({
        csrf,
        intakePausedMessage: `Closed ${payload}`,
        workInProgressLimit: '5',
        reportsPerReporterPerDay: '',
        publishDisclosedReports: 'on',
      }),
    });
    expect(saved.status).toBe(303);
    expect((await inbox.getProject('demo')).settings).toEqual({
      intakePausedMessage: `Closed ${payload}`,
      workInProgressLimit: 5,
      requireReproductionFromNewReporters: false,
      reportsPerReporterPerDay: null,
      publishDisclosedReports: true,
    });
    const again = await (
      await app.request('/projects/demo/settings?saved=1', { headers: { cookie } })
    ).text();
    expect(again).toContain('Saved.');
    expect(again).not.toContain('<script>');
    expect(again).not.toContain('<img src=x');
  });
});

describe('publication of disclosed reports', () => {
  it('lists disclosed reports only when the project opts in, escaped', async () => {
    const { json } = await submit({
      title: `Disclosed ${payload}`,
      body: `${reportBody}\n${payload}`,
    });
    await submit({ title: 'Still open', body: `${reportBody}\n\nOpen.` });
    await moveTo(json.id, 'triaged', 'accepted', 'fixing', 'fixed', 'disclosed');
    expect((await app.request('/api/v1/projects/demo/published')).status).toBe(404);
    expect((await app.request('/projects/demo/published')).status).toBe(404);
    await callApi('POST', '/projects/demo/settings', { publishDisclosedReports: true });
    const listed = (await (await app.request('/api/v1/projects/demo/published')).json()) as {
      reports: Array<{ id: string; title: string }>;
    };
    expect(listed.reports.map((report) => report.id)).toEqual([json.id]);
    expect(JSON.stringify(listed)).not.toContain('email');
    const page = await app.request('/projects/demo/published');
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Disclosed &lt;script&gt;');
    expect(text).not.toContain('Still open');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img src=x');
  });
});

describe('re-triage', () => {
  it('triages the open reports again when the profile changes, and on demand', async () => {
    const open = await submit({ title: 'Open', body: reportBody });
    const closed = await submit({ title: 'Closed', body: `${reportBody}\n\nC.` });
    await moveTo(closed.json.id, 'spam');
    const before = await versionOf(open.json.id);
    const closedBefore = await versionOf(closed.json.id);
    const changed = profileYaml.replace(/^(\s*name:\s*)(.*)$/m, '$1$2-renamed');
    expect(changed).not.toBe(profileYaml);
    const updated = await callApi('POST', '/projects/demo/profile', { profile: changed });
    expect(updated.json).toEqual({ retriaged: 1, failed: 0 });
    expect(await versionOf(open.json.id)).toBe(before + 1);
    expect(await versionOf(closed.json.id)).toBe(closedBefore);
    const events = (await callApi('GET', `/reports/${open.json.id}/messages`)).json
      .events as Array<{
      kind: string;
      actor: string;
    }>;
    expect(events.at(-1)).toMatchObject({ kind: 'updated', actor: 'system' });
    const unchanged = await callApi('POST', '/projects/demo/profile', { profile: changed });
    expect(unchanged.json).toEqual({ retriaged: 0, failed: 0 });
    expect((await callApi('POST', '/projects/demo/triage')).json).toEqual({
      retriaged: 1,
      failed: 0,
    });
    expect(
      (await callApi('POST', '/projects/demo/profile', { profile: 'not: [a profile' })).status,
    ).toBe(400);
  });
});

describe('the dashboard', () => {
  it('counts reports per week, verdicts and first responses, and draws them as inline SVG', async () => {
    const answered = await submit({ title: 'Answered', body: reportBody });
    await submit({ title: 'Waiting', body: `${reportBody}\n\nW.` });
    await callApi('POST', `/reports/${answered.json.id}/messages`, { body: 'Thanks, looking.' });
    const summary = (await callApi('GET', '/projects/demo/dashboard')).json as {
      reportsPerWeek: Array<{ count: number }>;
      verdicts: Array<{ count: number }>;
      firstResponse: { answered: number; unanswered: number; medianHours: number };
    };
    expect(summary.reportsPerWeek).toHaveLength(12);
    expect(summary.reportsPerWeek.at(-1)!.count).toBe(2);
    expect(summary.verdicts.reduce((sum, verdict) => sum + verdict.count, 0)).toBe(2);
    expect(summary.firstResponse).toMatchObject({ answered: 1, unanswered: 1 });
    expect(summary.firstResponse.medianHours).toBeGreaterThanOrEqual(0);
    const page = await app.request('/projects/demo/dashboard', {
      headers: { cookie: await logInCookie() },
    });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text.match(/<svg/g)).toHaveLength(3);
    expect(text).not.toMatch(/<script|src="http/);
    expect(text.replace(/\s+/g, ' ')).toContain('1 answered, 1 waiting');
  });
});

describe('the kept duplicate index', () => {
  function candidateIds(record: { assessment: unknown }): string[] {
    const duplicates = (record.assessment as { duplicates?: Array<{ id: string }> }).duplicates;
    return (duplicates ?? []).map((candidate) => candidate.id);
  }

  it('finds earlier reports of this process and of another process writing the same store', async () => {
    const second = await createServices(createDefaultConfig()).openInbox({ dataDir: dir });
    try {
      const maintainer = await inbox.identifyToken(apiToken);
      const first = await inbox.submitReport({
        project: 'demo',
        title: 'Heap over-read in parse_header',
        body: reportBody,
        channel: 'api',
      });
      const fromOther = await second.submitReport({
        project: 'demo',
        title: 'parse_header reads past its buffer',
        body: `${reportBody}\n\nFound by fuzzing.`,
        channel: 'api',
      });
      const third = await inbox.submitReport({
        project: 'demo',
        title: 'Out-of-bounds read in parse_header',
        body: `${reportBody}\n\nSeen in production.`,
        channel: 'api',
      });
      const seen = candidateIds(await inbox.getReport(maintainer, third.id));
      expect(seen).toContain(first.id);
      expect(seen).toContain(fromOther.id);
      // A profile change rebuilds the index; nothing is lost from it.
      const project = await inbox.getProject('demo');
      await inbox.updateProject('demo', { repoPath: null, settings: project.settings });
      const fourth = await inbox.submitReport({
        project: 'demo',
        title: 'parse_header over-read again',
        body: `${reportBody}\n\nFourth.`,
        channel: 'api',
      });
      expect(candidateIds(await inbox.getReport(maintainer, fourth.id))).toEqual(
        expect.arrayContaining([first.id, fromOther.id, third.id]),
      );
    } finally {
      await second.close();
    }
  });
});
