// The assessed severity from the reporter's vector, the model's prediction and what the report
// states outright: the claim stands unless the model is confident it reads otherwise (each change
// listed metric by metric with the words behind it); without a claim, an unsure model gives a
// range or `unknown`, never a confident number.

import type { Fact, FactKind } from '../model/fact.js';
import { findEffectiveValues } from '../scope/effective-facts.js';
import type { SeverityRating } from '../model/triage-result.js';
import type { SeverityReason } from './explain-severity-head.js';
import type { SeverityPrediction } from './predict-severity.js';
import { parseCvssVector, scoreCvssVector, type CvssVector } from './score-cvss-vector.js';
import { severityMetrics, type RatingBand, type SeverityMetric } from './severity-metrics.js';

export interface SeverityDisagreement {
  metric: SeverityMetric;
  claimed: string;
  predicted: string;
  confidence: number;
  reasons: SeverityReason[];
  /** True when the assessed vector took the predicted value. */
  isAdjusted: boolean;
  /** "you said PR:N; the report reads as PR:H (0.87): 'requires an admin account'" */
  message: string;
}

export interface CombinedSeverity {
  /** Where the rating comes from. */
  basis: 'claimed' | 'claimed-adjusted' | 'predicted' | 'range' | 'unknown';
  rating: SeverityRating;
  score: number | null;
  vector: string | null;
  /** Set when the rating is uncertain: the bands it probably lies in. */
  range: { lowest: RatingBand; highest: RatingBand } | null;
  disagreements: SeverityDisagreement[];
  reasons: string[];
}

export interface CombineSeverityOptions {
  /** A disagreeing prediction at least this sure replaces the claimed value. */
  adjustConfidence: number;
  /** A disagreeing prediction at least this sure is listed. */
  listConfidence: number;
  /** Without a claim, the predicted rating is given only when its band is at least this likely. */
  ratingConfidence: number;
}

export const defaultCombineSeverityOptions: CombineSeverityOptions = {
  adjustConfidence: 0.8,
  listConfidence: 0.6,
  ratingConfidence: 0.6,
};

/** The fact kinds that state a metric outright, and their value letters. */
const statedMetrics: Array<{
  kind: FactKind;
  metric: SeverityMetric;
  letters: Record<string, string>;
}> = [
  {
    kind: 'attack-vector',
    metric: 'AV',
    letters: { network: 'N', adjacent: 'A', local: 'L', physical: 'P' },
  },
  { kind: 'privileges-required', metric: 'PR', letters: { none: 'N', low: 'L', high: 'H' } },
  { kind: 'user-interaction', metric: 'UI', letters: { none: 'N', passive: 'R', active: 'R' } },
];

interface StatedValue {
  value: string;
  fact: Fact;
}

/**
 * What the report states outright: not read off a CVSS vector, not speculated, not inferred; the
 * most demanding of several (as the scope rules see it).
 */
function findStatedValues(facts: readonly Fact[]): Map<SeverityMetric, StatedValue> {
  const candidates = facts.filter(
    (fact) => fact.origin !== 'inferred' && fact.isSpeculative !== true,
  );
  const stated = new Map<SeverityMetric, StatedValue>();
  for (const { kind, metric, letters } of statedMetrics) {
    const effective = findEffectiveValues(candidates, kind);
    const fact = effective.facts[0];
    const value = effective.values[0];
    if (effective.isFromVectorOnly || !fact || value === undefined) continue;
    if (Object.hasOwn(letters, value)) stated.set(metric, { value: letters[value]!, fact });
  }
  return stated;
}

function quoteReasons(reasons: readonly SeverityReason[]): string {
  return reasons.map((reason) => `'${reason.text}'`).join(', ');
}

function describeDisagreement(
  metric: SeverityMetric,
  claimed: string,
  prediction: SeverityPrediction,
): Omit<SeverityDisagreement, 'isAdjusted'> {
  const predicted = prediction.metrics[metric];
  const because = predicted.reasons.length > 0 ? `: ${quoteReasons(predicted.reasons)}` : '';
  return {
    metric,
    claimed,
    predicted: predicted.value,
    confidence: predicted.confidence,
    reasons: predicted.reasons,
    message: `you said ${metric}:${claimed}; the report reads as ${metric}:${predicted.value} (${predicted.confidence.toFixed(2)})${because}`,
  };
}

function scoreMetrics(
  base: CvssVector,
  values: Map<string, string>,
): { score: number; rating: SeverityRating; vector: string } | null {
  const adjusted: CvssVector = { version: base.version, metrics: new Map(base.metrics) };
  for (const [metric, value] of values) adjusted.metrics.set(metric, value);
  return scoreCvssVector(adjusted);
}

function combineWithClaim(
  claimed: CvssVector,
  prediction: SeverityPrediction,
  stated: Map<SeverityMetric, StatedValue>,
  options: CombineSeverityOptions,
): CombinedSeverity {
  const changes = new Map<string, string>();
  const reasons: string[] = [];
  const disagreements: SeverityDisagreement[] = [];
  const canAdjust = claimed.version !== '4.0' && prediction.rating !== 'unknown';
  for (const metric of severityMetrics) {
    const claimedValue = claimed.metrics.get(metric);
    if (claimedValue === undefined || claimed.version === '4.0') continue;
    const statedValue = stated.get(metric);
    if (statedValue && statedValue.value !== claimedValue) {
      changes.set(metric, statedValue.value);
      reasons.push(
        `${metric}:${claimedValue} -> ${metric}:${statedValue.value}: the report says so ("${statedValue.fact.quote}")`,
      );
      continue;
    }
    const predicted = prediction.metrics[metric];
    if (statedValue || predicted.value === claimedValue) continue;
    if (predicted.confidence < options.listConfidence || prediction.rating === 'unknown') continue;
    const isAdjusted = canAdjust && predicted.confidence >= options.adjustConfidence;
    const disagreement = { ...describeDisagreement(metric, claimedValue, prediction), isAdjusted };
    disagreements.push(disagreement);
    if (isAdjusted) {
      changes.set(metric, predicted.value);
      reasons.push(
        `${metric}:${claimedValue} -> ${metric}:${predicted.value}: ${disagreement.message}`,
      );
    }
  }
  const scored = scoreMetrics(claimed, changes);
  if (!scored) {
    return {
      basis: 'unknown',
      rating: 'unknown',
      score: null,
      vector: null,
      range: null,
      disagreements,
      reasons: ['the vector could not be scored'],
    };
  }
  return {
    basis: changes.size > 0 ? 'claimed-adjusted' : 'claimed',
    ...scored,
    range: null,
    disagreements,
    reasons:
      changes.size > 0 ? reasons : ['the reporter vector agrees with what the report reads as'],
  };
}

function combineWithoutClaim(
  prediction: SeverityPrediction,
  stated: Map<SeverityMetric, StatedValue>,
  options: CombineSeverityOptions,
): CombinedSeverity {
  if (prediction.rating === 'unknown' || prediction.vector === null) {
    return {
      basis: 'unknown',
      rating: 'unknown',
      score: null,
      vector: null,
      range: null,
      disagreements: [],
      reasons: ['no CVSS vector, and the text is too unfamiliar for the model to rate'],
    };
  }
  const predicted = parseCvssVector(prediction.vector)!;
  const changes = new Map<string, string>();
  const reasons = [`predicted from the text: ${prediction.vector}`];
  for (const [metric, { value, fact }] of stated) {
    if (predicted.metrics.get(metric) === value) continue;
    changes.set(metric, value);
    reasons.push(`${metric}:${value}: the report says so ("${fact.quote}")`);
  }
  const scored = scoreMetrics(predicted, changes)!;
  const bandConfidence = prediction.ratingProbabilities[prediction.rating];
  const range = prediction.ratingRange;
  if (bandConfidence < options.ratingConfidence) {
    const isSingle = range.lowest === range.highest;
    return {
      basis: 'range',
      rating: isSingle ? range.lowest : 'unknown',
      score: null,
      vector: null,
      range,
      disagreements: [],
      reasons: [
        `no CVSS vector and the model is unsure (${prediction.rating} at ${bandConfidence.toFixed(2)}): probably ${range.lowest} to ${range.highest}`,
      ],
    };
  }
  return { basis: 'predicted', ...scored, range: null, disagreements: [], reasons };
}

/**
 * `claimedVector` is the reporter's vector as written (ignored when it does not parse and score);
 * `facts` are the report's facts, of which the ones stating AV, PR or UI outright win over both.
 */
export function combineSeverity(
  input: { claimedVector?: string | null; prediction: SeverityPrediction; facts?: readonly Fact[] },
  options: CombineSeverityOptions = defaultCombineSeverityOptions,
): CombinedSeverity {
  const stated = findStatedValues(input.facts ?? []);
  const claimed = input.claimedVector ? parseCvssVector(input.claimedVector) : null;
  if (claimed && scoreCvssVector(claimed)) {
    return combineWithClaim(claimed, input.prediction, stated, options);
  }
  return combineWithoutClaim(input.prediction, stated, options);
}
