// Why a head chose its value: the words and phrases of the text whose features pushed the chosen
// value most against the runner-up, each with the span of the text it was read from.

import type { SeverityHead } from './severity-model.js';
import type { TextVector } from './vectorize-severity-text.js';

export interface SeverityReason {
  /** Exactly `text.slice(start, end)` of the input. */
  text: string;
  start: number;
  end: number;
  /** Contribution to the chosen value's logit over the runner-up's (larger = stronger). */
  weight: number;
}

const maxReasons = 3;

/** The distinct words and phrases of a text's features: where each first occurs. */
export interface TextPhrases {
  /** For each feature of the vector, the phrase id of each of its occurrences. */
  ids: Int32Array[];
  /** Start and end of each phrase's first occurrence, by id. */
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Groups the occurrences of a vector's features by the (lower-cased) text they cover, once per text.
 * Many occurrences share a span (every character n-gram of a word has the word's), so each span's
 * text is sliced and lower-cased once.
 */
export function listTextPhrases(vector: TextVector, text: string): TextPhrases {
  const idOf = new Map<string, number>();
  const idOfSpan = new Map<number, number>();
  const spanWidth = text.length + 1;
  const starts: number[] = [];
  const ends: number[] = [];
  const ids = new Array<Int32Array>(vector.occurrences.length);
  for (let entry = 0; entry < vector.occurrences.length; entry += 1) {
    const occurrences = vector.occurrences[entry]!;
    const entryIds = new Int32Array(occurrences.length);
    for (let index = 0; index < occurrences.length; index += 1) {
      const { start, end } = occurrences[index]!;
      const span = start * spanWidth + end;
      let id = idOfSpan.get(span);
      if (id === undefined) {
        const key = text.slice(start, end).toLowerCase();
        id = idOf.get(key);
        if (id === undefined) {
          id = starts.length;
          idOf.set(key, id);
          starts.push(start);
          ends.push(end);
        }
        idOfSpan.set(span, id);
      }
      entryIds[index] = id;
    }
    ids[entry] = entryIds;
  }
  return { ids, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Each phrase's summed contribution to the chosen value's logit over the runner-up's. */
function sumContributions(
  head: SeverityHead,
  vector: TextVector,
  phrases: TextPhrases,
  chosen: number,
  runnerUp: number,
): Float64Array {
  const classCount = head.values.length;
  const sums = new Float64Array(phrases.starts.length);
  const weights = head.weights;
  const scale = head.weightScale ?? 1;
  for (let entry = 0; entry < vector.indices.length; entry += 1) {
    const base = vector.indices[entry]! * classCount;
    // readHeadWeight inlined (the same float32 rounding), as in computeProbabilities.
    const difference =
      Math.fround(weights[base + chosen]! * scale) - Math.fround(weights[base + runnerUp]! * scale);
    if (difference === 0) continue;
    const ids = phrases.ids[entry]!;
    const share = (vector.values[entry]! * difference) / ids.length;
    for (let index = 0; index < ids.length; index += 1) {
      const id = ids[index]!;
      sums[id] = sums[id]! + share;
    }
  }
  return sums;
}

/** Whether phrase `left` ranks before `right`: larger sum, then earlier start, then lower id. */
function ranksBefore(sums: Float64Array, starts: Int32Array, left: number, right: number): boolean {
  const difference = sums[left]! - sums[right]!;
  if (difference !== 0) return difference > 0;
  const startDifference = starts[left]! - starts[right]!;
  return startDifference !== 0 ? startDifference < 0 : left < right;
}

/** How many of the best phrases are ranked in one pass before falling back to a full sort. */
const shortlistSize = 32;

/**
 * The phrases a head's reasons quote: in rank order (see ranksBefore) among those whose sum is at
 * least `minimum`, each one not overlapping one taken before, at most `count`. The same as sorting
 * every candidate and walking the sorted list, but a shortlist of the best is kept in one pass and
 * the full sort runs only when the shortlist cannot settle it: a report has thousands of phrases
 * and this runs cold, once per head.
 */
export function pickReasonPhrases(
  sums: Float64Array,
  starts: Int32Array,
  ends: Int32Array,
  minimum: number,
  count: number,
): number[] {
  const shortlist: number[] = [];
  let candidates = 0;
  for (let id = 0; id < sums.length; id += 1) {
    if (!(sums[id]! >= minimum)) continue;
    candidates += 1;
    if (
      shortlist.length === shortlistSize &&
      !ranksBefore(sums, starts, id, shortlist[shortlistSize - 1]!)
    ) {
      continue;
    }
    let position = shortlist.length < shortlistSize ? shortlist.length : shortlistSize - 1;
    while (position > 0 && ranksBefore(sums, starts, id, shortlist[position - 1]!)) {
      shortlist[position] = shortlist[position - 1]!;
      position -= 1;
    }
    shortlist[position] = id;
  }
  const walk = (ranked: readonly number[]): number[] => {
    const picked: number[] = [];
    for (const id of ranked) {
      if (picked.length === count) break;
      const start = starts[id]!;
      const end = ends[id]!;
      if (picked.some((other) => start < ends[other]! && starts[other]! < end)) continue;
      picked.push(id);
    }
    return picked;
  };
  const picked = walk(shortlist);
  // The shortlist holds every candidate, or enough of the best to fill the reasons.
  if (picked.length === count || candidates === shortlist.length) return picked;
  const ranked: number[] = [];
  for (let id = 0; id < sums.length; id += 1) if (sums[id]! >= minimum) ranked.push(id);
  ranked.sort((left, right) => (ranksBefore(sums, starts, left, right) ? -1 : 1));
  return walk(ranked);
}

export function explainSeverityHead(
  head: SeverityHead,
  vector: TextVector,
  phrases: TextPhrases,
  text: string,
  chosen: number,
  probabilities: ArrayLike<number>,
): SeverityReason[] {
  let runnerUp = chosen === 0 ? 1 : 0;
  for (let index = 0; index < head.values.length; index += 1) {
    if (index !== chosen && probabilities[index]! > probabilities[runnerUp]!) runnerUp = index;
  }
  const sums = sumContributions(head, vector, phrases, chosen, runnerUp);
  const picked = pickReasonPhrases(sums, phrases.starts, phrases.ends, 0.0005, maxReasons);
  return picked.map((id) => {
    const start = phrases.starts[id]!;
    const end = phrases.ends[id]!;
    return {
      text: text.slice(start, end),
      start,
      end,
      weight: Math.round(sums[id]! * 1000) / 1000,
    };
  });
}
