// The severity model as predictions use it: a vocabulary with idf weights, and one calibrated
// softmax classifier ("head") per CVSS base metric plus one for the rating band.

import type { SeverityMetric } from './severity-metrics.js';
import type { SeverityVocabulary } from './vectorize-severity-text.js';

export type SeverityHeadName = SeverityMetric | 'band';

export interface SeverityHead {
  name: SeverityHeadName;
  /** Class labels: metric value letters (`N`, `L`...) or rating bands. */
  values: readonly string[];
  /**
   * featureCount × values.length, row by feature; read them with `readHeadWeight`. A trained head
   * holds float32 weights; a loaded one the file's 8-bit integers in place, with `weightScale`.
   */
  weights: Float32Array | Int8Array;
  /** weight = float32(weights[i] × weightScale); absent means 1. */
  weightScale?: number;
  bias: Float64Array;
  /** Logits are divided by it before the softmax (fitted on held-out folds). */
  temperature: number;
}

export interface SeverityModel extends SeverityVocabulary {
  heads: Record<SeverityHeadName, SeverityHead>;
  /** Below this many known words the text is too unfamiliar to rate. */
  minKnownWords: number;
  /** What it was trained on, for the record. */
  provenance: {
    records: number;
    seed: number;
    trainedWith: string;
    /** How many of the records came from a supplementary source (absent: none). */
    supplementRecords?: number;
  };
}

/**
 * The weight of one feature row and class (`row × values.length + class`), as a float32 value.
 * computeProbabilities in predict-severity.ts repeats this formula inline.
 */
export function readHeadWeight(head: SeverityHead, index: number): number {
  return Math.fround(head.weights[index]! * (head.weightScale ?? 1));
}
