// Reads code locations from prose: file paths, line references ("src/x.c:120", "src/x.c#L10-L20",
// "line 120 of src/x.c") and function names (`parse_header()`, `Parser.readChunk`).

import type { FactSink } from './create-fact-sink.js';
import { hasSourceExtension, isLikelyFilePath, normaliseFilePath } from './is-likely-file-path.js';
import { forEachMatch } from './for-each-match.js';
import { trimEndCharacters } from '../text/trim-characters.js';
import { formatGoFunction } from './parse-go-frame.js';
import { statementKeywords } from '../text/statement-keywords.js';
import { reverseDomainRoots } from '../text/reverse-domain-roots.js';

// Candidates grow outwards from a slash or a dotted extension, over the characters a path may hold.
const extensionPattern = /\.[A-Za-z][\w+]{0,9}(?![\w])/g;
const pathShape = /^(?:~\/|\.{1,2}\/|\/)?[\w@+-][\w.@+-]*(?:\/[\w@+-][\w.@+-]*)*\/?$/;
// A path may not continue a URL, a query string or a CVSS vector.
const tokenBefore = new Set([':', '?', '=', '#', '&', '%', '\\']);
const lineSuffix = /(?::(\d{1,7})(?::\d{1,5})?|#L(\d{1,7})(?:-L?(\d{1,7}))?)(?![\d.]\d)/y;
const linePrefix = /\blines?\s+(\d{1,7})(?:\s*(?:-|–|to)\s*(\d{1,7}))?\s+(?:of|in)\s+`?$/i;
const lineAfter =
  /^`?,?\s+\(?\s*(?:at\s+|on\s+|near\s+|around\s+)?lines?\s+(\d{1,7})(?:\s*(?:-|–|to)\s*(\d{1,7}))?/i;

const inlineCodePattern = /`([^`\n]{1,200})`/g;
const callShape = /^([A-Za-z_$~][\w$]*(?:(?:\.|::|->|#)[A-Za-z_$~][\w$]*)*)\s*\([^()]*\)$/;
const qualifiedShape = /^[A-Za-z_$][\w$]*(?:(?:\.|::|#)[A-Za-z_$~][\w$]*)+$/;
const identifierShape = /^[A-Za-z_$][\w$]*$/;
const callName = /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$~][\w$]*)*$/;
const callBefore = new Set(['`', '/', '\\', '-', '>', '.', ':']);
const namedFunctionPattern =
  /\b(?:function|method)\s+([A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$~][\w$]*)*)(?![\w$(])/g;

const functionWordBefore =
  /\b(?:function|method|routine|procedure|handler|callback|calls?|calling|called)\s+`$/i;
const functionWordAfter = /^`\s+(?:function|method|routine|procedure|handler|callback)\b/i;
const otherWordAfter =
  /^`\s+(?:option|setting|flag|variable|var|config|configuration|field|parameter|param|key|header|env|environment|attribute|property|column|table|file|directory|folder|macro|constant|type|struct|class|check|limit|value|size|buffer|member|argument|route|endpoint|directive|module|package|crate|library|command|binary|tool|utility|branch|tag|label|keyword|section|list|array|pointer|object|instance|mode|feature)s?\b/i;

function isIdentifierLike(name: string): boolean {
  if (/^[A-Z0-9_]+$/.test(name)) return false; // MACROS and ENV_VARS
  if (/_t$/.test(name)) return false; // C types: size_t, ssize_t
  return /[a-z0-9]_[a-z0-9_]/i.test(name) || /^_*[a-z][a-z0-9]*[A-Z]/.test(name);
}

function isFunctionLike(name: string): boolean {
  if (identifierShape.test(name)) return isIdentifierLike(name);
  if (!qualifiedShape.test(name)) return false;
  if (name.includes('::') || name.includes('#')) return true;
  return /^[A-Z]/.test(name) && !hasSourceExtension(name) && /[a-z]/.test(name);
}

function isPathCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 45 && code <= 57) || // - . / 0-9
    code === 95 || // _
    code === 64 || // @
    code === 43 || // +
    code === 126 // ~
  );
}

function findPathCenters(text: string): number[] {
  const centers: number[] = [];
  for (let at = text.indexOf('/'); at !== -1; at = text.indexOf('/', at + 1)) centers.push(at);
  forEachMatch(extensionPattern, text, (match) => {
    centers.push(match.index);
  });
  return centers.sort((a, b) => a - b);
}

function addLineReference(
  sink: FactSink,
  text: string,
  path: string,
  start: number,
  end: number,
): void {
  lineSuffix.lastIndex = end;
  const suffix = lineSuffix.exec(text);
  if (suffix !== null) {
    const first = suffix[1] ?? suffix[2]!;
    const range = suffix[3] !== undefined && suffix[3] !== first ? `${first}-${suffix[3]}` : first;
    sink.add('line-reference', `${path}:${range}`, start, end + suffix[0].length);
    return;
  }
  const prefix = linePrefix.exec(text.slice(Math.max(0, start - 40), start));
  if (prefix !== null) {
    const range = prefix[2] !== undefined ? `${prefix[1]!}-${prefix[2]}` : prefix[1]!;
    sink.add('line-reference', `${path}:${range}`, start - prefix[0].length, end);
    return;
  }
  const after = lineAfter.exec(text.slice(end, end + 40));
  if (after !== null) {
    const range = after[2] !== undefined ? `${after[1]!}-${after[2]}` : after[1]!;
    sink.add('line-reference', `${path}:${range}`, start, end + after[0].length);
  }
}

// A query string right after a path (`?q=`, `?rd=/x`): the path is a URL's.
const queryStringAfter = /^\?[A-Za-z_][\w.-]{0,39}=/;

function addPaths(sink: FactSink, text: string): void {
  let reach = -1;
  for (const center of findPathCenters(text)) {
    if (center < reach) continue;
    let start = center;
    while (start > 0 && isPathCode(text.charCodeAt(start - 1))) start -= 1;
    let end = center;
    while (end < text.length && isPathCode(text.charCodeAt(end))) end += 1;
    reach = end;
    if (start > 0 && tokenBefore.has(text[start - 1]!)) continue;
    // `/search.php?q=` is a request's URL with its query string, not a file of the repository.
    if (queryStringAfter.test(text.slice(end, end + 42))) continue;
    const raw = trimEndCharacters(text.slice(start, end), '.,;:');
    if (raw === '' || !pathShape.test(raw) || !isLikelyFilePath(raw, text[start - 1] === '`'))
      continue;
    const path = normaliseFilePath(raw);
    sink.add('file-path', path, start, start + raw.length);
    addLineReference(sink, text, path, start, start + raw.length);
  }
}

function addInlineCodeFunctions(sink: FactSink, text: string): void {
  forEachMatch(inlineCodePattern, text, (match) => {
    const content = match[1]!;
    const start = match.index + 1;
    const call = callShape.exec(content);
    if (call !== null) {
      if (statementKeywords.has(call[1]!)) return;
      sink.add('function', call[1]!, start, start + call[1]!.length);
      return;
    }
    const name = content.trim();
    if (!identifierShape.test(name) && !qualifiedShape.test(name)) return;
    const before = text.slice(Math.max(0, match.index - 24), match.index + 1);
    const after = text.slice(start + content.length, start + content.length + 24);
    const isNamedFunction = functionWordBefore.test(before) || functionWordAfter.test(after);
    if (!isNamedFunction && (otherWordAfter.test(after) || !isFunctionLike(name))) return;
    const offset = content.indexOf(name);
    sink.add('function', name, start + offset, start + offset + name.length);
  });
}

// Go names a method by its receiver: `(*client).parse()` (a method expression, as traces print
// it) and `func (c *client) parse(buf []byte) error` (its declaration); a plain function is
// declared `func parse(`. The fact is `client.parse`, the receiver type as the owner.
const goMethodExpression = /\((\*?)([A-Za-z_]\w{0,80})\)\.([A-Za-z_]\w{0,80})(?![\w$])/g;
const goDeclaration = /\bfunc[ \t]*(?:\(([^()\n]{1,120})\)[ \t]*)?([A-Za-z_]\w{0,80})[ \t]*[([]/g;
// The receiver inside a declaration's first parentheses: `c *client`, `*client`, `t tree`.
const goReceiver = /^[ \t]*(?:[A-Za-z_]\w*[ \t]+)?(\*?)([A-Za-z_]\w*)(?:\[[^\]]*\])?[ \t]*$/;

function addGoFunctions(sink: FactSink, text: string): void {
  forEachMatch(goMethodExpression, text, (match) => {
    const value = formatGoFunction(match[2]!, match[1] === '*', match[3]!);
    sink.add('function', value, match.index, match.index + match[0].length);
  });
  forEachMatch(goDeclaration, text, (match) => {
    const name = match[2]!;
    const receiver = match[1] === undefined ? null : goReceiver.exec(match[1]);
    if (match[1] !== undefined && receiver === null) return;
    const end = match.index + match[0].length - 1;
    const start = receiver === null ? end - name.length : match.index;
    const value = formatGoFunction(receiver?.[2] ?? null, receiver?.[1] === '*', name);
    sink.add('function', value, start, end);
  });
}

function addProseFunctions(sink: FactSink, text: string): void {
  for (let at = text.indexOf('()'); at !== -1; at = text.indexOf('()', at + 2)) {
    let start = at;
    while (start > 0 && /[\w$.:]/.test(text[start - 1]!)) start -= 1;
    const name = text.slice(start, at);
    if (name === '' || (start > 0 && callBefore.has(text[start - 1]!)) || !callName.test(name))
      continue;
    sink.add('function', name, start, at);
  }
  forEachMatch(namedFunctionPattern, text, (match) => {
    const name = match[1]!;
    if (!isFunctionLike(name)) return;
    const start = match.index + match[0].length - name.length;
    sink.add('function', name, start, start + name.length);
  });
}

// A link that browses the project's own repository names a path in it: `.../tree/<ref>/contrib/
// gregbook` (a folder), `.../blob/<ref>/src/x.c#L10` (a file). Only repositories named like the
// project count: a link into another project's code says nothing about where this one's is.
const repositoryLink =
  /\bhttps?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/[\w.-]{1,100}\/([\w.-]{1,100})\/(?:-\/)?(?:tree|blob|src)\/[\w.-]{1,100}\/([\w@+-][\w.@+/-]{0,300})/g;

function addRepositoryLinkPaths(
  sink: FactSink,
  text: string,
  projectNames: readonly string[],
): void {
  forEachMatch(repositoryLink, text, (match) => {
    const repository = match[1]!.toLowerCase().replace(/\.git$/, '');
    if (!projectNames.includes(repository)) return;
    const path = trimEndCharacters(match[2]!, '/.,;:');
    if (path === '' || path.includes('//')) return;
    const start = match.index + match[0].length - match[2]!.length;
    sink.add('file-path', path, start, start + path.length);
  });
}

// A dotted name (`twisted.web.static.File`, `aiohttp.web_urldispatcher`): not part of a URL, an
// address, a path or a longer dotted run, and not a file name (`twisted.py`).
const dottedName =
  /(?<![\w./@:$#\\-])[a-z_][a-z0-9_]{0,60}(?:\.[A-Za-z_]\w{0,60}){1,10}(?![\w/@-]|\.\w)/g;

/** A JVM class of the project's own package: a reverse-domain root, the project's name next. */
function isOwnJvmName(name: string, projectNames: readonly string[]): boolean {
  const segments = name.split('.');
  return (
    segments.length >= 3 &&
    reverseDomainRoots.has(segments[0]!) &&
    projectNames.includes(segments[1]!) &&
    segments.some((segment) => /^[A-Z]/.test(segment))
  );
}

/**
 * Names in the project's own package (`projectNames`: its first segment is one of them, or a JVM
 * package named by reverse domain whose second segment is), which
 * scope evaluation places in the package's files by the profile's globs (place-module-names.ts).
 */
function addModuleNames(sink: FactSink, text: string, projectNames: readonly string[]): void {
  forEachMatch(dottedName, text, (match) => {
    const name = match[0];
    if (
      !projectNames.includes(name.slice(0, name.indexOf('.'))) &&
      !isOwnJvmName(name, projectNames)
    )
      return;
    if (hasSourceExtension(name)) return;
    sink.add('module', name, match.index, match.index + name.length);
  });
}

// A PHP class by its namespace (`Twig\\Extension\\SandboxExtension`, `\\Twig\\Sandbox\\SecurityPolicy`):
// each segment capitalised, as PSR-4 names classes.
const phpQualifiedName =
  /(?<![\w\\])\\?([A-Z][A-Za-z0-9_]{0,60}(?:\\[A-Z][A-Za-z0-9_]{0,60}){1,8})(?![\w\\])/g;

/**
 * PHP classes in the project's own namespace (`projectNames`: the first segment, lower-cased, is
 * one of them), placed in their files by the profile's globs like a Python module
 * (place-module-names.ts).
 */
function addQualifiedClassNames(
  sink: FactSink,
  text: string,
  projectNames: readonly string[],
): void {
  if (!text.includes('\\')) return;
  forEachMatch(phpQualifiedName, text, (match) => {
    const name = match[1]!;
    if (!projectNames.includes(name.slice(0, name.indexOf('\\')).toLowerCase())) return;
    const start = match.index + match[0].length - name.length;
    sink.add('module', name, start, start + name.length);
  });
}

export function extractLocationFacts(
  sink: FactSink,
  text: string,
  projectNames: readonly string[] = [],
): void {
  // Names in a test case are the test's own (its class, helpers, file), not the affected code.
  const outsideTests: FactSink = {
    ...sink,
    add: (kind, value, start, end, options) => {
      if (sink.fieldAt(start) !== 'test-case') sink.add(kind, value, start, end, options);
    },
  };
  addPaths(outsideTests, text);
  if (projectNames.length > 0) {
    addRepositoryLinkPaths(outsideTests, text, projectNames);
    addModuleNames(outsideTests, text, projectNames);
    addQualifiedClassNames(outsideTests, text, projectNames);
  }
  addInlineCodeFunctions(outsideTests, text);
  addProseFunctions(outsideTests, text);
  if (text.includes(').') || text.includes('func')) addGoFunctions(outsideTests, text);
}
