import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeInboxActivity } from './summarize-inbox-activity.js';

describe('summarizeInboxActivity', () => {
  it('counts reports per Monday-started week, verdicts and hours to first response', () => {
    // 2026-11-30 is a Monday.
    const summary = summarizeInboxActivity(
      [
        {
          disposition: 'valid',
          receivedAt: '2026-11-30T08:00:00.000Z',
          firstResponseAt: '2026-11-30T10:00:00.000Z',
        },
        {
          disposition: 'valid',
          receivedAt: '2026-11-29T23:00:00.000Z',
          firstResponseAt: '2026-12-01T03:00:00.000Z',
        },
        { disposition: null, receivedAt: '2026-11-24T00:00:00.000Z', firstResponseAt: null },
        { disposition: 'spam', receivedAt: '2025-01-01T00:00:00.000Z', firstResponseAt: null },
      ],
      '2026-12-02T12:00:00.000Z',
    );
    expect(summary.reportsPerWeek.at(-1)).toEqual({ week: '2026-11-30', count: 1 });
    expect(summary.reportsPerWeek.at(-2)).toEqual({ week: '2026-11-23', count: 2 });
    expect(summary.reportsPerWeek[0]!.week).toBe('2026-09-14');
    expect(summary.verdicts).toEqual([
      { verdict: 'valid', count: 2 },
      { verdict: 'spam', count: 1 },
      { verdict: 'untriaged', count: 1 },
    ]);
    expect(summary.firstResponse).toMatchObject({
      answered: 2,
      unanswered: 2,
      medianHours: 2,
      p90Hours: 28,
    });
    expect(summary.firstResponse.medianHoursPerWeek.at(-1)).toEqual({
      week: '2026-11-30',
      medianHours: 2,
    });
    expect(summary.firstResponse.medianHoursPerWeek.at(-2)).toEqual({
      week: '2026-11-23',
      medianHours: 28,
    });
  });

  it('counts every report once in the verdicts and once as answered or waiting, whatever the times', () => {
    const time = fc.oneof(
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString()),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            disposition: fc.option(fc.constantFrom('valid', 'spam', 'out-of-scope')),
            receivedAt: time,
            firstResponseAt: fc.option(time),
          }),
          { maxLength: 60 },
        ),
        (activity) => {
          const summary = summarizeInboxActivity(activity, '2026-11-30T00:00:00.000Z');
          expect(summary.reportsPerWeek).toHaveLength(12);
          const verdictTotal = summary.verdicts.reduce((sum, entry) => sum + entry.count, 0);
          expect(verdictTotal).toBe(activity.length);
          expect(summary.firstResponse.answered + summary.firstResponse.unanswered).toBe(
            activity.length,
          );
          const weekTotal = summary.reportsPerWeek.reduce((sum, entry) => sum + entry.count, 0);
          expect(weekTotal).toBeLessThanOrEqual(activity.length);
          if (summary.firstResponse.medianHours !== null) {
            expect(summary.firstResponse.medianHours).toBeGreaterThanOrEqual(0);
            expect(summary.firstResponse.p90Hours!).toBeGreaterThanOrEqual(
              summary.firstResponse.medianHours,
            );
          }
        },
      ),
    );
  });
});
