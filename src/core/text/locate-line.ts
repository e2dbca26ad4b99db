// The one answer to "which line (and column) is this offset on?": an index of line starts built
// once per text and a binary search, so asking for many offsets of a large text stays cheap.

/** Index of the last entry of an ascending array that is <= `value` (-1 when none). */
export function findLastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Offsets where each line starts (the first is 0), for the lines starting before `end`. */
export function indexLineStarts(text: string, end = text.length): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at !== -1 && at < end) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

/** The 1-based line of an offset; the index of line starts is built on the first question. */
export function createLineLocator(text: string): (offset: number) => number {
  let lineStarts: number[] | null = null;
  return (offset) => {
    lineStarts ??= indexLineStarts(text);
    return findLastAtOrBefore(lineStarts, offset) + 1;
  };
}

/**
 * The [start, end) of the line holding each offset (end at its newline, or the text's end); the
 * index of line starts is built on the first question, so asking for every name of a one-line
 * report stays linear.
 */
export function createLineBounds(text: string): (offset: number) => { start: number; end: number } {
  let lineStarts: number[] | null = null;
  return (offset) => {
    lineStarts ??= indexLineStarts(text);
    const index = Math.max(0, findLastAtOrBefore(lineStarts, offset));
    const next = lineStarts[index + 1];
    return { start: lineStarts[index]!, end: next === undefined ? text.length : next - 1 };
  };
}

/** The 1-based line and column (in UTF-16 code units) of one offset in `text`. */
export function findLineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lineStarts = indexLineStarts(text, offset);
  return { line: lineStarts.length, column: offset - lineStarts[lineStarts.length - 1]! + 1 };
}
