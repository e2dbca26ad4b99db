import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvalidUtf8 } from './find-invalid-utf8.js';

describe('findInvalidUtf8', () => {
  it('finds where the first ill-formed sequence starts', () => {
    expect(findInvalidUtf8(new TextEncoder().encode('héllo 🐛'))).toBeNull();
    expect(findInvalidUtf8(Uint8Array.of(0x61, 0xff))).toBe(1);
    expect(findInvalidUtf8(Uint8Array.of(0x61, 0xe9, 0x62))).toBe(1);
    expect(findInvalidUtf8(Uint8Array.of(0xc0, 0x80))).toBe(0); // overlong
    expect(findInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(findInvalidUtf8(Uint8Array.of(0x61, 0xf0, 0x9f))).toBe(1); // truncated
  });

  it('agrees with the fatal TextDecoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let isValid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          isValid = false;
        }
        expect(findInvalidUtf8(bytes) === null).toBe(isValid);
      }),
    );
  });
});
