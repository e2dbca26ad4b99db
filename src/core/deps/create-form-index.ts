// Entries filed under forms of their names (skeleton, affix-free cores, sorted tokens), held in
// typed and packed integer arrays: no map entry, array or retained string per form, so building
// the index for 50,000 names leaves little for the garbage collector. A look-up follows the
// hashes and confirms each candidate by computing its forms again.

import { hashFnv1a } from '../text/hash-fnv1a.js';

export interface FormIndex<T> {
  /** The entries filed under `form`, in the order they were given; undefined when none. */
  get(form: string): T[] | undefined;
}

type Forms = readonly string[] | string | null;

export function createFormIndex<T>(
  entries: readonly T[],
  formsOf: (entry: T) => Forms,
): FormIndex<T> {
  let bits = 4;
  while (1 << bits < 2 * entries.length) bits += 1;
  const mask = (1 << bits) - 1;
  // heads[bucket]: 1 + the last filing in the bucket (0: none); each filing is its hash, its
  // entry and 1 + the filing before it in the bucket.
  const heads = new Int32Array(1 << bits);
  const hashes: number[] = [];
  const items: number[] = [];
  const previous: number[] = [];
  const file = (form: string, item: number) => {
    const hash = hashFnv1a(form) | 0;
    const bucket = hash & mask;
    hashes.push(hash);
    items.push(item);
    previous.push(heads[bucket]!);
    heads[bucket] = hashes.length;
  };
  for (let item = 0; item < entries.length; item += 1) {
    const forms = formsOf(entries[item]!);
    if (typeof forms === 'string') file(forms, item);
    else if (forms !== null) for (const form of forms) file(form, item);
  }
  const isFiledUnder = (entry: T, form: string): boolean => {
    const forms = formsOf(entry);
    return typeof forms === 'string' ? forms === form : forms !== null && forms.includes(form);
  };
  return {
    get(form) {
      const hash = hashFnv1a(form) | 0;
      let found: T[] | undefined;
      for (let at = heads[hash & mask]!; at !== 0; at = previous[at - 1]!) {
        if (hashes[at - 1] !== hash) continue;
        const entry = entries[items[at - 1]!]!;
        if (!isFiledUnder(entry, form)) continue;
        // The bucket holds the latest filings first; an entry filed twice under one hash once.
        if (found === undefined) found = [entry];
        else if (found[found.length - 1] !== entry) found.push(entry);
      }
      return found?.reverse();
    },
  };
}
