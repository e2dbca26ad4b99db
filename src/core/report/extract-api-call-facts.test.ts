import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import {
  findCalls,
  findCommandCalls,
  mayCallWithoutParentheses,
} from './extract-api-call-facts.js';
import { extractFacts } from './extract-facts.js';
import { formatCallSignature } from '../text/call-signature.js';
import { measureGrowth } from '../../../test/support/measure-work.js';

const callsIn = (code: string) =>
  findCalls(code).map((call) => formatCallSignature(call.signature));
const apiCalls = (body: string) =>
  extractFacts(buildTestReport(body))
    .filter((fact) => fact.kind === 'api-call')
    .map((fact) => `${fact.value}${fact.actor ? ` (${fact.actor})` : ''}`);

describe('findCalls', () => {
  it('reads the callee and its arguments', () => {
    expect(callsIn('manifest = yaml.load(request.get_data(), Loader=yaml.Loader)')).toEqual([
      'yaml.load(<expression>, Loader=yaml.Loader)',
      'request.get_data()',
    ]);
  });

  it('names a method after the class its variable was made from', () => {
    const code = 'env = Environment()\nt = env.from_string(request.form["x"])\n';
    expect(callsIn(code)).toContain('Environment.from_string(<expression>)');
    expect(callsIn('Environment().from_string(tpl)')).toContain('Environment.from_string(tpl)');
  });

  it('reads Rust paths whole, and the methods of a builder chain split over lines', () => {
    expect(callsIn('let s = unsafe { std::str::from_utf8_unchecked(&buf) };')).toEqual([
      'std::str::from_utf8_unchecked(<expression>)',
    ]);
    const chain = [
      'let conn = server::Builder::new()',
      '    .keep_alive(false)',
      '    .strict_mode(false)',
      '    .serve(io);',
    ].join('\n');
    expect(callsIn(chain)).toEqual([
      'server::Builder::new()',
      'server::Builder::new.keep_alive(false)',
      'server::Builder::new.keep_alive.strict_mode(false)',
      'server::Builder::new.keep_alive.strict_mode.serve(io)',
    ]);
    // A method after blank lines far from any call is not chained to it.
    expect(callsIn(`f()${' '.repeat(200)}.g(x)`)).toEqual(['f()']);
  });

  it('skips definitions, keywords and C-style blanks before the parenthesis', () => {
    expect(callsIn('def lade_profil(datei):\n    return x')).toEqual([]);
    expect(callsIn('if (x) { return (y); }')).toEqual([]);
    expect(callsIn('while(n)')).toEqual([]);
  });

  it('reads a bounded number of calls, with work linear in the code', () => {
    expect(findCalls('f('.repeat(200_000))).toEqual([]);
    expect(findCalls('g(x);'.repeat(10_000))).toHaveLength(200);
    for (const unit of ['f(', 'g(x);', 'a.b(c, (d']) {
      const growth = measureGrowth(
        (size) => unit.repeat(Math.ceil(size / unit.length)),
        (code) => findCalls(code),
      );
      expect(growth.ratio, unit).toBeLessThan(5);
    }
  });

  it('never throws, and every call lies inside the code', () => {
    const piece = fc.constantFrom(
      'a.b(',
      ')',
      '(',
      ',',
      'x=',
      '"',
      "'",
      'def ',
      ' ',
      '\n',
      'env = E()',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 }),
        (parts) => {
          const code = parts.join('');
          for (const call of findCalls(code, 5)) {
            expect(call.start).toBeGreaterThanOrEqual(5);
            expect(call.end).toBeLessThanOrEqual(code.length + 5);
            expect(code[call.end - 6]).toBe(')');
          }
        },
      ),
    );
  });

  it('keeps a call spread over lines and drops one that never closes', () => {
    expect(callsIn('yaml.load(\n    data,\n    Loader=yaml.UnsafeLoader,\n)')).toEqual([
      'yaml.load(data, Loader=yaml.UnsafeLoader)',
    ]);
    expect(callsIn('yaml.load(data, Loader=')).toEqual([]);
  });
});

const commandCallsIn = (code: string) =>
  findCommandCalls(code).map((call) => formatCallSignature(call.signature));

describe('findCommandCalls (Ruby, Elixir)', () => {
  it('reads a statement that is a name, a blank and arguments as a call', () => {
    const code = [
      "get '/docs/download' do",
      "  send_file File.join(settings.root, 'uploads', params[:file])",
      'end',
      '  html = erb params[:page].to_sym',
      '  redirect to(params[:next]) if signed_in?',
    ].join('\n');
    expect(commandCallsIn(code)).toEqual([
      'get(<literal>)',
      'send_file(<expression>)',
      'erb(<expression>)',
      'redirect(<expression>)',
    ]);
  });

  it("reads Ruby's `key: value` as a keyword argument and a :symbol as a literal", () => {
    expect(commandCallsIn("  send_file 'public/a.pdf', type: :pdf")).toEqual([
      'send_file(<literal>, type=<literal>)',
    ]);
    expect(commandCallsIn('erb :index, layout: false')).toEqual([
      'erb(<literal>, layout=false)',
    ]);
  });

  it('leaves out arithmetic, assignments, keywords, definitions and trailing comments', () => {
    const code = [
      'total = count + 1',
      'x = y',
      'if admin? then',
      'def show page',
      "require 'sinatra'",
      'return unless params[:id]',
      'puts name # the page',
    ].join('\n');
    expect(commandCallsIn(code)).toEqual(['puts(name)']);
  });

  it('applies to Ruby and Elixir blocks, or unlabelled code shaped like them', () => {
    expect(mayCallWithoutParentheses('ruby', 'x')).toBe(true);
    expect(mayCallWithoutParentheses('exs', 'x')).toBe(true);
    expect(mayCallWithoutParentheses('', "get '/' do\n  send_file x\nend\n")).toBe(true);
    expect(mayCallWithoutParentheses('', 'python3 poc.py --host x\n')).toBe(false);
    expect(mayCallWithoutParentheses('bash', "get '/' do\n  x\nend")).toBe(false);
  });

  it('reads a bounded number of calls, with work linear in the code, inside the code', () => {
    expect(findCommandCalls('f x\n'.repeat(10_000))).toHaveLength(200);
    for (const unit of ['a', 'a b', 'a = b c ', 'x if y ']) {
      const growth = measureGrowth(
        (size) => unit.repeat(Math.ceil(size / unit.length)),
        (code) => findCommandCalls(code),
      );
      expect(growth.ratio, unit).toBeLessThan(5);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (code) => {
        for (const call of findCommandCalls(code, 3)) {
          expect(call.start).toBeGreaterThanOrEqual(3);
          expect(call.end).toBeLessThanOrEqual(code.length + 3);
        }
      }),
    );
  });
});

describe('api-call facts', () => {
  it("reads the caller's code blocks and snippets as the caller's", () => {
    const body = [
      'Our importer:',
      '',
      '```python',
      'settings = yaml.unsafe_load(upload.read())',
      '```',
      '',
      'And the tool:',
      '',
      '    config = yaml.load(fh, Loader=yaml.Loader)',
    ].join('\n');
    expect(apiCalls(body)).toEqual([
      'yaml.unsafe_load(<expression>) (user)',
      'upload.read() (user)',
      'yaml.load(fh, Loader=yaml.Loader) (user)',
    ]);
  });

  it('reads inline code in prose without an actor, and not a function named with ()', () => {
    expect(apiCalls('They call `yaml.load(body, Loader=yaml.UnsafeLoader)` on uploads.')).toEqual([
      'yaml.load(body, Loader=yaml.UnsafeLoader)',
    ]);
    expect(apiCalls('The loop is in `http_read_chunked()`.')).toEqual([]);
    expect(
      apiCalls('Our code: return yaml.load(inhalt, Loader=yaml.UnsafeLoader) Steps: 1.'),
    ).toEqual(['yaml.load(inhalt, Loader=yaml.UnsafeLoader)']);
  });

  it("leaves out a block that defines the function the report blames as the project's", () => {
    const quoted = [
      'The bug is in `Frame::decode_unchecked` in src/codec.rs. The relevant code:',
      '',
      '```rust',
      'impl Frame {',
      '    fn decode_unchecked(buf: &[u8]) -> Frame {',
      '        unsafe { std::mem::transmute(buf.as_ptr()) }',
      '    }',
      '}',
      '```',
    ].join('\n');
    expect(apiCalls(quoted)).toEqual([]);
    // The same block introduced as the caller's own stays the caller's, and so does a handler
    // the prose names bare.
    expect(apiCalls(quoted.replace('The relevant code:', '\n\nOur wrapper around it:'))).toContain(
      'std::mem::transmute(<expression>) (user)',
    );
    const handler = [
      'Our `handle` function:',
      '',
      '```rust',
      'async fn handle(v: Vec<u8>) -> String {',
      '    unsafe { String::from_utf8_unchecked(v) }',
      '}',
      '```',
    ].join('\n');
    expect(apiCalls(handler)).toEqual(['String::from_utf8_unchecked(v) (user)']);
  });

  it('reads a call nested in a prose call’s arguments, as code run into the sentence', () => {
    expect(
      apiCalls(
        'Our receiver: obj = jelly.unjelly(expr, taster=jelly.DummySecurityOptions()) then.',
      ),
    ).toEqual(['jelly.unjelly(expr, taster=<expression>)', 'jelly.DummySecurityOptions()']);
    expect(apiCalls('The limit is checked in `parse()` and in `read()` only.')).toEqual([]);
  });

  it("reads calls without parentheses in a Ruby block as the caller's", () => {
    const body = [
      'Route in our app:',
      '',
      '```ruby',
      "get '/docs/download' do",
      "  send_file File.join(settings.root, 'uploads', params[:file])",
      'end',
      '```',
    ].join('\n');
    expect(apiCalls(body)).toContain('send_file(<expression>) (user)');
  });

  it("does not read diffs or code introduced as the library's own", () => {
    const body = [
      'The code in lib/yaml/constructor.py:',
      '',
      '```python',
      'return self.find_python_name(suffix, node.start_mark, unsafe=True)',
      '```',
      '',
      '```diff',
      '--- a/lib/yaml/__init__.py',
      '+++ b/lib/yaml/__init__.py',
      '@@ -1,1 +1,1 @@',
      '-    return load(stream, UnsafeLoader)',
      '+    return load(stream, SafeLoader)',
      '```',
    ].join('\n');
    expect(apiCalls(body)).toEqual([]);
  });
});
