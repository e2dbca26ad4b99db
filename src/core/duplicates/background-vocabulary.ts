// How common each matching term is in security advisories in general (counts from 4,238 published
// advisories, see background-vocabulary-data.ts). Looked up in place, on demand.

import { backgroundDocuments, backgroundTermCounts } from './background-vocabulary-data.js';

export interface BackgroundVocabulary {
  documents: number;
  /** In how many background documents a term occurs; 0 for a rare term. */
  countOf(term: string): number;
}

let vocabulary: BackgroundVocabulary | undefined;

/**
 * A one-report triage looks up a few hundred terms: a binary search of the generated
 * `term:count,…` text (sorted by code unit, no term holds "," or ":") for each term not seen
 * before, instead of splitting all 4,632 entries into a Map on every start. Answers are kept, so
 * a long batch pays the search once per distinct term.
 */
export function readBackgroundVocabulary(): BackgroundVocabulary {
  if (vocabulary === undefined) {
    const known = new Map<string, number>();
    vocabulary = {
      documents: backgroundDocuments,
      countOf: (term) => {
        let count = known.get(term);
        if (count === undefined) {
          count = searchTermCount(backgroundTermCounts, term);
          known.set(term, count);
        }
        return count;
      },
    };
  }
  return vocabulary;
}

/** The count of `term` in `entries` (`term:count` joined by ",", sorted by term), or 0. */
export function searchTermCount(entries: string, term: string): number {
  // `low` is always the start of an entry and `high` the end of one (a "," or the text's end).
  let low = 0;
  let high = entries.length;
  while (low < high) {
    // The entry holding the middle character (the one it ends, for a ","): it starts at `low` or later.
    const entryStart = entries.lastIndexOf(',', ((low + high) >>> 1) - 1) + 1;
    const colon = entries.indexOf(':', entryStart);
    const comma = entries.indexOf(',', colon);
    const end = comma === -1 ? entries.length : comma;
    const entryTerm = entries.slice(entryStart, colon);
    if (entryTerm === term) return Number(entries.slice(colon + 1, end));
    if (term < entryTerm) high = entryStart - 1;
    else low = end + 1;
  }
  return 0;
}
