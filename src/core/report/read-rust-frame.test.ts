import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRustFrameSymbol } from './read-rust-frame.js';

describe('readRustFrameSymbol', () => {
  it('drops generic arguments, the trait of an implementation, closures and the hash', () => {
    expect(readRustFrameSymbol('tinyhttp::io::Buffered<T,B>::read_head')).toBe(
      'tinyhttp::io::Buffered::read_head',
    );
    expect(
      readRustFrameSymbol('<tinyhttp::role::Server as tinyhttp::role::Transaction>::parse'),
    ).toBe('tinyhttp::role::Server::parse');
    expect(
      readRustFrameSymbol('tinyhttp::conn::Conn<I,B,T>::poll::{{closure}}::h0123456789abcdef'),
    ).toBe('tinyhttp::conn::Conn::poll');
    expect(readRustFrameSymbol('<alloc::vec::Vec<u8> as tinyhttp::Buf>::chunk')).toBeNull();
  });

  it("gives null for Rust's runtime and for text that is no path", () => {
    expect(readRustFrameSymbol('core::panicking::panic_fmt')).toBeNull();
    expect(readRustFrameSymbol('std::panicking::begin_panic_handler::{{closure}}')).toBeNull();
    expect(readRustFrameSymbol('rust_begin_unwind')).toBeNull();
    expect(readRustFrameSymbol('main')).toBeNull();
    expect(readRustFrameSymbol('<unclosed as X')).toBeNull();
    expect(readRustFrameSymbol('a::b>::c')).toBeNull();
  });

  it('keeps a plain path as it is, and never throws', () => {
    const segment = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 2, maxLength: 6 }), (segments) => {
        const path = ['mycrate', ...segments].join('::');
        expect(readRustFrameSymbol(path)).toBe(path);
        expect(readRustFrameSymbol(`${path}<T, Vec<u8>>`)).toBe(path);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const read = readRustFrameSymbol(text);
        expect(read === null || /^\w+(?:::\w+)+$/.test(read)).toBe(true);
      }),
    );
  });
});
