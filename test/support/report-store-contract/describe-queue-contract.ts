// The queue: ordered by priority, then arrival, then id; filtered by state; read a page at a
// time with an opaque cursor that neither skips nor repeats a report.

import { describe, expect, it } from 'vitest';
import { InputError, type ReportStatus } from '../../../src/core/index.js';
import type { QueueEntry, ReportStore } from '../../../src/services/ports.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

async function addWith(
  store: ReportStore,
  project: string,
  name: string,
  priority: number,
  receivedAt: string,
) {
  const { report } = await store.reports.add(
    buildNewReport(project, { title: name, body: name, receivedAt }),
  );
  return store.reports.update(report.id, 1, { priority }, 'system');
}

async function readAll(
  store: ReportStore,
  project: string,
  limit: number,
  statuses?: ReportStatus[],
) {
  const seen: QueueEntry[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await store.reports.listQueue({ project, limit, cursor, statuses });
    expect(page.reports.length).toBeLessThanOrEqual(limit);
    seen.push(...page.reports);
    cursor = page.next;
    if (cursor === null) return seen;
  }
  throw new Error('the queue did not end');
}

export function describeQueueContract(fixture: ContractFixture): void {
  describe('queue', () => {
    it('orders by priority, then oldest first, then id, and pages without gaps', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      await store.projects.add({ name: 'other', profileYaml });
      const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;
      await addWith(store, 'zlib', 'low-old', 10, day(1));
      await addWith(store, 'zlib', 'high-new', 90, day(9));
      await addWith(store, 'zlib', 'high-old', 90, day(2));
      await addWith(store, 'zlib', 'negative', -20, day(1));
      await addWith(store, 'zlib', 'tie-a', 50, day(5));
      await addWith(store, 'zlib', 'tie-b', 50, day(5));
      await addWith(store, 'other', 'elsewhere', 100, day(1));
      const expected = ['high-old', 'high-new', 'tie-?', 'tie-?', 'low-old', 'negative'];
      const all = await readAll(store, 'zlib', 1000);
      expect(all.map((entry) => entry.title.replace(/^tie-[ab]$/, 'tie-?'))).toEqual(expected);
      const ties = all.filter((entry) => entry.title.startsWith('tie-')).map((entry) => entry.id);
      expect(ties).toEqual([...ties].sort());
      for (const limit of [1, 2, 4, 5]) {
        expect((await readAll(store, 'zlib', limit)).map((entry) => entry.id)).toEqual(
          all.map((entry) => entry.id),
        );
      }
      expect(all[0]).toEqual({
        id: all[0]!.id,
        title: 'high-old',
        status: 'new',
        disposition: null,
        priority: 90,
        rules: [],
        receivedAt: day(2),
      });
      const exact = await store.reports.listQueue({ project: 'zlib', limit: 6 });
      expect(exact.next).toBeNull();
      expect(await store.reports.listQueue({ project: 'nope' })).toEqual({
        reports: [],
        next: null,
      });
    });

    it('filters by state and counts each state', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const reports = [];
      for (let index = 0; index < 5; index += 1) {
        reports.push(await addWith(store, 'zlib', `r${index}`, index, '2026-01-01T00:00:00Z'));
      }
      await store.reports.changeStatus(reports[0]!.id, 2, 'triaged', 'u');
      await store.reports.changeStatus(reports[1]!.id, 2, 'triaged', 'u');
      await store.reports.changeStatus(reports[2]!.id, 2, 'spam', 'u');
      const triaged = await readAll(store, 'zlib', 1, ['triaged']);
      expect(triaged.map((entry) => entry.title)).toEqual(['r1', 'r0']);
      const some = await readAll(store, 'zlib', 2, ['new', 'spam']);
      expect(some.map((entry) => entry.title)).toEqual(['r4', 'r3', 'r2']);
      expect(await readAll(store, 'zlib', 10, [])).toHaveLength(5);
      const counts = await store.reports.countByStatus('zlib');
      expect(counts).toMatchObject({ new: 2, triaged: 2, spam: 1, disclosed: 0 });
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(5);
    });

    it('neither repeats nor skips reports already listed when new ones arrive between pages', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      for (let index = 0; index < 6; index += 1) {
        await addWith(store, 'zlib', `old${index}`, 10, `2026-01-0${index + 1}T00:00:00Z`);
      }
      const first = await store.reports.listQueue({ project: 'zlib', limit: 3 });
      await addWith(store, 'zlib', 'urgent', 99, '2026-02-01T00:00:00Z');
      await addWith(store, 'zlib', 'later', 10, '2026-02-01T00:00:00Z');
      const second = await store.reports.listQueue({
        project: 'zlib',
        limit: 10,
        cursor: first.next,
      });
      expect([...first.reports, ...second.reports].map((entry) => entry.title)).toEqual([
        'old0',
        'old1',
        'old2',
        'old3',
        'old4',
        'old5',
        'later',
      ]);
    });

    it('refuses limits outside 1 to 1000, unknown states and cursors it did not give', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      for (const limit of [0, -1, 1001, 2.5, Number.NaN]) {
        await expect(store.reports.listQueue({ project: 'zlib', limit })).rejects.toThrow(
          InputError,
        );
      }
      expect(await store.reports.listQueue({ project: 'zlib', limit: 1000 })).toEqual({
        reports: [],
        next: null,
      });
      await expect(
        store.reports.listQueue({ project: 'zlib', statuses: ['open' as ReportStatus] }),
      ).rejects.toThrow(InputError);
      for (const cursor of ['garbage', "'; DROP TABLE reports; --", 'WzEsMl0', '\u0000']) {
        await expect(store.reports.listQueue({ project: 'zlib', cursor })).rejects.toThrow(
          /cursor/,
        );
      }
    });
  });
}
