// Leave-one-group-out probabilities and the weights-file lines shared by the training scripts of
// the learned models (scripts/train-duplicate-pair-model.ts, scripts/train-rule-matcher.ts): each
// group (a corpus project) is scored by a logistic regression fitted on every other group.

import { fitLogisticRegression, predictLogistic } from './fit-logistic-regression.js';

/** A group's samples: a corpus project and its pairs. */
export type GroupedSamples<Group, Sample> = readonly [group: Group, samples: readonly Sample[]];

/**
 * For every sample of every group, its probability from weights fitted on the other groups' training
 * samples. `training` may hold fewer samples than `scored` (the rule matcher trains on reports
 * citing rules and scores every report).
 */
export function crossValidateByGroup<Group, Sample extends { features: readonly number[] }>(
  groups: readonly Group[],
  training: ReadonlyArray<GroupedSamples<Group, Sample>>,
  scored: ReadonlyArray<GroupedSamples<Group, Sample>>,
  isPositive: (sample: Sample) => boolean,
  penalty: number,
): Map<Sample, number> {
  const probabilities = new Map<Sample, number>();
  for (const group of groups) {
    const others = training.filter(([owner]) => owner !== group).flatMap(([, samples]) => samples);
    const weights = fitLogisticRegression(
      others.map((sample) => [...sample.features]),
      others.map((sample) => (isPositive(sample) ? 1 : 0)),
      penalty,
    );
    for (const [owner, samples] of scored) {
      if (owner !== group) continue;
      for (const sample of samples)
        probabilities.set(sample, predictLogistic(weights, sample.features));
    }
  }
  return probabilities;
}

/** The `bias` line and the `features` record of a generated weights file, rounded to 4 places. */
export function formatWeightLines(names: readonly string[], weights: readonly number[]): string[] {
  const rounded = (value: number): string => String(Number(value.toFixed(4)));
  return [
    `  bias: ${rounded(weights[0]!)},`,
    '  features: {',
    ...names.map(
      (name, at) =>
        `    ${/^[a-z]+$/.test(name) ? name : `'${name}'`}: ${rounded(weights[at + 1]!)},`,
    ),
    '  },',
  ];
}
