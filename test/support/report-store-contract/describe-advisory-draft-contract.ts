// Draft advisories through the store: one per report, saved only from the version read (of two
// saves from one version exactly one wins), kept exactly, and each write in the audit log.

import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../../src/core/index.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

/** Not a valid advisory on purpose: the store keeps JSON; the model's checks are the service's. */
const draft = {
  thresherAdvisory: 1,
  id: 'x_zlib-2026-1',
  summary: 'Heap overflow in <inflate> \'quoted\' "double" ; drop table reports; --',
  details: 'Line 1\n\nLine 2 with \u0000 escaped NUL and astral \u{1F600}',
  credits: [{ name: 'Ada', type: 'FINDER', contact: [] }],
};

export function describeAdvisoryDraftContract(fixture: ContractFixture): void {
  describe('advisory drafts', () => {
    async function addReport() {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      return (await store.reports.add(buildNewReport('zlib'))).report;
    }

    it('creates one draft per report, reads it back exactly and logs it for the team', async () => {
      const { store, clock } = fixture;
      const report = await addReport();
      expect(await store.advisoryDrafts.get(report.id)).toBeNull();
      const created = await store.advisoryDrafts.create(report.id, draft, 'user:u_1');
      expect(created).toEqual({
        reportId: report.id,
        advisory: draft,
        version: 1,
        createdAt: clock.now().toISOString(),
        updatedAt: clock.now().toISOString(),
      });
      expect(await store.advisoryDrafts.get(report.id)).toEqual(created);
      await expect(store.advisoryDrafts.create(report.id, draft, 'user:u_1')).rejects.toThrow(
        ConflictError,
      );
      const events = await store.reports.listEvents(report.id, 'team');
      expect(events.at(-1)).toMatchObject({
        kind: 'advisory-drafted',
        visibility: 'team',
        actor: 'user:u_1',
        data: { version: 1 },
      });
      expect(
        (await store.reports.listEvents(report.id, 'reporter')).map((event) => event.kind),
      ).not.toContain('advisory-drafted');
      // The report itself is untouched: its version is the workflow's.
      expect((await store.reports.get(report.id))?.version).toBe(report.version);
    });

    it('saves from the version read only, and logs each save', async () => {
      const { store, clock } = fixture;
      const report = await addReport();
      await store.advisoryDrafts.create(report.id, draft, 'user:u_1');
      clock.advance(60_000);
      const edited = { ...draft, summary: 'Edited' };
      const saved = await store.advisoryDrafts.save(report.id, 1, edited, 'user:u_2');
      expect(saved).toMatchObject({ advisory: edited, version: 2 });
      expect(saved.updatedAt > saved.createdAt).toBe(true);
      await expect(store.advisoryDrafts.save(report.id, 1, draft, 'user:u_1')).rejects.toThrow(
        /changed since version 1 \(it is at 2\)/,
      );
      expect((await store.advisoryDrafts.get(report.id))?.advisory).toEqual(edited);
      const kinds = (await store.reports.listEvents(report.id, 'team')).map((event) => event.kind);
      expect(kinds.filter((kind) => kind.startsWith('advisory-'))).toEqual([
        'advisory-drafted',
        'advisory-saved',
      ]);
    });

    it('logs an export for the team, and refuses one of a report without a draft', async () => {
      const { store } = fixture;
      const report = await addReport();
      const exported = { version: 1, format: 'csaf', forced: false };
      await expect(store.advisoryDrafts.logExport(report.id, exported, 'user:u_1')).rejects.toThrow(
        NotFoundError,
      );
      await store.advisoryDrafts.create(report.id, draft, 'user:u_1');
      await store.advisoryDrafts.logExport(report.id, exported, 'user:u_1');
      const events = await store.reports.listEvents(report.id, 'team');
      const logged = events.filter((event) => event.kind === 'advisory-exported');
      expect(logged).toMatchObject([{ actor: 'user:u_1', visibility: 'team', data: exported }]);
      const reporterView = await store.reports.listEvents(report.id, 'reporter');
      expect(reporterView.some((event) => event.kind === 'advisory-exported')).toBe(false);
    });

    it('refuses drafts of unknown reports, saves without a draft, and unstorable input', async () => {
      const { store } = fixture;
      const report = await addReport();
      await expect(store.advisoryDrafts.create('r_missing', draft, 'x')).rejects.toThrow(
        NotFoundError,
      );
      await expect(store.advisoryDrafts.save(report.id, 1, draft, 'x')).rejects.toThrow(
        NotFoundError,
      );
      await expect(store.advisoryDrafts.create(report.id, undefined, 'x')).rejects.toThrow(
        InputError,
      );
      await expect(store.advisoryDrafts.create(report.id, draft, '')).rejects.toThrow(InputError);
      await store.advisoryDrafts.create(report.id, draft, 'x');
      await expect(store.advisoryDrafts.save(report.id, 1.5, draft, 'x')).rejects.toThrow(
        InputError,
      );
      expect(await store.advisoryDrafts.get('r_missing')).toBeNull();
    });

    it('lets exactly one of two concurrent saves from one version win, over two instances', async () => {
      const { store } = fixture;
      const report = await addReport();
      const another = await fixture.openAnother();
      await store.advisoryDrafts.create(report.id, draft, 'x');
      for (let round = 1; round <= 5; round += 1) {
        const outcomes = await Promise.allSettled([
          store.advisoryDrafts.save(report.id, round, { ...draft, summary: `a${round}` }, 'a'),
          another.advisoryDrafts.save(report.id, round, { ...draft, summary: `b${round}` }, 'b'),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((outcome) => outcome.status === 'rejected');
        expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      }
      expect((await store.advisoryDrafts.get(report.id))?.version).toBe(6);
      const creates = await Promise.allSettled([
        store.advisoryDrafts.create(report.id, draft, 'a'),
        another.advisoryDrafts.create(report.id, draft, 'b'),
      ]);
      expect(creates.every((outcome) => outcome.status === 'rejected')).toBe(true);
    });
  });
}
