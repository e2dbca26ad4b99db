// Reads the calls the caller's code makes, so a profile can name an API choice that is the
// caller's to make (`calls:`, docs/security-profile.md): `yaml.load(data, Loader=yaml.Loader)`,
// `yaml.unsafe_load(body)`, `env.from_string(request.form["x"])` with `env = Environment()`.
// Each call is an `api-call` fact whose value is its signature (`call-signature.ts`). Read from
// the caller's fenced blocks and indented snippets (actor `user`, like settings written as code)
// and from prose, inline code or code run into a sentence, with arguments (whose it is is left to
// the sentence; `parse()` alone names a function). Ruby and Elixir call without parentheses
// (`send_file File.join(root, params[:file])`, `redirect to(params[:next])`): in their blocks a
// statement that is a name, a blank and arguments is a call too (`findCommandCalls`). Not read:
// diffs, blocks introduced as the library's own code, function definitions, control-flow keywords.

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { findModuleBindings } from './find-module-bindings.js';
import { forEachMatch } from './for-each-match.js';
import {
  findIndentedSnippets,
  isIndentedDiff,
  isLibraryCode,
} from './extract-code-setting-facts.js';
import {
  formatCallSignature,
  readCallArgument,
  scanUnquotedBrackets,
  splitTopLevel,
  type CallArgument,
  type CallSignature,
} from '../text/call-signature.js';
import { statementKeywords } from '../text/statement-keywords.js';

const name = String.raw`[A-Za-z_$][\w$]{0,60}`;
// Segments joined by `.` or by Rust's `::` path separator (`String::from_utf8_unchecked(`).
const dotted = String.raw`(?:${name}(?:\.|::)){0,8}${name}`;
// A callee right before its opening parenthesis (no blank: `if (x)` is C, not a call), not the
// tail of a longer path.
const callOpen = new RegExp(String.raw`(?<![\w$:])(${dotted})\(`, 'g');
// `env = Environment(`, `const client = new Client(`: the variable's methods are the class's.
const constructed = new RegExp(
  String.raw`(?<![\w$.])(${name})[ \t]{0,8}=[ \t]{0,8}(?:new[ \t]+)?(${dotted})\(`,
  'g',
);
const definition = /(?:\bdef|\bfunction|\bclass|\bfn|\bfunc)[ \t]+$/;
const maxArgumentsLength = 600;
// The blanks between a call's `)` and the `.` of the next call in a chain (a line break and indent).
const maxChainGap = 80;
// A block of a million `f(` would cost `maxArgumentsLength` each: the first calls say enough.
const maxCallsPerCode = 200;

/** The index of the `)` closing the `(` at `open`, or -1 within the bound. */
function findClose(text: string, open: number): number {
  let close = -1;
  const end = Math.min(text.length, open + maxArgumentsLength);
  scanUnquotedBrackets(text, open, end, (char, at, depth) => {
    if (char === ',' || depth !== 0) return false;
    if (char === ')') close = at;
    return true;
  });
  return close;
}

/** The index of the last character at or before `from` that is not a blank or a line break. */
function skipBlanksBackward(code: string, from: number): number {
  let at = from;
  const limit = Math.max(0, from - maxChainGap);
  while (at >= limit && /\s/.test(code[at] ?? '')) at -= 1;
  return at;
}

export interface FoundCall {
  signature: CallSignature;
  start: number;
  end: number;
}

/** The calls in a piece of code, `offset` added to their positions. */
export function findCalls(code: string, offset = 0): FoundCall[] {
  const classes = new Map<string, string>();
  forEachMatch(constructed, code, (match) => classes.set(match[1]!, match[2]!));
  // `const jwt = require('jsonwebtoken')`: the variable is the module, not something `require` made.
  const modules = findModuleBindings(code);
  const calls: FoundCall[] = [];
  const calleeClosedAt = new Map<number, string>();
  let examined = 0;
  forEachMatch(callOpen, code, (match) => {
    examined += 1;
    if (examined > maxCallsPerCode) return;
    let callee = match[1]!;
    const start = match.index;
    if (
      statementKeywords.has(callee) ||
      definition.test(code.slice(Math.max(0, start - 10), start))
    )
      return;
    if (code[start - 1] === '.') {
      // `Environment().from_string(...)`: the method of what the previous call returned, also
      // when a builder chain puts each call on its own line (`Builder::new()\n    .keep_alive(`).
      const receiverClose = skipBlanksBackward(code, start - 2);
      const receiver = code[receiverClose] === ')' ? calleeClosedAt.get(receiverClose) : undefined;
      if (receiver === undefined) return;
      callee = `${receiver}.${callee}`;
    }
    const first = callee.split('.', 1)[0]!;
    const module = modules.get(first);
    const constructedBy = classes.get(first);
    if (module !== undefined) {
      callee = module + callee.slice(first.length);
    } else if (constructedBy !== undefined && callee !== first) {
      callee = constructedBy + callee.slice(first.length);
    }
    const open = start + match[0].length - 1;
    const close = findClose(code, open);
    if (close === -1) return;
    const parts = splitTopLevel(code.slice(open + 1, close));
    if (parts === null) return;
    calleeClosedAt.set(close, callee);
    calls.push({
      signature: { callee, args: parts.slice(0, 8).map(readCallArgument) },
      start: offset + start,
      end: offset + close + 1,
    });
  });
  return calls;
}

// Languages whose calls need no parentheses, by a fence's info string.
const commandCallLanguages = new Set(['ruby', 'rb', 'erb', 'crystal', 'elixir', 'ex', 'exs']);
// Unlabelled code shaped like Ruby or Elixir: a line opening a `do` block or a `def`, and a later
// line that is `end`. Each line is read alone, cut at `maxCommandLineLength`.
const opensBlock = /(?:\bdo(?:[ \t]*\|[^|\n]*\|)?|^[ \t]*def[ \t]+\w[^\n]*)[ \t]*$/;
const closesBlock = /^[ \t]*end\b/;
const maxCommandLineLength = 600;
// Words of Ruby and Elixir that open a statement or define something: never a call's name.
const commandKeywords: ReadonlySet<string> = new Set([
  ...statementKeywords,
  'unless',
  'until',
  'case',
  'when',
  'then',
  'else',
  'elsif',
  'do',
  'end',
  'begin',
  'rescue',
  'ensure',
  'module',
  'defp',
  'defmodule',
  'defmacro',
  'alias',
  'undef',
  'super',
  'require',
  'require_relative',
  'include',
  'extend',
  'import',
  'use',
  'private',
  'protected',
  'public',
  'attr_reader',
  'attr_writer',
  'attr_accessor',
  'fn',
]);
// A statement: optionally `target =` or `return`, then a name, a blank, and arguments that do not
// open with an operator (`total + 1` is arithmetic, `x = y` an assignment) or a block keyword.
const commandStatement =
  /^([ \t]*(?:(?:[A-Za-z_@$][\w.@$]*(?:\[[^\]\n]*\])?[ \t]*=(?![=~>])|return)[ \t]+)?)([a-z_]\w*[?!]?)[ \t]+(?![\s=+*/%|&<>!?.,;)\]}#-]|do\b|if\b|unless\b|then\b|and\b|or\b|in\b)(\S[^\n]*)$/;
// A trailing block, modifier or comment ends the arguments.
const commandTail =
  /[ \t]+(?:do\b(?:[ \t]*\|[^|\n]*\|)?[ \t]*$|(?:if|unless|while|until)\b[\s\S]*$|#[ \t][\s\S]*$)/;
// Ruby's `key: value` keyword argument, and a `:symbol`, which is a literal.
const rubyKeywordArgument = /^([A-Za-z_]\w*):[ \t]+([\s\S]+)$/;
const rubySymbol = /^:[A-Za-z_]\w*[?!]?$/;

/** The lines of `code` with where each starts, each cut at `maxCommandLineLength`. */
function* readLines(code: string): Generator<{ line: string; start: number }> {
  let start = 0;
  while (start <= code.length) {
    const newline = code.indexOf('\n', start);
    const end = newline === -1 ? code.length : newline;
    yield { line: code.slice(start, Math.min(end, start + maxCommandLineLength)), start };
    start = end + 1;
  }
}

/** True when code from a block with this info string may call without parentheses. */
export function mayCallWithoutParentheses(info: string, code: string): boolean {
  if (commandCallLanguages.has(info.toLowerCase())) return true;
  if (info !== '') return false;
  let opened = false;
  for (const { line } of readLines(code)) {
    if (opened && closesBlock.test(line)) return true;
    if (opensBlock.test(line)) opened = true;
  }
  return false;
}

function readCommandArgument(text: string): CallArgument {
  const keyword = rubyKeywordArgument.exec(text);
  const value = keyword ? keyword[2]!.trim() : text;
  const argument = readCallArgument(rubySymbol.test(value) ? `'${value.slice(1)}'` : value);
  return keyword ? { ...argument, keyword: keyword[1]! } : argument;
}

/** The calls written without parentheses (Ruby, Elixir) in a piece of code, `offset` added. */
export function findCommandCalls(code: string, offset = 0): FoundCall[] {
  const calls: FoundCall[] = [];
  for (const { line, start: lineStart } of readLines(code)) {
    if (calls.length >= maxCallsPerCode) break;
    const match = commandStatement.exec(line);
    if (!match) continue;
    const callee = match[2]!;
    if (commandKeywords.has(callee)) continue;
    const argumentsText = match[3]!.replace(commandTail, '').trimEnd();
    if (argumentsText === '') continue;
    const parts = splitTopLevel(argumentsText);
    if (parts === null || parts.length === 0) continue;
    const start = lineStart + match[1]!.length;
    calls.push({
      signature: { callee, args: parts.slice(0, 8).map(readCommandArgument) },
      start: offset + start,
      end: offset + start + callee.length + 1 + argumentsText.length,
    });
  }
  return calls;
}

/** The calls of a piece of the caller's code, with parentheses and, where the language allows, without. */
function findCodeCalls(code: string, offset: number, info: string): FoundCall[] {
  const calls = findCalls(code, offset);
  if (!mayCallWithoutParentheses(info, code)) return calls;
  return [...calls, ...findCommandCalls(code, offset)];
}

function addCalls(sink: FactSink, calls: readonly FoundCall[], actor: 'user' | undefined): void {
  for (const call of calls) {
    const value = formatCallSignature(call.signature);
    sink.add('api-call', value, call.start, call.end, actor ? { actor } : {});
  }
}

/** Adds the calls of the caller's code blocks (`codeBlocks`: no diffs, no library code), snippets and prose. */
export function extractApiCallFacts(
  sink: FactSink,
  prose: string,
  codeBlocks: readonly CodeBlock[],
): void {
  const body = sink.body;
  for (const block of codeBlocks) {
    const content = body.slice(block.contentStart, block.contentEnd);
    addCalls(sink, findCodeCalls(content, block.contentStart, block.info), 'user');
  }
  const snippets = findIndentedSnippets(prose);
  for (const snippet of snippets) {
    const text = prose.slice(snippet.start, snippet.end);
    if (isIndentedDiff(text) || isLibraryCode(prose, snippet.start)) continue;
    addCalls(sink, findCodeCalls(text, snippet.start, ''), 'user');
  }
  // Prose: inline code and code run into a sentence ("... in our service: return
  // yaml.load(inhalt, Loader=yaml.UnsafeLoader)"), calls with arguments, and the calls nested in
  // their arguments (`taster=jelly.DummySecurityOptions()`: code, not a function named in prose).
  const inProse = findCalls(prose).filter(
    (call) => !snippets.some((snippet) => call.start >= snippet.start && call.start < snippet.end),
  );
  const withArguments = inProse.filter((call) => (call.signature.args ?? []).length > 0);
  const proseCalls = inProse.filter(
    (call) =>
      (call.signature.args ?? []).length > 0 ||
      withArguments.some((outer) => call.start > outer.start && call.end < outer.end),
  );
  addCalls(sink, proseCalls, undefined);
}
