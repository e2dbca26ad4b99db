// A call written as code, reduced to what a profile can name: the callee's dotted name and its
// arguments, each a dotted name, a literal or another expression. `api-call` facts carry it as
// text (`yaml.load(<expression>, Loader=yaml.UnsafeLoader)`), and a profile's `calls:` patterns
// use the same grammar (`yaml.load(Loader=UnsafeLoader)`, `Environment.from_string(non-literal)`).

/** An argument: a dotted name, a literal, or anything else (`<expression>`). */
export type CallArgument =
  | { keyword: string | null; kind: 'name'; name: string }
  | {
      keyword: string | null;
      kind: 'literal';
      /** A constant's own word (`False`, `None`, `true`, `nil`): `escape=False` is not `escape=True`. */
      constant?: string;
    }
  | { keyword: string | null; kind: 'expression' };

export interface CallSignature {
  /** The callee's dotted name, segments as written (`yaml.load`, `Environment.from_string`). */
  callee: string;
  /** Null for a pattern written without parentheses (any arguments). */
  args: CallArgument[] | null;
}

/** A pattern argument that holds on any argument but a literal: data, not the developer's text. */
const nonLiteralArgument = 'non-literal';
const literalText = '<literal>';
const expressionText = '<expression>';

// Segments joined by `.` or by Rust's and C++'s `::` (`String::from_utf8_unchecked`).
const dottedName = /^(?:[A-Za-z_$][\w$]{0,60}(?:\.|::)){0,8}[A-Za-z_$][\w$]{0,60}$/;
const segmentSeparator = /\.|::/;
// A constant written as a word, kept by name: `False`, `None`, `true`, `null`, `undefined`, `nil`.
const constantWord = /^(?:True|False|None|true|false|null|undefined|nil)$/;
const keywordArgument = /^([A-Za-z_$][\w$]{0,60})[ \t]*=(?!=)[ \t]*([\s\S]+)$/;
// One string literal (any Python prefix but f, which interpolates), a number or a constant.
const literal =
  /^(?:[rRbBuU]{0,2}(?:"""[\s\S]*"""|'''[\s\S]*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|`[^`$]*`|[-+]?\d[\w.]*|True|False|None|true|false|null|undefined|nil)$/;

/**
 * Walks `text[from, end)` past quoted strings (`"`, `'`, `` ` ``, backslash escapes) and hands
 * `visit` each bracket and comma outside them, with the bracket depth after it; `visit` returning
 * true stops the walk. Returns the depth and whether the walk ended inside a quote.
 */
export function scanUnquotedBrackets(
  text: string,
  from: number,
  end: number,
  visit: (char: string, at: number, depth: number) => boolean,
): { depth: number; inQuote: boolean } {
  let depth = 0;
  let quote = '';
  for (let at = from; at < end; at += 1) {
    const char = text[at]!;
    if (quote !== '') {
      if (char === '\\') at += 1;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char !== ',') continue;
    if (quote === '' && visit(char, at, depth)) break;
  }
  return { depth, inQuote: quote !== '' };
}

/** Splits at the commas outside brackets and quotes; null when the brackets do not balance. */
export function splitTopLevel(text: string): string[] | null {
  const parts: string[] = [];
  let from = 0;
  let unbalanced = false;
  const { depth, inQuote } = scanUnquotedBrackets(text, 0, text.length, (char, at, depthAfter) => {
    if (depthAfter < 0) return (unbalanced = true);
    if (char === ',' && depthAfter === 0) {
      parts.push(text.slice(from, at));
      from = at + 1;
    }
    return false;
  });
  if (unbalanced || depth !== 0 || inQuote) return null;
  parts.push(text.slice(from));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

// A list or map written out in code: `['a', 'b']`, PHP's `['page' => '{{ x }}']`, Ruby's
// `{ 'k' => 1 }`, Python's `{"k": "v"}`; each entry a literal or a literal key and value.
const collectionBrackets = /^(?:\[[\s\S]*\]|\{[\s\S]*\})$/;
// A map entry's key is a quoted string or a number (Ruby's `key:` symbols too), its value the rest.
const mapEntry =
  /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[-+]?\d[\w.]*|[A-Za-z_]\w*(?=:))[ \t]*(?:=>|:)[ \t]*([\s\S]+)$/;
const lineComment = /^[ \t]*(?:\/\/|#)[^\n]*$/gm;

function isLiteralEntry(entry: string): boolean {
  if (literal.test(entry)) return true;
  const pair = mapEntry.exec(entry);
  return pair !== null && literal.test(pair[2]!.trim());
}

/**
 * A list or map whose every entry is a literal (or a literal key and a literal value): the
 * developer's own text, as a single literal is. Comment lines inside (`// written by a tenant`)
 * are left out; an empty collection is not one.
 */
function isLiteralCollection(value: string): boolean {
  if (!collectionBrackets.test(value)) return false;
  const entries = splitTopLevel(value.slice(1, -1));
  if (entries === null) return false;
  const kept = entries.map((entry) => entry.replace(lineComment, '').trim()).filter(Boolean);
  return kept.length > 0 && kept.every(isLiteralEntry);
}

/** Reads one argument as written in code (or in a fact value or pattern: `<literal>`, `non-literal`). */
export function readCallArgument(text: string): CallArgument {
  const keyword = keywordArgument.exec(text);
  const name = keyword ? keyword[1]! : null;
  const value = (keyword ? keyword[2]! : text).trim();
  if (value === literalText || literal.test(value) || isLiteralCollection(value))
    return constantWord.test(value)
      ? { keyword: name, kind: 'literal', constant: value }
      : { keyword: name, kind: 'literal' };
  if (value !== nonLiteralArgument && dottedName.test(value)) {
    return { keyword: name, kind: 'name', name: value };
  }
  return { keyword: name, kind: 'expression' };
}

/** `callee` or `callee(arg, kw=arg)`; null when it is not one. */
export function parseCallSignature(text: string): CallSignature | null {
  const trimmed = text.trim();
  const open = trimmed.indexOf('(');
  if (open === -1) return dottedName.test(trimmed) ? { callee: trimmed, args: null } : null;
  const callee = trimmed.slice(0, open).trim();
  if (!dottedName.test(callee) || !trimmed.endsWith(')')) return null;
  const parts = splitTopLevel(trimmed.slice(open + 1, -1));
  return parts === null ? null : { callee, args: parts.map(readCallArgument) };
}

function formatArgument(argument: CallArgument): string {
  const value =
    argument.kind === 'name'
      ? argument.name
      : argument.kind === 'literal'
        ? (argument.constant ?? literalText)
        : expressionText;
  return argument.keyword === null ? value : `${argument.keyword}=${value}`;
}

export function formatCallSignature(signature: CallSignature): string {
  if (signature.args === null) return signature.callee;
  return `${signature.callee}(${signature.args.map(formatArgument).join(', ')})`;
}

/**
 * True when the segments of `wanted` end `name`: `UnsafeLoader` ends `yaml.UnsafeLoader`, and
 * `String::from_utf8_unchecked` ends `std::string::String::from_utf8_unchecked` (either separator).
 */
function endsWithSegments(name: string, wanted: string): boolean {
  const have = name.split(segmentSeparator);
  const want = wanted.split(segmentSeparator);
  if (want.length > have.length) return false;
  return want.every((segment, index) => have[have.length - want.length + index] === segment);
}

function holdsArgument(wanted: CallArgument, args: readonly CallArgument[]): boolean {
  if (wanted.kind === 'expression') {
    // `non-literal` (or any expression written in a pattern): a positional argument that is data.
    return args.some((argument) => argument.keyword === null && argument.kind !== 'literal');
  }
  if (wanted.kind === 'literal') {
    // `escape=False`: that keyword, given that constant (when both say which); a bare literal in a
    // pattern holds on any literal argument.
    return args.some(
      (argument) =>
        argument.kind === 'literal' &&
        (wanted.keyword === null || argument.keyword === wanted.keyword) &&
        (wanted.constant === undefined ||
          argument.constant === undefined ||
          argument.constant.toLowerCase() === wanted.constant.toLowerCase()),
    );
  }
  return args.some(
    (argument) =>
      argument.kind === 'name' &&
      (argument.keyword === null ||
        wanted.keyword === null ||
        argument.keyword === wanted.keyword) &&
      endsWithSegments(argument.name, wanted.name),
  );
}

/**
 * True when `call` is a call `pattern` names: the pattern's callee ends the call's (by whole
 * dotted segments, so `Environment` is not `SandboxedEnvironment`), and each pattern argument
 * holds on some argument of the call (`Loader=UnsafeLoader` on `Loader=yaml.UnsafeLoader` or on
 * a positional `yaml.UnsafeLoader`; `non-literal` on a positional argument that is not a literal).
 */
export function matchesCallPattern(call: CallSignature, pattern: CallSignature): boolean {
  if (!endsWithSegments(call.callee, pattern.callee)) return false;
  if (pattern.args === null) return true;
  const args = call.args ?? [];
  return pattern.args.every((wanted) => holdsArgument(wanted, args));
}
