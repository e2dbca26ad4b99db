// Collects the facts found in one report: works out each fact's line, quote and origin from its
// span, and drops exact duplicates (same kind, value and span) that two extractors both found.
// Work is bounded: at most `maxFactsPerKind` facts of a kind are kept (the rest are counted and
// reported as a limit), and the section and line lookups are logarithmic.

import type { Fact, FactActor, FactKind } from '../model/fact.js';
import type { Report, ReportField } from '../model/report.js';
import type { WorkLimit } from '../model/work-limit.js';
import { createLineLocator } from '../text/locate-line.js';
import { createFieldLocator, hasValueIn } from './locate-in-report.js';

const quoteLimit = 200;
/** No real report holds more facts of one kind; a 10 MiB hostile one would hold hundreds of thousands. */
const maxFactsPerKind = 500;
/** Longer values (a 100 KB "path") are not facts about code or policy. */
const maxFactValueLength = 512;

interface FactOptions {
  isSpeculative?: boolean;
  /** Whose condition the fact is, when the extractor knows (attributeActors leaves it alone). */
  actor?: FactActor;
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
  /** Records a bound an extractor reached, for the output to say so. */
  noteLimit(limit: WorkLimit): void;
  /** The bounds that were hit (facts dropped, input left unread). */
  limits(): WorkLimit[];
}

export function createFactSink(report: Report): FactSink {
  const { body } = report;
  const lineOf = createLineLocator(body);
  const fieldAt = createFieldLocator(report);
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const startsByKind = new Map<FactKind, { starts: number[]; isSorted: boolean }>();
  const dropped = new Map<FactKind, number>();

  function add(
    kind: FactKind,
    value: string,
    start: number,
    end: number,
    options: FactOptions = {},
  ): void {
    if (!(start >= 0 && end > start && end <= body.length) || value === '') return;
    if (value.length > maxFactValueLength) return;
    let ofKind = startsByKind.get(kind);
    if (!ofKind) startsByKind.set(kind, (ofKind = { starts: [], isSorted: true }));
    if (ofKind.starts.length >= maxFactsPerKind) {
      dropped.set(kind, (dropped.get(kind) ?? 0) + 1);
      return;
    }
    const key = `${kind}\u0000${value}\u0000${start}\u0000${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (ofKind.starts.length > 0 && ofKind.starts[ofKind.starts.length - 1]! > start)
      ofKind.isSorted = false;
    ofKind.starts.push(start);
    facts.push({
      kind,
      value,
      origin: fieldAt(start) === null ? 'prose' : 'structure',
      span: { start, end, line: lineOf(start) },
      quote: body.slice(start, Math.min(end, start + quoteLimit)),
      ...(options.isSpeculative === true ? { isSpeculative: true } : {}),
      ...(options.actor !== undefined ? { actor: options.actor } : {}),
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
    const ofKind = startsByKind.get(kind);
    if (!ofKind) return false;
    if (!ofKind.isSorted) {
      ofKind.starts.sort((a, b) => a - b);
      ofKind.isSorted = true;
    }
    return hasValueIn(ofKind.starts, start, end);
  }

  const noted: WorkLimit[] = [];
  function limits(): WorkLimit[] {
    return [
      ...noted,
      ...[...dropped].map(([kind, count]): WorkLimit => ({
        scope: 'facts',
        limit: maxFactsPerKind,
        message: `only the first ${maxFactsPerKind} "${kind}" facts were kept (${count} more were not read)`,
      })),
    ];
  }

  return {
    body,
    fieldAt,
    add,
    hasFactIn,
    list,
    noteLimit: (limit) => noted.push(limit),
    limits,
  };
}
