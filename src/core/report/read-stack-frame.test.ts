import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isNativeFrameStart,
  readAfterNativeFrameNumber,
  readFunctionBeforeLocation,
  readLeadingIdentifier,
  readStackFrame,
  type FramePart,
} from './read-stack-frame.js';

const summary = (line: string) => {
  const frame = readStackFrame(line);
  return frame === null
    ? null
    : [frame.kind, frame.functionName?.text ?? null, frame.location?.text ?? null];
};

describe('readStackFrame', () => {
  it.each([
    ['    #0 0x4f0a12 in ring_push src/ring.c:41:5', ['native', 'ring_push', 'src/ring.c:41:5']],
    [
      '> #3 0x7f01 in start_thread (/lib/x86_64-linux-gnu/libc.so.6+0x94ac3)',
      ['native', 'start_thread', '(/lib/x86_64-linux-gnu/libc.so.6+0x94ac3)'],
    ],
    ['#1 0x55 in Parser::take(int)', ['native', 'Parser::take(int)', null]],
    [
      '==4411==    by 0x10A2B3: read_chunk (chunk.c:88)',
      ['valgrind', 'read_chunk', '(chunk.c:88)'],
    ],
    [
      '    at async Router.handle (/app/node_modules/r/index.js:12:7)',
      ['javascript', 'Router.handle', '/app/node_modules/r/index.js:12:7'],
    ],
    ['    at parseBody (lib/body.js:4:2) extra', ['javascript', 'parseBody', null]],
    [
      '\tat org.demo.Codec.decode(Codec.java:77)',
      ['java', 'org.demo.Codec.decode', 'Codec.java:77'],
    ],
    [
      '   at RestSharp.Extensions.StringExtensions.ParseJsonDate(String input, CultureInfo culture) in C:\\src\\RestSharp\\Extensions\\StringExtensions.cs:line 176',
      [
        'dotnet',
        'RestSharp.Extensions.StringExtensions.ParseJsonDate',
        'C:\\src\\RestSharp\\Extensions\\StringExtensions.cs',
      ],
    ],
    [
      '   at Lib.Client.<SendAsync>d__12.MoveNext() in /_/src/Lib/Client.cs:line 93',
      ['dotnet', 'Lib.Client.<SendAsync>d__12.MoveNext', '/_/src/Lib/Client.cs'],
    ],
    [
      '   at Lib.Xml.Reader.Map(System.Object, System.Xml.Linq.XElement)',
      ['dotnet', 'Lib.Xml.Reader.Map', null],
    ],
    [
      '   at Lib.Json.Reader.Read[[App.Category, App]](Lib.Response)',
      ['dotnet', 'Lib.Json.Reader.Read', null],
    ],
    [
      '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)',
      ['java', 'java.util.Arrays.copyOf', 'Arrays.java:3541'],
    ],
    ['  12: 0x55d1 - ringbuf::Ring::push', ['rust', 'ringbuf::Ring::push', null]],
    [
      '   7: <tiny::role::Server as tiny::Transaction>::parse::h0123456789abcdef',
      ['rust', '<tiny::role::Server as tiny::Transaction>::parse::h0123456789abcdef', null],
    ],
    ['> 6: tiny::io::Buffered<T,B>::parse', ['rust', 'tiny::io::Buffered<T,B>::parse', null]],
    [
      '  File "/srv/app/views.py", line 31, in render_page',
      ['python', 'render_page', '/srv/app/views.py'],
    ],
    ['  File "<stdin>", line 1', ['python', null, '<stdin>']],
    [' 1: 0xb7a940 node::Abort() [node]', ['native', 'node::Abort()', '[node]']],
    [
      ' 2: 0xa8e823 node::OnFatalError(char const*, char const*) [/usr/local/bin/node]',
      ['native', 'node::OnFatalError(char const*, char const*)', '[/usr/local/bin/node]'],
    ],
  ])('%s', (line, expected) => {
    expect(summary(line)).toEqual(expected);
  });

  it.each(['the function at line 3', '#1 is the first issue', 'File a report', '12: twelve'])(
    '%j is no frame',
    (line) => {
      expect(readStackFrame(line)).toBeNull();
    },
  );

  it('gives the number of a native frame and the line of a Python frame', () => {
    expect(readStackFrame('#12 0xabc in f x.c:3')?.number).toBe(12);
    expect(readStackFrame('File "a.py", line 9, in g')?.lineNumber?.text).toBe('9');
    expect(readStackFrame(' 14: 0x1a9d4b0 uv_run [node]')?.number).toBe(14);
  });

  it('reads a frame of a runtime dump only with its bracketed binary, so Rust frames stay Rust', () => {
    expect(summary(' 9: 0x1a9d4b0  [node]')).toBeNull();
    expect(summary('  3: 0x55d1 - tiny::Ring::push')?.[0]).toBe('rust');
  });

  const frameLine = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc
      .tuple(
        fc.constantFrom('', '  ', '> ', '==9== ', '\t> > '),
        fc.constantFrom('#0 0x1f in ', 'by 0xAB: ', 'at ', 'at new ', 'File "', '3: ', '1: 0xb7 '),
        fc.string({ maxLength: 60 }),
        fc.constantFrom('', ' (', ')', '", line 4, in f', ' x.c:3', '::f', '(A.java:2)', ' [node]'),
        fc.string({ maxLength: 20 }),
      )
      .map((parts) => parts.join('').replace(/\n/g, ' ')),
  );

  it('never throws, and every part it gives is the text at its span', () => {
    fc.assert(
      fc.property(frameLine, (line) => {
        const frame = readStackFrame(line);
        if (frame === null) return;
        const parts = [frame.functionName, frame.location, frame.lineNumber].filter(
          (piece): piece is FramePart => piece !== null,
        );
        for (const piece of parts) {
          expect(piece.start).toBeGreaterThanOrEqual(0);
          expect(piece.end).toBeLessThanOrEqual(line.length);
          expect(line.slice(piece.start, piece.end)).toBe(piece.text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('native frame starts and frame tails', () => {
  it('reads a native frame start with or without an address', () => {
    expect(isNativeFrameStart('  > #4 0x1 in f')).toBe(true);
    expect(isNativeFrameStart('#0 f x.c:3')).toBe(true);
    expect(isNativeFrameStart('#include <x.h>')).toBe(false);
    expect(readAfterNativeFrameNumber('> #2 0x9 in f x.c:1')).toBe('0x9 in f x.c:1');
  });

  it('reads the identifier a printed function begins with', () => {
    expect(readLeadingIdentifier('Parser::take(int)')).toBe('Parser::take');
    expect(readLeadingIdentifier('(anonymous namespace)::f')).toBeNull();
  });

  it('reads the function of a frame that ends just before a path', () => {
    expect(readFunctionBeforeLocation('#1 0x5b0c12 in xmalloc ')).toBe('xmalloc');
    expect(readFunctionBeforeLocation('the bug in ')).toBeNull();
  });
});
