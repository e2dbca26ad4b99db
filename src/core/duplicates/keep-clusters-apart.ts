// A report is one bug: when it is a different bug from a cluster's original, it is not a second
// finder of that original's duplicates either. Without this, a report that differs from the first
// report (a heap over-read in the function where a memory-growth bug was found) can still be
// matched to a second finder of that first report who described the bug in fewer, vaguer words.

import type { DuplicateCandidate } from '../model/duplicate.js';
import { strongScoreFloor } from './score-duplicate-signals.js';

/**
 * The candidates with the strong ones demoted whose own original (`originalOf`, the report they
 * were found to duplicate) is, by this query's evidence, a different bug. Order is kept; only
 * strong matches change, so a demoted candidate keeps its place for the maintainer to see.
 */
export function keepClustersApart(
  candidates: readonly DuplicateCandidate[],
  originalOf: (id: string) => string | null,
): DuplicateCandidate[] {
  const distinct = new Set(
    candidates.filter((candidate) => candidate.isDistinctBug === true).map(({ id }) => id),
  );
  const strong = new Set(candidates.filter((candidate) => candidate.isStrong).map(({ id }) => id));
  return candidates.map((candidate) => {
    if (!candidate.isStrong) return candidate;
    const original = originalOf(candidate.id);
    if (original === null || original === candidate.id) return candidate;
    if (distinct.has(original)) {
      return demote(
        candidate,
        `a duplicate of ${original}, which is a different bug from this report`,
      );
    }
    // A second finder's rare words are its original's bug: a report that meets them and not the
    // original (two parser slowdowns share "minutes", "thousands", "unclosed") is another bug.
    if (candidate.isByFinderWordsOnly === true && !strong.has(original)) {
      return demote(
        candidate,
        `shares only the words of a second finder of ${original}, which this report does not match`,
      );
    }
    return candidate;
  });
}

function demote(candidate: DuplicateCandidate, reason: string): DuplicateCandidate {
  return {
    ...candidate,
    isStrong: false,
    // Back to the scale of matches that are not strong (0..0.9), keeping the probability.
    score: strongScoreFloor * ((candidate.score - strongScoreFloor) / (1 - strongScoreFloor)),
    evidence: [...candidate.evidence, reason],
  };
}
