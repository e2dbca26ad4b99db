// Draft advisories in the inbox (issue 15), through the app over a real SQLite store and the real
// advisory service: drafted from a report and its linked duplicates, saved from the version read
// when the model's checks pass, exported only when validated and not embargoed, and every field
// escaped on the maintainer's page.

import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStandardValidator } from '../adapters/standards/create-standard-validator.js';
import { parseMarkdownReport, type Advisory } from '../core/index.js';
import { arbitraryAdvisory } from '../../test/support/advisory-arbitraries.js';
import {
  bearer,
  createFixture,
  logIn,
  readHiddenCsrf,
  reportBody,
  submit,
  type Fixture,
} from '../../test/support/inbox-app-fixture.js';

interface DraftView {
  reportId: string;
  version: number;
  advisory: Advisory;
  notes?: string[];
}

describe('advisory drafts in the inbox', () => {
  let fixture: Fixture;
  let head: string;
  let duplicate: string;

  async function api(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
    const response = await fixture.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...bearer(fixture.apiToken),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      json: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  async function readDraft(id: string): Promise<DraftView> {
    const { status, json } = await api('GET', `/reports/${id}/advisory`);
    expect(status).toBe(200);
    return json as unknown as DraftView;
  }

  async function save(id: string, version: number, advisory: unknown) {
    return api('PUT', `/reports/${id}/advisory`, { version, advisory });
  }

  beforeAll(async () => {
    fixture = await createFixture();
    head = (
      await submit(fixture, {
        title: 'Heap over-read in parse_header',
        body: reportBody,
        reporter: { name: 'Ada Lovelace', email: 'ada@example.org' },
      })
    ).json.id!;
    // An earlier report of the same bug, imported with its own date, linked as the duplicate.
    const older = parseMarkdownReport('older', `${reportBody}\n\nFound in January.`, {
      title: 'parse_header reads past its buffer',
      reporter: { name: 'Grace Hopper', email: 'grace@example.org' },
      receivedAt: '2026-01-05T08:00:00.000Z',
    });
    if (!older.ok) throw new Error('the fixture report does not parse');
    await fixture.inbox.importReports('demo', [older.value]);
    const queue = await fixture.inbox.listQueue({ project: 'demo', limit: 50 });
    duplicate = queue.reports.find((entry) => entry.title.startsWith('parse_header'))!.id;
    const maintainer = await fixture.inbox.identifyToken(fixture.apiToken);
    const record = await fixture.inbox.getReport(maintainer, duplicate);
    const triaged = await fixture.inbox.changeStatus(maintainer, duplicate, {
      version: record.version,
      status: record.status === 'new' ? 'triaged' : record.status,
    });
    const linked = await api('POST', `/reports/${duplicate}/duplicate`, {
      originalId: head,
      version: triaged.version,
    });
    expect(linked.status).toBe(200);
  });

  afterAll(async () => {
    await fixture.inbox.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  });

  it('drafts one advisory for the cluster: every finder credited, the earliest date kept, audited', async () => {
    expect((await api('GET', `/reports/${head}/advisory`)).status).toBe(404);
    // Asked from the duplicate's id: the draft belongs to the report heading the cluster.
    const created = await api('POST', `/reports/${duplicate}/advisory`);
    expect(created.status).toBe(201);
    const draft = created.json as unknown as DraftView;
    expect(draft).toMatchObject({ reportId: head, version: 1 });
    expect(draft.advisory.credits.map((credit) => [credit.name, credit.type])).toEqual(
      expect.arrayContaining([
        ['Ada Lovelace', 'FINDER'],
        ['Grace Hopper', 'FINDER'],
      ]),
    );
    expect(draft.advisory.timeline.reported).toBe('2026-01-05T08:00:00Z');
    expect(draft.notes).toEqual(expect.arrayContaining([expect.stringContaining('fixedVersions')]));
    expect(await readDraft(head)).toMatchObject({ reportId: head, version: 1 });
    expect((await readDraft(duplicate)).reportId).toBe(head);

    const again = await api('POST', `/reports/${head}/advisory`);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: 'conflict' } });
    const events = await api('GET', `/reports/${head}/messages`);
    const kinds = (events.json.events as { kind: string }[]).map((event) => event.kind);
    expect(kinds).toContain('advisory-drafted');
  });

  it("saves an edit only from the version read and only when the model's checks pass", async () => {
    const draft = await readDraft(head);
    const empty = await save(head, draft.version, { ...draft.advisory, summary: '  ' });
    expect(empty.status).toBe(400);
    const emptyError = empty.json.error as { code: string; message: string };
    expect(emptyError.code).toBe('input');
    expect(emptyError.message).toMatch(/summary: must not be empty/);
    const badCwe = await save(head, draft.version, { ...draft.advisory, cwes: ['CWE-abc'] });
    expect(badCwe.status).toBe(400);
    expect((badCwe.json.error as { message: string }).message).toMatch(/cwes\[0\]/);
    const unknownField = await save(head, draft.version, `{"thresherAdvisory":1,"bogus":true}`);
    expect((unknownField.json.error as { message: string }).message).toMatch(
      /bogus: unknown field/,
    );
    expect((await readDraft(head)).version).toBe(draft.version);

    const edited = await save(head, draft.version, {
      ...draft.advisory,
      summary: 'Heap over-read in parse_header',
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      version: draft.version + 1,
      advisory: { summary: 'Heap over-read in parse_header' },
    });
    const stale = await save(head, draft.version, { ...draft.advisory, summary: 'Lost update' });
    expect(stale.status).toBe(409);
    expect((stale.json.error as { message: string }).message).toMatch(
      new RegExp(`changed since version ${draft.version} \\(it is at ${draft.version + 1}\\)`),
    );
    expect((await readDraft(head)).advisory.summary).toBe('Heap over-read in parse_header');
    const events = await api('GET', `/reports/${head}/messages`);
    const kinds = (events.json.events as { kind: string }[]).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'advisory-saved')).toHaveLength(1);
  });

  it('refuses a public export during the embargo, saying until when; force exports it', async () => {
    const draft = await readDraft(head);
    await save(head, draft.version, { ...draft.advisory, embargoUntil: '2099-01-01T00:00:00Z' });
    const refused = await api('GET', `/reports/${head}/advisory/export?format=osv`);
    expect(refused.status).toBe(423);
    const refusal = refused.json.error as Record<string, string>;
    expect(Object.keys(refusal).sort()).toEqual(['code', 'message', 'until']);
    expect(refusal.code).toBe('embargoed');
    expect(refusal.until).toBe('2099-01-01T00:00:00Z');
    expect(refusal.message).toMatch(
      /embargoed until 2099-01-01T00:00:00Z; it may be exported from then on/,
    );
    const forced = await api('GET', `/reports/${head}/advisory/export?format=osv&force=true`);
    expect(forced.status).toBe(200);
    expect(forced.headers.get('x-thresher-embargoed')).toBe('true');
    expect(await createStandardValidator().validate('osv', forced.json)).toEqual([]);
    const wrongFormat = await api('GET', `/reports/${head}/advisory/export?format=pdf`);
    expect(wrongFormat.status).toBe(400);
    // Only the export given is in the team's log, with its format and the forcing.
    const events = await api('GET', `/reports/${head}/messages`);
    const exports = (events.json.events as { kind: string; data: unknown }[]).filter(
      (event) => event.kind === 'advisory-exported',
    );
    expect(exports.map((event) => event.data)).toEqual([
      { version: draft.version + 1, format: 'osv', forced: true },
    ]);
  });

  it('exports OSV, CVE JSON 5 and CSAF that pass the official schemas, or names the field', async () => {
    let draft = await readDraft(head);
    draft = (
      await save(head, draft.version, {
        ...draft.advisory,
        embargoUntil: null,
        aliases: ['CVE-2026-12345'],
      })
    ).json as unknown as DraftView;
    const noCna = await api('GET', `/reports/${head}/advisory/export?format=cve5`);
    expect(noCna.status).toBe(400);
    const noCnaError = noCna.json.error as {
      code: string;
      stage: string;
      issues: { path: string }[];
    };
    expect([noCnaError.code, noCnaError.stage]).toEqual(['input', 'format']);
    expect(noCnaError.issues.map((issue) => issue.path)).toContain('cna');
    const completed = await save(head, draft.version, {
      ...draft.advisory,
      cna: { orgId: 'b3476cb9-2e3d-41a6-98d0-0f47421a65b6', shortName: 'demo' },
      references: [{ type: 'ADVISORY', url: 'https://example.org/advisories/1' }],
      publisher: { name: draft.advisory.publisher.name, url: 'https://example.org' },
    });
    expect(completed.status).toBe(200);
    const validator = createStandardValidator();
    for (const format of ['osv', 'cve5', 'csaf'] as const) {
      const exported = await api('GET', `/reports/${head}/advisory/export?format=${format}`);
      expect(`${format}: ${exported.status} ${JSON.stringify(exported.json.error ?? '')}`).toBe(
        `${format}: 200 ""`,
      );
      expect(exported.headers.get('x-thresher-embargoed')).toBeNull();
      expect(await validator.validate(format, exported.json)).toEqual([]);
    }
  });

  it('escapes every advisory field on the maintainer pages (no script runs)', async () => {
    const draft = await readDraft(head);
    const script = '<script>alert(1)</script>';
    const hostile = {
      ...draft.advisory,
      summary: `Over-read ${script}`,
      details: `${script}\n\n<img src=x onerror=alert(2)> "quotes" & 'apostrophes'`,
      credits: [{ name: `Eve ${script}`, type: 'FINDER', contact: [`"><svg onload=alert(3)>`] }],
      severity: { ...draft.advisory.severity, text: `<b onmouseover=alert(4)>` },
    };
    const saved = await save(head, draft.version, hostile);
    expect(saved.status).toBe(200);
    const session = await logIn(fixture);
    for (const page of [`/reports/${head}/advisory`, `/reports/${head}`]) {
      const response = await fixture.app.request(page, { headers: { cookie: session.cookie } });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain('<script>');
      expect(text).not.toMatch(/<(img|svg|b) on/);
      expect(text).toContain('Over-read &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('creates, edits and exports through the forms, keeping text the model refused', async () => {
    const { json } = await submit(fixture, {
      title: 'Crash in chunked decoding',
      body: `${reportBody}\n\nChunked.`,
      reporter: { name: 'Bo', email: 'bo@example.org' },
    });
    const id = json.id!;
    const session = await logIn(fixture);
    const get = (path: string) =>
      fixture.app.request(path, { headers: { cookie: session.cookie } });
    const post = (path: string, fields: Record<string, string>) =>
      fixture.app.request(path, {
        method: 'POST',
        headers: { cookie: session.cookie },
        body: new URLSearchParams({ csrf: session.csrf, ...fields }),
      });
    const reportPage = await (await get(`/reports/${id}`)).text();
    expect(reportPage).toContain(`href="/reports/${id}/advisory"`);
    expect(await (await get(`/reports/${id}/advisory`)).text()).toContain('No advisory draft yet');

    const created = await post(`/reports/${id}/advisory`, { cveId: '', ecosystem: '' });
    expect(created.status).toBe(201);
    const page = await created.text();
    expect(page).toContain('Drafted.');
    expect(page).toMatch(/<ul id="advisory-notes">[^]*fixedVersions[^]*<\/ul>/);
    expect(readHiddenCsrf(page)).toBe(session.csrf);

    const refusedJson = await post(`/reports/${id}/advisory/json`, {
      version: '1',
      advisory: '{"thresherAdvisory": 1, "summary": "kept <text>"}',
    });
    expect(refusedJson.status).toBe(400);
    const refusedPage = await refusedJson.text();
    expect(refusedPage).toMatch(/the advisory is invalid, nothing was saved: id: /);
    expect(refusedPage).toContain('kept &lt;text&gt;');

    const saved = await post(`/reports/${id}/advisory/fields`, {
      version: '1',
      summary: 'Crash in chunked decoding of long bodies',
      details: 'Details.',
      embargoUntil: '2099-01-01',
    });
    expect(saved.status).toBe(303);
    const stale = await post(`/reports/${id}/advisory/fields`, {
      version: '1',
      summary: 'A stale edit',
      details: 'Details.',
      embargoUntil: '',
    });
    expect(stale.status).toBe(409);
    const stalePage = await stale.text();
    expect(stalePage).toContain('changed since version 1');
    expect(stalePage).toContain('value="A stale edit"');

    const embargoed = await post(`/reports/${id}/advisory/export`, { format: 'osv' });
    expect(embargoed.status).toBe(423);
    expect(await embargoed.text()).toMatch(
      /Not exported: the advisory is embargoed until 2099-01-01T00:00:00Z/,
    );
    const forced = await post(`/reports/${id}/advisory/export`, { format: 'osv', force: 'on' });
    expect(forced.status).toBe(200);
    expect(forced.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[\w.-]+\.osv\.json"$/,
    );
    const document = (await forced.json()) as { summary: string };
    expect(document.summary).toBe('Crash in chunked decoding of long bodies');
    expect(await createStandardValidator().validate('osv', document)).toEqual([]);
  });

  it('refuses hostile input to the advisory routes with a clear 400 (or 413), changing nothing', async () => {
    const before = await readDraft(head);
    const cases: Array<[string, string, unknown, number, RegExp]> = [
      [
        'PUT',
        `/reports/${head}/advisory`,
        { version: before.version, advisory: 42 },
        400,
        /advisory must be/,
      ],
      [
        'PUT',
        `/reports/${head}/advisory`,
        { version: before.version, advisory: 'not json' },
        400,
        /the advisory is invalid/,
      ],
      [
        'PUT',
        `/reports/${head}/advisory`,
        { version: 'one', advisory: {} },
        400,
        /version must be a number/,
      ],
      ['PUT', `/reports/${head}/advisory`, [before.advisory], 400, /JSON object/],
      [
        'PUT',
        `/reports/${head}/advisory`,
        { version: before.version, advisory: { ...before.advisory, details: 'x'.repeat(70_000) } },
        400,
        /details: /,
      ],
      [
        'PUT',
        `/reports/${head}/advisory`,
        { version: before.version, advisory: { ...before.advisory, details: 'x'.repeat(300_000) } },
        413,
        /too large/,
      ],
      ['POST', `/reports/${head}/advisory`, { cveId: 7 }, 400, /cveId must be text/],
      [
        'GET',
        `/reports/${head}/advisory/export`,
        undefined,
        400,
        /format must be osv, cve5 or csaf/,
      ],
      [
        'GET',
        `/reports/${head}/advisory/export?format=osv&force=yes`,
        undefined,
        400,
        /force must be/,
      ],
      ['GET', `/reports/r_missing/advisory`, undefined, 404, /no report/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const answer = await api(method, path, body);
      const error = answer.json.error as { message: string };
      expect(`${method} ${path}: ${answer.status} ${message.test(error.message)}`).toBe(
        `${method} ${path}: ${status} true`,
      );
    }
    expect(await readDraft(head)).toEqual(before);
  });

  it('keeps any valid advisory exactly and never lets its text become markup (property)', async () => {
    const { json } = await submit(fixture, {
      title: 'Property target',
      body: `${reportBody}\n\nProperty.`,
    });
    const target = json.id!;
    expect((await api('POST', `/reports/${target}/advisory`)).status).toBe(201);
    const session = await logIn(fixture);
    const hostile = fc.constantFrom(
      '<x-evil>',
      '</textarea><x-evil>',
      '"><x-evil a="',
      "'><x-evil>",
    );
    await fc.assert(
      fc.asyncProperty(arbitraryAdvisory(), hostile, async (advisory, markup) => {
        const current = await readDraft(target);
        const sent: Advisory = {
          ...advisory,
          // Cut by code points, so no surrogate pair is split.
          summary: `${markup}${[...advisory.summary].slice(0, 200).join('')}`,
          details: `${markup}\n${advisory.details}`,
          credits: [{ name: `${markup} Eve`, type: 'FINDER', contact: [] }, ...advisory.credits],
        };
        const saved = await save(target, current.version, sent);
        expect(saved.status).toBe(200);
        const stored = (saved.json as unknown as DraftView).advisory;
        expect({ ...stored, modified: sent.modified }).toEqual(sent);
        const page = await fixture.app.request(`/reports/${target}/advisory`, {
          headers: { cookie: session.cookie },
        });
        expect(await page.text()).not.toContain('<x-evil');
      }),
      { numRuns: 25 },
    );
  });
});
