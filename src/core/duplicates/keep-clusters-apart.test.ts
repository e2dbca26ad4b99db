import { describe, expect, it } from 'vitest';
import type { DuplicateCandidate } from '../model/duplicate.js';
import { keepClustersApart } from './keep-clusters-apart.js';

function candidate(id: string, fields: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return { id, kind: 'report', title: id, score: 0.5, isStrong: false, evidence: [], ...fields };
}

describe('keepClustersApart', () => {
  it('demotes a strong match whose own original is a different bug from the query', () => {
    const secondFinder = candidate('02', { score: 0.97, isStrong: true, evidence: ['text 0.19'] });
    const first = candidate('01', { score: 0.88, isDistinctBug: true });
    const [demoted, kept] = keepClustersApart([secondFinder, first], (id) =>
      id === '02' ? '01' : null,
    );
    expect(demoted?.isStrong).toBe(false);
    expect(demoted?.score).toBeLessThan(0.9);
    expect(demoted?.evidence).toContain(
      'a duplicate of 01, which is a different bug from this report',
    );
    expect(kept).toEqual(first);
  });

  it('keeps a strong match when its original is not known to differ, or it has none', () => {
    const secondFinder = candidate('02', { score: 0.97, isStrong: true });
    expect(
      keepClustersApart([secondFinder, candidate('01')], (id) => (id === '02' ? '01' : null)),
    ).toEqual([secondFinder, candidate('01')]);
    expect(keepClustersApart([secondFinder], () => null)).toEqual([secondFinder]);
    // The original is not among the candidates: nothing says it differs.
    expect(keepClustersApart([secondFinder], () => '01')).toEqual([secondFinder]);
  });
});
