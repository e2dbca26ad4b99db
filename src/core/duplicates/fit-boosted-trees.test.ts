import { describe, expect, it } from 'vitest';
import {
  binOf,
  explainBoostedTrees,
  fitBoostedTrees,
  predictBoostedTrees,
  type BoostedTreesOptions,
} from './fit-boosted-trees.js';

const options: BoostedTreesOptions = {
  rounds: 60,
  depth: 2,
  learningRate: 0.2,
  l2: 1,
  minChildWeight: 0.5,
  bins: 20,
};

// One bug only when both features are high: an interaction no single weight per feature reads.
const grid = Array.from({ length: 11 }, (_, at) => at / 10);
const rows = grid.flatMap((first) => grid.map((second) => [first, second, (first * 7) % 1]));
const labels = rows.map(([first, second]) => (first! > 0.55 && second! > 0.55 ? 1 : 0));

describe('fitBoostedTrees', () => {
  it('learns an interaction of two features and ignores the noise feature', () => {
    const model = fitBoostedTrees(rows, labels, options);
    expect(predictBoostedTrees(model, [0.9, 0.9, 0.3])).toBeGreaterThan(0.8);
    expect(predictBoostedTrees(model, [0.9, 0.1, 0.3])).toBeLessThan(0.2);
    expect(predictBoostedTrees(model, [0.1, 0.9, 0.3])).toBeLessThan(0.2);
    const { contributions } = explainBoostedTrees(model, [0.9, 0.9, 0.3]);
    expect(contributions[0]).toBeGreaterThan(Math.abs(contributions[2]!));
    expect(contributions[1]).toBeGreaterThan(Math.abs(contributions[2]!));
  });

  it('is reproducible, and a model of fewer rounds is the first trees of a larger one', () => {
    const model = fitBoostedTrees(rows, labels, options);
    expect(fitBoostedTrees(rows, labels, options)).toEqual(model);
    const smaller = fitBoostedTrees(rows, labels, { ...options, rounds: 20 });
    expect(smaller.trees).toEqual(model.trees.slice(0, 20));
    for (const row of rows.slice(0, 30)) {
      expect(predictBoostedTrees(model, row, 20)).toBeCloseTo(predictBoostedTrees(smaller, row));
    }
  });

  it('explains a prediction exactly: the base and the contributions add up to its log-odds', () => {
    const model = fitBoostedTrees(rows, labels, options);
    for (const row of [rows[0]!, rows[60]!, rows[120]!]) {
      const { base, contributions } = explainBoostedTrees(model, row);
      const logOdds = base + contributions.reduce((sum, value) => sum + value, 0);
      expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(predictBoostedTrees(model, row), 10);
    }
  });

  it('starts from the labels own odds and reads values outside 0..1 as the nearest bin', () => {
    const model = fitBoostedTrees(rows, labels, { ...options, rounds: 0 });
    const share = labels.filter((label) => label === 1).length / labels.length;
    expect(predictBoostedTrees(model, [0.5, 0.5, 0.5])).toBeCloseTo(share);
    expect(binOf(-3, 20)).toBe(0);
    expect(binOf(1, 20)).toBe(19);
    expect(binOf(0.5, 20)).toBe(10);
  });
});
