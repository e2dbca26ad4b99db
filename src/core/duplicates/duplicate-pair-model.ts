// The learned duplicate pair model: a logistic regression over the pair's features
// (describe-pair-features.ts), trained on the corpus tune split by
// scripts/train-duplicate-pair-model.ts. It finds the second finders the hand-written rules of
// score-duplicate-signals.ts miss; it never overrides their vetoes (two kinds of bug, two CVEs,
// two packages, a question about a published id).

import { describePairFeatures, pairFeatureNames } from './describe-pair-features.js';
import { duplicatePairWeights } from './duplicate-pair-weights.js';
import type { DuplicateSignals } from './score-duplicate-signals.js';

/** Bumped whenever the features change; the weights file must carry the same number. */
export const duplicatePairModelVersion = 1;

export interface PairModelReading {
  probability: number;
  /** The model's probability is at or above the trained threshold. */
  isSameBug: boolean;
  /** Below the trained demotion floor: a rule's match the model reads as two bugs. */
  isDoubtful: boolean;
  /** The features that pushed the probability up most, strongest first. */
  reasons: string[];
}

const weights: readonly number[] = pairFeatureNames.map((name) => {
  const weight = (duplicatePairWeights.features as Record<string, number>)[name];
  if (weight === undefined) throw new Error(`duplicate pair weights lack feature ${name}`);
  return weight;
});
const shippedVersion: number = duplicatePairWeights.version;
if (shippedVersion !== duplicatePairModelVersion) {
  throw new Error(
    `duplicate pair weights are version ${String(shippedVersion)}, the model ${String(duplicatePairModelVersion)}: run npm run train:duplicates -- --write`,
  );
}

const reasonCount = 3;

export function readPairModel(signals: DuplicateSignals, text: number): PairModelReading {
  const features = describePairFeatures(signals, text);
  let z = duplicatePairWeights.bias;
  const contributions: Array<[string, number]> = [];
  for (const [at, value] of features.entries()) {
    const contribution = value * weights[at]!;
    z += contribution;
    if (contribution > 0) contributions.push([pairFeatureNames[at]!, contribution]);
  }
  const probability = 1 / (1 + Math.exp(-z));
  contributions.sort((first, second) => second[1] - first[1]);
  return {
    probability,
    isSameBug: probability >= duplicatePairWeights.threshold,
    isDoubtful: probability < duplicatePairWeights.demoteBelow,
    reasons: contributions.slice(0, reasonCount).map(([name]) => name),
  };
}
