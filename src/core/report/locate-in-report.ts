// Answers "which line?" and "which section's field?" for an offset in a report body, in
// logarithmic time, so extractors can ask for every fact of a huge report without a rescan.

import type { Report, ReportField } from '../model/report.js';
import { findLastAtOrBefore } from '../text/locate-line.js';

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
