import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCodeBlocks } from './find-code-blocks.js';
import { findSanitizerTraces, hasSanitizerError } from './find-sanitizer-traces.js';

const tracesOf = (body: string): string[] =>
  findSanitizerTraces(body, findCodeBlocks(body)).map((span) => body.slice(span.start, span.end));

describe('findSanitizerTraces', () => {
  it('finds an ASan report indented by spaces', () => {
    const body = [
      'Decompressing it gives:',
      '',
      '    ==1==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602',
      '    READ of size 8 at 0x602 thread T0',
      '        #0 0x55 in read_le64 lib/mem.h:295',
      '',
      'Impact: a crash.',
    ].join('\n');
    const [trace] = tracesOf(body);
    expect(trace).toContain('AddressSanitizer');
    expect(trace).toContain('#0 0x55 in read_le64');
    expect(trace).not.toContain('Impact');
  });

  it('finds a UBSan report quoted with ">" in a forwarded mail', () => {
    const body = [
      '----- Forwarded message -----',
      '> lib/fse.c:118:29: runtime error: shift exponent 32 is too large',
      '>     #0 0x4f in FSE_readNCount lib/fse.c:118',
      '',
      'Ilse',
    ].join('\n');
    expect(tracesOf(body)).toHaveLength(1);
  });

  it('ignores indented prose, fenced traces and traces only talked about', () => {
    expect(tracesOf('    just an indented line\n    and another')).toEqual([]);
    expect(tracesOf('```\n    ==1==ERROR: AddressSanitizer: SEGV\n```')).toEqual([]);
    expect(tracesOf('AddressSanitizer did not report anything for me.')).toEqual([]);
  });

  it('tells a sanitizer error line from a mention', () => {
    expect(hasSanitizerError('==9==ERROR: AddressSanitizer: stack-overflow')).toBe(true);
    expect(hasSanitizerError('x.c:3:5: runtime error: signed integer overflow')).toBe(true);
    expect(hasSanitizerError('I could not get AddressSanitizer to complain')).toBe(false);
  });

  it('returns ordered spans inside the body for any input (property)', () => {
    const pieces = fc.constantFrom(
      '\n',
      '    ',
      '> ',
      '\t',
      '```',
      '==1==ERROR: AddressSanitizer: heap-use-after-free',
      'a.c:1:2: runtime error: x',
      '#0 0x1 in f a.c:1',
      'text',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 })), { maxLength: 60 }),
        (parts) => {
          const body = parts.join('');
          const spans = findSanitizerTraces(body, findCodeBlocks(body));
          let previousEnd = -1;
          for (const span of spans) {
            expect(span.start).toBeGreaterThan(previousEnd);
            expect(span.end).toBeGreaterThanOrEqual(span.start);
            expect(span.end).toBeLessThanOrEqual(body.length);
            expect(hasSanitizerError(body.slice(span.start, span.end))).toBe(true);
            previousEnd = span.end;
          }
        },
      ),
    );
  });

  it('stays linear on a hostile run of quote marks and long lines', () => {
    const body = `${'> '.repeat(50_000)}\n${'    ==1==ERROR: AddressSanitizer: SEGV\n'.repeat(2_000)}`;
    expect(tracesOf(body)).toHaveLength(1);
  });
});
