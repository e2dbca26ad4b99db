// Why a head chose its value: the words and phrases of the text whose features pushed the chosen
// value most against the runner-up, each with the span of the text it was read from.

import { readHeadWeight, type SeverityHead } from './severity-model.js';
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
  for (let entry = 0; entry < vector.indices.length; entry += 1) {
    const base = vector.indices[entry]! * classCount;
    // Equal stored weights give no difference: skipped before any floating-point work (this runs
    // cold, once per process, and most of a report's features weigh zero for both values).
    if (head.weights[base + chosen] === head.weights[base + runnerUp]) continue;
    const difference = readHeadWeight(head, base + chosen) - readHeadWeight(head, base + runnerUp);
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
  const ranked: number[] = [];
  for (let id = 0; id < sums.length; id += 1) if (sums[id]! >= 0.0005) ranked.push(id);
  ranked.sort(
    (left, right) => sums[right]! - sums[left]! || phrases.starts[left]! - phrases.starts[right]!,
  );
  const reasons: SeverityReason[] = [];
  for (const id of ranked) {
    const start = phrases.starts[id]!;
    const end = phrases.ends[id]!;
    if (reasons.some((reason) => start < reason.end && reason.start < end)) continue;
    reasons.push({
      text: text.slice(start, end),
      start,
      end,
      weight: Math.round(sums[id]! * 1000) / 1000,
    });
    if (reasons.length === maxReasons) break;
  }
  return reasons;
}
