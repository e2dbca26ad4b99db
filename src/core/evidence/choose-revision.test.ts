import { describe, expect, it } from 'vitest';
import type { CodeClaim } from '../model/evidence.js';
import { chooseRevision } from './choose-revision.js';

function revisions(...texts: string[]): CodeClaim[] {
  return texts.map((text, index) => ({
    kind: 'revision',
    text,
    span: { start: index * 10, end: index * 10 + 5, line: 1 },
  }));
}

const tags = ['v2.3.0', 'v2.4.0', 'v2.4.1', 'v2.5.0', 'tinyhttpd-1.0.0', 'v3.0.0-rc1'];

describe('chooseRevision', () => {
  it('names nothing when the report names no revision', () => {
    expect(chooseRevision([], tags)).toEqual({ requested: null, candidates: [] });
    const file: CodeClaim = {
      kind: 'file',
      text: 'src/x.c',
      path: 'src/x.c',
      span: { start: 0, end: 7, line: 1 },
    };
    expect(chooseRevision([file], tags)).toEqual({ requested: null, candidates: [] });
  });

  it('takes a commit first, then a verbatim tag, then versions', () => {
    expect(chooseRevision(revisions('2.4.1', '9cbfe00'), tags)).toEqual({
      requested: '9cbfe00',
      candidates: ['9cbfe00', 'v2.4.1'],
    });
    expect(chooseRevision(revisions('2.4.0', 'v2.4.1'), tags)).toEqual({
      requested: 'v2.4.1',
      candidates: ['v2.4.1', 'v2.4.0'],
    });
  });

  it('maps a version onto the tag naming the project uses', () => {
    expect(chooseRevision(revisions('2.4.1'), tags).candidates).toEqual(['v2.4.1']);
    expect(chooseRevision(revisions('1.0.0'), tags).candidates).toEqual(['tinyhttpd-1.0.0']);
    expect(chooseRevision(revisions('2.4.1'), ['2.4.1', 'release-2.4.1']).candidates).toEqual([
      '2.4.1',
      'release-2.4.1',
    ]);
    expect(chooseRevision(revisions('2.4.1'), ['rel_2_4_1']).candidates).toEqual(['rel_2_4_1']);
    expect(chooseRevision(revisions('tinyhttpd-2.4.1'), ['v2.4.1']).candidates).toEqual(['v2.4.1']);
  });

  it('proposes conventional names when the tag list is unknown', () => {
    expect(chooseRevision(revisions('2.4.1'), []).candidates).toEqual([
      'v2.4.1',
      '2.4.1',
      'release-2.4.1',
      'rel_2_4_1',
      'release_2_4_1',
      'rel-2.4.1',
    ]);
  });

  it('takes the upper bound of a range; below an exclusive bound, the newest older tag', () => {
    expect(chooseRevision(revisions('<=2.4.1'), tags)).toEqual({
      requested: '<=2.4.1',
      candidates: ['v2.4.1'],
    });
    expect(chooseRevision(revisions('>=2.0.0 <=2.4.1'), tags).candidates).toEqual(['v2.4.1']);
    expect(chooseRevision(revisions('<2.5.0'), tags).candidates).toEqual(['v2.4.1']);
    expect(chooseRevision(revisions('2.x'), tags).candidates).toEqual(['v2.5.0']);
  });

  it('prefers an exact version to a range and keeps the others as fallbacks', () => {
    expect(chooseRevision(revisions('<2.5.0', '2.4.0'), tags)).toEqual({
      requested: '2.4.0',
      candidates: ['v2.4.0', 'v2.4.1'],
    });
  });

  it('keeps the requested revision when no tag matches, so the caller can say so', () => {
    expect(chooseRevision(revisions('9.9.9'), tags)).toEqual({
      requested: '9.9.9',
      candidates: [],
    });
  });
});
