import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormIndex } from './create-form-index.js';

describe('createFormIndex', () => {
  it('answers as a map from each form to the entries filed under it, in their order', () => {
    const forms = (name: string): string[] | string | null =>
      name.length === 0
        ? null
        : name.length % 2 === 0
          ? name.slice(0, 2)
          : [name[0]!, name.slice(-1)];
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 }), {
          maxLength: 60,
        }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 3 }),
        (names, query) => {
          const expected = new Map<string, number[]>();
          names.forEach((name, at) => {
            const filed = forms(name);
            for (const form of typeof filed === 'string' ? [filed] : (filed ?? [])) {
              const list = expected.get(form) ?? [];
              if (list.at(-1) !== at) list.push(at);
              expected.set(form, list);
            }
          });
          const index = createFormIndex(
            names.map((name, at) => ({ name, at })),
            ({ name }) => forms(name),
          );
          expect(index.get(query)?.map(({ at }) => at)).toEqual(expected.get(query));
        },
      ),
      { numRuns: 300 },
    );
  });
});
