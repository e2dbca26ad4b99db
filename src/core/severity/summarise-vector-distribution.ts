// What a set of per-metric probabilities says about whole CVSS vectors: the probability of each
// rating band (summed over every vector likely enough to matter) and the most probable vector of
// each band, each scored once by the CVSS v3.1 base formula.

import { computeCvss31BaseScore } from './compute-cvss31-base-score.js';
import { toSeverityRating } from './to-severity-rating.js';
import {
  formatSeverityVector,
  ratingBands,
  severityMetrics,
  severityMetricValues,
  type RatingBand,
  type SeverityMetric,
} from './severity-metrics.js';

interface VectorCandidate {
  metrics: Record<SeverityMetric, string>;
  vector: string;
  /** Product of the metrics' probabilities (metrics treated as independent). */
  probability: number;
  score: number;
  rating: RatingBand;
}

export interface VectorDistribution {
  /** Renormalised over the vectors walked. */
  ratingProbabilities: Record<RatingBand, number>;
  /** The most probable vector of each band (null when no vector of the band was walked). */
  bestByBand: Record<RatingBand, VectorCandidate | null>;
  /** The most probable vector of all. */
  best: VectorCandidate;
}

const radix = severityMetrics.map((metric) => severityMetricValues[metric].length);
const vectorCount = radix.reduce((product, size) => product * size, 1);
/** Scores by vector code (mixed radix over the metric values): 2,592 vectors, each scored once. */
const scoreCache = new Float64Array(vectorCount).fill(Number.NaN);

function decodeMetrics(code: number): Record<SeverityMetric, string> {
  const metrics = {} as Record<SeverityMetric, string>;
  let rest = code;
  for (let depth = severityMetrics.length - 1; depth >= 0; depth -= 1) {
    const metric = severityMetrics[depth]!;
    const size = radix[depth]!;
    metrics[metric] = severityMetricValues[metric][rest % size]!;
    rest = Math.floor(rest / size);
  }
  return metrics;
}

function scoreCode(code: number): number {
  const cached = scoreCache[code]!;
  if (!Number.isNaN(cached)) return cached;
  const score = computeCvss31BaseScore(decodeMetrics(code));
  scoreCache[code] = score;
  return score;
}

function toCandidate(code: number, probability: number): VectorCandidate {
  const metrics = decodeMetrics(code);
  const score = scoreCode(code);
  return {
    metrics,
    vector: formatSeverityVector(metrics),
    probability,
    score,
    rating: toSeverityRating(score),
  };
}

/**
 * Walks every vector at least `minProbability` likely (pruning partial vectors already below it,
 * so a confident prediction visits a handful); the most probable vector is always included.
 */
export function summariseVectorDistribution(
  distributions: Record<SeverityMetric, ArrayLike<number>>,
  minProbability: number,
): VectorDistribution {
  const sums = new Float64Array(ratingBands.length);
  const bestCode = new Int32Array(ratingBands.length).fill(-1);
  const bestProbability = new Float64Array(ratingBands.length);
  const visit = (code: number, probability: number) => {
    const band = ratingBands.indexOf(toSeverityRating(scoreCode(code)));
    sums[band] = sums[band]! + probability;
    if (probability > bestProbability[band]!) {
      bestProbability[band] = probability;
      bestCode[band] = code;
    }
  };
  const walk = (depth: number, code: number, probability: number): void => {
    if (depth === severityMetrics.length) {
      visit(code, probability);
      return;
    }
    const values = distributions[severityMetrics[depth]!];
    for (let index = 0; index < radix[depth]!; index += 1) {
      const next = probability * (values[index] ?? 0);
      if (next >= minProbability) walk(depth + 1, code * radix[depth]! + index, next);
    }
  };
  walk(0, 0, 1);
  if (bestCode.every((code) => code < 0)) {
    // Too flat for any vector to reach the bound: keep the most probable one.
    let code = 0;
    let probability = 1;
    severityMetrics.forEach((metric, depth) => {
      const values = distributions[metric];
      let best = 0;
      for (let index = 1; index < radix[depth]!; index += 1) {
        if ((values[index] ?? 0) > (values[best] ?? 0)) best = index;
      }
      code = code * radix[depth]! + best;
      probability *= values[best] ?? 0;
    });
    visit(code, Math.max(probability, Number.MIN_VALUE));
  }
  const total = sums.reduce((sum, value) => sum + value, 0);
  const ratingProbabilities = {} as Record<RatingBand, number>;
  const bestByBand = {} as Record<RatingBand, VectorCandidate | null>;
  let best: VectorCandidate | null = null;
  ratingBands.forEach((band, index) => {
    ratingProbabilities[band] = total > 0 ? sums[index]! / total : 0;
    const code = bestCode[index]!;
    bestByBand[band] = code < 0 ? null : toCandidate(code, bestProbability[index]!);
    if (bestByBand[band] && (!best || bestByBand[band].probability > best.probability)) {
      best = bestByBand[band];
    }
  });
  return { ratingProbabilities, bestByBand, best: best! };
}
