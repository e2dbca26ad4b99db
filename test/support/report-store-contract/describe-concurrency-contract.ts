// Several writers on one database, each a store instance with its own connections (as several
// server processes would be): no lost update, no lost insert, one report per submission.

import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/core/index.js';
import type { ReportStore } from '../../../src/services/ports.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

function countOutcomes(results: PromiseSettledResult<unknown>[]) {
  const fulfilled = results.filter((result) => result.status === 'fulfilled').length;
  const conflicts = results.filter(
    (result) => result.status === 'rejected' && result.reason instanceof ConflictError,
  ).length;
  return { fulfilled, conflicts, other: results.length - fulfilled - conflicts };
}

export function describeConcurrencyContract(fixture: ContractFixture): void {
  describe('concurrent writers', () => {
    it('lets exactly one of two writers with the same version win, every round', async () => {
      const { store } = fixture;
      const other = await fixture.openAnother();
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      let version = report.version;
      for (let round = 0; round < 20; round += 1) {
        const results = await Promise.allSettled([
          store.reports.update(report.id, version, { priority: round * 2 }, 'first'),
          other.reports.update(report.id, version, { priority: round * 2 + 1 }, 'second'),
        ]);
        expect(countOutcomes(results)).toEqual({ fulfilled: 1, conflicts: 1, other: 0 });
        version += 1;
        const stored = await other.reports.get(report.id);
        expect(stored?.version).toBe(version);
        const winner = results.find((result) => result.status === 'fulfilled');
        expect(stored).toEqual((winner as PromiseFulfilledResult<unknown>).value);
      }
      const updates = (await store.reports.listEvents(report.id, 'team')).filter(
        (event) => event.kind === 'updated',
      );
      expect(updates).toHaveLength(20);
    });

    it('lets exactly one of several status changes from one version through', async () => {
      const { store } = fixture;
      const writers = [store, await fixture.openAnother(), await fixture.openAnother()];
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      const results = await Promise.allSettled(
        writers.flatMap((writer, index) => [
          writer.reports.changeStatus(report.id, 1, 'triaged', `w${index}`),
          writer.reports.changeStatus(report.id, 1, 'needs-info', `w${index}`),
        ]),
      );
      expect(countOutcomes(results)).toEqual({ fulfilled: 1, conflicts: 5, other: 0 });
      const log = await store.reports.listEvents(report.id, 'team');
      expect(log.filter((event) => event.kind === 'status-changed')).toHaveLength(1);
      expect((await store.reports.get(report.id))?.version).toBe(2);
    });

    it('keeps every one of many concurrent inserts from several instances', async () => {
      const { store } = fixture;
      const writers: ReportStore[] = [
        store,
        await fixture.openAnother(),
        await fixture.openAnother(),
      ];
      await store.projects.add({ name: 'zlib', profileYaml });
      const perWriter = 40;
      const added = await Promise.all(
        writers.flatMap((writer, w) =>
          Array.from({ length: perWriter }, (_, index) =>
            writer.reports.add(buildNewReport('zlib', { body: `writer ${w} report ${index}` })),
          ),
        ),
      );
      expect(added.every((result) => result.isNew)).toBe(true);
      const ids = new Set(added.map((result) => result.report.id));
      expect(ids.size).toBe(writers.length * perWriter);
      const counts = await writers[1]!.reports.countByStatus('zlib');
      expect(counts.new).toBe(writers.length * perWriter);
      const queue = await store.reports.listQueue({ project: 'zlib', limit: 1000 });
      expect(new Set(queue.reports.map((entry) => entry.id))).toEqual(ids);
      for (const result of added.slice(0, 5)) {
        expect(await store.reports.findAccess(result.reporterToken!)).toEqual({
          reportId: result.report.id,
          role: 'reporter',
        });
      }
    });

    it('stores one report when the same submission arrives at several instances at once', async () => {
      const { store } = fixture;
      const writers = [store, await fixture.openAnother(), await fixture.openAnother()];
      await store.projects.add({ name: 'zlib', profileYaml });
      const results = await Promise.all(
        writers.flatMap((writer) => [
          writer.reports.add(buildNewReport('zlib')),
          writer.reports.add(buildNewReport('zlib')),
        ]),
      );
      expect(results.filter((result) => result.isNew)).toHaveLength(1);
      expect(new Set(results.map((result) => result.report.id)).size).toBe(1);
      expect((await store.reports.countByStatus('zlib')).new).toBe(1);
    });

    it('opens further instances at once over the same data', async () => {
      const stores = await Promise.all([fixture.openAnother(), fixture.openAnother()]);
      await stores[0].projects.add({ name: 'zlib', profileYaml });
      expect((await stores[1].projects.list()).map((project) => project.name)).toEqual(['zlib']);
    });
  });
}
