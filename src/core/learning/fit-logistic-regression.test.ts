import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, predictLogistic } from './fit-logistic-regression.js';

// A small fixed sample: the first feature says "same bug" most of the time, the second is noise.
const rows = [
  [1, 0],
  [1, 1],
  [0.9, 0],
  [0.8, 1],
  [1, 0],
  [0.2, 1],
  [0, 0],
  [0.1, 1],
  [0, 1],
  [0.3, 0],
  [0.9, 1],
  [0.1, 0],
];
const labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1];

describe('fitLogisticRegression', () => {
  it('learns the informative feature and separates the classes on average', () => {
    const weights = fitLogisticRegression(rows, labels, 0.1);
    expect(weights).toHaveLength(3);
    expect(weights[1]).toBeGreaterThan(2);
    expect(Math.abs(weights[2]!)).toBeLessThan(weights[1]!);
    const mean = (label: number) => {
      const picked = rows.filter((_, at) => labels[at] === label);
      return picked.reduce((sum, row) => sum + predictLogistic(weights, row), 0) / picked.length;
    };
    expect(mean(1)).toBeGreaterThan(mean(0) + 0.3);
  });

  it('is reproducible and shrinks the weights as the penalty grows', () => {
    expect(fitLogisticRegression(rows, labels, 0.1)).toEqual(
      fitLogisticRegression(rows, labels, 0.1),
    );
    const loose = fitLogisticRegression(rows, labels, 0.01);
    const tight = fitLogisticRegression(rows, labels, 10);
    expect(Math.abs(tight[1]!)).toBeLessThan(Math.abs(loose[1]!));
  });

  it('predicts 0.5 with zero weights and stays within 0..1', () => {
    expect(predictLogistic([0, 0, 0], [1, 1])).toBe(0.5);
    expect(predictLogistic([100, 100], [1])).toBeLessThanOrEqual(1);
    expect(predictLogistic([-100, -100], [1])).toBeGreaterThanOrEqual(0);
  });
});
