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

interface Contribution {
  start: number;
  end: number;
  weight: number;
}

/** Sums each feature's contribution onto the words or phrases it was read from. */
function collectContributions(
  head: SeverityHead,
  vector: TextVector,
  text: string,
  chosen: number,
  runnerUp: number,
): Map<string, Contribution> {
  const classCount = head.values.length;
  const byPhrase = new Map<string, Contribution>();
  for (let entry = 0; entry < vector.indices.length; entry += 1) {
    const base = vector.indices[entry]! * classCount;
    const difference = head.weights[base + chosen]! - head.weights[base + runnerUp]!;
    const occurrences = vector.occurrences[entry]!;
    const share = (vector.values[entry]! * difference) / occurrences.length;
    for (const { start, end } of occurrences) {
      const key = text.slice(start, end).toLowerCase();
      const known = byPhrase.get(key);
      if (known) known.weight += share;
      else byPhrase.set(key, { start, end, weight: share });
    }
  }
  return byPhrase;
}

export function explainSeverityHead(
  head: SeverityHead,
  vector: TextVector,
  text: string,
  chosen: number,
  probabilities: ArrayLike<number>,
): SeverityReason[] {
  let runnerUp = chosen === 0 ? 1 : 0;
  for (let index = 0; index < head.values.length; index += 1) {
    if (index !== chosen && probabilities[index]! > probabilities[runnerUp]!) runnerUp = index;
  }
  const ranked = [...collectContributions(head, vector, text, chosen, runnerUp).values()]
    .filter((contribution) => contribution.weight >= 0.0005)
    .sort((left, right) => right.weight - left.weight || left.start - right.start);
  const reasons: SeverityReason[] = [];
  for (const contribution of ranked) {
    const overlaps = reasons.some(
      (reason) => contribution.start < reason.end && reason.start < contribution.end,
    );
    if (overlaps) continue;
    reasons.push({
      text: text.slice(contribution.start, contribution.end),
      start: contribution.start,
      end: contribution.end,
      weight: Math.round(contribution.weight * 1000) / 1000,
    });
    if (reasons.length === maxReasons) break;
  }
  return reasons;
}
