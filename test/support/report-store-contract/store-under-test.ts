// What the report store contract needs from an implementation: fresh, empty data, any number of
// store instances over it (each with its own connections), and a way to throw the data away.

import type { Clock, NewReport, ReportStore } from '../../../src/services/ports.js';

export interface StoreUnderTest {
  /** A new store instance over the same data, with its own connection(s). */
  open(clock: Clock): Promise<ReportStore>;
  /** Closes nothing the test opened; removes the data. */
  destroy(): Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

/** A clock the test moves by hand. */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function createTestClock(start = '2026-03-01T09:00:00.000Z'): TestClock {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance(ms) {
      time += ms;
    },
  };
}

export function buildNewReport(project: string, overrides: Partial<NewReport> = {}): NewReport {
  return {
    project,
    title: 'Heap overflow in parse_header',
    body: '## Steps to reproduce\n\ncurl -H "X: $(python -c print(9999*\'A\'))" http://localhost\n',
    reporter: { name: 'Ada', email: 'ada@example.org' },
    channel: 'web',
    format: 'markdown',
    ...overrides,
  };
}

export const profileYaml = 'version: 1\nproject:\n  name: tinyhttpd\n';
