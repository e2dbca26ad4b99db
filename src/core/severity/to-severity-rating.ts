// FIRST's qualitative rating of a CVSS base score (v3.x and v4.0 use the same bands), in one
// place for scored vectors and for scores a report only writes ("CVSS 7.5").

import type { SeverityRating } from '../model/triage-result.js';

export function toSeverityRating(score: number): Exclude<SeverityRating, 'unknown'> {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** The rating of a score written in a report, or null when it is not a score (0 to 10). */
export function rateCvssScore(score: number): Exclude<SeverityRating, 'unknown'> | null {
  return score >= 0 && score <= 10 ? toSeverityRating(score) : null;
}
