import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCallSignature,
  matchesCallPattern,
  parseCallSignature,
  readCallArgument,
  splitTopLevel,
} from './call-signature.js';

const signature = (text: string) => {
  const parsed = parseCallSignature(text);
  if (parsed === null) throw new Error(`not a call: ${text}`);
  return parsed;
};
const matches = (call: string, pattern: string) =>
  matchesCallPattern(signature(call), signature(pattern));

describe('call signatures', () => {
  it('reads arguments as names, literals or other expressions', () => {
    expect(readCallArgument('Loader=yaml.Loader')).toEqual({
      keyword: 'Loader',
      kind: 'name',
      name: 'yaml.Loader',
    });
    expect(readCallArgument('"<div>{{ x }}</div>"').kind).toBe('literal');
    expect(readCallArgument("b'\\x00'").kind).toBe('literal');
    expect(readCallArgument('42').kind).toBe('literal');
    expect(readCallArgument('f"{name}"').kind).toBe('expression');
    expect(readCallArgument('"a" + user').kind).toBe('expression');
    expect(readCallArgument('request.form["greeting"]').kind).toBe('expression');
    expect(readCallArgument('non-literal').kind).toBe('expression');
  });

  it('splits arguments only at top-level commas', () => {
    expect(splitTopLevel('a, f(b, c), [d, e], "x, y"')).toEqual([
      'a',
      'f(b, c)',
      '[d, e]',
      '"x, y"',
    ]);
    expect(splitTopLevel('a, (b')).toBeNull();
  });

  it('parses and formats the fact value and the pattern grammar alike', () => {
    const call = signature('yaml.load(request.get_data(), Loader=yaml.Loader)');
    expect(formatCallSignature(call)).toBe('yaml.load(<expression>, Loader=yaml.Loader)');
    expect(parseCallSignature('yaml.unsafe_load')).toEqual({
      callee: 'yaml.unsafe_load',
      args: null,
    });
    expect(parseCallSignature('not a call(')).toBeNull();
    expect(parseCallSignature('')).toBeNull();
  });

  it('matches callees by whole trailing segments', () => {
    expect(matches('yaml.unsafe_load(<expression>)', 'yaml.unsafe_load')).toBe(true);
    expect(matches('jinja2.Environment()', 'Environment')).toBe(true);
    expect(matches('SandboxedEnvironment()', 'Environment')).toBe(false);
    expect(matches('load(<expression>)', 'yaml.load')).toBe(false);
  });

  it('matches keyword and positional arguments by their trailing segments', () => {
    const pattern = 'yaml.load(Loader=Loader)';
    expect(matches('yaml.load(<expression>, Loader=yaml.Loader)', pattern)).toBe(true);
    expect(matches('yaml.load(<expression>, yaml.Loader)', pattern)).toBe(true);
    expect(matches('yaml.load(<expression>, Loader=yaml.UnsafeLoader)', pattern)).toBe(false);
    expect(matches('yaml.load(<expression>, Loader=yaml.CSafeLoader)', pattern)).toBe(false);
    expect(matches('yaml.load(<expression>, Dumper=yaml.Loader)', pattern)).toBe(false);
  });

  it('reads a list or map of literals as the developer’s own literal, not one holding data', () => {
    expect(
      readCallArgument("['page' => '{{ [client]|join }}',   // written by a tenant\n]").kind,
    ).toBe('literal');
    expect(readCallArgument('{"index.html": "<p>{{ x }}</p>"}').kind).toBe('literal');
    expect(readCallArgument("['a', 'b']").kind).toBe('literal');
    expect(readCallArgument("['page' => $request->get('tpl')]").kind).toBe('expression');
    expect(readCallArgument('[tpl]').kind).toBe('expression');
    expect(readCallArgument('[]').kind).toBe('expression');
  });

  it('holds non-literal on data, not on the developer’s own literal', () => {
    const pattern = 'Environment.from_string(non-literal)';
    expect(matches('Environment.from_string(<expression>)', pattern)).toBe(true);
    expect(matches('Environment.from_string(tpl)', pattern)).toBe(true);
    expect(matches('Environment.from_string(<literal>)', pattern)).toBe(false);
    expect(matches('SandboxedEnvironment.from_string(<expression>)', pattern)).toBe(false);
  });

  it('never throws, and a formatted signature reads back to itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseCallSignature(text);
        if (parsed !== null) {
          const formatted = formatCallSignature(parsed);
          expect(formatCallSignature(signature(formatted))).toBe(formatted);
        }
      }),
    );
    const name = fc.stringMatching(/^[A-Za-z_][\w]{0,8}(?:\.[A-Za-z_][\w]{0,8}){0,2}$/);
    const argument = fc.oneof(
      name,
      fc.constant('"text, with a comma"'),
      fc.constant('f(a, [b])'),
      fc.tuple(name, name).map(([keyword, value]) => `${keyword.split('.')[0]}=${value}`),
    );
    fc.assert(
      fc.property(name, fc.array(argument, { maxLength: 5 }), (callee, args) => {
        const parsed = signature(`${callee}(${args.join(', ')})`);
        expect(parsed.args).toHaveLength(args.length);
        expect(matchesCallPattern(parsed, { callee, args: null })).toBe(true);
      }),
    );
  });

  it('reads Rust and C++ paths, and matches them by whole segments with either separator', () => {
    expect(signature('String::from_utf8_unchecked')).toEqual({
      callee: 'String::from_utf8_unchecked',
      args: null,
    });
    expect(
      matches('std::string::String::from_utf8_unchecked(bytes)', 'String::from_utf8_unchecked'),
    ).toBe(true);
    expect(matches('String::from_utf8_unchecked(bytes)', 'String.from_utf8_unchecked')).toBe(true);
    expect(matches('MyString::from_utf8_unchecked(bytes)', 'String::from_utf8_unchecked')).toBe(
      false,
    );
    expect(matches('Builder::new.keep_alive(false)', 'keep_alive(false)')).toBe(true);
    expect(parseCallSignature('String:::x')).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z_][\w]{0,8}$/), { minLength: 1, maxLength: 4 }),
        (segments) => {
          const rust = segments.join('::');
          expect(matches(`${rust}(x)`, segments.join('.'))).toBe(true);
          expect(matches(`${segments.join('.')}(x)`, rust)).toBe(true);
        },
      ),
    );
  });
});

describe('a keyword given a constant in a pattern', () => {
  const matches = (call: string, pattern: string): boolean =>
    matchesCallPattern(parseCallSignature(call)!, parseCallSignature(pattern)!);

  it('holds only on that keyword, given that constant', () => {
    expect(matches('mistune.markdown(text, escape=False)', 'mistune.markdown(escape=False)')).toBe(
      true,
    );
    expect(matches('mistune.markdown("# hi")', 'mistune.markdown(escape=False)')).toBe(false);
    expect(matches('markdown(s, escape=True)', 'markdown(escape=False)')).toBe(false);
    expect(
      matches('HTMLRenderer(allow_harmful_protocols=True)', 'HTMLRenderer(escape=False)'),
    ).toBe(false);
    expect(matches('yaml.load(f, Loader=yaml.Loader)', 'yaml.load(Loader=Loader)')).toBe(true);
  });

  it('keeps the constant through the fact text', () => {
    const call = parseCallSignature('markdown(s, escape=False)')!;
    expect(formatCallSignature(call)).toBe('markdown(s, escape=False)');
    expect(matches(formatCallSignature(call), 'markdown(escape=false)')).toBe(true);
  });
});
