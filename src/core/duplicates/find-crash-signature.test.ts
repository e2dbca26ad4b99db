import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeCrashConflict,
  findCrashSignature,
  findSharedRuntimePanics,
  findSharedSanitizerCrash,
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
      sanitizerCrash: 'heap-buffer-overflow write in decode_block',
      site: { functionName: 'decode_block', fileName: 'block.c', line: 1795, unlocatedAbove: [] },
    });
    expect(findCrashSignature('', readTrace).site?.line).toBe(1702);
  });

  it('reads frames printed without an address, and the access a title names', () => {
    const text =
      'ERROR: AddressSanitizer: heap-buffer-overflow\n    #0 sycc422_to_rgb src/bin/common/color.c:205';
    expect(findCrashSignature('Heap over-read in the colour conversion', text)).toEqual({
      accesses: ['read'],
      runtimePanics: [],
      sanitizerCrash: 'heap-buffer-overflow read in sycc422_to_rgb',
      site: { functionName: 'sycc422_to_rgb', fileName: 'color.c', line: 205, unlocatedAbove: [] },
    });
    expect(findCrashSignature('Out-of-bounds write in the packer', '').accesses).toEqual(['write']);
    const withIn =
      'ERROR: AddressSanitizer: heap-buffer-overflow\n    #0 in decode_block src/lib/block.c:96';
    expect(findCrashSignature('', withIn).site).toEqual({
      functionName: 'decode_block',
      fileName: 'block.c',
      line: 96,
      unlocatedAbove: [],
    });
  });

  it('takes no site from a debugger backtrace or prose without a sanitizer report', () => {
    const backtrace = '(gdb) bt\n#0  seek_stream src/io.c:590\n#1  read_header src/parse.c:9936';
    expect(findCrashSignature('Endless loop', backtrace).site).toBeNull();
    // Prose "read" is not the sanitizer's upper-case access line.
    expect(findCrashSignature('', 'the decoder may read or write a byte').accesses).toEqual([]);
  });

  it('reads JavaScript and Python exceptions that name a distinctive property', () => {
    const spanish =
      "El servidor lanza `TypeError: Cannot read properties of undefined (reading 'handlesUpgrades')` y termina.";
    const trace =
      "TypeError: Cannot read properties of undefined (reading 'handlesUpgrades')\n    at Server.onWebSocket (/opt/chat/node_modules/engine.io/build/server.js:515:67)";
    const ours = findCrashSignature('Caída del servidor', spanish);
    const theirs = findCrashSignature('engine.io crash', trace);
    expect(ours.runtimePanics).toEqual(['cannot read handlesupgrades of undefined']);
    expect(findSharedRuntimePanics(ours, theirs)).toEqual([
      'cannot read handlesupgrades of undefined',
    ]);
    expect(
      findCrashSignature('', "TypeError: Cannot read property 'remoteAddress' of null")
        .runtimePanics,
    ).toEqual(['cannot read remoteaddress of null']);
    expect(
      findCrashSignature('', 'TypeError: this.onPacketDecoded is not a function').runtimePanics,
    ).toEqual(['this.onpacketdecoded is not a function']);
    expect(
      findCrashSignature('', "AttributeError: 'NoneType' object has no attribute 'decompressor'")
        .runtimePanics,
    ).toEqual(['nonetype has no attribute decompressor']);
  });

  it('leaves out exceptions on short or built-in names, which many bugs fail on', () => {
    for (const text of [
      "TypeError: Cannot read properties of undefined (reading 'length')",
      "TypeError: Cannot read properties of null (reading 'toString')",
      "TypeError: Cannot read properties of undefined (reading 'hasOwnProperty')",
      'TypeError: cb is not a function',
      "AttributeError: 'NoneType' object has no attribute 'read'",
    ]) {
      expect(findCrashSignature('', text).runtimePanics, text).toEqual([]);
    }
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
    const otherLine = {
      accesses: [],
      runtimePanics: [],
      sanitizerCrash: null,
      site: { ...write.site!, line: 1702 },
    };
    const sameAccess = { accesses: [], runtimePanics: [], sanitizerCrash: null, site: write.site };
    expect(describeCrashConflict(otherLine, sameAccess, true)).toBe(
      'crashes at block.c:1702 / block.c:1795',
    );
    expect(describeCrashConflict(otherLine, sameAccess, false)).toBeNull();
    expect(describeCrashConflict(sameAccess, sameAccess, true)).toBeNull();
  });

  it('tells two functions apart in one file or two; one function across files or no site says nothing', () => {
    const otherFunction = {
      accesses: [],
      runtimePanics: [],
      sanitizerCrash: null,
      site: { ...write.site!, functionName: 'decode_all' },
    };
    expect(
      describeCrashConflict(
        otherFunction,
        { accesses: [], runtimePanics: [], sanitizerCrash: null, site: write.site },
        false,
      ),
    ).toBe('crashes in decode_all / decode_block (block.c)');
    const otherFile = {
      accesses: [],
      runtimePanics: [],
      sanitizerCrash: null,
      site: { ...write.site!, fileName: 'other.c' },
    };
    expect(
      describeCrashConflict(
        otherFile,
        { accesses: [], runtimePanics: [], sanitizerCrash: null, site: write.site },
        true,
      ),
    ).toBeNull();
    expect(
      describeCrashConflict(
        { accesses: [], runtimePanics: [], sanitizerCrash: null, site: null },
        write,
        true,
      ),
    ).toBeNull();
    const otherFileAndFunction = {
      accesses: [],
      runtimePanics: [],
      sanitizerCrash: null,
      site: { ...write.site!, fileName: 'zoom.c', functionName: 'search_zoom' },
    };
    expect(describeCrashConflict(otherFileAndFunction, write, false)).toBe(
      'crashes in search_zoom (zoom.c) / decode_block (block.c)',
    );
  });

  it('takes a site the other trace printed above its own without a file as the same place', () => {
    const unsymbolised = findCrashSignature(
      '',
      [
        '==41822==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x621000012900',
        'WRITE of size 1 at 0x621000012900 thread T3',
        '    #0 0x7f3a1c2e41b1 in ycc_rgb_convert (/usr/lib/x86_64-linux-gnu/libjpeg.so.8+0x3a1b1)',
        '    #1 0x7f3a1c2cc0e3 in jpeg_read_scanlines (/usr/lib/x86_64-linux-gnu/libjpeg.so.8+0x220e3)',
        '    #2 0x7f3a1d6a7f45 in rtiff_decompress_jpeg_run ../libvips/foreign/tiff2vips.c:2163',
      ].join('\n'),
    );
    const symbolised = findCrashSignature(
      '',
      [
        '==90311==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6250000a1d00',
        'WRITE of size 1 at 0x6250000a1d00 thread T1',
        '    #0 0x7ffff6a1e3c0 in ycc_rgb_convert jdcolor.c:188',
        '    #1 0x7ffff6a07f1a in jpeg_read_scanlines jdapistd.c:354',
      ].join('\n'),
    );
    expect(unsymbolised.site).toMatchObject({
      functionName: 'rtiff_decompress_jpeg_run',
      unlocatedAbove: ['ycc_rgb_convert', 'jpeg_read_scanlines'],
    });
    expect(describeCrashConflict(unsymbolised, symbolised, true)).toBeNull();
    expect(describeCrashConflict(symbolised, unsymbolised, true)).toBeNull();
    // A different function above stays a different crash.
    const elsewhere = { ...symbolised, site: { ...symbolised.site!, functionName: 'h2v1_merged' } };
    expect(describeCrashConflict(unsymbolised, elsewhere, true)).toBe(
      'crashes in rtiff_decompress_jpeg_run (tiff2vips.c) / h2v1_merged (jdcolor.c)',
    );
  });

  it('is symmetric in whether it finds a conflict', () => {
    const arbitrarySignature = fc.record({
      accesses: fc.subarray(['read', 'write'] as const),
      runtimePanics: fc.subarray(['index out of range [5] with length 3']),
      sanitizerCrash: fc.constant(null),
      site: fc.option(
        fc.record({
          functionName: fc.constantFrom('a', 'b'),
          fileName: fc.constantFrom('x.c', 'y.c'),
          line: fc.integer({ min: 1, max: 3 }),
          unlocatedAbove: fc.subarray(['a', 'b', 'c']),
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

  it('reads the sanitizer failure and top project frame of an unsymbolised trace', () => {
    const unsymbolised = [
      '==1203==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020000000b1',
      'READ of size 2 at 0x6020000000b1 thread T0',
      '    #0 0x4f3000 in __asan_memcpy (netsniff+0x4f3000)',
      '    #1 0x4f3a10 in memcpy (/lib/x86_64-linux-gnu/libc.so.6+0x1000)',
      '    #2 0x4f3a21 in gre_print_opts (netsniff+0x4f3a21)',
      '    #3 0x4f3b02 in gre_print (netsniff+0x4f3b02)',
    ].join('\n');
    const symbolised = [
      '==9==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000051',
      'READ of size 2 at 0x602000000051 thread T0',
      '    #0 0x55d1 in gre_print_opts /home/ana/netsniff-4.99.5/print-gre.c:212:9',
    ].join('\n');
    const ours = findCrashSignature('out of bounds read', unsymbolised);
    const theirs = findCrashSignature('Lectura fuera de límites', symbolised);
    expect(ours.sanitizerCrash).toBe('heap-buffer-overflow read in gre_print_opts');
    expect(findSharedSanitizerCrash(ours, theirs)).toBe(
      'heap-buffer-overflow read in gre_print_opts',
    );
    const otherKind = findCrashSignature(
      'crash',
      '==5==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000\n    #0 0x1 in gre_print_opts (netsniff+0x1)',
    );
    expect(otherKind.sanitizerCrash).toBe('segv in gre_print_opts');
    expect(findSharedSanitizerCrash(ours, otherKind)).toBeNull();
    expect(findCrashSignature('x', 'no trace here').sanitizerCrash).toBeNull();
  });
});

describe('isFuzzHarnessName', () => {
  it('knows libFuzzer and OSS-Fuzz harness names from the code they exercise', async () => {
    const { isFuzzHarnessName } = await import('./analyze-duplicate-document.js');
    for (const name of ['LLVMFuzzerTestOneInput', 'fuzz_process_packet', 'png_read_fuzzer'])
      expect(isFuzzHarnessName(name), name).toBe(true);
    for (const name of ['ndpi_init_packet', 'defuzz_value', 'fuzzy_match'])
      expect(isFuzzHarnessName(name), name).toBe(false);
  });
});
