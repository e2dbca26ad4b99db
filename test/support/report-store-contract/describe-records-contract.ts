// Projects, reports, changes with optimistic versions, messages and the duplicate index's
// documents: what is stored comes back, and stale or impossible changes are refused.

import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../../src/core/index.js';
import type { DuplicateDocument } from '../../../src/core/index.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

function document(id: string, title = id): DuplicateDocument {
  return {
    id,
    kind: 'report',
    title,
    text: `text of ${id}`,
    packages: [],
    aliases: [],
    cwes: [],
    paths: ['src/http.c'],
    functions: ['parse_header'],
    published: null,
  };
}

export function describeRecordsContract(fixture: ContractFixture): void {
  describe('projects', () => {
    it('adds, lists by name and refuses a second project of the same name', async () => {
      const { store } = fixture;
      const added = await store.projects.add({ name: 'zlib', profileYaml, repoPath: '/srv/zlib' });
      await store.projects.add({ name: 'curl-like', profileYaml });
      expect(added).toMatchObject({
        name: 'zlib',
        profileYaml,
        repoPath: '/srv/zlib',
        advisoriesPath: null,
        version: 1,
        createdAt: '2026-03-01T09:00:00.000Z',
      });
      expect((await store.projects.list()).map((p) => p.name)).toEqual(['curl-like', 'zlib']);
      expect(await store.projects.get('zlib')).toEqual(added);
      expect(await store.projects.get('nope')).toBeNull();
      await expect(store.projects.add({ name: 'zlib', profileYaml })).rejects.toThrow(
        ConflictError,
      );
    });

    it('updates with the version read, and refuses a stale one', async () => {
      const { store, clock } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      clock.advance(1000);
      const updated = await store.projects.update('zlib', 1, {
        profileYaml: 'version: 1\n',
        advisoriesPath: '/srv/advisories',
      });
      expect(updated).toMatchObject({
        version: 2,
        profileYaml: 'version: 1\n',
        advisoriesPath: '/srv/advisories',
        updatedAt: '2026-03-01T09:00:01.000Z',
      });
      await expect(store.projects.update('zlib', 1, { repoPath: '/x' })).rejects.toThrow(
        /changed since version 1 \(it is at 2\)/,
      );
      await expect(store.projects.update('nope', 1, {})).rejects.toThrow(NotFoundError);
      expect((await store.projects.get('zlib'))?.repoPath).toBeNull();
    });

    it("keeps each project's intake settings, with defaults for a new project", async () => {
      const { store } = fixture;
      const added = await store.projects.add({ name: 'zlib', profileYaml });
      expect(added.settings).toEqual({
        intakePausedMessage: null,
        workInProgressLimit: null,
        requireReproductionFromNewReporters: false,
        reportsPerReporterPerDay: null,
        publishDisclosedReports: false,
      });
      const settings = {
        intakePausedMessage: `Back soon '); drop table projects; -- <b>`,
        workInProgressLimit: 12,
        requireReproductionFromNewReporters: true,
        reportsPerReporterPerDay: 3,
        publishDisclosedReports: true,
      };
      const updated = await store.projects.update('zlib', 1, { settings });
      expect(updated.settings).toEqual(settings);
      expect((await store.projects.get('zlib'))?.settings).toEqual(settings);
      expect((await store.projects.get('zlib'))?.profileYaml).toBe(profileYaml);
      await expect(
        store.projects.update('zlib', 2, {
          settings: { ...settings, intakePausedMessage: 'nul \u0000 here' },
        }),
      ).rejects.toThrow(InputError);
    });
  });

  describe('reports', () => {
    it('lists every report of a project with when a maintainer first answered it', async () => {
      const { store, clock } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report: first } = await store.reports.add(buildNewReport('zlib', { title: 'a' }));
      clock.advance(1000);
      const { report: second } = await store.reports.add(buildNewReport('zlib', { title: 'b' }));
      clock.advance(60_000);
      await store.reports.addMessage(first.id, { visibility: 'team', actor: 'user:1', body: 'n' });
      await store.reports.addMessage(first.id, {
        visibility: 'reporter',
        actor: 'reporter',
        body: 'r',
      });
      clock.advance(60_000);
      await store.reports.addMessage(first.id, {
        visibility: 'reporter',
        actor: 'user:1',
        body: 'hi',
      });
      clock.advance(60_000);
      await store.reports.addMessage(first.id, {
        visibility: 'reporter',
        actor: 'user:2',
        body: 'x',
      });
      const activity = await store.reports.listActivity('zlib');
      expect(activity).toEqual([
        {
          id: first.id,
          status: 'new',
          disposition: null,
          receivedAt: first.receivedAt,
          firstResponseAt: '2026-03-01T09:02:01.000Z',
        },
        {
          id: second.id,
          status: 'new',
          disposition: null,
          receivedAt: second.receivedAt,
          firstResponseAt: null,
        },
      ]);
      expect(await store.reports.listActivity('nope')).toEqual([]);
    });

    it('stores a new report with its received event and a reporter token', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const added = await store.reports.add(
        buildNewReport('zlib', { receivedAt: '2026-02-27T10:00:00+02:00' }),
      );
      expect(added.isNew).toBe(true);
      expect(added.report).toMatchObject({
        project: 'zlib',
        title: 'Heap overflow in parse_header',
        reporter: { name: 'Ada', email: 'ada@example.org' },
        channel: 'web',
        format: 'markdown',
        receivedAt: '2026-02-27T08:00:00.000Z',
        status: 'new',
        version: 1,
        assessment: null,
        disposition: null,
        priority: 0,
        rules: [],
        embargoUntil: null,
        duplicateOf: null,
      });
      expect(added.report.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.reports.get(added.report.id)).toEqual(added.report);
      expect(await store.reports.get('r_missing')).toBeNull();
      expect(added.reporterToken).toMatch(/^thr_report_[\w-]{43}$/);
      expect(await store.reports.findAccess(added.reporterToken!)).toEqual({
        reportId: added.report.id,
        role: 'reporter',
      });
      const events = await store.reports.listEvents(added.report.id, 'reporter');
      expect(events).toMatchObject([
        { kind: 'received', visibility: 'reporter', actor: 'reporter', toStatus: 'new' },
      ]);
    });

    it('stores the same submission once, and a changed one again', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      await store.projects.add({ name: 'other', profileYaml });
      const first = await store.reports.add(buildNewReport('zlib'));
      const again = await store.reports.add(buildNewReport('zlib'));
      expect(again).toEqual({ report: first.report, isNew: false, reporterToken: null });
      const edited = await store.reports.add(buildNewReport('zlib', { body: 'another body' }));
      const elsewhere = await store.reports.add(buildNewReport('other'));
      const hashed = await store.reports.add(buildNewReport('zlib', { contentHash: 'upload-1' }));
      const hashedAgain = await store.reports.add(
        buildNewReport('zlib', { contentHash: 'upload-1', title: 'retitled' }),
      );
      expect(edited.isNew && elsewhere.isNew && hashed.isNew).toBe(true);
      expect(hashedAgain.report.id).toBe(hashed.report.id);
      expect(new Set([first, edited, elsewhere, hashed].map((a) => a.report.id)).size).toBe(4);
    });

    it('refuses a report for a project that does not exist', async () => {
      await expect(fixture.store.reports.add(buildNewReport('nope'))).rejects.toThrow(
        NotFoundError,
      );
    });

    it('updates the assessment with the version read and logs it for the team', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      const assessment = { verdict: 'in-scope', nested: [1, 2.5, null, { ok: true }], note: 'ü' };
      const updated = await store.reports.update(
        report.id,
        1,
        {
          assessment,
          disposition: 'in-scope',
          priority: 77,
          rules: ['memory-safety', 'remote'],
          embargoUntil: '2026-06-01',
        },
        'system',
      );
      expect(updated).toMatchObject({
        version: 2,
        assessment,
        disposition: 'in-scope',
        priority: 77,
        rules: ['memory-safety', 'remote'],
        embargoUntil: '2026-06-01T00:00:00.000Z',
        status: 'new',
      });
      expect(await store.reports.get(report.id)).toEqual(updated);
      await expect(store.reports.update(report.id, 1, { priority: 1 }, 'system')).rejects.toThrow(
        ConflictError,
      );
      await expect(store.reports.update('r_missing', 1, { priority: 1 }, 'x')).rejects.toThrow(
        NotFoundError,
      );
      await expect(store.reports.update(report.id, 2, { priority: 1.5 }, 'x')).rejects.toThrow(
        InputError,
      );
      await expect(
        store.reports.update(report.id, 2, { embargoUntil: 'next week' }, 'x'),
      ).rejects.toThrow(InputError);
      const cleared = await store.reports.update(
        report.id,
        2,
        { assessment: null, embargoUntil: null },
        'user:1',
      );
      expect(cleared).toMatchObject({ version: 3, assessment: null, embargoUntil: null });
      const teamLog = await store.reports.listEvents(report.id, 'team');
      expect(teamLog.map((event) => [event.kind, event.visibility])).toEqual([
        ['received', 'reporter'],
        ['updated', 'team'],
        ['updated', 'team'],
      ]);
      expect(teamLog[1]!.data).toEqual({
        fields: ['assessment', 'disposition', 'embargoUntil', 'priority', 'rules'],
      });
      expect(await store.reports.listEvents(report.id, 'reporter')).toHaveLength(1);
    });

    it('keeps the reporter thread apart from team notes, in order', async () => {
      const { store, clock } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      clock.advance(60_000);
      const question = await store.reports.addMessage(report.id, {
        visibility: 'reporter',
        actor: 'user:1',
        body: 'Which version?',
      });
      await store.reports.addMessage(report.id, {
        visibility: 'team',
        actor: 'user:1',
        body: 'Looks like CVE-2024-0001 again',
      });
      await store.reports.addMessage(report.id, {
        visibility: 'reporter',
        actor: 'reporter',
        body: '1.2.3',
      });
      expect(question).toMatchObject({
        kind: 'message',
        visibility: 'reporter',
        body: 'Which version?',
        at: '2026-03-01T09:01:00.000Z',
      });
      const thread = await store.reports.listEvents(report.id, 'reporter');
      expect(thread.map((event) => event.body)).toEqual([null, 'Which version?', '1.2.3']);
      const all = await store.reports.listEvents(report.id, 'team');
      expect(all).toHaveLength(4);
      expect(all.map((event) => event.sequence)).toEqual(
        [...all.map((event) => event.sequence)].sort((a, b) => a - b),
      );
      await expect(
        store.reports.addMessage('r_missing', { visibility: 'team', actor: 'x', body: 'y' }),
      ).rejects.toThrow(NotFoundError);
      await expect(
        store.reports.addMessage(report.id, { visibility: 'team', actor: 'x', body: '  ' }),
      ).rejects.toThrow(InputError);
    });

    it("summarises a reporter's history with a project, by e-mail address", async () => {
      const { store, clock } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      await store.projects.add({ name: 'other', profileYaml });
      const reporter = { name: 'Ada', email: 'Ada@Example.org' };
      const first = await store.reports.add(buildNewReport('zlib', { reporter, body: 'one' }));
      const moved = await store.reports.changeStatus(first.report.id, 1, 'triaged', 'u');
      await store.reports.changeStatus(moved.id, moved.version, 'accepted', 'u');
      clock.advance(24 * 60 * 60 * 1000);
      await store.reports.add(buildNewReport('zlib', { reporter, body: 'two' }));
      await store.reports.add(
        buildNewReport('zlib', { reporter: { name: 'B', email: 'b@x.org' } }),
      );
      await store.reports.add(buildNewReport('other', { reporter, body: 'elsewhere' }));
      expect(
        await store.reports.summarizeReporter({
          project: 'zlib',
          email: 'ada@example.ORG',
          since: '2026-03-02T00:00:00Z',
        }),
      ).toEqual({ total: 2, recent: 1, accepted: 1 });
      expect(
        await store.reports.summarizeReporter({
          project: 'zlib',
          email: "' OR '1'='1",
          since: '2026-03-02T00:00:00Z',
        }),
      ).toEqual({ total: 0, recent: 0, accepted: 0 });
    });

    it('sees what another instance committed, and keeps it after closing', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      const other = await fixture.openAnother();
      expect(await other.reports.get(report.id)).toEqual(report);
      await store.close();
      const reopened = await fixture.openAnother();
      expect((await reopened.reports.get(report.id))?.body).toBe(report.body);
      fixture.store = reopened;
    });
  });

  describe('duplicate documents', () => {
    it('keeps documents per project in first-saved order, replacing by id', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      await store.projects.add({ name: 'other', profileYaml });
      expect(await store.duplicateDocuments.list('zlib')).toEqual([]);
      await store.duplicateDocuments.write('zlib', {
        save: [document('b'), document('a'), document('c')],
        remove: [],
      });
      await store.duplicateDocuments.write('other', { save: [document('x')], remove: [] });
      await store.duplicateDocuments.write('zlib', {
        save: [document('a', 'a, edited'), document('d')],
        remove: ['c'],
      });
      expect(await store.duplicateDocuments.list('zlib')).toEqual([
        document('b'),
        document('a', 'a, edited'),
        document('d'),
      ]);
      expect(await store.duplicateDocuments.list('other')).toEqual([document('x')]);
      await expect(
        store.duplicateDocuments.write('nope', { save: [document('a')], remove: [] }),
      ).rejects.toThrow(NotFoundError);
    });
  });
}
