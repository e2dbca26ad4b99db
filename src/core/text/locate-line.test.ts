import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLineBounds,
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

describe('createLineBounds', () => {
  it('gives the line holding an offset, its newline belonging to it', () => {
    const lineAt = createLineBounds('ab\ncd\n\nef');
    expect(lineAt(0)).toEqual({ start: 0, end: 2 });
    expect(lineAt(2)).toEqual({ start: 0, end: 2 });
    expect(lineAt(4)).toEqual({ start: 3, end: 5 });
    expect(lineAt(6)).toEqual({ start: 6, end: 6 });
    expect(lineAt(8)).toEqual({ start: 7, end: 9 });
  });

  it('agrees with searching back and forth for newlines, for any text and offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'b') }), fc.nat(), (text, seed) => {
        const offset = text.length === 0 ? 0 : (seed % text.length) + 1;
        const from = Math.min(offset, text.length);
        const newline = text.indexOf('\n', from);
        const expected = {
          start: from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1,
          end: newline === -1 ? text.length : newline,
        };
        expect(createLineBounds(text)(from)).toEqual(expected);
      }),
    );
  });
});
