import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backgroundTermCounts } from './background-vocabulary-data.js';
import { readBackgroundVocabulary, searchTermCount } from './background-vocabulary.js';

/** What the vocabulary answered before it searched in place: every entry split into a Map. */
function countsByTerm(entries: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries.split(',')) {
    const colon = entry.lastIndexOf(':');
    counts.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
  }
  return counts;
}

const shipped = countsByTerm(backgroundTermCounts);

describe('the background vocabulary searched in place', () => {
  it('finds every shipped term with its count', () => {
    const vocabulary = readBackgroundVocabulary();
    for (const [term, count] of shipped) expect(vocabulary.countOf(term)).toBe(count);
  });

  it('answers 0 for terms it does not hold, next to ones it does', () => {
    const terms = [...shipped.keys()];
    const near = fc.oneof(
      fc.string(),
      fc.constantFrom(...terms).chain((term) =>
        fc.oneof(
          fc.constant(term.slice(0, -1)),
          fc.string({ maxLength: 2 }).map((tail) => `${term}${tail}`),
          fc.string({ maxLength: 2 }).map((head) => `${head}${term}`),
        ),
      ),
    );
    fc.assert(
      fc.property(near, (term) => {
        expect(readBackgroundVocabulary().countOf(term)).toBe(shipped.get(term) ?? 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a Map of the entries for any sorted list of terms', () => {
    const term = fc.stringMatching(/^[^,:]{1,6}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(term, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(999), { minLength: 40, maxLength: 40 }),
        fc.array(term, { maxLength: 20 }),
        (terms, counts, probes) => {
          const sorted = [...terms].sort((a, b) => (a < b ? -1 : 1));
          const entries = sorted.map((name, index) => `${name}:${counts[index]!}`).join(',');
          const expected = countsByTerm(entries);
          for (const probe of [...sorted, ...probes])
            expect(searchTermCount(entries, probe)).toBe(expected.get(probe) ?? 0);
        },
      ),
    );
  });
});
