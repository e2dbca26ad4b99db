// How common each matching term is in security advisories in general (counts from 4,238 published
// advisories, see background-vocabulary-data.ts). Parsed once, on first use.

import { backgroundDocuments, backgroundTermCounts } from './background-vocabulary-data.js';

export interface BackgroundVocabulary {
  documents: number;
  /** In how many background documents a term occurs; 0 for a rare term. */
  countOf(term: string): number;
}

let vocabulary: BackgroundVocabulary | undefined;

export function readBackgroundVocabulary(): BackgroundVocabulary {
  if (vocabulary === undefined) {
    const counts = new Map<string, number>();
    for (const entry of backgroundTermCounts.split(',')) {
      const colon = entry.lastIndexOf(':');
      counts.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
    }
    vocabulary = { documents: backgroundDocuments, countOf: (term) => counts.get(term) ?? 0 };
  }
  return vocabulary;
}
