import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPanicLocations } from './find-panic-locations.js';

describe('findPanicLocations', () => {
  it('reads the location of a panic as Rust 1.73 and later print it', () => {
    const text = [
      "thread 'tokio-runtime-worker' panicked at src/codec/frame.rs:412:17:",
      'attempt to add with overflow',
    ].join('\n');
    expect(findPanicLocations(text)).toEqual([
      {
        path: 'src/codec/frame.rs',
        fileName: 'frame.rs',
        line: 412,
        column: 17,
        start: 30,
        end: text.indexOf(':\n'),
      },
    ]);
  });

  it('reads the older form with the message first, and registry paths', () => {
    const old = "thread 'main' panicked at 'index out of bounds: the len is 3', src/lib.rs:10:5";
    expect(findPanicLocations(old).map((l) => [l.fileName, l.line, l.column])).toEqual([
      ['lib.rs', 10, 5],
    ]);
    const registry =
      "thread '<unnamed>' panicked at /home/ci/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tiny-3.1.0/src/Parse/Head.rs:7:1:";
    expect(findPanicLocations(registry)[0]).toMatchObject({ fileName: 'head.rs', line: 7 });
  });

  it('ignores prose about panics and locations without a column or outside Rust files', () => {
    expect(findPanicLocations('the server panicked at startup in src/main.rs')).toEqual([]);
    expect(findPanicLocations("thread 'main' panicked at src/main.rs:12")).toEqual([]);
    expect(findPanicLocations('panicked at src/main.c:12:3')).toEqual([]);
  });

  it('finds a location wherever it is embedded, and never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 1, max: 999 }),
        fc.string({ maxLength: 200 }),
        (before, line, column, after) => {
          const text = `${before}\nthread 'w' panicked at src/a/b.rs:${line}:${column}:\n${after}`;
          const found = findPanicLocations(text);
          return found.some((l) => l.fileName === 'b.rs' && l.line === line && l.column === column);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => Array.isArray(findPanicLocations(text))),
    );
  });
});
