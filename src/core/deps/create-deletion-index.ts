// A symmetric-delete index over names: each name sits under a hash of itself and of every form
// with one character deleted, so names one edit apart meet in a few integer look-ups.

/** Polynomial hash base; the hashes are kept in V8's small-integer range so maps stay fast. */
const base = 131;
const smallIntegerMask = 0x3fffffff;
/** Bits in the filter in front of the map: 2^21 bits (256 KiB), a few percent full. */
const filterBits = 1 << 21;

// Powers of the base, and scratch space for the hashes of one name, grown on demand: look-ups
// allocate nothing.
let powers = createPowers(64);
let prefix = new Int32Array(64);
let suffix = new Int32Array(64);
let keys = new Int32Array(192);

function createPowers(size: number): Int32Array {
  const table = new Int32Array(size);
  table[0] = 1;
  for (let at = 1; at < size; at += 1) table[at] = Math.imul(table[at - 1]!, base);
  return table;
}

/**
 * Fills `keys` with every hash a name is filed under or looked up by: itself and each
 * one-character deletion (and, with `withSwapAcrossOne`, each swap of two characters across a
 * third). Returns how many there are.
 */
function hashKeys(name: string, withSwapAcrossOne: boolean): number {
  const length = name.length;
  if (powers.length <= length) {
    powers = createPowers(2 * length + 2);
    prefix = new Int32Array(2 * length + 2);
    suffix = new Int32Array(2 * length + 2);
    keys = new Int32Array(6 * length + 6);
  }
  prefix[0] = 0;
  suffix[length] = 0;
  for (let at = 0; at < length; at += 1)
    prefix[at + 1] = (Math.imul(prefix[at]!, base) + name.charCodeAt(at)) | 0;
  // suffix[at]: the hash of name[at..] in place, each character weighted by base^(length-1-index).
  for (let at = length - 1; at >= 0; at -= 1)
    suffix[at] = (suffix[at + 1]! + Math.imul(name.charCodeAt(at), powers[length - 1 - at]!)) | 0;
  const whole = prefix[length]!;
  let count = 0;
  keys[count++] = whole & smallIntegerMask;
  for (let at = 0; at < length; at += 1) {
    // Deleting either of two equal neighbours gives the same form.
    if (at > 0 && name.charCodeAt(at) === name.charCodeAt(at - 1)) continue;
    const deleted = (Math.imul(prefix[at]!, powers[length - 1 - at]!) + suffix[at + 1]!) | 0;
    keys[count++] = deleted & smallIntegerMask;
  }
  if (withSwapAcrossOne) {
    // `uglyfi` for `uglify`: the name with the characters at `at` and `at + 2` exchanged.
    for (let at = 0; at + 2 < length; at += 1) {
      const first = name.charCodeAt(at);
      const third = name.charCodeAt(at + 2);
      if (first === third) continue;
      const change = Math.imul(third - first, powers[length - 1 - at]! - powers[length - 3 - at]!);
      keys[count++] = (whole + change) & smallIntegerMask;
    }
  }
  return count;
}

export interface DeletionIndex<T> {
  /**
   * Values whose names may be one insertion, omission, replacement or swap of neighbours from
   * `name` (and, with `withSwapAcrossOne`, two characters swapped across a third): a superset,
   * each to be confirmed by the caller.
   */
  listNear(name: string, withSwapAcrossOne: boolean): T[];
}

/** Fibonacci hashing spreads the polynomial hashes over the table's slots. */
function slotOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** `values[at]` is filed under `names[at]`: two arrays, so building allocates no pair per name. */
export function createDeletionIndex<T>(
  names: readonly string[],
  values: readonly T[],
): DeletionIndex<T> {
  let bound = 0;
  for (const name of names) bound += name.length + 1;
  // An open-addressing table of [hash, reference] pairs in one typed array, at most half full: a
  // look-up reads one cache line, where a Map of a few hundred thousand entries reads several.
  // A reference >= 0 is the index of the one value filed under the hash; ~reference indexes
  // `lists`, for the few hashes several values share.
  let bits = 4;
  while (1 << bits < 2 * bound) bits += 1;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const slots = new Int32Array(2 << bits).fill(-1);
  const lists: number[][] = [];
  // One bit per hash (in a table that fits a processor cache) answers most look-ups, all misses.
  const filled = new Uint32Array(filterBits / 32);
  let longest = 0;
  for (let item = 0; item < names.length; item += 1) {
    const name = names[item]!;
    longest = Math.max(longest, name.length);
    const count = hashKeys(name, false);
    for (let at = 0; at < count; at += 1) {
      const key = keys[at]!;
      filled[(key & (filterBits - 1)) >>> 5]! |= 1 << (key & 31);
      let slot = slotOf(key, shift);
      while (slots[2 * slot] !== -1 && slots[2 * slot] !== key) slot = (slot + 1) & mask;
      if (slots[2 * slot] === -1) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = item;
        continue;
      }
      const reference = slots[2 * slot + 1]!;
      if (reference === item) continue;
      if (reference >= 0) {
        slots[2 * slot + 1] = ~lists.length;
        lists.push([reference, item]);
        continue;
      }
      const list = lists[~reference]!;
      if (list[list.length - 1] !== item) list.push(item);
    }
  }
  return {
    listNear(name, withSwapAcrossOne) {
      // Nothing listed is within one edit of a name two characters longer than the longest.
      if (name.length > longest + 1) return [];
      const found: T[] = [];
      const count = hashKeys(name, withSwapAcrossOne);
      for (let at = 0; at < count; at += 1) {
        const key = keys[at]!;
        if ((filled[(key & (filterBits - 1)) >>> 5]! & (1 << (key & 31))) === 0) continue;
        let slot = slotOf(key, shift);
        while (slots[2 * slot] !== -1 && slots[2 * slot] !== key) slot = (slot + 1) & mask;
        if (slots[2 * slot] === -1) continue;
        const reference = slots[2 * slot + 1]!;
        if (reference >= 0) found.push(values[reference]!);
        else for (const item of lists[~reference]!) found.push(values[item]!);
      }
      return found;
    },
  };
}
