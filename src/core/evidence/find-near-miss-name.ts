// Finds the real name an unknown one is a typo of (`XML_ParseBufer` → `XML_ParseBuffer`), so a
// genuine report with one slip gets "did you mean" instead of being called invented.

const identifierPattern = /[A-Za-z_$][\w$]*/g;

/** Edit distance with adjacent transpositions, or `limit + 1` as soon as it must exceed `limit`. */
export function measureEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = row;
    let rowBest = current[0];
    for (let column = 1; column <= b.length; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let value = Math.min(
        previous[column]! + 1,
        current[column - 1]! + 1,
        previous[column - 1]! + cost,
      );
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1])
        value = Math.min(value, beforePrevious[column - 2]! + 1);
      current[column] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Edits allowed for a name of this length: one up to 7 characters, two up to 15, then three. */
function allowedEdits(name: string): number {
  return name.length <= 7 ? 1 : name.length <= 15 ? 2 : 3;
}

/**
 * The candidate closest to `name` within `allowedEdits` (ties: the more frequent, then the
 * alphabetically first), or null. A candidate equal to `name` is not a near miss.
 */
export function findNearMissName(name: string, candidates: Iterable<string>): string | null {
  const limit = allowedEdits(name);
  let best: { name: string; distance: number } | null = null;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const distance =
      candidate.toLowerCase() === name.toLowerCase()
        ? 0.5
        : measureEditDistance(name, candidate, limit);
    if (distance > limit) continue;
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance && candidate < best.name)
    )
      best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

/** The identifiers in lines of code: the candidates a near miss is looked for among. */
export function listIdentifiers(lines: Iterable<string>, near: string): Set<string> {
  const found = new Set<string>();
  const limit = allowedEdits(near);
  for (const line of lines) {
    for (const match of line.slice(0, 2000).matchAll(identifierPattern)) {
      if (Math.abs(match[0].length - near.length) <= limit) found.add(match[0]);
    }
  }
  return found;
}

/**
 * Fixed strings to search the repository for the real name a typo stands for: the halves of the
 * name's two longest parts (split at `_`, case changes and `.`/`::`), since one typo spoils only
 * one half (`setpaht` still holds `setp`); a part under six characters is searched whole.
 */
export function pickNearMissProbes(name: string): string[] {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_$:.]+/)
    .filter((part) => part.length >= 4)
    .sort((a, b) => b.length - a.length);
  if (parts.length === 0) return name.length >= 4 ? [name.slice(0, 4)] : [];
  const probes = new Set<string>();
  for (const part of parts.slice(0, 2)) {
    if (part.length < 6) probes.add(part);
    else {
      probes.add(part.slice(0, Math.ceil(part.length / 2)));
      probes.add(part.slice(Math.floor(part.length / 2)));
    }
  }
  return [...probes];
}
