// The code cache file's header and the bundle's build line are read from files on disk: any
// bytes must give the payload only when the header vouches for it, and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCodeCache, encodeCodeCache, readBundleBuild } from './load-cli-bundle.js';

describe('code cache files', () => {
  it('give back the payload they were made from', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (payload) => {
        expect(decodeCodeCache(encodeCodeCache(payload))).toEqual(Buffer.from(payload));
      }),
    );
  });

  it('give nothing once a byte of the file changes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (payload, position, change) => {
          const file = encodeCodeCache(payload);
          file[position % file.length]! ^= change;
          expect(decodeCodeCache(file)).toBeUndefined();
        },
      ),
    );
  });

  it('read any bytes, at any offset, without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(7), (bytes, offset) => {
        const shifted = new Uint8Array(bytes.length + offset);
        shifted.set(bytes, offset);
        const decoded = decodeCodeCache(shifted.subarray(offset));
        if (decoded !== undefined) expect(encodeCodeCache(decoded)).toEqual(Buffer.from(bytes));
      }),
    );
  });
});

describe('readBundleBuild', () => {
  it('reads the build named on the first line', () => {
    expect(readBundleBuild('// thresher-bundle 0123456789abcdef0123\n"use strict";')).toBe(
      '0123456789abcdef0123',
    );
  });

  it('gives null for a bundle that names no build, whatever its text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const build = readBundleBuild(text);
        if (build !== null) expect(build).toMatch(/^[0-9a-f]{16,64}$/);
      }),
    );
    expect(readBundleBuild('// thresher-bundle ../../etc\n')).toBeNull();
    expect(readBundleBuild('"use strict";')).toBeNull();
  });
});
