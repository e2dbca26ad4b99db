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
  /** By column; multiplied by `idfScale` when there is one. */
  idf: ArrayLike<number>;
  /**
   * idf = idf[column] × idfScale; absent means 1. A loaded model keeps the file's 16-bit steps in
   * place with their scale (no 49,104 divisions run cold on every start).
   */
  idfScale?: number;
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

/** One known feature of the text: its column, its weight and where it was seen. */
interface VectorEntry {
  column: number;
  value: number;
  seen: FeatureOccurrence[];
}

// Plain loops and objects below, no array destructuring: a triage runs this once per process,
// before V8 optimises it, and destructuring a tuple walks the iterator protocol each time.

function normaliseBlock(entries: VectorEntry[], scale: number): void {
  let sum = 0;
  for (let index = 0; index < entries.length; index += 1) {
    const value = entries[index]!.value;
    sum += value * value;
  }
  if (sum === 0) return;
  const factor = scale / Math.sqrt(sum);
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    entry.value = entry.value * factor;
  }
}

/** Sublinear tf (1 + ln tf) times idf, per block, each block L2-normalised. */
export function vectorizeSeverityText(vocabulary: SeverityVocabulary, text: string): TextVector {
  const seen = new Map<number, FeatureOccurrence[]>();
  // A text repeats most of its features (7,600 occurrences, 2,800 distinct in an example report):
  // each distinct one is looked up in the model once, the repeats in this Map (-1: not in the model).
  const columnOf = new Map<string, number>();
  const occurrences = extractSeverityFeatures(text, vocabulary.options);
  for (let index = 0; index < occurrences.length; index += 1) {
    const occurrence = occurrences[index]!;
    let column = columnOf.get(occurrence.feature);
    if (column === undefined) {
      column = vocabulary.featureIndex.get(occurrence.feature) ?? -1;
      columnOf.set(occurrence.feature, column);
    }
    if (column < 0) continue;
    const list = seen.get(column);
    if (list) list.push(occurrence);
    else seen.set(column, [occurrence]);
  }
  const words: VectorEntry[] = [];
  const characters: VectorEntry[] = [];
  let knownWords = 0;
  seen.forEach((list, column) => {
    const idf = (vocabulary.idf[column] ?? 0) * (vocabulary.idfScale ?? 1);
    const value = (1 + Math.log(list.length)) * idf;
    const feature = list[0]!.feature;
    if (isCharacterFeature(feature)) characters.push({ column, value, seen: list });
    else {
      words.push({ column, value, seen: list });
      if (!feature.startsWith('h:')) knownWords += 1;
    }
  });
  const blockScale = Math.sqrt(1 + vocabulary.charBlockWeight ** 2);
  normaliseBlock(words, 1 / blockScale);
  normaliseBlock(characters, vocabulary.charBlockWeight / blockScale);
  // Columns are distinct, so the order is the same whatever the sort's stability.
  const entries = words.concat(characters).sort((left, right) => left.column - right.column);
  const indices = new Int32Array(entries.length);
  const values = new Float64Array(entries.length);
  const spans = new Array<Array<{ start: number; end: number }>>(entries.length);
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    indices[index] = entry.column;
    values[index] = entry.value;
    // The occurrences as the extractor made them (their feature strings ride along): no copy.
    spans[index] = entry.seen;
  }
  return { indices, values, occurrences: spans, knownWords };
}
