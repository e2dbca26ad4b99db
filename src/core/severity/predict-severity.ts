// Predicts a report's CVSS v3.1 base metrics from its text with the severity model: a calibrated
// probability per value, the words that decided each metric, and the vector, score and rating.

import type { SeverityRating } from '../model/triage-result.js';
import { softmaxInPlace } from './fit-softmax-regression.js';
import {
  explainSeverityHead,
  listTextPhrases,
  type SeverityReason,
} from './explain-severity-head.js';
import { summariseVectorDistribution } from './summarise-vector-distribution.js';
import type { SeverityHead, SeverityModel } from './severity-model.js';
import {
  ratingBands,
  severityMetrics,
  type RatingBand,
  type SeverityMetric,
} from './severity-metrics.js';
import { vectorizeSeverityText, type TextVector } from './vectorize-severity-text.js';

export interface MetricPrediction {
  /** The metric's most probable value (the vector may differ where it is close; see `vector`). */
  value: string;
  /** Calibrated probability of `value`. */
  confidence: number;
  probabilities: Record<string, number>;
  reasons: SeverityReason[];
}

export interface SeverityPrediction {
  /**
   * The most probable vector whose score falls in the predicted rating band (the band comes from
   * the band classifier averaged with the metrics' joint distribution), so vector, score and rating
   * agree. Null when the text is too unfamiliar to rate (`rating` is then `unknown`).
   */
  vector: string | null;
  score: number | null;
  rating: SeverityRating;
  ratingProbabilities: Record<RatingBand, number>;
  /** The fewest adjacent bands holding 90% of the probability. */
  ratingRange: { lowest: RatingBand; highest: RatingBand };
  metrics: Record<SeverityMetric, MetricPrediction>;
  /** Distinct words and word pairs of the text the model knows. */
  knownWords: number;
}

/** Vectors below this probability are left out of the rating distribution. */
const minVectorProbability = 1e-4;
const rangeMass = 0.9;
const poolingExponent = 0.6;

function computeProbabilities(head: SeverityHead, vector: TextVector): Float64Array {
  const classCount = head.values.length;
  const logits = Float64Array.from(head.bias);
  // readHeadWeight inlined (the same float32 rounding): this loop runs cold, once per process,
  // in V8's interpreter, where every floating-point result is a new heap object. About three in
  // four weights a report's features meet are zero, and a zero weight adds a zero: it is skipped,
  // so is reading the feature's value until a weight needs it (about 5 MB of garbage less).
  const weights = head.weights;
  const scale = head.weightScale ?? 1;
  for (let entry = 0; entry < vector.indices.length; entry += 1) {
    const base = vector.indices[entry]! * classCount;
    for (let k = 0; k < classCount; k += 1) {
      const weight = weights[base + k]!;
      if (weight !== 0)
        logits[k] = logits[k]! + vector.values[entry]! * Math.fround(weight * scale);
    }
  }
  softmaxInPlace(logits, head.temperature);
  return logits;
}

function findArgmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let index = 1; index < values.length; index += 1) {
    if (values[index]! > values[best]!) best = index;
  }
  return best;
}

/**
 * The band head's probabilities pooled with the bands the metric distributions imply (log-linear:
 * each raised to `poolingExponent`, multiplied, renormalised). The exponent was chosen on the
 * cross-validated predictions of the development file for calibration (see docs/severity.md).
 */
function poolRatingProbabilities(
  bandProbabilities: Float64Array,
  implied: Record<RatingBand, number>,
): Record<RatingBand, number> {
  const pooled = ratingBands.map(
    (band, index) =>
      Math.max(bandProbabilities[index]!, 1e-9) ** poolingExponent *
      Math.max(implied[band], 1e-9) ** poolingExponent,
  );
  const total = pooled.reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(
    ratingBands.map((band, index) => [band, pooled[index]! / total]),
  ) as Record<RatingBand, number>;
}

function findRatingRange(
  probabilities: Record<RatingBand, number>,
): SeverityPrediction['ratingRange'] {
  let low = findArgmax(ratingBands.map((band) => probabilities[band]));
  let high = low;
  let mass = probabilities[ratingBands[low]!];
  while (mass < rangeMass && (low > 0 || high < ratingBands.length - 1)) {
    const below = low > 0 ? probabilities[ratingBands[low - 1]!] : -1;
    const above = high < ratingBands.length - 1 ? probabilities[ratingBands[high + 1]!] : -1;
    if (below >= above) {
      low -= 1;
      mass += below;
    } else {
      high += 1;
      mass += above;
    }
  }
  return { lowest: ratingBands[low]!, highest: ratingBands[high]! };
}

function roundProbability(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function predictSeverity(model: SeverityModel, text: string): SeverityPrediction {
  const vector = vectorizeSeverityText(model, text);
  const distributions = {} as Record<SeverityMetric, Float64Array>;
  for (const metric of severityMetrics) {
    distributions[metric] = computeProbabilities(model.heads[metric], vector);
  }
  const distribution = summariseVectorDistribution(distributions, minVectorProbability);
  const bandProbabilities = computeProbabilities(model.heads.band, vector);
  const ratingProbabilities = poolRatingProbabilities(
    bandProbabilities,
    distribution.ratingProbabilities,
  );
  const band = ratingBands[findArgmax(ratingBands.map((name) => ratingProbabilities[name]))]!;
  // The most likely vector of the chosen band, so vector, score and rating agree.
  const chosen = distribution.bestByBand[band] ?? distribution.best;
  const metrics = {} as Record<SeverityMetric, MetricPrediction>;
  const phrases = listTextPhrases(vector, text);
  for (const metric of severityMetrics) {
    const head = model.heads[metric];
    const probabilities = distributions[metric];
    const index = findArgmax(probabilities);
    metrics[metric] = {
      value: head.values[index]!,
      confidence: roundProbability(probabilities[index]!),
      probabilities: Object.fromEntries(
        head.values.map((value, k) => [value, roundProbability(probabilities[k]!)]),
      ),
      reasons: explainSeverityHead(head, vector, phrases, text, index, probabilities),
    };
  }
  const isKnown = vector.knownWords >= model.minKnownWords;
  const rounded = Object.fromEntries(
    ratingBands.map((name) => [name, roundProbability(ratingProbabilities[name])]),
  ) as Record<RatingBand, number>;
  return {
    vector: isKnown ? chosen.vector : null,
    score: isKnown ? chosen.score : null,
    rating: isKnown ? chosen.rating : 'unknown',
    ratingProbabilities: rounded,
    ratingRange: isKnown
      ? findRatingRange(ratingProbabilities)
      : { lowest: 'none', highest: 'critical' },
    metrics,
    knownWords: vector.knownWords,
  };
}
