import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { listCitedTraceCallers, toCitedPath } from './match-components.js';
import { listTraceCallers } from './list-trace-callers.js';
import { buildProfile } from '../../../test/support/build-fact.js';
import { evaluateScope } from './evaluate-scope.js';

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

  it('reads a debugger backtrace (gdb, lldb) when no sanitizer trace is quoted', () => {
    const gdb = [
      '$ app crash.svg',
      'Segmentation fault (core dumped)',
      '',
      '(gdb) bt',
      '#0  0x00007ffff7a61d2e in cairo_surface_set_device_offset () from /lib/x86_64-linux-gnu/libcairo.so.2',
      '#1  0x00007ffff7e8c7a1 in load_svg_generate (region=0x5555557d1e40, seq=0x0, stop=0x7fffffffd9ac) at ../src/loaders/svgload.c:662',
      '#2  0x00007ffff7d2b7c0 in region_generate () at ../src/core/region.c:1685',
      '#3  0x0000555555555189 in main (argc=2, argv=0x7fffffffe0a8) at tools/app.c:40',
    ].join('\n');
    expect(callerPaths(`# Crash\n\n\`\`\`\n${gdb}\n\`\`\`\n`)).toEqual([
      '../src/core/region.c',
      'tools/app.c',
    ]);
    const lldb = [
      '(lldb) bt',
      '* thread #1, stop reason = EXC_BAD_ACCESS (code=1, address=0x0)',
      '  * frame #0: 0x0000000100003f2c libx.dylib`parse_item(p=0x0) at src/parse.c:88:5',
      '    frame #1: 0x0000000100003e10 libx.dylib`parse_all(doc=0x1) at src/doc.c:12:3',
    ].join('\n');
    expect(callerPaths(`# Crash\n\n\`\`\`\n${lldb}\n\`\`\`\n`)).toEqual(['src/doc.c']);
    // Frames with no backtrace before them are no stack.
    expect(callerPaths('# Notes\n\n#0 see src/a.c:1\n#1 and src/b.c:2\n')).toEqual([]);
  });

  it('lets "only this code" (paths-only) hold on the fault, whatever called it', () => {
    const profile = buildProfile({
      outOfScope: [
        {
          id: 'OOS-LEGACY-LOADER',
          statement: 'Only the legacy loader.',
          when: { pathsOnly: ['src/loaders/legacy.c'] },
        },
      ],
    });
    const trace = [
      '(gdb) bt',
      '#0  0x00007ffff7e8c7a1 in load_legacy (p=0x0) at ../src/loaders/legacy.c:66',
      '#1  0x00007ffff7d2b7c0 in region_generate () at ../src/core/region.c:1685',
    ].join('\n');
    const ids = (body: string): string[] => {
      const report = buildTestReport(body);
      return evaluateScope(profile, extractFacts(report), report).outOfScope.map((m) => m.ruleId);
    };
    expect(ids(`# Crash in the legacy loader\n\n\`\`\`\n${trace}\n\`\`\`\n`)).toContain(
      'OOS-LEGACY-LOADER',
    );
    // The fault in the core, the legacy loader only its caller: the exclusion does not hold.
    const reversed = trace
      .replace(
        'load_legacy (p=0x0) at ../src/loaders/legacy.c:66',
        'region_generate () at ../src/core/region.c:1685',
      )
      .replace(
        '#1  0x00007ffff7d2b7c0 in region_generate () at ../src/core/region.c:1685',
        '#1  0x1 in load_legacy () at ../src/loaders/legacy.c:66',
      );
    expect(ids(`# Crash\n\n\`\`\`\n${reversed}\n\`\`\`\n`)).not.toContain('OOS-LEGACY-LOADER');
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
