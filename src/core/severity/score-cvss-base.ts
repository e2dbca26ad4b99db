// The base score of a CVSS vector, as CVE and CSAF records state it next to the vector
// (`scoreCvssVector` gives the score of the whole vector, temporal and environmental metrics
// included). For CVSS 4.0 the vector has one score. Scoring is ae-cvss-calculator's, but for a
// plain v3.1 base vector (our own formula, see score-cvss-vector.ts).

import type { SeverityRating } from '../model/triage-result.js';
import {
  parseCvssVector,
  scorePlainCvss31Vector,
  scoreWithCalculator,
  type CvssVersion,
} from './score-cvss-vector.js';
import { toSeverityRating } from './to-severity-rating.js';

export interface CvssBaseScore {
  version: CvssVersion;
  baseScore: number;
  rating: Exclude<SeverityRating, 'unknown'>;
}

/** Null when the vector is incomplete or the calculator refuses it. */
export function scoreCvssBase(vector: string): CvssBaseScore | null {
  const parsed = parseCvssVector(vector);
  if (parsed === null) return null;
  try {
    const text = vector.trim();
    const plain = scorePlainCvss31Vector(parsed);
    const baseScore = Number.isFinite(plain)
      ? plain
      : scoreWithCalculator(parsed.version, text, 'base');
    if (baseScore === undefined || !Number.isFinite(baseScore)) return null;
    return { version: parsed.version, baseScore, rating: toSeverityRating(baseScore) };
  } catch {
    return null;
  }
}
