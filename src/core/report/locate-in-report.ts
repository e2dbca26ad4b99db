// Answers "which line?" and "which section's field?" for an offset in a report body, in
// logarithmic time, so extractors can ask for every fact of a huge report without a rescan.

import type { Report, ReportField } from '../model/report.js';

/** Index of the last entry of an ascending array that is <= `value` (-1 when none). */
function findLastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
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

/** Offsets where each line starts (the first is 0). */
export function indexLineStarts(text: string, end = text.length): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at !== -1 && at < end) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

/** The 1-based line of an offset. */
export function createLineLocator(text: string): (offset: number) => number {
  let lineStarts: number[] | null = null;
  return (offset) => {
    lineStarts ??= indexLineStarts(text);
    return findLastAtOrBefore(lineStarts, offset) + 1;
  };
}

/**
 * The field of the innermost known section holding an offset, or null. Sections nest (a heading's
 * section ends at the next heading of its level or above), so one sweep with a stack splits the
 * body into segments by their innermost known section; a lookup is a binary search.
 */
export function createFieldLocator(report: Report): (offset: number) => ReportField | null {
  const known = report.sections
    .filter((section) => section.field !== null && section.span.end > section.span.start)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const positions = [
    ...new Set(known.flatMap((section) => [section.span.start, section.span.end])),
  ].sort((a, b) => a - b);
  const starts: number[] = [];
  const fields: Array<ReportField | null> = [];
  const stack: typeof known = [];
  let next = 0;
  for (const position of positions) {
    while (stack.length > 0 && stack[stack.length - 1]!.span.end <= position) stack.pop();
    while (next < known.length && known[next]!.span.start === position) stack.push(known[next++]!);
    starts.push(position);
    fields.push(stack.length > 0 ? stack[stack.length - 1]!.field : null);
  }
  return (offset) => {
    const index = findLastAtOrBefore(starts, offset);
    return index === -1 ? null : fields[index]!;
  };
}

/** Whether an ascending array holds a value in [start, end). */
export function hasValueIn(sorted: ArrayLike<number>, start: number, end: number): boolean {
  const index = findLastAtOrBefore(sorted, end - 1);
  return index !== -1 && sorted[index]! >= start;
}
