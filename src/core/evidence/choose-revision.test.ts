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
    expect(chooseRevision([], tags)).toMatchObject({
      requested: null,
      candidates: [],
      nearestOlder: null,
    });
    const file: CodeClaim = {
      kind: 'file',
      text: 'src/x.c',
      path: 'src/x.c',
      span: { start: 0, end: 7, line: 1 },
    };
    expect(chooseRevision([file], tags)).toMatchObject({
      requested: null,
      candidates: [],
      nearestOlder: null,
    });
  });

  it('takes a commit first, then a verbatim tag, then versions', () => {
    expect(chooseRevision(revisions('2.4.1', '9cbfe00'), tags)).toMatchObject({
      requested: '9cbfe00',
      candidates: ['9cbfe00', 'v2.4.1'],
    });
    expect(chooseRevision(revisions('2.4.0', 'v2.4.1'), tags)).toMatchObject({
      requested: 'v2.4.1',
      candidates: ['v2.4.1', 'v2.4.0'],
    });
  });

  it('keeps the order of bare versions when old tags lack the `v` newer ones carry', () => {
    // The project's version comes first; a library it bundles is at 2.0.0, an old tag's name.
    const mixed = ['0.9.0', '2.0.0', 'v3.2.0', 'v3.3.0'];
    expect(chooseRevision(revisions('3.2.0', '2.0.0'), mixed)).toMatchObject({
      requested: '3.2.0',
      candidates: ['v3.2.0', '2.0.0'],
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
      'REL_2_4_1',
    ]);
  });

  it('takes the upper bound of a range; below an exclusive bound, the newest older tag', () => {
    expect(chooseRevision(revisions('<=2.4.1'), tags)).toMatchObject({
      requested: '<=2.4.1',
      candidates: ['v2.4.1'],
    });
    expect(chooseRevision(revisions('>=2.0.0 <=2.4.1'), tags).candidates).toEqual(['v2.4.1']);
    expect(chooseRevision(revisions('<2.5.0'), tags).candidates).toEqual(['v2.4.1']);
    expect(chooseRevision(revisions('2.x'), tags).candidates).toEqual(['v2.5.0']);
  });

  it('prefers an exact version to a range and keeps the others as fallbacks', () => {
    expect(chooseRevision(revisions('<2.5.0', '2.4.0'), tags)).toMatchObject({
      requested: '2.4.0',
      candidates: ['v2.4.0', 'v2.4.1'],
    });
  });

  it('keeps the requested revision when no tag matches and proposes the nearest older release', () => {
    expect(chooseRevision(revisions('9.9.9'), tags)).toMatchObject({
      requested: '9.9.9',
      candidates: [],
      nearestOlder: { tag: 'v2.5.0', version: '9.9.9', isNewerThanEveryTag: true },
    });
    expect(chooseRevision(revisions('2.4.5'), tags).nearestOlder).toEqual({
      tag: 'v2.4.1',
      version: '2.4.5',
      isNewerThanEveryTag: false,
    });
    expect(chooseRevision(revisions('1.0.0-beta'), ['v2.0.0']).nearestOlder).toBeNull();
  });

  it('learns the tag convention and never maps a version onto the tail of a longer one', () => {
    const curlLike = ['proj-7_88_1', 'proj-8_1_0', 'proj-8_2_1', 'proj-8_21_0', 'proj-8_12_1'];
    expect(chooseRevision(revisions('8.2.1'), curlLike).candidates).toEqual(['proj-8_2_1']);
    expect(chooseRevision(revisions('2.1'), curlLike).candidates).toEqual([]);
    expect(chooseRevision(revisions('8.21.0'), curlLike).candidates).toEqual(['proj-8_21_0']);
    expect(chooseRevision(revisions('8.1'), curlLike).candidates).toEqual(['proj-8_1_0']);
    expect(chooseRevision(revisions('8.3.0'), curlLike)).toMatchObject({
      candidates: [],
      convention: { pattern: 'proj-{major}_{minor}_{patch}' },
      nearestOlder: { tag: 'proj-8_2_1' },
    });
    const expat = ['R_2_6_2', 'R_2_6_3', 'R_2_7_0', 'REC1_0', 'start'];
    expect(chooseRevision(revisions('2.6.3'), expat).candidates).toEqual(['R_2_6_3']);
    expect(chooseRevision(revisions('<2.7.0'), expat).candidates).toEqual(['R_2_6_3']);
  });
});
