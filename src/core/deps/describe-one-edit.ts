// Says how two names differ when they are one edit apart (Damerau-Levenshtein distance 1):
// which character was inserted, dropped, replaced or swapped. Linear in the names' length.

type EditKind = 'insertion' | 'omission' | 'replacement' | 'transposition';

export interface OneEdit {
  kind: EditKind;
  /** For a replacement: the target's character and the candidate's. */
  expected?: string;
  actual?: string;
  /** For an insertion or omission: the character. */
  character?: string;
  /** The character next to an inserted one is the same (`rrequest`): a repetition. */
  isRepetition?: boolean;
}

/** How `candidate` differs from `target`, or null when they are equal or further apart. */
export function describeOneEdit(candidate: string, target: string): OneEdit | null {
  const lengthDifference = candidate.length - target.length;
  if (Math.abs(lengthDifference) > 1 || candidate === target) return null;
  let start = 0;
  while (start < candidate.length && start < target.length && candidate[start] === target[start])
    start += 1;
  if (lengthDifference === 1) {
    return candidate.slice(start + 1) === target.slice(start)
      ? {
          kind: 'insertion',
          character: candidate[start]!,
          isRepetition:
            candidate[start] === candidate[start + 1] || candidate[start] === candidate[start - 1],
        }
      : null;
  }
  if (lengthDifference === -1) {
    return target.slice(start + 1) === candidate.slice(start)
      ? { kind: 'omission', character: target[start]! }
      : null;
  }
  if (candidate.slice(start + 1) === target.slice(start + 1)) {
    return { kind: 'replacement', expected: target[start]!, actual: candidate[start]! };
  }
  const isSwap =
    candidate[start] === target[start + 1] &&
    candidate[start + 1] === target[start] &&
    candidate.slice(start + 2) === target.slice(start + 2);
  return isSwap ? { kind: 'transposition' } : null;
}

/**
 * Allocation-free pre-check for describeOneEdit: true when the names are one insertion,
 * omission, replacement or swap of neighbours apart, or (`allowSwapAcrossOne`) when two
 * characters with one between them are swapped (`uglyfi` for `uglify`).
 */
export function isNearMiss(
  candidate: string,
  target: string,
  allowSwapAcrossOne: boolean,
): boolean {
  const lengthDifference = candidate.length - target.length;
  if (lengthDifference > 1 || lengthDifference < -1) return false;
  let start = 0;
  while (
    start < candidate.length &&
    start < target.length &&
    candidate.charCodeAt(start) === target.charCodeAt(start)
  )
    start += 1;
  let endA = candidate.length - 1;
  let endB = target.length - 1;
  while (endA >= start && endB >= start && candidate.charCodeAt(endA) === target.charCodeAt(endB)) {
    endA -= 1;
    endB -= 1;
  }
  const spanA = endA - start + 1;
  const spanB = endB - start + 1;
  if (spanA <= 1 && spanB <= 1) return spanA + spanB > 0;
  if (spanA !== spanB) return false;
  const isSwap = candidate[start] === target[endB] && candidate[endA] === target[start];
  return (
    isSwap &&
    (spanA === 2 ||
      (allowSwapAcrossOne && spanA === 3 && candidate[start + 1] === target[start + 1]))
  );
}
