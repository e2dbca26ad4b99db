import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickReasonPhrases } from './explain-severity-head.js';

/** The plain form: sort every candidate, then walk the sorted list skipping overlaps. */
function pickBySorting(
  sums: Float64Array,
  starts: Int32Array,
  ends: Int32Array,
  minimum: number,
  count: number,
): number[] {
  const ranked: number[] = [];
  for (let id = 0; id < sums.length; id += 1) if (sums[id]! >= minimum) ranked.push(id);
  ranked.sort((left, right) => sums[right]! - sums[left]! || starts[left]! - starts[right]!);
  const picked: number[] = [];
  for (const id of ranked) {
    if (picked.some((other) => starts[id]! < ends[other]! && starts[other]! < ends[id]!)) continue;
    picked.push(id);
    if (picked.length === count) break;
  }
  return picked;
}

// Few distinct sums and starts, so ties (broken by start, then id) and overlaps are common.
const phrase = fc.record({
  sum: fc.oneof(
    fc.constantFrom(0, 0.0004, 0.0005, 0.001, 0.5, -0.2),
    fc.double({ min: -1, max: 1, noNaN: true }),
  ),
  start: fc.integer({ min: 0, max: 40 }),
  width: fc.integer({ min: 1, max: 12 }),
});

describe('pickReasonPhrases', () => {
  it('picks what sorting every phrase and walking the list picks', () => {
    fc.assert(
      fc.property(
        fc.array(phrase, { maxLength: 300 }),
        fc.integer({ min: 1, max: 5 }),
        (phrases, count) => {
          const sums = Float64Array.from(phrases, (item) => item.sum);
          const starts = Int32Array.from(phrases, (item) => item.start);
          const ends = Int32Array.from(phrases, (item) => item.start + item.width);
          expect(pickReasonPhrases(sums, starts, ends, 0.0005, count)).toEqual(
            pickBySorting(sums, starts, ends, 0.0005, count),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('falls back to the full ranking when the best phrases all overlap', () => {
    // 40 phrases over the same span, best first, then one apart: the shortlist of 32 cannot hold it.
    const count = 41;
    const sums = Float64Array.from({ length: count }, (_, id) => 1 - id / 100);
    const starts = Int32Array.from({ length: count }, (_, id) => (id === 40 ? 100 : 0));
    const ends = Int32Array.from({ length: count }, (_, id) => (id === 40 ? 105 : 10));
    expect(pickReasonPhrases(sums, starts, ends, 0.0005, 3)).toEqual([0, 40]);
  });
});
