// Picks the known key a mistyped one was probably meant to be, for "did you mean" hints.

// Hostile input can hold huge keys; no real key is this long, and the distance is quadratic.
const maxKeyLength = 100;

/** The candidate closest to `key` (same words in another case or separator, or a small typo). */
export function suggestClosestKey(key: string, candidates: readonly string[]): string | undefined {
  if (key.length > maxKeyLength) return undefined;
  const normalised = normaliseKey(key);
  const sameWords = candidates.find((candidate) => normaliseKey(candidate) === normalised);
  if (sameWords !== undefined) return sameWords;
  // Allow about one typo per three characters; a one- or two-letter key is too short to guess from.
  const limit = Math.floor(normalised.length / 3);
  if (limit === 0) return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(normalised, normaliseKey(candidate));
    if (distance <= limit && (best === undefined || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}

// `outOfScope`, `out_of_scope` and `Out-Of-Scope` all mean `out-of-scope`.
function normaliseKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

// Levenshtein distance; keys are short, so the plain two-row table is enough.
function editDistance(from: string, to: string): number {
  let previous = Array.from({ length: to.length + 1 }, (_, index) => index);
  for (let row = 1; row <= from.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= to.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (from[row - 1] === to[column - 1] ? 0 : 1);
      current.push(
        Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution),
      );
    }
    previous = current;
  }
  return previous[to.length] ?? 0;
}
