import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLineLocator,
  findLastAtOrBefore,
  findLineAndColumn,
  indexLineStarts,
} from './locate-line.js';

/** The obvious answer: count the newlines before the offset. */
function countLineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - (lastNewline + 1) + 1 };
}

describe('findLastAtOrBefore', () => {
  it('finds the last entry at or before a value, -1 before the first', () => {
    expect(findLastAtOrBefore([0, 4, 9], 0)).toBe(0);
    expect(findLastAtOrBefore([0, 4, 9], 8)).toBe(1);
    expect(findLastAtOrBefore([0, 4, 9], 9)).toBe(2);
    expect(findLastAtOrBefore([0, 4, 9], 100)).toBe(2);
    expect(findLastAtOrBefore([3], 2)).toBe(-1);
    expect(findLastAtOrBefore([], 2)).toBe(-1);
  });
});

describe('line locating', () => {
  it('indexes line starts, stopping at `end`', () => {
    expect(indexLineStarts('a\nbc\n\nd')).toEqual([0, 2, 5, 6]);
    expect(indexLineStarts('a\nbc\n\nd', 4)).toEqual([0, 2]);
  });

  it('gives 1-based lines and columns, a newline belonging to its own line', () => {
    const text = 'ab\ncd\n';
    expect(findLineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(findLineAndColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(findLineAndColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(findLineAndColumn(text, 6)).toEqual({ line: 3, column: 1 });
    expect(createLineLocator(text)(2)).toBe(1);
    expect(createLineLocator(text)(3)).toBe(2);
  });

  it('agrees with counting newlines, for any text and offset (also past the end)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é', '😀') }),
        fc.nat(),
        (text, seed) => {
          const offset = seed % (text.length + 3);
          const expected = countLineAndColumn(text, offset);
          expect(findLineAndColumn(text, offset)).toEqual(expected);
          expect(createLineLocator(text)(offset)).toBe(expected.line);
        },
      ),
    );
  });
});
