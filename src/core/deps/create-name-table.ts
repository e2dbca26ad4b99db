// A read-only set of names packed into typed arrays, for the membership test a lockfile makes for
// each of its thousands of dependencies. `hasEach` tests a batch in passes (hashes, slots,
// characters): the memory reads of one pass do not wait on each other, so they overlap, where a
// large Map's look-ups, one after another, each wait on several cache misses in turn.

import { hashFnv1a } from '../text/hash-fnv1a.js';

export interface NameTable {
  size: number;
  has(name: string): boolean;
  /** For each name, whether the table holds it. */
  hasEach(names: readonly string[]): boolean[];
}

/** The name's FNV-1a hash as a signed 32-bit integer, as the slots' Int32Array holds it. */
function hashName(name: string): number {
  return hashFnv1a(name) | 0;
}

export function createNameTable(names: readonly string[]): NameTable {
  const distinct = [...new Set(names)];
  // Each name as its length and then its characters, one after another: compared in place.
  let length = 0;
  for (const name of distinct) length += name.length + 1;
  const characters = new Uint16Array(length);
  let bits = 4;
  while (1 << bits < 2 * distinct.length) bits += 1;
  const mask = (1 << bits) - 1;
  // [hash, start in `characters` + 1] pairs (0: an empty slot), linear probing, at most half full.
  const slots = new Int32Array(2 << bits);
  let offset = 0;
  for (const name of distinct) {
    if (name.length > 0xffff) continue;
    characters[offset] = name.length;
    for (let at = 0; at < name.length; at += 1) characters[offset + 1 + at] = name.charCodeAt(at);
    const hash = hashName(name);
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = offset + 1;
    offset += name.length + 1;
  }
  const matches = (name: string, start: number): boolean => {
    if (characters[start] !== name.length) return false;
    for (let at = 0; at < name.length; at += 1)
      if (characters[start + 1 + at] !== name.charCodeAt(at)) return false;
    return true;
  };
  const has = (name: string): boolean => {
    const hash = hashName(name);
    for (let slot = hash & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask)
      if (slots[2 * slot] === hash && matches(name, slots[2 * slot + 1]! - 1)) return true;
    return false;
  };
  return {
    size: distinct.length,
    has,
    hasEach(queries) {
      const hashes = new Int32Array(queries.length);
      for (let at = 0; at < queries.length; at += 1) hashes[at] = hashName(queries[at]!);
      // The first slot of each: independent reads.
      const firstHash = new Int32Array(queries.length);
      for (let at = 0; at < queries.length; at += 1)
        firstHash[at] = slots[2 * (hashes[at]! & mask)]!;
      const found: boolean[] = new Array<boolean>(queries.length);
      for (let at = 0; at < queries.length; at += 1) {
        const slot = hashes[at]! & mask;
        const start = slots[2 * slot + 1]!;
        found[at] =
          start !== 0 && firstHash[at] === hashes[at] && matches(queries[at]!, start - 1)
            ? true
            : has(queries[at]!);
      }
      return found;
    },
  };
}
