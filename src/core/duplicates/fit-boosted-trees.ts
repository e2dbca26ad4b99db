// Gradient-boosted decision trees for a yes/no label (log loss), over features scaled to 0..1:
// the learned duplicate pair model (duplicate-pair-model.ts, trained by
// scripts/train-duplicate-pair-model.ts). Deterministic: no sampling and no seed, every split is
// the best over every feature in order, so the same rows give the same trees. Each feature is
// read in `bins` equal steps of 0..1; each tree is grown to `depth` with Newton leaves (the sum of
// the gradients over the sum of the curvatures, shrunk by `l2`), and added at `learningRate`.
// Trees read what one weight per feature cannot: a shared title word counts for more when no
// version is shared, a concept for more between two languages.

export interface BoostedTreesOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** Added to a leaf's curvature: shrinks leaves that few or unsure samples reach. */
  l2: number;
  /** A split leaves at least this much curvature (about this many unsure samples) each side. */
  minChildWeight: number;
  bins: number;
}

/**
 * A leaf's value, or a split: samples whose feature falls in `bin` or below go to `below`.
 * `value` is what the node would predict as a leaf, which explains a prediction (below).
 */
export type TreeNode =
  number | [feature: number, bin: number, value: number, below: TreeNode, above: TreeNode];

export interface BoostedTrees {
  bins: number;
  learningRate: number;
  /** The log-odds before any tree: the training labels' own. */
  base: number;
  trees: TreeNode[];
}

/** The step of 0..1 a feature's value falls in, 0 to bins - 1. */
export function binOf(value: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(value * bins)));
}

export function fitBoostedTrees(
  rows: readonly number[][],
  labels: readonly number[],
  options: BoostedTreesOptions,
): BoostedTrees {
  const { bins, l2 } = options;
  const count = rows.length;
  const width = rows[0]?.length ?? 0;
  const binned = rows.map((row) => row.map((value) => binOf(value, bins)));
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const base = Math.log(Math.max(positives, 0.5) / Math.max(count - positives, 0.5));
  const logOdds = new Float64Array(count).fill(base);
  const gradients = new Float64Array(count);
  const curvatures = new Float64Array(count);
  const gradientByBin = new Float64Array(bins);
  const curvatureByBin = new Float64Array(bins);

  const grow = (samples: number[], depth: number): TreeNode => {
    let gradient = 0;
    let curvature = 0;
    for (const at of samples) {
      gradient += gradients[at]!;
      curvature += curvatures[at]!;
    }
    const value = -gradient / (curvature + l2);
    if (depth === 0) return value;
    const parentGain = (gradient * gradient) / (curvature + l2);
    let bestGain = 1e-9;
    let bestFeature = -1;
    let bestBin = -1;
    for (let feature = 0; feature < width; feature += 1) {
      gradientByBin.fill(0);
      curvatureByBin.fill(0);
      for (const at of samples) {
        const bin = binned[at]![feature]!;
        gradientByBin[bin]! += gradients[at]!;
        curvatureByBin[bin]! += curvatures[at]!;
      }
      let gradientBelow = 0;
      let curvatureBelow = 0;
      for (let bin = 0; bin < bins - 1; bin += 1) {
        gradientBelow += gradientByBin[bin]!;
        curvatureBelow += curvatureByBin[bin]!;
        const gradientAbove = gradient - gradientBelow;
        const curvatureAbove = curvature - curvatureBelow;
        if (curvatureBelow < options.minChildWeight || curvatureAbove < options.minChildWeight)
          continue;
        const gain =
          (gradientBelow * gradientBelow) / (curvatureBelow + l2) +
          (gradientAbove * gradientAbove) / (curvatureAbove + l2) -
          parentGain;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = feature;
          bestBin = bin;
        }
      }
    }
    if (bestFeature < 0) return value;
    const below: number[] = [];
    const above: number[] = [];
    for (const at of samples) (binned[at]![bestFeature]! <= bestBin ? below : above).push(at);
    return [bestFeature, bestBin, value, grow(below, depth - 1), grow(above, depth - 1)];
  };

  const everySample = Array.from({ length: count }, (_, at) => at);
  const trees: TreeNode[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (let at = 0; at < count; at += 1) {
      const probability = 1 / (1 + Math.exp(-logOdds[at]!));
      gradients[at] = probability - labels[at]!;
      curvatures[at] = Math.max(probability * (1 - probability), 1e-9);
    }
    const tree = grow(everySample, options.depth);
    trees.push(tree);
    for (let at = 0; at < count; at += 1) {
      logOdds[at]! += options.learningRate * readLeaf(tree, binned[at]!);
    }
  }
  return { bins, learningRate: options.learningRate, base, trees };
}

function readLeaf(tree: TreeNode, binnedFeatures: readonly number[]): number {
  let node = tree;
  while (typeof node !== 'number') node = binnedFeatures[node[0]]! <= node[1] ? node[3] : node[4];
  return node;
}

/** The probability of a yes, from the first `rounds` trees (all by default). */
export function predictBoostedTrees(
  model: BoostedTrees,
  features: readonly number[],
  rounds = model.trees.length,
): number {
  const binnedFeatures = features.map((value) => binOf(value, model.bins));
  let logOdds = model.base;
  for (const tree of model.trees.slice(0, rounds)) {
    logOdds += model.learningRate * readLeaf(tree, binnedFeatures);
  }
  return 1 / (1 + Math.exp(-logOdds));
}

/**
 * How much each feature moved the log-odds of this prediction: at each split on the sample's way
 * down a tree, the change from the node's value to its child's is the split feature's doing. The
 * roots' values, which every sample gets, join the base: `base` and the contributions add up to
 * the prediction's log-odds.
 */
export function explainBoostedTrees(
  model: BoostedTrees,
  features: readonly number[],
): { base: number; contributions: number[] } {
  const binnedFeatures = features.map((value) => binOf(value, model.bins));
  const contributions = new Array<number>(features.length).fill(0);
  let base = model.base;
  for (const tree of model.trees) {
    let node = tree;
    let value = typeof node === 'number' ? node : node[2];
    base += model.learningRate * value;
    while (typeof node !== 'number') {
      const child = binnedFeatures[node[0]]! <= node[1] ? node[3] : node[4];
      const childValue = typeof child === 'number' ? child : child[2];
      contributions[node[0]]! += model.learningRate * (childValue - value);
      value = childValue;
      node = child;
    }
  }
  return { base, contributions };
}
