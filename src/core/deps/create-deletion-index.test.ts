import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDeletionIndex } from './create-deletion-index.js';
import { isNearMiss } from './describe-one-edit.js';

// A small alphabet makes near names common; the wide one reaches surrogates and look-alikes.
const narrowName = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 9 });
const wideName = fc.string({ unit: 'grapheme', maxLength: 12 });

describe('createDeletionIndex', () => {
  it.each([
    ['narrow', narrowName],
    ['wide', wideName],
  ])('finds every name one edit (or one swap across a third) away: %s alphabet', (_, name) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { maxLength: 40 }),
        name,
        fc.boolean(),
        (names, query, swap) => {
          const index = createDeletionIndex(names, names);
          const found = new Set(index.listNear(query, swap));
          for (const each of names)
            if (each === query || isNearMiss(query, each, swap)) expect(found).toContain(each);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds nothing for names far longer than any indexed one, and copes with long input', () => {
    const index = createDeletionIndex(['lodash'], [1]);
    expect(index.listNear('lodashx', false)).toEqual([1]);
    expect(index.listNear('lodash'.repeat(10_000), true)).toEqual([]);
    const long = createDeletionIndex(['x'.repeat(5000)], [2]);
    expect(long.listNear(`${'x'.repeat(4999)}y`, true)).toEqual([2]);
  });
});
