// A project's own severity words: maps an assessed severity (score, rating or range) onto the
// levels a profile defines, so replies say "moderate" or "P2" where the project does.

import type { SeverityLevel, SeverityScale } from '../model/security-profile.js';
import type { SeverityRating } from '../model/triage-result.js';
import type { RatingBand } from './severity-metrics.js';

export interface ScaledSeverity {
  /** The project's level; null when none can be chosen (unknown severity, or levels without scores). */
  level: string | null;
  description: string | null;
  /** When the severity is a range: the levels of its ends. */
  range: { lowest: string; highest: string } | null;
  /** Whether replies may quote CVSS figures. */
  showsCvss: boolean;
  reason: string;
}

/** The lowest score of each rating band (FIRST's qualitative scale). */
const bandFloor: Record<RatingBand, number> = {
  none: 0,
  low: 0.1,
  medium: 4,
  high: 7,
  critical: 9,
};

/** The lowest CVSS score a level covers, when the project maps CVSS onto it. */
function minScoreOf(level: SeverityLevel): number | undefined {
  return level.cvss?.min;
}

function findLevel(scale: SeverityScale, score: number): SeverityLevel | null {
  let best: SeverityLevel | null = null;
  for (const level of scale.levels) {
    const min = minScoreOf(level);
    if (min === undefined || min > score) continue;
    if (!best || min > minScoreOf(best)!) best = level;
  }
  return best;
}

export function mapToSeverityScale(
  assessed: {
    rating: SeverityRating;
    score: number | null;
    range?: { lowest: RatingBand; highest: RatingBand } | null;
  },
  scale: SeverityScale,
): ScaledSeverity {
  const none = (reason: string): ScaledSeverity => ({
    level: null,
    description: null,
    range: null,
    showsCvss: scale.cvss,
    reason,
  });
  if (!scale.levels.some((level) => minScoreOf(level) !== undefined)) {
    const names = scale.levels.map((level) => level.id).join(', ');
    return none(`the project rates by its own criteria (${names}): a maintainer chooses`);
  }
  if (assessed.range && assessed.range.lowest !== assessed.range.highest) {
    const lowest = findLevel(scale, bandFloor[assessed.range.lowest]);
    const highest = findLevel(scale, bandFloor[assessed.range.highest]);
    if (lowest && highest && lowest !== highest) {
      return {
        level: null,
        description: null,
        range: { lowest: lowest.id, highest: highest.id },
        showsCvss: scale.cvss,
        reason: `uncertain: between ${lowest.id} and ${highest.id}`,
      };
    }
    if (lowest && lowest === highest) {
      return {
        level: lowest.id,
        description: lowest.description,
        range: null,
        showsCvss: scale.cvss,
        reason: `${assessed.range.lowest} to ${assessed.range.highest} all map to ${lowest.id}`,
      };
    }
  }
  if (assessed.rating === 'unknown') return none('the severity is unknown');
  const score = assessed.score ?? bandFloor[assessed.rating];
  const level = findLevel(scale, score);
  if (!level) return none(`no level of the project starts at or below ${score}`);
  const basis = assessed.score === null ? `rating ${assessed.rating}` : `score ${score}`;
  return {
    level: level.id,
    description: level.description,
    range: null,
    showsCvss: scale.cvss,
    reason: `${basis} is at least ${level.id}'s ${minScoreOf(level)}`,
  };
}
