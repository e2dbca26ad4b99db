// The CVSS vectors a set of per-metric probabilities makes plausible, most likely first, each with
// its score and rating: the source of the rating distribution, the chosen vector and the range.

import { parseCvssVector, scoreCvssVector } from './score-cvss-vector.js';
import {
  formatSeverityVector,
  ratingBands,
  severityMetrics,
  severityMetricValues,
  type RatingBand,
  type SeverityMetric,
} from './severity-metrics.js';

export interface VectorCandidate {
  metrics: Record<SeverityMetric, string>;
  vector: string;
  /** Product of the metrics' probabilities (metrics treated as independent). */
  probability: number;
  score: number;
  rating: RatingBand;
}

/** Scores by vector text: at most 2,592 CVSS 3.1 base vectors exist, each scored once. */
const scoreCache = new Map<string, { score: number; rating: RatingBand }>();

function scoreVector(vector: string): { score: number; rating: RatingBand } {
  const cached = scoreCache.get(vector);
  if (cached) return cached;
  const scored = scoreCvssVector(parseCvssVector(vector)!)!;
  const result = { score: scored.score, rating: scored.rating };
  scoreCache.set(vector, result);
  return result;
}

/**
 * Every vector whose probability is at least `minProbability`, most likely first (ties by vector
 * text). The walk prunes partial vectors already below the bound, so confident predictions visit
 * a handful of vectors.
 */
export function listLikelyVectors(
  distributions: Record<SeverityMetric, ArrayLike<number>>,
  minProbability: number,
): VectorCandidate[] {
  const found: VectorCandidate[] = [];
  const chosen = {} as Record<SeverityMetric, string>;
  const walk = (depth: number, probability: number): void => {
    if (depth === severityMetrics.length) {
      const vector = formatSeverityVector(chosen);
      found.push({ metrics: { ...chosen }, vector, probability, ...scoreVector(vector) });
      return;
    }
    const metric = severityMetrics[depth]!;
    const values = severityMetricValues[metric];
    for (let index = 0; index < values.length; index += 1) {
      const next = probability * (distributions[metric][index] ?? 0);
      if (next < minProbability) continue;
      chosen[metric] = values[index]!;
      walk(depth + 1, next);
    }
  };
  walk(0, 1);
  return found.sort(
    (left, right) => right.probability - left.probability || (left.vector < right.vector ? -1 : 1),
  );
}

/** Probability of each rating band over the candidates, renormalised to what they cover. */
export function sumRatingProbabilities(
  candidates: readonly VectorCandidate[],
): Record<RatingBand, number> {
  const sums = Object.fromEntries(ratingBands.map((band) => [band, 0])) as Record<
    RatingBand,
    number
  >;
  let total = 0;
  for (const candidate of candidates) {
    sums[candidate.rating] += candidate.probability;
    total += candidate.probability;
  }
  if (total > 0) for (const band of ratingBands) sums[band] /= total;
  return sums;
}
