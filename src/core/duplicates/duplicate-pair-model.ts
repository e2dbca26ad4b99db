// The learned duplicate pair model: gradient-boosted trees over the pair's features
// (describe-pair-features.ts, fit-boosted-trees.ts), trained on the corpus tune split by
// scripts/train-duplicate-pair-model.ts. It finds the second finders the hand-written rules of
// score-duplicate-signals.ts miss; it never overrides their vetoes (two kinds of bug, two CVEs,
// two packages, a question about a published id).

import { describePairFeatures, pairFeatureNames } from './describe-pair-features.js';
import { duplicatePairTrees } from './duplicate-pair-trees.js';
import {
  explainBoostedTrees,
  predictBoostedTrees,
  type BoostedTrees,
  type TreeNode,
} from './fit-boosted-trees.js';
import type { DuplicateSignals } from './score-duplicate-signals.js';

/** Bumped whenever the features or the model change; the trees file must carry the same number. */
export const duplicatePairModelVersion = 2;

/** A tree as the shipped file holds it: each split names its feature. */
export type NamedTreeNode =
  | number
  | readonly [
      feature: string,
      bin: number,
      value: number,
      below: NamedTreeNode,
      above: NamedTreeNode,
    ];

export interface ShippedPairTrees {
  version: number;
  threshold: number;
  demoteBelow: number;
  bins: number;
  learningRate: number;
  base: number;
  trees: readonly NamedTreeNode[];
}

export interface PairModelReading {
  probability: number;
  /** The model's probability is at or above the trained threshold. */
  isSameBug: boolean;
  /** Below the trained demotion floor: a rule's match the model reads as two bugs. */
  isDoubtful: boolean;
  /** The features that pushed the probability up most, strongest first. */
  reasons: string[];
}

/** The shipped trees with their features as positions; throws on a feature the model lacks. */
export function loadPairTrees(shipped: ShippedPairTrees): BoostedTrees {
  if (shipped.version !== duplicatePairModelVersion) {
    throw new Error(
      `duplicate pair trees are version ${String(shipped.version)}, the model ${String(duplicatePairModelVersion)}: run npm run train:duplicates -- --write`,
    );
  }
  const indexNode = (node: NamedTreeNode): TreeNode => {
    if (typeof node === 'number') return node;
    const [name, bin, value, below, above] = node;
    const feature = pairFeatureNames.indexOf(name);
    if (feature < 0) throw new Error(`duplicate pair trees split on unknown feature ${name}`);
    return [feature, bin, value, indexNode(below), indexNode(above)];
  };
  return {
    bins: shipped.bins,
    learningRate: shipped.learningRate,
    base: shipped.base,
    trees: shipped.trees.map(indexNode),
  };
}

const model = loadPairTrees(duplicatePairTrees);

const reasonCount = 3;

export function readPairModel(signals: DuplicateSignals, text: number): PairModelReading {
  const features = describePairFeatures(signals, text);
  const probability = predictBoostedTrees(model, features);
  const contributions = explainBoostedTrees(model, features)
    .contributions.map((contribution, at): [string, number] => [
      pairFeatureNames[at]!,
      contribution,
    ])
    .filter(([, contribution]) => contribution > 0)
    .sort((first, second) => second[1] - first[1]);
  return {
    probability,
    isSameBug: probability >= duplicatePairTrees.threshold,
    isDoubtful: probability < duplicatePairTrees.demoteBelow,
    reasons: contributions.slice(0, reasonCount).map(([name]) => name),
  };
}
