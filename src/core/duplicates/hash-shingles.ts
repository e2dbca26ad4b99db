// Word 5-gram shingles of a text as sorted 32-bit hashes, to spot reports pasted from one another
// (an exact set, not a sketch: reports are short, and the share of shared shingles is then exact).

import { hashFnv1a } from '../text/hash-fnv1a.js';
import { normalizeForMatching } from './normalize-for-matching.js';

const shingleSize = 5;
/** Shingles kept per document: enough for a long pasted report, bounded for hostile input. */
const maxShingles = 1_000;

/** Sorted, distinct hashes of the text's word 5-grams (lowercase, punctuation ignored). */
export function hashShingles(text: string): Uint32Array {
  const words =
    normalizeForMatching(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+/gu) ?? [];
  // Hash each word once, then fold five word hashes per shingle: no strings are built per shingle.
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashFnv1a(words[i]!);
  const hashes = new Set<number>();
  for (let i = 0; i + shingleSize <= words.length && hashes.size < maxShingles; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < shingleSize; k++) h = Math.imul(h ^ wordHashes[i + k]!, 0x01000193);
    hashes.add(h >>> 0);
  }
  return Uint32Array.from(hashes).sort();
}

/** Number of hashes two sorted shingle sets share. */
export function countSharedShingles(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
