import { describe, expect, it } from 'vitest';
import { buildFact } from '../../../test/support/build-fact.js';
import type { SeverityAssessment, TriageResult } from '../model/triage-result.js';
import { compareQueuePlaces, placeInQueue, rankQueue, scorePriority } from './score-priority.js';

function severity(rating: SeverityAssessment['assessed']['rating']): SeverityAssessment {
  return {
    claimed: null,
    assessed: { rating, score: null, vector: null, reasons: [] },
    comparison: 'not-comparable',
  };
}

describe('scorePriority', () => {
  it('ranks a complete, in-scope critical with a PoC above an out-of-scope one, with reasons', () => {
    const strong = scorePriority({
      verdict: 'in-scope',
      severity: severity('critical'),
      requirements: [{ name: 'impact', level: 'required', isPresent: true, reason: '' }],
      facts: [
        buildFact('reproduction-steps', '3 steps'),
        buildFact('diff', 'a.c'),
        buildFact('code-block', 'text', '==1==ERROR: AddressSanitizer: heap-buffer-overflow'),
      ],
    });
    expect(strong.score).toBe(100);
    expect(strong.reasons).toContain('+30 verdict in-scope');
    expect(strong.reasons).toContain('+5 a crash or sanitizer trace');
    const weak = scorePriority({
      verdict: 'out-of-scope',
      severity: severity('none'),
      requirements: [{ name: 'impact', level: 'required', isPresent: false, reason: '' }],
      facts: [],
    });
    expect(weak.score).toBe(0);
  });

  it('counts completeness in proportion', () => {
    const half = scorePriority({
      verdict: 'needs-info',
      severity: severity('unknown'),
      requirements: [
        { name: 'impact', level: 'required', isPresent: true, reason: '' },
        { name: 'reproduction', level: 'required', isPresent: false, reason: '' },
      ],
      facts: [],
    });
    expect(half.reasons).toContain('+8 1 of 2 required items present');
  });

  it('sorts by score, keeping arrival order on ties', () => {
    const result = (score: number, source: string) =>
      ({ priority: { score, reasons: [] }, report: { source } }) as unknown as TriageResult;
    const ranked = rankQueue([result(10, 'a'), result(50, 'b'), result(10, 'c')]);
    expect(ranked.map((entry) => entry.report.source)).toEqual(['b', 'a', 'c']);
  });
});

describe('rankQueue with evidence', () => {
  const result = (score: number, source: string, grade: string | null) =>
    ({
      priority: { score, reasons: [] },
      report: { source },
      evidence: grade === null ? null : { grade },
    }) as unknown as TriageResult;

  it('sinks fabricated, then contradicted, reports below genuine ones of the same score', () => {
    const ranked = rankQueue([
      result(0, 'fabricated', 'fabricated'),
      result(0, 'contradicted', 'contradicted'),
      result(0, 'out-of-scope', null),
      result(12, 'in-scope', 'verified'),
      result(0, 'later out-of-scope', 'verified'),
    ]);
    expect(ranked.map((entry) => entry.report.source)).toEqual([
      'in-scope',
      'out-of-scope',
      'later out-of-scope',
      'contradicted',
      'fabricated',
    ]);
  });

  it('places a report the same way from its score, grade and arrival (the jsonl summary)', () => {
    const places = [
      placeInQueue(result(0, 'a', 'fabricated'), 1),
      placeInQueue(result(0, 'b', null), 2),
      placeInQueue(result(5, 'c', 'mixed'), 3),
    ];
    expect(places.sort(compareQueuePlaces).map((place) => place.arrival)).toEqual([3, 2, 1]);
  });
});
