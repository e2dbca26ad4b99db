import { describe, expect, it } from 'vitest';
import { findFirstRangeChange, readDiffHunks } from './trace-line-range.js';

const hunk = (oldStart: number, oldCount: number, newStart: number, newCount: number) => ({
  oldStart,
  oldCount,
  newStart,
  newCount,
});

describe('findFirstRangeChange', () => {
  it('follows the range as lines are added above it, and finds the change inside it', () => {
    const diffs = [
      [hunk(2, 0, 3, 5)], // five lines inserted above: 10-12 becomes 15-17
      [hunk(30, 1, 30, 1)], // below the range
      [hunk(16, 1, 16, 2)], // inside 15-17
    ];
    expect(findFirstRangeChange({ start: 10, end: 12 }, diffs)).toBe(2);
  });

  it('counts an insertion between, right above or right below the cited lines, not further', () => {
    expect(findFirstRangeChange({ start: 10, end: 12 }, [[hunk(11, 0, 12, 2)]])).toBe(0);
    expect(findFirstRangeChange({ start: 10, end: 12 }, [[hunk(12, 0, 13, 2)]])).toBe(0);
    expect(findFirstRangeChange({ start: 10, end: 12 }, [[hunk(9, 0, 10, 2)]])).toBe(0);
    expect(findFirstRangeChange({ start: 10, end: 12 }, [[hunk(8, 0, 9, 2)]])).toBe(-1);
    expect(findFirstRangeChange({ start: 10, end: 12 }, [[hunk(13, 0, 14, 2)]])).toBe(-1);
  });

  it('moves the range up when lines above it are removed', () => {
    const diffs = [[hunk(1, 4, 0, 0)], [hunk(6, 1, 6, 1)]];
    expect(findFirstRangeChange({ start: 10, end: 10 }, diffs)).toBe(1);
  });

  it('returns -1 when no diff touches the lines', () => {
    expect(findFirstRangeChange({ start: 5, end: 6 }, [[hunk(20, 2, 20, 3)], []])).toBe(-1);
  });
});

describe('readDiffHunks', () => {
  it('reads zero-context hunk headers, with counts of one left out', () => {
    expect(
      readDiffHunks('diff --git a/x b/x\n@@ -3 +3,2 @@ int f()\n-a\n+b\n+c\n@@ -10,0 +12 @@\n+d'),
    ).toEqual([hunk(3, 1, 3, 2), hunk(10, 0, 12, 1)]);
  });
});
