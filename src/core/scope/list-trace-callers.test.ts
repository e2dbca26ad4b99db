import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { listCitedTraceCallers, toCitedPath } from './match-components.js';
import { listTraceCallers } from './list-trace-callers.js';

function callerPaths(body: string): string[] {
  const report = buildTestReport(body);
  return [
    ...new Set(listCitedTraceCallers(extractFacts(report), report.body).map(toCitedPath)),
  ].sort();
}

const libraryCrash = [
  '==3311==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000010 (pc 0x7f61 bp 0x7ffd sp 0x7ffd T0)',
  '==3311==The signal is caused by a READ memory access.',
  '    #0 0x7f61d2a4c3b7 in read_sample_size src/media/table.c:137',
  '    #1 0x7f61d2a3e0a9 in get_sample src/media/media.c:532',
  '    #2 0x55b7a14c0e2d in dump_track_info apps/viewer/dump.c:3950',
  'SUMMARY: AddressSanitizer: SEGV src/media/table.c:137 in read_sample_size',
].join('\n');

describe('the callers of a sanitizer trace (frames below the fault)', () => {
  it('lists the frames below the fault, not the fault’s own file', () => {
    const body = `# Crash\n\nThe reader dies:\n\n\`\`\`\n${libraryCrash}\n\`\`\`\n`;
    expect(callerPaths(body)).toEqual(['apps/viewer/dump.c', 'src/media/media.c']);
  });

  it('reads a trace run into a paragraph like a fenced one', () => {
    const body = `# Crash\n\nThe reader dies: ${libraryCrash.replace(/\n\s*/g, ' ')} and that is all.\n`;
    expect(callerPaths(body)).toEqual(['apps/viewer/dump.c', 'src/media/media.c']);
  });

  it('skips frames without a path when looking for the fault, and stops at the next stack', () => {
    const trace = [
      '==40211==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x51d000002b80',
      'WRITE of size 4 at 0x51d000002b80 thread T0',
      '    #0 0x5a1c3e in vsnprintf',
      '    #1 0x5a2f10 in fmt_options src/lib/format.c:3220:13',
      '    #2 0x7b4410 in parse_packet src/lib/parse.c:153:9',
      '0x51d000002b80 is located 0 bytes after 64-byte region',
      'allocated by thread T0 here:',
      '    #0 0x4a0 in malloc',
      '    #1 0x4c0 in process_pcap tools/reader.c:33:12',
    ].join('\n');
    expect(callerPaths(`# Overflow\n\n\`\`\`\n${trace}\n\`\`\`\n`)).toEqual(['src/lib/parse.c']);
  });

  it('reads UBSan’s error line as the fault', () => {
    const trace = [
      'src/lib/decode.c:17:9: runtime error: signed integer overflow: 2147483647 + 1',
      '    #0 0x51 in decode_frame src/lib/decode.c:17:9',
      '    #1 0x52 in main tools/cli.c:90:3',
    ].join('\n');
    expect(callerPaths(`# Overflow\n\n\`\`\`\n${trace}\n\`\`\`\n`)).toEqual(['tools/cli.c']);
  });

  it('lists nothing without a sanitizer trace or with the fault as the only cited frame', () => {
    expect(callerPaths('# Bug\n\n`src/a.c` calls `tools/b.c` with a bad length.\n')).toEqual([]);
    const alone = libraryCrash
      .split('\n')
      .filter((line) => !/#[12] /.test(line))
      .join('\n');
    expect(callerPaths(`# Crash\n\n\`\`\`\n${alone}\n\`\`\`\n`)).toEqual([]);
  });

  it('never lists a fact outside the text it was given, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const body = `==1==ERROR: AddressSanitizer: SEGV\n${text}`;
        const report = buildTestReport(body);
        const facts = extractFacts(report);
        const callers = listTraceCallers(facts, toCitedPath, report.body);
        expect(callers.every((fact) => facts.includes(fact))).toBe(true);
      }),
    );
  });
});
