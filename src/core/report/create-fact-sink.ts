// Collects the facts found in one report: works out each fact's line, quote and origin from its
// span, and drops exact duplicates (same kind, value and span) that two extractors both found.

import type { Fact, FactKind } from '../model/fact.js';
import type { Report, ReportField } from '../model/report.js';

const quoteLimit = 200;

interface FactOptions {
  isSpeculative?: boolean;
}

export interface FactSink {
  readonly body: string;
  /** The field of the innermost known section holding `offset`, or null outside known sections. */
  fieldAt(offset: number): ReportField | null;
  /** Records a fact over body[start, end); spans outside the body or empty are ignored. */
  add(kind: FactKind, value: string, start: number, end: number, options?: FactOptions): void;
  /** Whether a fact of this kind starts inside [start, end). */
  hasFactIn(kind: FactKind, start: number, end: number): boolean;
  /** The facts in body order. */
  list(): Fact[];
}

function indexLineStarts(body: string): number[] {
  const starts = [0];
  let at = body.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = body.indexOf('\n', at + 1);
  }
  return starts;
}

function findLine(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

export function createFactSink(report: Report): FactSink {
  const { body } = report;
  const lineStarts = indexLineStarts(body);
  // Smallest sections first, so the first known section that holds an offset is the innermost.
  const known = report.sections
    .filter((section) => section.field !== null && section.span.end > section.span.start)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  const facts: Fact[] = [];
  const seen = new Set<string>();

  function fieldAt(offset: number): ReportField | null {
    for (const section of known) {
      if (offset >= section.span.start && offset < section.span.end) return section.field;
    }
    return null;
  }

  function add(
    kind: FactKind,
    value: string,
    start: number,
    end: number,
    options: FactOptions = {},
  ): void {
    if (!(start >= 0 && end > start && end <= body.length) || value === '') return;
    const key = `${kind}\u0000${value}\u0000${start}\u0000${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    facts.push({
      kind,
      value,
      origin: fieldAt(start) === null ? 'prose' : 'structure',
      span: { start, end, line: findLine(lineStarts, start) },
      quote: body.slice(start, Math.min(end, start + quoteLimit)),
      ...(options.isSpeculative === true ? { isSpeculative: true } : {}),
    });
  }

  function list(): Fact[] {
    return [...facts].sort(
      (a, b) =>
        a.span.start - b.span.start ||
        a.span.end - b.span.end ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
  }

  function hasFactIn(kind: FactKind, start: number, end: number): boolean {
    return facts.some(
      (fact) => fact.kind === kind && fact.span.start >= start && fact.span.start < end,
    );
  }

  return { body, fieldAt, add, hasFactIn, list };
}
