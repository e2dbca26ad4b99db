// The contract every ReportStore implementation passes (SQLite always, PostgreSQL when
// THRESHER_TEST_DATABASE_URL is set). Each test gets fresh data; store instances opened in a
// test are closed after it.

import { afterEach, beforeEach, describe } from 'vitest';
import type { ReportStore } from '../../../src/services/ports.js';
import { describeAccessContract } from './describe-access-contract.js';
import { describeAdvisoryDraftContract } from './describe-advisory-draft-contract.js';
import { describeConcurrencyContract } from './describe-concurrency-contract.js';
import { describeHostileInputContract } from './describe-hostile-input-contract.js';
import { describeQueueContract } from './describe-queue-contract.js';
import { describeRecordsContract } from './describe-records-contract.js';
import { describeWorkflowContract } from './describe-workflow-contract.js';
import {
  createTestClock,
  type MakeStore,
  type StoreUnderTest,
  type TestClock,
} from './store-under-test.js';

/** What each test of the contract receives. */
export interface ContractFixture {
  clock: TestClock;
  /** The first instance, opened before the test. */
  store: ReportStore;
  /** Another instance over the same data (own connections), closed after the test. */
  openAnother(): Promise<ReportStore>;
}

export function describeReportStoreContract(
  name: string,
  makeStore: MakeStore,
  skipReason?: string,
): void {
  const title = skipReason ? `${name} (skipped: ${skipReason})` : name;
  describe.skipIf(skipReason !== undefined)(title, () => {
    let underTest: StoreUnderTest;
    let opened: ReportStore[] = [];
    const fixture = {} as ContractFixture;

    beforeEach(async () => {
      underTest = await makeStore();
      opened = [];
      fixture.clock = createTestClock();
      fixture.openAnother = async () => {
        const store = await underTest.open(fixture.clock);
        opened.push(store);
        return store;
      };
      fixture.store = await fixture.openAnother();
    });

    afterEach(async () => {
      for (const store of opened) await store.close();
      await underTest.destroy();
    });

    describeRecordsContract(fixture);
    describeWorkflowContract(fixture);
    describeQueueContract(fixture);
    describeAccessContract(fixture);
    describeHostileInputContract(fixture);
    describeConcurrencyContract(fixture);
    describeAdvisoryDraftContract(fixture);
  });
}
