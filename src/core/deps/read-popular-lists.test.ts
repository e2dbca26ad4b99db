import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinNpmLists, parsePopularList } from './read-popular-lists.js';

describe('parsePopularList', () => {
  it('reads rank, name and downloads after the header, and skips lines it cannot read', () => {
    expect(
      parsePopularList(
        'rank\tpackage\tdownloads_30d\n1\tlodash\t450\n2\tdebug\n\nx\tbad\t1\n3\tsemver\tmany\r\n4\t\t9\n',
      ),
    ).toEqual([
      { name: 'lodash', rank: 1, downloads: 450 },
      { name: 'debug', rank: 2 },
      { name: 'semver', rank: 3 },
    ]);
  });

  it('never throws, and every package it reads has a name and a whole rank', () => {
    const piece = fc.oneof(
      fc.constantFrom('\t', '\n', '\r\n', '1', '42', 'name', ' '),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        for (const entry of parsePopularList(pieces.join(''))) {
          expect(entry.name).not.toBe('');
          expect(Number.isInteger(entry.rank)).toBe(true);
        }
      }),
    );
  });
});

describe('joinNpmLists', () => {
  it('keeps the most downloaded in their order and appends the high-impact names they leave out', () => {
    const joined = joinNpmLists(
      [
        { name: 'semver', rank: 1, downloads: 900 },
        { name: 'debug', rank: 2, downloads: 800 },
      ],
      ['debug', 'left-pad', 'semver', 'is-odd', 'left-pad'],
    );
    expect(joined).toEqual([
      { name: 'semver', rank: 1, downloads: 900 },
      { name: 'debug', rank: 2, downloads: 800 },
      { name: 'left-pad', rank: 3 },
      { name: 'is-odd', rank: 4 },
    ]);
  });
});
