// Reads and scores CVSS v3.0, v3.1 and v4.0 vectors. Scoring is delegated to ae-cvss-calculator
// (FIRST's formulas, kept by metaeffekt), except for a plain v3.1 base vector, which our own
// formula scores the same (so the calculator loads only when needed, see load-cvss-calculator.ts);
// this module only checks the vector is complete and maps the score to FIRST's qualitative
// rating (to-severity-rating.ts).

import type { SeverityRating } from '../model/triage-result.js';
import { computeCvss31BaseScore } from './compute-cvss31-base-score.js';
import { loadCvssCalculator } from './load-cvss-calculator.js';
import type { SeverityMetric } from './severity-metrics.js';
import { toSeverityRating } from './to-severity-rating.js';

export type CvssVersion = '3.0' | '3.1' | '4.0';

const baseMetrics: Record<CvssVersion, readonly string[]> = {
  '3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

export interface CvssVector {
  version: CvssVersion;
  /** Metric abbreviation to value letter, in the order written. */
  metrics: Map<string, string>;
}

export interface CvssScore {
  vector: string;
  score: number;
  rating: Exclude<SeverityRating, 'unknown'>;
}

/** Parses `CVSS:3.1/AV:N/...`; null when the prefix is unknown or a base metric is missing. */
export function parseCvssVector(text: string): CvssVector | null {
  const match = /^CVSS:(3\.0|3\.1|4\.0)\/(.+)$/.exec(text.trim());
  if (!match) return null;
  const version = match[1] as CvssVersion;
  const metrics = new Map<string, string>();
  for (const part of match[2]!.split('/')) {
    const pair = /^([A-Z]{1,3}):([A-Z])$/.exec(part);
    if (!pair || metrics.has(pair[1]!)) return null;
    metrics.set(pair[1]!, pair[2]!);
  }
  if (!baseMetrics[version].every((metric) => metrics.has(metric))) return null;
  return { version, metrics };
}

function formatCvssVector(vector: CvssVector): string {
  const parts = [...vector.metrics].map(([metric, value]) => `${metric}:${value}`);
  return `CVSS:${vector.version}/${parts.join('/')}`;
}

// A score depends on the vector text alone, and triage scores the same few vectors many times
// (claimed, adjusted, per rule); the cache is bounded, since there are only so many vectors.
const scoreCache = new Map<string, number>();
const maxCachedScores = 4096;

function computeScore(vector: CvssVector): number {
  const text = formatCvssVector(vector);
  const cached = scoreCache.get(text);
  if (cached !== undefined) return cached;
  const score = calculateScore(vector, text);
  if (scoreCache.size >= maxCachedScores) scoreCache.clear();
  scoreCache.set(text, score);
  return score;
}

/**
 * The score of a v3.1 vector of the eight base metrics and nothing else, by our own formula (the
 * calculator's base and overall score of each of the 2,592 such vectors); NaN for any other vector
 * or a value outside the specification's, which then goes to the calculator.
 */
export function scorePlainCvss31Vector(vector: CvssVector): number {
  if (vector.version !== '3.1' || vector.metrics.size !== baseMetrics['3.1'].length) return NaN;
  return computeCvss31BaseScore(
    Object.fromEntries(vector.metrics) as Record<SeverityMetric, string>,
  );
}

/**
 * ae-cvss-calculator's score of a vector (loaded on first use): for v3 the base score, or the
 * overall one with temporal and environmental metrics; CVSS 4.0 has one score.
 */
export function scoreWithCalculator(
  version: CvssVersion,
  text: string,
  part: 'base' | 'overall',
): number | undefined {
  const cvssCalculator = loadCvssCalculator();
  if (version === '4.0') return new cvssCalculator.Cvss4P0(text).calculateScores().overall;
  const calculator =
    version === '3.1' ? new cvssCalculator.Cvss3P1(text) : new cvssCalculator.Cvss3P0(text);
  const scores = calculator.calculateScores();
  return part === 'base' ? scores.base : (scores.overall ?? scores.base);
}

function calculateScore(vector: CvssVector, text: string): number {
  const plain = scorePlainCvss31Vector(vector);
  if (Number.isFinite(plain)) return plain;
  return scoreWithCalculator(vector.version, text, 'overall') ?? NaN;
}

/** Scores a parsed vector; null when the calculator rejects a metric value. */
export function scoreCvssVector(vector: CvssVector): CvssScore | null {
  try {
    const score = computeScore(vector);
    if (!Number.isFinite(score)) return null;
    return { vector: formatCvssVector(vector), score, rating: toSeverityRating(score) };
  } catch {
    return null;
  }
}
