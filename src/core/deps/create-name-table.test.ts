import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNameTable } from './create-name-table.js';

// A small alphabet makes shared prefixes and equal hashes' neighbours common; the wide one reaches
// surrogates, look-alikes and the empty name.
const narrowName = fc.string({ unit: fc.constantFrom('a', 'b', '-', '@', '/'), maxLength: 8 });
const wideName = fc.string({ unit: 'grapheme', maxLength: 12 });

describe('createNameTable', () => {
  it.each([
    ['narrow', narrowName],
    ['wide', wideName],
  ])('answers as a Set of the same names would, one by one and in a batch: %s', (_, name) => {
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 60 }),
        fc.array(name, { maxLength: 30 }),
        (names, queries) => {
          const table = createNameTable(names);
          const set = new Set(names);
          const asked = [...queries, ...names.slice(0, 10)];
          expect(table.size).toBe(set.size);
          expect(asked.map((query) => table.has(query))).toEqual(
            asked.map((query) => set.has(query)),
          );
          expect(table.hasEach(asked)).toEqual(asked.map((query) => set.has(query)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells apart names of equal length and shared letters, and holds many names', () => {
    const names = Array.from({ length: 5000 }, (_, at) => `pkg-${at.toString(36)}`);
    const table = createNameTable(names);
    expect(table.hasEach(['pkg-0', 'pkg-3v', 'pkg-zzz', 'lodash', 'pkg-', ''])).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(createNameTable(['']).has('')).toBe(true);
    expect(createNameTable(['Lodash']).has('lodash')).toBe(false);
  });
});
