import { describe, expect, it } from 'vitest';
import { computeNaiveBayesScales } from './compute-naive-bayes-scales.js';
import type { SparseRows } from './fit-softmax-regression.js';

/** Rows from lists of present columns (value 1). */
function toRows(present: number[][], columnCount: number): SparseRows {
  const rowStart = new Int32Array(present.length + 1);
  present.forEach((columns, row) => {
    rowStart[row + 1] = rowStart[row]! + columns.length;
  });
  const columns = Int32Array.from(present.flat());
  return { rowStart, columns, values: new Float64Array(columns.length).fill(1), columnCount };
}

describe('computeNaiveBayesScales', () => {
  // Column 0 is in every text; column 1 only in class 0's texts; column 2 only in class 1's.
  const rows = toRows(
    [
      [0, 1],
      [0, 1],
      [0, 2],
      [0, 2],
    ],
    3,
  );
  const labels = Int32Array.from([0, 0, 1, 1]);

  it('gives a feature that tells the classes apart a larger scale than one in every text', () => {
    const scales = computeNaiveBayesScales(rows, labels, 2, 1);
    expect(scales).toHaveLength(6);
    expect(scales[0]).toBeCloseTo(0, 10);
    expect(scales[1]).toBeCloseTo(0, 10);
    expect(scales[1 * 2 + 0]!).toBeGreaterThan(1);
    expect(scales[2 * 2 + 1]!).toBeGreaterThan(1);
  });

  it('is never negative and shrinks towards zero as the smoothing grows', () => {
    const light = computeNaiveBayesScales(rows, labels, 2, 0.1);
    const heavy = computeNaiveBayesScales(rows, labels, 2, 100);
    for (let index = 0; index < light.length; index += 1) {
      expect(light[index]!).toBeGreaterThanOrEqual(0);
      expect(heavy[index]!).toBeLessThanOrEqual(light[index]! + 1e-12);
    }
  });
});
