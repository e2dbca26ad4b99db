import { describe, expect, it } from 'vitest';
import { crossValidateByGroup, formatWeightLines } from './cross-validate-by-group.js';
import { fitLogisticRegression, predictLogistic } from './fit-logistic-regression.js';

interface Sample {
  features: number[];
  label: boolean;
}

const sample = (value: number, label: boolean): Sample => ({ features: [value], label });

describe('crossValidateByGroup', () => {
  it("scores each group with weights fitted on the other groups' training samples only", () => {
    const a = [sample(1, true), sample(0, false)];
    const b = [sample(0.9, true), sample(0.1, false)];
    const c = [sample(0.8, true), sample(0.2, false)];
    const extra = sample(0.5, true);
    const groups = [
      ['a', a],
      ['b', b],
      ['c', c],
    ] as const;
    const probabilities = crossValidateByGroup(
      ['a', 'b', 'c'],
      groups,
      [...groups, ['a', [extra]] as const],
      (each) => each.label,
      1,
    );
    const others = [...b, ...c];
    const weights = fitLogisticRegression(
      others.map((each) => each.features),
      others.map((each) => (each.label ? 1 : 0)),
      1,
    );
    expect(probabilities.get(a[0]!)).toBe(predictLogistic(weights, [1]));
    expect(probabilities.get(extra)).toBe(predictLogistic(weights, [0.5]));
    expect(probabilities.size).toBe(7);
  });
});

describe('formatWeightLines', () => {
  it('rounds to four places without trailing zeros and quotes names that are not one word', () => {
    expect(formatWeightLines(['text', 'near-copy'], [-1.23456, 2.5, -0.00001])).toEqual([
      '  bias: -1.2346,',
      '  features: {',
      '    text: 2.5,',
      "    'near-copy': 0,",
      '  },',
    ]);
  });
});
