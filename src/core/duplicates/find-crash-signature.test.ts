import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeCrashConflict,
  findCrashSignature,
  findSharedRuntimePanics,
} from './find-crash-signature.js';

const writeTrace = [
  '==7731==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x61d000004a80 at pc 0x7f5e',
  'WRITE of size 4 at 0x61d000004a80 thread T0',
  '    #0 0x7f5e21a2 in __asan_memcpy asan_interceptors_memintrinsics.cpp:63',
  '    #1 0x7f5e21a2 in decode_block src/lib/block.c:1795',
  '    #2 0x7f5e2b90 in decode_all src/lib/block.c:1960',
].join('\n');
const readTrace = [
  '==50218==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000c1c',
  'READ of size 4 at 0x602000000c1c thread T0',
  '    #0 0x1040a1 in decode_block src/lib/block.c:1702',
].join('\n');

describe('findCrashSignature', () => {
  it('reads the access and the first frame in the project after the sanitizer error line', () => {
    expect(findCrashSignature('Crash in the block decoder', writeTrace)).toEqual({
      accesses: ['write'],
      runtimePanics: [],
      site: { functionName: 'decode_block', fileName: 'block.c', line: 1795 },
    });
    expect(findCrashSignature('', readTrace).site?.line).toBe(1702);
  });

  it('reads frames printed without an address, and the access a title names', () => {
    const text =
      'ERROR: AddressSanitizer: heap-buffer-overflow\n    #0 sycc422_to_rgb src/bin/common/color.c:205';
    expect(findCrashSignature('Heap over-read in the colour conversion', text)).toEqual({
      accesses: ['read'],
      runtimePanics: [],
      site: { functionName: 'sycc422_to_rgb', fileName: 'color.c', line: 205 },
    });
    expect(findCrashSignature('Out-of-bounds write in the packer', '').accesses).toEqual(['write']);
    const withIn =
      'ERROR: AddressSanitizer: heap-buffer-overflow\n    #0 in decode_block src/lib/block.c:96';
    expect(findCrashSignature('', withIn).site).toEqual({
      functionName: 'decode_block',
      fileName: 'block.c',
      line: 96,
    });
  });

  it('takes no site from a debugger backtrace or prose without a sanitizer report', () => {
    const backtrace = '(gdb) bt\n#0  seek_stream src/io.c:590\n#1  read_header src/parse.c:9936';
    expect(findCrashSignature('Endless loop', backtrace).site).toBeNull();
    // Prose "read" is not the sanitizer's upper-case access line.
    expect(findCrashSignature('', 'the decoder may read or write a byte').accesses).toEqual([]);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 600 }), (title, text) => {
        const signature = findCrashSignature(title, `${text}\nAddressSanitizer: x\n#0 ${text}`);
        expect(Array.isArray(signature.accesses)).toBe(true);
      }),
    );
  });
});

describe('describeCrashConflict', () => {
  const write = findCrashSignature('', writeTrace);
  const read = findCrashSignature('', readTrace);

  it('tells a read from a write', () => {
    expect(describeCrashConflict(read, write, false)).toBe('a read against a write');
  });

  it('tells two lines of one function apart only on the same version', () => {
    const otherLine = { accesses: [], runtimePanics: [], site: { ...write.site!, line: 1702 } };
    const sameAccess = { accesses: [], runtimePanics: [], site: write.site };
    expect(describeCrashConflict(otherLine, sameAccess, true)).toBe(
      'crashes at block.c:1702 / block.c:1795',
    );
    expect(describeCrashConflict(otherLine, sameAccess, false)).toBeNull();
    expect(describeCrashConflict(sameAccess, sameAccess, true)).toBeNull();
  });

  it('tells two functions of one file apart, and says nothing across files or without sites', () => {
    const otherFunction = {
      accesses: [],
      runtimePanics: [],
      site: { ...write.site!, functionName: 'decode_all' },
    };
    expect(
      describeCrashConflict(
        otherFunction,
        { accesses: [], runtimePanics: [], site: write.site },
        false,
      ),
    ).toBe('crashes in decode_all / decode_block (block.c)');
    const otherFile = {
      accesses: [],
      runtimePanics: [],
      site: { ...write.site!, fileName: 'other.c' },
    };
    expect(
      describeCrashConflict(otherFile, { accesses: [], runtimePanics: [], site: write.site }, true),
    ).toBeNull();
    expect(
      describeCrashConflict({ accesses: [], runtimePanics: [], site: null }, write, true),
    ).toBeNull();
  });

  it('is symmetric in whether it finds a conflict', () => {
    const arbitrarySignature = fc.record({
      accesses: fc.subarray(['read', 'write'] as const),
      runtimePanics: fc.subarray(['index out of range [5] with length 3']),
      site: fc.option(
        fc.record({
          functionName: fc.constantFrom('a', 'b'),
          fileName: fc.constantFrom('x.c', 'y.c'),
          line: fc.integer({ min: 1, max: 3 }),
        }),
      ),
    });
    fc.assert(
      fc.property(arbitrarySignature, arbitrarySignature, fc.boolean(), (a, b, same) => {
        expect(describeCrashConflict(a, b, same) === null).toBe(
          describeCrashConflict(b, a, same) === null,
        );
      }),
    );
  });
});

describe('Go runtime panics', () => {
  const panicText = (numbers: string): string =>
    [
      'panic: runtime error: index out of range ' + numbers,
      '',
      'goroutine 9 [running]:',
      'example.org/kv/store.decodeKey(...)',
      '\t/src/kv/store/key.go:41 +0x1c5',
    ].join('\n');

  it('reads the runtime error with its numbers, and the slice form', () => {
    expect(findCrashSignature('', panicText('[5] with length 3')).runtimePanics).toEqual([
      'index out of range [5] with length 3',
    ]);
    expect(
      findCrashSignature(
        '',
        'panic: runtime error: slice bounds out of range [:12] with capacity 8',
      ).runtimePanics,
    ).toEqual(['slice bounds out of range [:12] with capacity 8']);
    expect(
      findCrashSignature(
        '',
        'panic: runtime error: invalid memory address or nil pointer dereference',
      ).runtimePanics,
    ).toEqual([]);
  });

  it('shares a panic only when the numbers agree', () => {
    const first = findCrashSignature('', panicText('[5] with length 3'));
    const second = findCrashSignature(
      '',
      `Der Server endet mit\n\n    ${panicText('[5] with length 3')}`,
    );
    const other = findCrashSignature('', panicText('[2] with length 2'));
    expect(findSharedRuntimePanics(first, second)).toEqual([
      'index out of range [5] with length 3',
    ]);
    expect(findSharedRuntimePanics(first, other)).toEqual([]);
  });
});
