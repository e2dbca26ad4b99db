import { describe, expect, it } from 'vitest';
import type { FactKind } from '../model/fact.js';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

function valuesOf(markdown: string, kind: FactKind): string[] {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === kind)
    .map((fact) => fact.value);
}

describe('file paths', () => {
  it.each([
    ['The bug is in `src/http/parser.c`.', ['src/http/parser.c']],
    ['See lib/foo/bar.js for details.', ['lib/foo/bar.js']],
    ['Run ./src/x.py first.', ['src/x.py']],
    ['Open tinyhttpd/src/http/parse.c, then build.', ['tinyhttpd/src/http/parse.c']],
    ['It reads /etc/tinyhttpd.conf at start-up.', ['/etc/tinyhttpd.conf']],
    ['The README.md says so.', ['README.md']],
    ['The code is under src/http/.', ['src/http']],
  ])('%s -> %j', (text, expected) => {
    expect(valuesOf(text, 'file-path')).toEqual(expected);
  });

  it('skips URLs, slashed words, protocols, dates, vectors and product names', () => {
    expect(
      valuesOf(
        'See https://github.com/acme/tinyhttpd/blob/main/src/http/parser.c for it.',
        'file-path',
      ),
    ).toEqual([]);
    expect(
      valuesOf('It reads and/or writes I/O over TCP/IP with read/write access.', 'file-path'),
    ).toEqual([]);
    expect(
      valuesOf('It speaks HTTP/1.1, works 24/7 since 2024/01/02, uses DEP/NX.', 'file-path'),
    ).toEqual([]);
    expect(valuesOf('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'file-path')).toEqual([]);
    expect(
      valuesOf(
        'Written in Node.js, see e.g. example.com/docs or www.example.org/a/b.',
        'file-path',
      ),
    ).toEqual([]);
    expect(valuesOf('Request /admin/users without a token.', 'file-path')).toEqual([]);
    expect(
      valuesOf('The Confidentiality/Integrity/Availability impact is high.', 'file-path'),
    ).toEqual([]);
  });
});

describe('line references', () => {
  it.each([
    ['Crash at src/http/parser.c:120.', ['src/http/parser.c:120']],
    ['Crash at `src/http/parser.c:120:5`.', ['src/http/parser.c:120']],
    ['See src/x.c#L10-L20.', ['src/x.c:10-20']],
    ['See src/x.c#L10.', ['src/x.c:10']],
    ['The check on line 120 of src/x.c is wrong.', ['src/x.c:120']],
    ['Look at `src/log/log.c` (around line 77).', ['src/log/log.c:77']],
  ])('%s -> %j', (text, expected) => {
    expect(valuesOf(text, 'line-reference')).toEqual(expected);
  });

  it('keeps the line suffix out of the path value and inside the span', () => {
    const body = 'Crash at src/http/parser.c:120:5 here.';
    const facts = extractFacts(buildTestReport(body));
    const path = facts.find((fact) => fact.kind === 'file-path')!;
    const line = facts.find((fact) => fact.kind === 'line-reference')!;
    expect(path.quote).toBe('src/http/parser.c');
    expect(line.quote).toBe('src/http/parser.c:120:5');
    expect(body.slice(line.span.start, line.span.end)).toBe(line.quote);
  });
});

describe('functions', () => {
  it.each([
    ['The bug is in `parse_header()`.', ['parse_header']],
    ['See `Parser.readChunk` and `Foo::bar`.', ['Parser.readChunk', 'Foo::bar']],
    ['The overflow is in the parse_header() function.', ['parse_header']],
    ['It happens in function `parse`.', ['parse']],
    ['Both `read_chunk(conn, buf)` and `readChunk` copy it.', ['read_chunk', 'readChunk']],
    ["A check such as `if ('admin' in ctx.query)` or `for (const k in obj)` calls nothing.", []],
  ])('%s -> %j', (text, expected) => {
    expect(valuesOf(text, 'function')).toEqual(expected);
  });

  it('skips types, macros, options, fields and plain words in backticks', () => {
    expect(
      valuesOf(
        'The `size_t` value, `MAX_HEADER_SIZE`, the `allow_symlinks` option, `conn->len`, `GET` and `true`.',
        'function',
      ),
    ).toEqual([]);
    expect(valuesOf('The `max_body_size` check runs later.', 'function')).toEqual([]);
  });

  it('does not read every call in a code block', () => {
    expect(valuesOf('```c\nint x = parse_header(buf);\nfree(buf);\n```', 'function')).toEqual([]);
  });
});

describe('stack traces and sanitizer output', () => {
  const asan = [
    '```',
    '==48213==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x619000000a80',
    '    #0 0x55d1c3a4b2f6 in __asan_memcpy (/home/u/tinyhttpd/build/hello+0x1a02f6)',
    '    #1 0x55d1c3a8e1c4 in http_read_chunked src/http/chunked.c:88:9',
    '    #2 0x55d1c3a8a9d1 in http_read_body src/http/parser.c:412:16',
    'SUMMARY: AddressSanitizer: heap-buffer-overflow src/http/chunked.c:88:9 in http_read_chunked',
    '```',
  ].join('\n');

  it('reads functions, files and lines from ASan frames, but not the runtime', () => {
    expect(valuesOf(asan, 'function')).toEqual(['http_read_chunked', 'http_read_body']);
    expect(valuesOf(asan, 'line-reference')).toEqual([
      'src/http/chunked.c:88',
      'src/http/parser.c:412',
      'src/http/chunked.c:88',
    ]);
    expect(new Set(valuesOf(asan, 'file-path'))).toEqual(
      new Set(['src/http/chunked.c', 'src/http/parser.c']),
    );
  });

  it('reads .NET frames: the method (async state machines as their method) and the file', () => {
    const trace = [
      'Unhandled exception. System.InvalidOperationException: bad',
      '   at System.Text.RegularExpressions.Regex.Match(String input)',
      '   at Acme.Http.Parser.ParseDate(String input, CultureInfo culture) in C:\\build\\src\\Acme.Http\\Parser.cs:line 176',
      '   at Acme.Http.Client.<SendAsync>d__12.MoveNext() in /_/src/Acme.Http/Client.cs:line 93',
    ].join('\n');
    expect(valuesOf(trace, 'function')).toEqual(
      expect.arrayContaining(['Acme.Http.Parser.ParseDate', 'Acme.Http.Client.SendAsync']),
    );
    expect(valuesOf(trace, 'file-path')).toEqual(
      expect.arrayContaining(['/build/src/Acme.Http/Parser.cs', 'src/Acme.Http/Client.cs']),
    );
  });

  it('reads gdb, JavaScript, Python, Java and valgrind frames', () => {
    const trace = [
      '#1  0x000055555555a1b2 in parse_header (req=0x1, buf=0x2) at src/http/parser.c:120',
      '    at Parser.readChunk (/app/lib/parser.js:10:3)',
      '  File "tools/poc/run.py", line 42, in send_payload',
      '\tat com.acme.http.Parser.parse(Parser.java:77)',
      '==123==    by 0x4C2B3A: conn_free (conn.c:188)',
    ].join('\n');
    expect(valuesOf(trace, 'function')).toEqual([
      'parse_header',
      'Parser.readChunk',
      'send_payload',
      'com.acme.http.Parser.parse',
      'conn_free',
    ]);
    expect(valuesOf(trace, 'line-reference')).toEqual([
      'src/http/parser.c:120',
      '/app/lib/parser.js:10',
      'tools/poc/run.py:42',
      'Parser.java:77',
      'conn.c:188',
    ]);
  });

  it('reads a trace written in prose', () => {
    expect(valuesOf('It dies at parse_header (src/http/parser.c:120).', 'line-reference')).toEqual([
      'src/http/parser.c:120',
    ]);
  });
});

describe('links into the repository of the project', () => {
  const pathsOf = (text: string, projectNames: string[]): string[] =>
    extractFacts(buildTestReport(text), { projectNames })
      .filter((fact) => fact.kind === 'file-path')
      .map((fact) => fact.value);

  it('reads the path of a tree or blob link into the repository of the project', () => {
    const text =
      'The demo, https://github.com/pnggroup/libpng/tree/libpng16/contrib/gregbook , and ' +
      'https://gitlab.com/acme/tinyhttpd/-/blob/main/src/http/parser.c#L10 too.';
    expect(pathsOf(text, ['libpng', 'png'])).toEqual(['contrib/gregbook']);
    expect(pathsOf(text, ['tinyhttpd'])).toEqual(['src/http/parser.c']);
  });

  it('reads nothing from links into other repositories or without project names', () => {
    const text = 'See https://github.com/madler/zlib/blob/develop/inflate.c for it.';
    expect(pathsOf(text, ['libpng'])).toEqual([]);
    expect(pathsOf('https://github.com/pnggroup/libpng/tree/libpng16/contrib', [])).toEqual([]);
  });
});

describe('Go functions and traces', () => {
  const factsOf = (text: string, kind: FactKind, projectNames: string[] = ['kv']): string[] =>
    extractFacts(buildTestReport(text), { projectNames })
      .filter((fact) => fact.kind === kind)
      .map((fact) => fact.value);

  it('reads method expressions and declarations with their receiver', () => {
    const text =
      'The check in `(*session).verifyToken()` is skipped; it is declared as ' +
      '`func (s *session) verifyToken(tok []byte) bool` and called from (*Server).accept(). ' +
      'A helper, `func splitKey(k string) []string`, and a value method `func (t tree) depth() int`.';
    expect(factsOf(text, 'function')).toEqual([
      '(*session).verifyToken',
      '(*session).verifyToken',
      '(*Server).accept',
      'splitKey',
      'tree.depth',
      'depth', // `depth()` read as a call too: the same function
    ]);
  });

  const panicTrace = [
    '```',
    'panic: runtime error: index out of range [4] with length 2',
    '',
    'goroutine 7 [running]:',
    'example.org/kv/v2/store.decodeKey({0xc0000a2000, 0x2, 0x8})',
    '\t/home/ana/go/pkg/mod/example.org/kv/v2@v2.4.0/store/key.go:41 +0x1c5',
    'example.org/kv/v2/store.(*Tree).Get(0xc000118000, {0xc0000a2000, 0x2, 0x8})',
    '\t/home/ana/go/pkg/mod/example.org/kv/v2@v2.4.0/store/tree.go:120 +0x6b',
    'github.com/klauspost/compress/s2.Decode({0x0, 0x0, 0x0})',
    '\t/home/ana/go/pkg/mod/github.com/klauspost/compress@v1.17.9/s2/decode.go:55 +0x22',
    'net/http.(*conn).serve(0xc0001a4000, {0xa7e1d0, 0xc000114060})',
    '\t/usr/local/go/src/net/http/server.go:2092 +0x612',
    'main.main()',
    '\t/home/ana/poc/main.go:22 +0x45',
    'created by example.org/kv/v2/store.(*Server).serve in goroutine 1',
    '\t/home/ana/go/pkg/mod/example.org/kv/v2@v2.4.0/store/server.go:88 +0x11d',
    '```',
  ].join('\n');

  it("reads the project's frames of a goroutine trace, not the standard library's, main's or another module's", () => {
    expect(factsOf(panicTrace, 'function')).toEqual([
      'decodeKey',
      '(*Tree).Get',
      '(*Server).serve',
    ]);
  });

  it("maps the module cache's files to the project's paths and drops other modules' files", () => {
    const lines = factsOf(panicTrace, 'line-reference');
    expect(lines).toContain('store/key.go:41');
    expect(lines).toContain('store/tree.go:120');
    expect(lines.some((line) => line.includes('klauspost'))).toBe(false);
  });

  it('reads every non-standard frame when the project has no names', () => {
    expect(factsOf(panicTrace, 'function', [])).toContain('s2.Decode'.replace('s2.', ''));
  });
});

describe('go test output', () => {
  it("reads the test's files but not Go's testing package", () => {
    const text = [
      '```',
      '--- FAIL: TestSessionResume (0.31s)',
      '    session_test.go:212: resumed a closed session',
      '    testing.go:1490: race detected during execution of test',
      '```',
    ].join('\n');
    expect(
      extractFacts(buildTestReport(text))
        .filter((fact) => fact.kind === 'file-path')
        .map((fact) => fact.value),
    ).toEqual(['session_test.go']);
  });
});

describe('a path with a query string', () => {
  it('is a request URL, not a file of the repository', () => {
    expect(valuesOf('The search page `/search.php?q=` is injectable.', 'file-path')).toEqual([]);
    expect(valuesOf('Open /login.jsp?next=/admin after sign-in.', 'file-path')).toEqual([]);
    expect(valuesOf('The bug is in `src/search.php`?', 'file-path')).toEqual(['src/search.php']);
  });
});
