// The tf-idf vector of a text over a fixed vocabulary: words and word pairs in one block, character
// n-grams in another, each block scaled to unit length, and where each feature was seen.

import {
  extractSeverityFeatures,
  type FeatureOccurrence,
  type SeverityFeatureOptions,
} from './extract-severity-features.js';

export interface SeverityVocabulary {
  options: SeverityFeatureOptions;
  /** Feature string to column. */
  featureIndex: ReadonlyMap<string, number>;
  idf: ArrayLike<number>;
  /** How much the character block counts next to the word block (1 = as much). */
  charBlockWeight: number;
}

export interface TextVector {
  /** Columns in increasing order. */
  indices: Int32Array;
  values: Float64Array;
  /** Where each feature of `indices` was seen (same order). */
  occurrences: Array<Array<{ start: number; end: number }>>;
  /** Distinct known word and word-pair features: how much of the text the model knows. */
  knownWords: number;
}

function isCharacterFeature(feature: string): boolean {
  return feature.startsWith('c:');
}

function normaliseBlock(
  entries: Array<[number, number, FeatureOccurrence[]]>,
  scale: number,
): Array<[number, number, FeatureOccurrence[]]> {
  let sum = 0;
  for (const [, value] of entries) sum += value * value;
  if (sum === 0) return entries;
  const factor = scale / Math.sqrt(sum);
  return entries.map(([column, value, seen]) => [column, value * factor, seen]);
}

/** Sublinear tf (1 + ln tf) times idf, per block, each block L2-normalised. */
export function vectorizeSeverityText(vocabulary: SeverityVocabulary, text: string): TextVector {
  const seen = new Map<number, FeatureOccurrence[]>();
  for (const occurrence of extractSeverityFeatures(text, vocabulary.options)) {
    const column = vocabulary.featureIndex.get(occurrence.feature);
    if (column === undefined) continue;
    const list = seen.get(column);
    if (list) list.push(occurrence);
    else seen.set(column, [occurrence]);
  }
  const words: Array<[number, number, FeatureOccurrence[]]> = [];
  const characters: Array<[number, number, FeatureOccurrence[]]> = [];
  for (const [column, list] of seen) {
    const weight = (1 + Math.log(list.length)) * (vocabulary.idf[column] ?? 0);
    (isCharacterFeature(list[0]!.feature) ? characters : words).push([column, weight, list]);
  }
  const knownWords = words.filter(([, , list]) => !list[0]!.feature.startsWith('h:')).length;
  const blockScale = Math.sqrt(1 + vocabulary.charBlockWeight ** 2);
  const entries = [
    ...normaliseBlock(words, 1 / blockScale),
    ...normaliseBlock(characters, vocabulary.charBlockWeight / blockScale),
  ].sort((left, right) => left[0] - right[0]);
  return {
    indices: Int32Array.from(entries, ([column]) => column),
    values: Float64Array.from(entries, ([, value]) => value),
    occurrences: entries.map(([, , list]) =>
      list.map((occurrence) => ({ start: occurrence.start, end: occurrence.end })),
    ),
    knownWords,
  };
}
