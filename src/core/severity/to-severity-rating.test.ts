import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateCvssScore, toSeverityRating } from './to-severity-rating.js';

describe('toSeverityRating', () => {
  it("follows FIRST's bands at their edges", () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(toSeverityRating)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('rates a written score only when it is one (0 to 10)', () => {
    expect(rateCvssScore(7.5)).toBe('high');
    expect(rateCvssScore(-1)).toBeNull();
    expect(rateCvssScore(10.1)).toBeNull();
    expect(rateCvssScore(Number.NaN)).toBeNull();
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (score) => {
        expect(rateCvssScore(score)).toBe(toSeverityRating(score));
      }),
    );
  });
});
