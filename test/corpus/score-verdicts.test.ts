// How a triage result is scored against an expected verdict.
import { describe, expect, it } from 'vitest';
import type { ExpectedVerdict } from './read-corpus.js';
import {
  compareVerdict,
  describeMiss,
  formatRatio,
  summariseAccuracy,
  type TriagedReport,
} from './score-verdicts.js';

const inScope: ExpectedVerdict = {
  disposition: 'in-scope',
  rules: ['IN-LIB'],
  severity: 'high',
  reason: 'a heap overflow reached by the document',
};

function triaged(overrides: Partial<TriagedReport> = {}): TriagedReport {
  return {
    verdict: 'in-scope',
    rules: ['IN-LIB'],
    missing: [],
    duplicateOf: null,
    severity: 'high',
    ...overrides,
  };
}

describe('compareVerdict', () => {
  it('counts a matching disposition and rule set, in any order', () => {
    const comparison = compareVerdict(
      '01.md',
      { ...inScope, rules: ['B', 'A'] },
      triaged({ rules: ['A', 'B'] }),
    );
    expect(comparison.isVerdictCorrect).toBe(true);
    expect(comparison.isRulesCorrect).toBe(true);
    expect(describeMiss(comparison)).toBe('');
  });

  it('needs the right earlier report for a duplicate', () => {
    const expected: ExpectedVerdict = {
      disposition: 'duplicate',
      duplicateOf: '02.txt',
      severity: 'high',
      reason: 'second finder of the dtdCopy overflow',
    };
    const wrong = compareVerdict(
      '04.txt',
      expected,
      triaged({ verdict: 'duplicate', duplicateOf: '01.md' }),
    );
    expect(wrong.isVerdictCorrect).toBe(false);
    expect(describeMiss(wrong)).toBe('verdict duplicate of 02.txt -> duplicate of 01.md');
    expect(
      compareVerdict('04.txt', expected, triaged({ verdict: 'duplicate', duplicateOf: '02.txt' }))
        .isVerdictCorrect,
    ).toBe(true);
  });

  it('checks rules and missing items only when the expectation names them', () => {
    const needsInfo: ExpectedVerdict = {
      disposition: 'needs-info',
      missing: ['impact', 'reproduction'],
      severity: 'unknown',
      reason: 'asks about a bounty and nothing else',
    };
    const comparison = compareVerdict(
      '08.eml',
      needsInfo,
      triaged({ verdict: 'needs-info', rules: ['X'], missing: ['impact'] }),
    );
    expect(comparison.isRulesCorrect).toBeNull();
    expect(comparison.isMissingCorrect).toBe(false);
    expect(describeMiss(comparison)).toBe('missing [impact, reproduction] -> [impact]');
  });

  it('counts a report that could not be read as a miss with its reason', () => {
    const comparison = compareVerdict('x.json', inScope, null, 'unrecognised JSON report');
    expect(comparison.isVerdictCorrect).toBe(false);
    expect(comparison.isRulesCorrect).toBe(false);
    expect(describeMiss(comparison)).toBe('not triaged: unrecognised JSON report');
  });

  it('sums up comparisons', () => {
    const summary = summariseAccuracy([
      compareVerdict('a', inScope, triaged()),
      compareVerdict('b', inScope, triaged({ verdict: 'needs-info', rules: [] })),
    ]);
    expect(summary).toEqual({
      reports: 2,
      verdictsCorrect: 1,
      rulesChecked: 2,
      rulesCorrect: 1,
      missingChecked: 0,
      missingCorrect: 0,
      severityCorrect: 2,
    });
    expect(formatRatio(1, 2)).toBe('1/2 (50.0%)');
    expect(formatRatio(0, 0)).toBe('0/0 (n/a)');
  });
});
