import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashFnv1a } from './hash-fnv1a.js';

describe('hashFnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    expect(hashFnv1a('')).toBe(0x811c9dc5);
    expect(hashFnv1a('a')).toBe(0xe40c292c);
    expect(hashFnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is an unsigned 32-bit integer for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const hash = hashFnv1a(text);
        expect(Number.isInteger(hash) && hash >= 0 && hash <= 0xffffffff).toBe(true);
      }),
    );
  });
});
