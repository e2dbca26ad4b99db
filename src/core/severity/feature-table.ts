// The model's vocabulary as the model file holds it: every feature in one string, the offset of
// each, and an open-addressing hash table of columns, so a loaded model looks features up without
// building a Map of tens of thousands of strings.

import { hashFnv1a } from '../text/hash-fnv1a.js';

/** A power of two at least twice the feature count, so linear probes stay short. */
export function countHashSlots(featureCount: number): number {
  let slots = 1;
  while (slots < featureCount * 2) slots *= 2;
  return slots;
}

/** The hash table over `features`: each slot holds its column + 1, or 0 when empty. */
export function buildFeatureHashSlots(features: readonly string[]): Uint32Array {
  const slots = new Uint32Array(countHashSlots(features.length));
  const mask = slots.length - 1;
  features.forEach((feature, column) => {
    let slot = hashFnv1a(feature) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = column + 1;
  });
  return slots;
}

/** Feature string to column, read in place from the file's string table and hash table. */
export class FeatureTable implements ReadonlyMap<string, number> {
  readonly #text: string;
  readonly #offsets: Uint32Array;
  readonly #slots: Uint32Array;

  /** `offsets` has one entry per feature plus the end; `slots` comes from buildFeatureHashSlots. */
  constructor(text: string, offsets: Uint32Array, slots: Uint32Array) {
    this.#text = text;
    this.#offsets = offsets;
    this.#slots = slots;
  }

  get size(): number {
    return this.#offsets.length - 1;
  }

  get(feature: string): number | undefined {
    const slots = this.#slots;
    const offsets = this.#offsets;
    const mask = slots.length - 1;
    let slot = hashFnv1a(feature) & mask;
    // At most one pass over the table, so a damaged table cannot loop forever.
    for (let probe = 0; probe < slots.length; probe += 1) {
      const entry = slots[slot]!;
      if (entry === 0 || entry >= offsets.length) return undefined;
      const column = entry - 1;
      const start = offsets[column]!;
      if (
        offsets[column + 1]! - start === feature.length &&
        this.#text.startsWith(feature, start)
      ) {
        return column;
      }
      slot = (slot + 1) & mask;
    }
    return undefined;
  }

  has(feature: string): boolean {
    return this.get(feature) !== undefined;
  }

  /** The feature of a column. */
  featureAt(column: number): string {
    return this.#text.slice(this.#offsets[column], this.#offsets[column + 1]);
  }

  #listEntries(): Array<[string, number]> {
    return Array.from({ length: this.size }, (_, column) => [this.featureAt(column), column]);
  }

  entries(): MapIterator<[string, number]> {
    return this.#listEntries().values();
  }

  keys(): MapIterator<string> {
    return Array.from({ length: this.size }, (_, column) => this.featureAt(column)).values();
  }

  values(): MapIterator<number> {
    return Array.from({ length: this.size }, (_, column) => column).values();
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArgument?: unknown,
  ): void {
    for (const [feature, column] of this.#listEntries())
      callback.call(thisArgument, column, feature, this);
  }
}
