import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { listCitedPaths, toCitedPath } from './match-components.js';
import { isHelperPath, placeFaultInHelperFrame } from './place-fault-in-helper-frame.js';

function citedPaths(body: string): string[] {
  const report = buildTestReport(body);
  return [...new Set(listCitedPaths(extractFacts(report), report.body).map(toCitedPath))].sort();
}

const fence = (trace: string): string =>
  `# Crash\n\nRunning the test:\n\n\`\`\`\n${trace}\n\`\`\`\n`;

describe('a fault in helper code whose trace runs through the library', () => {
  it('places a heap overflow in the test helper the library called back into', () => {
    const trace = [
      '==7==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020 at pc 0x4f1 bp 0x1 sp 0x2',
      'WRITE of size 8 at 0x6020 thread T0',
      '    #0 0x4f0 in write_cb tests/helpers/io.c:41:5',
      '    #1 0x4e0 in zip_write_data lib/zip/write.c:210:9',
      '    #2 0x4d0 in main tests/helpers/io.c:88:3',
      '0x6020 is located 0 bytes after 8-byte region',
      'allocated by thread T0 here:',
      '    #0 0x4a0 in malloc',
      '    #1 0x4c0 in zip_open lib/zip/open.c:33:12',
      'SUMMARY: AddressSanitizer: heap-buffer-overflow tests/helpers/io.c:41:5 in write_cb',
    ].join('\n');
    expect(citedPaths(fence(trace))).toEqual(['tests/helpers/io.c']);
  });

  it('reads a fuzz harness path in the reporter build folder and UBSan’s error line', () => {
    const ubsan = [
      '/src/proj/fuzz/decode_fuzzer.c:17:9: runtime error: signed integer overflow: 2147483647 + 1',
      '    #0 0x51 in LLVMFuzzerTestOneInput /src/proj/fuzz/decode_fuzzer.c:17:9',
      '    #1 0x52 in decode_frame /src/proj/lib/decode.c:90:3',
    ].join('\n');
    expect(citedPaths(fence(ubsan))).toEqual(['/src/proj/fuzz/decode_fuzzer.c']);
  });

  it('keeps the library when the fault is in the library and the harness only called it', () => {
    const trace = [
      '==7==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020 at pc 0x4f1 bp 0x1 sp 0x2',
      'READ of size 1 at 0x6020 thread T0',
      '    #0 0x4f0 in __asan_memcpy',
      '    #1 0x4e0 in zip_read_entry lib/zip/read.c:120:9',
      '    #2 0x4d0 in LLVMFuzzerTestOneInput fuzz/zip_fuzzer.c:12:3',
      'SUMMARY: AddressSanitizer: heap-buffer-overflow lib/zip/read.c:120:9 in zip_read_entry',
    ].join('\n');
    expect(citedPaths(fence(trace))).toEqual(['fuzz/zip_fuzzer.c', 'lib/zip/read.c']);
  });

  it('keeps library paths the prose cites outside the trace', () => {
    const trace = [
      '==7==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020 at pc 0x4f1 bp 0x1 sp 0x2',
      '    #0 0x4f0 in run_case programs/bench.c:41:5',
      '    #1 0x4e0 in lib_step lib/step.c:10:1',
    ].join('\n');
    const body = `${fence(trace)}\nThe real cause is the missing reset in \`lib/reset.c\`.\n`;
    expect(citedPaths(body)).toEqual(['lib/reset.c', 'programs/bench.c']);
  });
});

describe('isHelperPath', () => {
  it('reads test, fuzz, program, example and contrib folders, not the reporter’s build folder', () => {
    expect(isHelperPath('tests/x.c')).toBe(true);
    expect(isHelperPath('contrib/oss-fuzz/f.cc')).toBe(true);
    expect(isHelperPath('/src/libpng/contrib/oss-fuzz/f.cc')).toBe(true);
    expect(isHelperPath('programs/fileio.c')).toBe(true);
    expect(isHelperPath('/tmp/tests/poc.c')).toBe(false);
    expect(isHelperPath('/home/ana/test/lib/x.c')).toBe(false);
    expect(isHelperPath('lib/latest/x.c')).toBe(false);
  });

  it('never throws and only removes cited facts on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (noise) => {
        const body = `==1==ERROR: AddressSanitizer: x\n${noise}\n    #0 0x1 in f tests/a.c:1\n`;
        const report = buildTestReport(body);
        const facts = extractFacts(report);
        const kept = placeFaultInHelperFrame(facts, toCitedPath, report.body);
        for (const fact of kept) expect(facts).toContain(fact);
      }),
    );
  });
});
