// The workflow through the store: allowed moves only, each logged in the same transaction, and
// duplicates linked to the first report of their bug with every finder credited.

import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../../src/core/index.js';
import type { ReportStore } from '../../../src/services/ports.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

async function addTriaged(store: ReportStore, project: string, name: string) {
  const { report } = await store.reports.add(
    buildNewReport(project, { body: `found by ${name}`, reporter: { name, email: null } }),
  );
  return store.reports.changeStatus(report.id, 1, 'triaged', 'system');
}

export function describeWorkflowContract(fixture: ContractFixture): void {
  describe('workflow', () => {
    it('carries a report from new to disclosed, logging each move for the reporter', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      let current = report;
      for (const status of [
        'needs-info',
        'triaged',
        'accepted',
        'fixing',
        'fixed',
        'disclosed',
      ] as const) {
        current = await store.reports.changeStatus(current.id, current.version, status, 'user:1');
      }
      expect(current).toMatchObject({ status: 'disclosed', version: 7 });
      const thread = await store.reports.listEvents(report.id, 'reporter');
      expect(thread.map((event) => [event.fromStatus, event.toStatus])).toEqual([
        [null, 'new'],
        ['new', 'needs-info'],
        ['needs-info', 'triaged'],
        ['triaged', 'accepted'],
        ['accepted', 'fixing'],
        ['fixing', 'fixed'],
        ['fixed', 'disclosed'],
      ]);
    });

    it('refuses a move the workflow forbids and leaves the report as it was', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      await expect(store.reports.changeStatus(report.id, 1, 'fixed', 'user:1')).rejects.toThrow(
        /cannot move to "fixed"/,
      );
      await expect(store.reports.changeStatus(report.id, 1, 'duplicate', 'user:1')).rejects.toThrow(
        InputError,
      );
      await expect(
        store.reports.changeStatus(report.id, 1, 'bogus' as never, 'user:1'),
      ).rejects.toThrow(InputError);
      await expect(store.reports.changeStatus('r_missing', 1, 'triaged', 'x')).rejects.toThrow(
        NotFoundError,
      );
      expect(await store.reports.get(report.id)).toEqual(report);
      expect(await store.reports.listEvents(report.id, 'team')).toHaveLength(1);
    });

    it('refuses a move from a stale version even when the move is allowed', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const { report } = await store.reports.add(buildNewReport('zlib'));
      await store.reports.update(report.id, 1, { priority: 5 }, 'system');
      await expect(store.reports.changeStatus(report.id, 1, 'triaged', 'x')).rejects.toThrow(
        ConflictError,
      );
      const moved = await store.reports.changeStatus(report.id, 2, 'triaged', 'x', 'Thanks!');
      expect(moved).toMatchObject({ status: 'triaged', version: 3, priority: 5 });
      const last = (await store.reports.listEvents(report.id, 'reporter')).at(-1);
      expect(last).toMatchObject({ kind: 'status-changed', body: 'Thanks!', actor: 'x' });
    });

    it('links duplicates to the first report of the bug and credits every finder', async () => {
      const { store, clock } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const original = await addTriaged(store, 'zlib', 'first');
      clock.advance(1000);
      const second = await addTriaged(store, 'zlib', 'second');
      clock.advance(1000);
      const third = await addTriaged(store, 'zlib', 'third');
      // third duplicates second, then second turns out to duplicate the original.
      const thirdLinked = await store.reports.markDuplicate(
        third.id,
        third.version,
        second.id,
        'u',
      );
      expect(thirdLinked).toMatchObject({ status: 'duplicate', duplicateOf: second.id });
      const secondLinked = await store.reports.markDuplicate(
        second.id,
        second.version,
        original.id,
        'u',
      );
      expect(secondLinked.duplicateOf).toBe(original.id);
      expect((await store.reports.get(third.id))?.duplicateOf).toBe(original.id);
      const finders = await store.reports.listFinders(third.id);
      expect(finders.map((finder) => finder.reporter.name)).toEqual(['first', 'second', 'third']);
      expect(finders[0]).toMatchObject({ reportId: original.id, receivedAt: original.receivedAt });
      expect(await store.reports.listFinders(original.id)).toEqual(finders);
      const log = await store.reports.listEvents(second.id, 'reporter');
      expect(log.at(-1)).toMatchObject({
        kind: 'duplicate-linked',
        toStatus: 'duplicate',
        data: { originalId: original.id },
      });
    });

    it('refuses self-links, links across projects, and ends the link on reopening', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      await store.projects.add({ name: 'other', profileYaml });
      const original = await addTriaged(store, 'zlib', 'first');
      const duplicate = await addTriaged(store, 'zlib', 'second');
      const foreign = await addTriaged(store, 'other', 'third');
      await expect(
        store.reports.markDuplicate(original.id, original.version, original.id, 'u'),
      ).rejects.toThrow(/itself/);
      await expect(
        store.reports.markDuplicate(duplicate.id, duplicate.version, foreign.id, 'u'),
      ).rejects.toThrow(/another project/);
      const linked = await store.reports.markDuplicate(
        duplicate.id,
        duplicate.version,
        original.id,
        'u',
      );
      await expect(
        store.reports.markDuplicate(original.id, original.version, duplicate.id, 'u'),
      ).rejects.toThrow(/itself/);
      const reopened = await store.reports.changeStatus(linked.id, linked.version, 'triaged', 'u');
      expect(reopened).toMatchObject({ status: 'triaged', duplicateOf: null });
      expect((await store.reports.listFinders(original.id)).map((f) => f.reportId)).toEqual([
        original.id,
      ]);
    });
  });
}
