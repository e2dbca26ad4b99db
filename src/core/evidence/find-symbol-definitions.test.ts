import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSymbolDefinitions, findSymbolMentions } from './find-symbol-definitions.js';
import { measureGrowth } from '../../../test/support/measure-work.js';

function definedAt(source: string, path: string, symbol: string): number[] {
  return findSymbolDefinitions(source, path, symbol).map((entry) => entry.line);
}

describe('findSymbolDefinitions in C and C++', () => {
  const source = [
    '#include "parser.h"', // 1
    '/* parse_header(buf) is described here */', // 2
    'static int', // 3
    'parse_header(const char *buf)', // 4
    '{', // 5
    '  return helper(buf);', // 6
    '}', // 7
    'int parse_header(const char *buf);', // 8
    'void f(void) { parse_header(buf); }', // 9
    'int x = parse_header("a");', // 10
    'struct th_conn {', // 11
    '  int len;', // 12
    '};', // 13
    'typedef struct th_conn th_conn_t;', // 14
    '#define MAX_HDR 10', // 15
    'static const char *read_line(struct th_conn *conn, size_t *len) {', // 16
    '  if (read_line(conn, len)) return 0;', // 17
    '}', // 18
    'typedef int (*th_handler)(int);', // 19
    'const char *msg = "parse_body(x) {";', // 20
  ].join('\n');

  it('finds a GNU-style definition with the return type on the line above, not the call', () => {
    expect(definedAt(source, 'src/http/parser.c', 'parse_header')).toEqual([4]);
    expect(definedAt(source, 'src/http/parser.c', 'parse_header()')).toEqual([4]);
  });

  it('finds one-line definitions, structs, typedefs and macros', () => {
    expect(definedAt(source, 'src/http/parser.c', 'read_line')).toEqual([16]);
    expect(definedAt(source, 'src/http/parser.c', 'th_conn')).toEqual([11]);
    expect(definedAt(source, 'src/http/parser.c', 'th_conn_t')).toEqual([14]);
    expect(definedAt(source, 'src/http/parser.c', 'MAX_HDR')).toEqual([15]);
    expect(definedAt(source, 'src/http/parser.h', 'th_handler')).toEqual([19]);
  });

  it('does not take a call, a prototype, a comment or a string for a definition', () => {
    expect(definedAt('int parse_header(const char *buf);\n', 'x.h', 'parse_header')).toEqual([]);
    expect(definedAt('void f(void) {\n  parse_header(buf);\n}\n', 'x.c', 'parse_header')).toEqual(
      [],
    );
    expect(definedAt(source, 'src/http/parser.c', 'parse_body')).toEqual([]);
    expect(definedAt(source, 'src/http/parser.c', 'http_parse_secure_headers')).toEqual([]);
    expect(definedAt('  return parse_header(buf);\n', 'x.c', 'parse_header')).toEqual([]);
  });

  it('finds a definition whose parameters span several lines', () => {
    const multi =
      'int\nhttp_read_chunked(struct th_conn *conn,\n                  size_t limit)\n{\n}\n';
    expect(definedAt(multi, 'src/http/chunked.c', 'http_read_chunked')).toEqual([2]);
  });

  it('finds C++ members, with and without the class name', () => {
    const cpp =
      'class Parser {\n public:\n  int read(int n);\n};\nint Parser::read(int n) {\n  return n;\n}\nvoid Other::read(int n) const {\n}\n';
    expect(definedAt(cpp, 'parser.cpp', 'Parser')).toEqual([1]);
    expect(definedAt(cpp, 'parser.cpp', 'Parser::read')).toEqual([5]);
    expect(definedAt(cpp, 'parser.cpp', 'read')).toEqual([5, 8]);
    expect(definedAt(cpp, 'parser.cpp', 'Missing::read')).toEqual([]);
  });
});

describe('findSymbolDefinitions in JavaScript and TypeScript', () => {
  const js = [
    'export async function parseHeader(buf) {', // 1
    '  return readChunk(buf);', // 2
    '}', // 3
    'const readChunk = (buf) => buf.slice(1);', // 4
    'class Parser {', // 5
    '  static async readBody(stream, limit) {', // 6
    '    this.readBody(stream);', // 7
    '  }', // 8
    '}', // 9
    'const handlers = { onData: function (x) { return x; } };', // 10
    'module.exports.checkToken = (token) => token === secret;', // 11
    'parseHeader(input);', // 12
    '// function notReal() {}', // 13
    'export default function main() {}', // 14
  ].join('\n');

  it('tells definitions from calls', () => {
    expect(definedAt(js, 'lib/parser.js', 'parseHeader')).toEqual([1]);
    expect(definedAt(js, 'lib/parser.js', 'readChunk')).toEqual([4]);
    expect(definedAt(js, 'lib/parser.js', 'readBody')).toEqual([6]);
    expect(definedAt(js, 'lib/parser.js', 'Parser.readBody')).toEqual([6]);
    expect(definedAt(js, 'lib/parser.js', 'onData')).toEqual([10]);
    expect(definedAt(js, 'lib/parser.js', 'checkToken')).toEqual([11]);
    expect(definedAt(js, 'lib/parser.js', 'Parser')).toEqual([5]);
    expect(definedAt(js, 'lib/parser.js', 'main')).toEqual([14]);
  });

  it('rejects comments, calls and methods of a class the file does not know', () => {
    expect(definedAt(js, 'lib/parser.js', 'notReal')).toEqual([]);
    expect(definedAt('parseHeader(input);\nfoo.parseHeader(x);\n', 'a.js', 'parseHeader')).toEqual(
      [],
    );
    expect(definedAt(js, 'lib/parser.js', 'Lexer.readBody')).toEqual([]);
  });

  it('reads TypeScript interfaces, types, enums and typed methods', () => {
    const ts =
      'export interface SecureHeaders {\n  csp: string;\n}\nexport type HeaderMap = Record<string, string>;\nclass A {\n  private parse(input: string): Result<void> {\n    return ok();\n  }\n}\n';
    expect(definedAt(ts, 'src/a.ts', 'SecureHeaders')).toEqual([1]);
    expect(definedAt(ts, 'src/a.ts', 'HeaderMap')).toEqual([4]);
    expect(definedAt(ts, 'src/a.ts', 'parse')).toEqual([6]);
  });
});

describe('findSymbolDefinitions in Python, Go, Rust, Java, Kotlin, Ruby and PHP', () => {
  it('Python: def, async def, class; not calls or docstrings', () => {
    const py =
      'class Parser(Base):\n    """parse_header(x) is documented"""\n    async def read_body(self):\n        return parse_header(self.buf)\n\ndef parse_header(buf):\n    pass\n# def fake_one():\n';
    expect(definedAt(py, 'app/parser.py', 'parse_header')).toEqual([6]);
    expect(definedAt(py, 'app/parser.py', 'read_body')).toEqual([3]);
    expect(definedAt(py, 'app/parser.py', 'Parser.read_body')).toEqual([3]);
    expect(definedAt(py, 'app/parser.py', 'Parser')).toEqual([1]);
    expect(definedAt(py, 'app/parser.py', 'fake_one')).toEqual([]);
  });

  it('Go: functions, methods and types', () => {
    const go =
      'type Conn struct {\n}\nfunc (c *Conn) ReadChunk(n int) error {\n\treturn parseHeader(c)\n}\nfunc parseHeader(c *Conn) error {\n\treturn nil\n}\n';
    expect(definedAt(go, 'http/conn.go', 'ReadChunk')).toEqual([3]);
    expect(definedAt(go, 'http/conn.go', 'parseHeader')).toEqual([6]);
    expect(definedAt(go, 'http/conn.go', 'Conn')).toEqual([1]);
    expect(definedAt('x := parseHeader(c)\n', 'a.go', 'parseHeader')).toEqual([]);
  });

  it('Rust: fn with visibility, types and macros; lifetimes do not confuse it', () => {
    const rs =
      "pub(crate) fn parse_header<'a>(buf: &'a [u8]) -> Option<&'a str> {\n    read_line(buf)\n}\npub struct Header;\nmacro_rules! check_len { () => {} }\nasync fn read_line(b: &[u8]) {}\n";
    expect(definedAt(rs, 'src/parser.rs', 'parse_header')).toEqual([1]);
    expect(definedAt(rs, 'src/parser.rs', 'read_line')).toEqual([6]);
    expect(definedAt(rs, 'src/parser.rs', 'Header')).toEqual([4]);
    expect(definedAt(rs, 'src/parser.rs', 'check_len')).toEqual([5]);
  });

  it('Rust: new and other names that are keywords elsewhere are ordinary functions', () => {
    const rs =
      'impl Builder {\n    pub fn new() -> Self { Builder }\n    fn delete(&mut self) {}\n}\n';
    expect(definedAt(rs, 'src/server/builder.rs', 'new')).toEqual([2]);
    expect(definedAt(rs, 'src/server/builder.rs', 'Builder::new')).toEqual([2]);
    expect(definedAt(rs, 'src/server/builder.rs', 'delete')).toEqual([3]);
    // In JavaScript `new` stays a keyword, never a function's name.
    expect(definedAt('const x = new Builder();\n', 'lib/builder.js', 'new')).toEqual([]);
  });

  it('Java: method declarations with bodies, not calls, returns or abstract declarations', () => {
    const java = [
      'public class HeaderParser {', // 1
      '  private static String parseHeader(String raw) throws IOException {', // 2
      '    return parseHeader(raw.trim());', // 3
      '  }', // 4
      '  abstract int readBody();', // 5
      '  void run() {', // 6
      '    value = parseHeader(input);', // 7
      '    String s = parseHeader(input);', // 8
      '  }', // 9
      '}', // 10
    ].join('\n');
    expect(definedAt(java, 'src/main/java/HeaderParser.java', 'parseHeader')).toEqual([2]);
    expect(definedAt(java, 'src/main/java/HeaderParser.java', 'HeaderParser')).toEqual([1]);
    expect(definedAt(java, 'src/main/java/HeaderParser.java', 'readBody')).toEqual([]);
    expect(definedAt(java, 'src/main/java/HeaderParser.java', 'HeaderParser.run')).toEqual([6]);
  });

  it('Kotlin, Ruby and PHP', () => {
    expect(
      definedAt(
        'class A {\n  fun parseHeader(x: String): Int {\n    return 1\n  }\n}\n',
        'A.kt',
        'parseHeader',
      ),
    ).toEqual([2]);
    expect(
      definedAt(
        'class Parser\n  def parse_header(x)\n    read(x)\n  end\n  def self.build; end\nend\n',
        'parser.rb',
        'parse_header',
      ),
    ).toEqual([2]);
    expect(definedAt('class Parser\n  def self.build; end\nend\n', 'parser.rb', 'build')).toEqual([
      2,
    ]);
    expect(
      definedAt(
        '<?php\nfunction parse_header($raw) {\n}\nparse_header($x);\n',
        'parser.php',
        'parse_header',
      ),
    ).toEqual([2]);
  });
});

describe('findSymbolMentions', () => {
  it('lists whole-word occurrences, one per line', () => {
    const source =
      'parse_header(buf);\nparse_headers(buf);\nx = parse_header(a) + parse_header(b);\nmy_parse_header();\n';
    expect(findSymbolMentions(source, 'parse_header').map((entry) => entry.line)).toEqual([1, 3]);
    expect(findSymbolMentions(source, 'Parser.parse_header').map((entry) => entry.line)).toEqual([
      1, 3,
    ]);
  });
});

describe('findSymbolDefinitions in C# and Kotlin', () => {
  const csharp = [
    'namespace RestSharp;', // 1
    'public partial record HeaderParameter : Parameter {', // 2
    '    public HeaderParameter(string name, string value, bool encode = false)', // 3
    '        : base(name, value, ParameterType.HttpHeader, false) { }', // 4
    '    public new string Name  => base.Name!;', // 5
    '    public bool FollowRedirects { get; set; } = true;', // 6
    '    static string GetValue(string value, bool encode) => encode ? Encode(value) : value;', // 7
    '    public virtual T? Deserialize<T>(RestResponse response) {', // 8
    '        var text = GetValue(response.Content, false);', // 9
    '        return Deserialize<T>(text);', // 10
    '    }', // 11
    '    static readonly Regex PortSplitRegex = PartSplit();', // 12
    '    public int? MaxRedirects {', // 13
    '        get => RedirectOptions.MaxRedirects;', // 14
    '    }', // 15
    '    extension(string input) {', // 16
    '        internal string UrlDecode() => HttpUtility.UrlDecode(input);', // 17
    '    }', // 18
    '    var options = new RestClientOptions {', // 19
    '}', // 20
  ].join('\n');
  const path = 'src/RestSharp/Parameters/HeaderParameter.cs';

  it('finds methods with expression bodies, type parameters after the name, and constructors', () => {
    expect(definedAt(csharp, path, 'GetValue')).toEqual([7]);
    expect(definedAt(csharp, path, 'HeaderParameter.Deserialize')).toEqual([8]);
    expect(definedAt(csharp, path, 'UrlDecode')).toEqual([17]);
    expect(definedAt(csharp, path, 'HeaderParameter')).toEqual([2, 3]);
  });

  it('finds properties and fields, not object initialisers or locals', () => {
    expect(definedAt(csharp, path, 'Name')).toEqual([5]);
    expect(definedAt(csharp, path, 'FollowRedirects')).toEqual([6]);
    expect(definedAt(csharp, path, 'MaxRedirects')).toEqual([13]);
    expect(definedAt(csharp, path, 'PortSplitRegex')).toEqual([12]);
    expect(definedAt(csharp, path, 'RestClientOptions')).toEqual([]);
    expect(definedAt(csharp, path, 'text')).toEqual([]);
  });

  it('Kotlin: extension functions and properties, type aliases, and the file facade class of a stack trace', () => {
    const kotlin = [
      'package io.ktor.http.cio', // 1
      'public typealias EncoderJob = ReaderJob', // 2
      'public fun CoroutineScope.decodeChunked(input: ByteReadChannel): DecoderJob =', // 3
      '    launch { decodeChunked(input, channel) }', // 4
      'public var ApplicationCall.formFieldLimit: Long', // 5
      'private suspend fun parseChunkSize(input: ByteReadChannel): Long {', // 6
      '}', // 7
    ].join('\n');
    const file = 'ktor-http/ktor-http-cio/common/src/io/ktor/http/cio/ChunkedTransferEncoding.kt';
    expect(definedAt(kotlin, file, 'decodeChunked')).toEqual([3]);
    expect(definedAt(kotlin, file, 'formFieldLimit')).toEqual([5]);
    expect(definedAt(kotlin, file, 'EncoderJob')).toEqual([2]);
    expect(
      definedAt(kotlin, file, 'io.ktor.http.cio.ChunkedTransferEncodingKt.parseChunkSize'),
    ).toEqual([6]);
    expect(definedAt(kotlin, 'x/Other.kt', 'ChunkedTransferEncodingKt.parseChunkSize')).toEqual([]);
    expect(
      definedAt(
        kotlin,
        'x/ChunkedTransferEncoding.jvm.kt',
        'ChunkedTransferEncoding_jvmKt.parseChunkSize',
      ),
    ).toEqual([6]);
  });
});

describe('hostile input', () => {
  it('matches regex metacharacters literally and never throws on them', () => {
    const source = 'int a(void) { return 0; }\nint ab(void) { return 1; }\n$(id)\n';
    expect(findSymbolDefinitions(source, 'x.c', 'a.*b(')).toEqual([]);
    expect(findSymbolDefinitions(source, 'x.c', '$(id)')).toEqual([]);
    expect(findSymbolMentions(source, 'a.*b(')).toEqual([]);
    expect(findSymbolDefinitions('function $id() {}\n', 'x.js', '$id')).toEqual([
      { line: 1, text: 'function $id() {}' },
    ]);
    expect(findSymbolDefinitions('function $1() {}\n', 'x.js', '$1')).toEqual([
      { line: 1, text: 'function $1() {}' },
    ]);
  });

  it('reads a 100k-line file, with work linear in its size', () => {
    const buildFile = (lineCount: number): string => {
      const lines = Array.from(
        { length: lineCount },
        (_, index) => `  value_${index % 97} = compute(value_${index % 89});`,
      );
      lines[Math.floor(lineCount * 0.7)] = 'static int target_function(int x) {';
      return lines.join('\n');
    };
    expect(definedAt(buildFile(100_000), 'big.c', 'target_function')).toEqual([70_001]);
    const growth = measureGrowth(
      (size) => buildFile(Math.floor(size / 40)),
      (text) => definedAt(text, 'big.c', 'target_function'),
      { size: 400_000 },
    );
    expect(growth.ratio).toBeLessThan(5);
  });

  it('never throws and returns lines inside the file (property)', () => {
    const extensions = fc.constantFrom(
      'c',
      'h',
      'cpp',
      'js',
      'ts',
      'py',
      'go',
      'rs',
      'java',
      'kt',
      'rb',
      'php',
      'txt',
      '',
    );
    const fragments = fc.constantFrom(
      'parse_header',
      '(',
      ')',
      '{',
      '}',
      ';',
      '\n',
      'static int\n',
      'def ',
      'fn ',
      'func ',
      'class ',
      '/*',
      '*/',
      '//',
      '"',
      "'",
      '#define ',
      '"""',
      ' ',
      'return ',
    );
    const sourceArbitrary = fc
      .array(fc.oneof(fc.string(), fragments), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        sourceArbitrary,
        extensions,
        fc.oneof(fc.constant('parse_header'), fc.string()),
        (source, extension, symbol) => {
          const lineCount = source.split('\n').length;
          for (const entry of findSymbolDefinitions(source, `x.${extension}`, symbol)) {
            expect(entry.line).toBeGreaterThanOrEqual(1);
            expect(entry.line).toBeLessThanOrEqual(lineCount);
          }
          for (const entry of findSymbolMentions(source, symbol)) {
            expect(entry.line).toBeLessThanOrEqual(lineCount);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
