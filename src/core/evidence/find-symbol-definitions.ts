import { escapeRegExp } from '../text/escape-reg-exp.js';
// Finds where a function, method, class, type or macro is defined in one source file (by the
// language its extension names), as opposed to lines that merely mention it.

export interface SymbolLine {
  /** 1-based line number. */
  line: number;
  /** The line as written (cut to 400 characters). */
  text: string;
}

type Language =
  'c' | 'js' | 'python' | 'go' | 'rust' | 'java' | 'csharp' | 'ruby' | 'php' | 'other';

const languageByExtension: Readonly<Record<string, Language>> = {
  c: 'c',
  h: 'c',
  cc: 'c',
  cpp: 'c',
  hpp: 'c',
  cxx: 'c',
  hh: 'c',
  hxx: 'c',
  ipp: 'c',
  inl: 'c',
  m: 'c',
  mm: 'c',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'js',
  ts: 'js',
  mts: 'js',
  cts: 'js',
  tsx: 'js',
  py: 'python',
  pyi: 'python',
  pyx: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'java',
  kts: 'java',
  scala: 'java',
  cs: 'csharp',
  csx: 'csharp',
  rb: 'ruby',
  php: 'php',
};

const maxLineText = 400;
const maxMentions = 1000;
/** How far a definition's parameter list and opening brace are looked for, in lines. */
const maxSignatureLines = 12;

const identifier = /^[A-Za-z_$~][\w$]*[?!]?$/;
const identifierCode = /[\w$]/;
const controlWords = new Set([
  'if',
  'for',
  'while',
  'switch',
  'return',
  'sizeof',
  'case',
  'else',
  'do',
  'goto',
  'catch',
  'new',
  'throw',
  'typeof',
  'delete',
  'await',
  'yield',
  'defined',
  'elif',
  'not',
  'and',
  'or',
  'in',
  'is',
]);

// Keywords of C, JavaScript or Python that are ordinary names in Rust: `Builder::new`,
// `Queue::delete` are functions there.
const rustOrdinaryNames = new Set([
  'new',
  'delete',
  'throw',
  'catch',
  'typeof',
  'defined',
  'not',
  'and',
  'or',
  'is',
  'elif',
  'case',
  'sizeof',
  'goto',
]);

interface SymbolName {
  name: string;
  /** The class or object in `Parser.readChunk`, `Parser::read`, `conn->parse`, if any. */
  owner: string | null;
  separator: string | null;
}

/** `Parser.readChunk`, `Parser::read`, `Foo#bar`, `conn->parse`, `parse_header()` → parts. */
function readSymbol(symbol: string, language: Language = 'other'): SymbolName | null {
  // Cut first: no symbol is longer, and the trim below then stays bounded.
  const cleaned = symbol
    .trim()
    .slice(0, 256)
    .replace(/\s*\(\s*\)$/, '');
  const match = /^(?:(.*?)(\.|::|->|#))?([^.:#>-]+)$/.exec(cleaned);
  if (match === null) return null;
  const name = match[3]!;
  if (!identifier.test(name)) return null;
  if (controlWords.has(name) && !(language === 'rust' && rustOrdinaryNames.has(name))) return null;
  const owner = match[1] ?? null;
  // Go prints a pointer receiver as `(*client).parse`: the owner is `client`.
  const ownerName =
    owner === null
      ? null
      : (owner
          .replace(/^\(\*?|\)$/g, '')
          .split(/\.|::|->|#/)
          .pop() ?? null);
  return {
    name,
    owner: ownerName !== null && /^[A-Za-z_$][\w$]*$/.test(ownerName) ? ownerName : null,
    separator: match[2] ?? null,
  };
}

function languageOf(path: string): Language {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return 'other';
  return languageByExtension[path.slice(dot + 1).toLowerCase()] ?? 'other';
}

function isWholeWordAt(line: string, at: number, length: number): boolean {
  const before = at > 0 ? line[at - 1]! : '';
  const after = line[at + length] ?? '';
  return (
    !(before !== '' && identifierCode.test(before)) && !(after !== '' && identifierCode.test(after))
  );
}

function hasWholeWord(line: string, word: string): boolean {
  for (let at = line.indexOf(word); at !== -1; at = line.indexOf(word, at + 1)) {
    if (isWholeWordAt(line, at, word.length)) return true;
  }
  return false;
}

/**
 * Blanks comments and string contents line by line (keeping the line count), cheaply: `//` and
 * `/* *\/` for C-like languages, `#` for scripting ones, docstrings in Python. Good enough to skip
 * a name that only appears in a comment or a message; not a full lexer.
 */
function blankNonCode(lines: readonly string[], language: Language): string[] {
  const hashComments =
    language === 'python' || language === 'ruby' || language === 'php' || language === 'other';
  const slashComments = language !== 'python' && language !== 'ruby';
  const singleQuotes = language !== 'rust';
  const code: string[] = [];
  let inBlock = false;
  let inDocstring: string | null = null;
  for (const raw of lines) {
    let line = raw.length > 4000 ? raw.slice(0, 4000) : raw;
    if (inDocstring !== null) {
      const close = line.indexOf(inDocstring);
      if (close === -1) {
        code.push('');
        continue;
      }
      line = line.slice(close + 3);
      inDocstring = null;
    }
    if (inBlock) {
      const close = line.indexOf('*/');
      if (close === -1) {
        code.push('');
        continue;
      }
      line = ' '.repeat(close + 2) + line.slice(close + 2);
      inBlock = false;
    }
    if (language === 'python') {
      const triple = /("""|''')/.exec(line);
      if (triple !== null) {
        const close = line.indexOf(triple[1]!, triple.index + 3);
        if (close === -1) {
          inDocstring = triple[1]!;
          line = line.slice(0, triple.index);
        } else line = line.slice(0, triple.index) + line.slice(close + 3);
      }
    }
    line = line.replace(
      singleQuotes ? /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g : /"(?:[^"\\]|\\.)*"/g,
      '""',
    );
    if (slashComments) {
      const lineComment = line.indexOf('//');
      if (lineComment !== -1) line = line.slice(0, lineComment);
      let open = line.indexOf('/*');
      while (open !== -1) {
        const close = line.indexOf('*/', open + 2);
        if (close === -1) {
          line = line.slice(0, open);
          inBlock = true;
          break;
        }
        line = line.slice(0, open) + ' '.repeat(close + 2 - open) + line.slice(close + 2);
        open = line.indexOf('/*', close + 2);
      }
    }
    if (hashComments && !(language === 'other' && /^\s*#\s*(?:define|include|if)/.test(line))) {
      const hash = language === 'php' ? line.search(/#(?!\[)/) : line.indexOf('#');
      if (hash !== -1) line = line.slice(0, hash);
    }
    code.push(line);
  }
  return code;
}

/**
 * From the `(` at code[row][column], skips the balanced parameter list and whatever may stand
 * between it and a body (qualifiers, a return type, `throws`, a C++ initialiser list), and says
 * what comes next: `{` (a definition), `;` (a declaration), `=>` (a C# expression body) or
 * anything else (a call).
 */
function readAfterParameters(
  code: readonly string[],
  row: number,
  column: number,
  allowed: RegExp,
): '{' | ';' | '=>' | 'other' {
  let depth = 0;
  let tail = '';
  let isClosed = false;
  for (let index = row; index < code.length && index <= row + maxSignatureLines; index += 1) {
    const line = code[index]!;
    for (let at = index === row ? column : 0; at < line.length; at += 1) {
      const char = line[at]!;
      if (!isClosed) {
        if (char === '(') depth += 1;
        else if (char === ')') {
          depth -= 1;
          if (depth === 0) isClosed = true;
        }
        continue;
      }
      if (char === '{') return allowed.test(tail.trim()) ? '{' : 'other';
      if (char === ';') return allowed.test(tail.trim()) ? ';' : 'other';
      if (char === '=') return line[at + 1] === '>' && allowed.test(tail.trim()) ? '=>' : 'other';
      tail += char;
      if (tail.length > 300) return 'other';
    }
    if (isClosed) tail += ' ';
  }
  return 'other';
}

// What may stand between `)` and `{` of a definition, per language family. Each repeated part
// matches one way only (a macro name is taken whole), so a long tail cannot make them backtrack.
const cTail =
  /^(?:(?:const|volatile|noexcept(?:\([^)]*\))?|override|final|throw\([^)]*\)|&&?|__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)|[A-Z_][A-Z0-9_]*(?![A-Z0-9_])(?:\([^)]*\))?)\s*)*(?:->[^{;]*)?(?::[\s\S]*)?$/;
const jsTail = /^(?::[^{;]+)?$/;
const javaTail = /^(?:throws\s[\w.,\s<>]+|:[^{;=]+|where\s[^{;]+)?$/;

function isTypePrefix(prefix: string): boolean {
  const trimmed = prefix.trim();
  if (trimmed === '') return false;
  if (!/^[\w\s*&:<>,~[\]]+$/.test(trimmed)) return false;
  const words = trimmed.match(/[A-Za-z_]\w*/g) ?? [];
  return words.length > 0 && !words.some((word) => controlWords.has(word));
}

const maxQualifierLength = 200;

/** A function definition `type name(...) {` or `name(...)` at column 0 after a type line. */
function isCFunctionAt(
  code: readonly string[],
  row: number,
  at: number,
  name: string,
  owner: string | null,
): boolean {
  const line = code[row]!;
  let before = line.slice(0, at);
  // C++ `Class::name(`: the qualifier belongs to the name; with an owner asked for, it must match.
  // Only the end of the line is searched: a qualifier is short, and the search stays bounded.
  const qualifierFrom = Math.max(0, before.length - maxQualifierLength);
  const qualifier = /((?:[A-Za-z_]\w*(?:<[^<>]*>)?::)+)~?$/.exec(before.slice(qualifierFrom));
  if (qualifier !== null) {
    const parts = qualifier[1]!.split('::').filter(Boolean);
    if (owner !== null && parts[parts.length - 1]!.replace(/<.*$/, '') !== owner) return false;
    before = before.slice(0, qualifierFrom + qualifier.index);
  }
  const open = line.indexOf('(', at + name.length);
  if (open === -1 || line.slice(at + name.length, open).trim() !== '') return false;
  if (before.trim() === '') {
    // GNU / K&R style: the return type stands alone on the line above, the name at column 0.
    if (before !== '' && qualifier === null) return false;
    let above = row - 1;
    while (above >= 0 && code[above]!.trim() === '') above -= 1;
    const previous = above >= 0 ? code[above]!.trim() : '';
    const isTypeAbove = previous !== '' && isTypePrefix(previous) && !/[;{})]$/.test(previous);
    if (!isTypeAbove && qualifier === null && !/^(?:[};]|#.*)?$/.test(previous)) return false;
  } else if (!isTypePrefix(before) || /(?:^|\s)(?:return|else|case)\s*$/.test(before)) return false;
  return readAfterParameters(code, row, open, cTail) === '{';
}

const csharpModifiers =
  'public|protected|private|internal|static|readonly|const|volatile|virtual|override|abstract|sealed|new|required|unsafe|extern|partial|async|event|fixed|ref|file';
// Words that stand where a C# property's type would, but make the line an expression or a call.
const csharpNotTypes = 'return|new|throw|else|case|yield|await|using|var|in|is|as|out|goto|when';

/**
 * A Java, Kotlin or C# method `modifiers Type name(...) {`: a return type is required, and it may
 * not be an expression. C# also writes type parameters after the name (`T Read<T>(`) and expression
 * bodies (`string Name() => value;`).
 */
function isJavaMethodAt(
  code: readonly string[],
  row: number,
  at: number,
  name: string,
  isCsharp: boolean,
): boolean {
  const line = code[row]!;
  const before = line.slice(0, at);
  if (
    !/^\s*(?:(?:public|protected|private|static|final|abstract|synchronized|native|default|strictfp|override|virtual|async|internal|sealed|readonly|unsafe|extern|partial|new|@[\w.]+(?:\([^)]*\))?|\[[\w.]+(?:\([^)]*\))?\])\s+)*(?:<[^>]*>\s+)?[\w.$]+(?:<[^()]*>)?(?:\[\])*\??\s+$/.test(
      before,
    )
  )
    return false;
  if (
    /(?:^|\s)(?:return|new|throw|else|case|yield|await|package|import|using|var)\s+$/.test(before)
  )
    return false;
  const open = line.indexOf('(', at + name.length);
  if (open === -1) return false;
  const between = line.slice(at + name.length, open).trim();
  if (between !== '' && !(isCsharp && /^<[\w\s,]+>$/.test(between))) return false;
  const next = readAfterParameters(code, row, open, javaTail);
  return next === '{' || (isCsharp && next === '=>');
}

function findNameColumns(line: string, name: string): number[] {
  const columns: number[] = [];
  for (let at = line.indexOf(name); at !== -1; at = line.indexOf(name, at + 1)) {
    if (isWholeWordAt(line, at, name.length)) columns.push(at);
  }
  return columns;
}

interface LanguageRules {
  /** Patterns over one code line; `N` in the source stands for the escaped name. */
  patterns: readonly RegExp[];
  /** Definitions needing a look at the following lines (functions with bodies). */
  isDefinitionAt?: (
    code: readonly string[],
    row: number,
    at: number,
    name: string,
    owner: string | null,
  ) => boolean;
}

function buildRules(language: Language, name: string): LanguageRules {
  const n = escapeRegExp(name);
  const make = (source: string): RegExp => new RegExp(source.replace(/%N%/g, () => n));
  switch (language) {
    case 'c':
      return {
        patterns: [
          make(String.raw`^\s*#\s*define\s+%N%(?![\w$])`),
          make(
            String.raw`(?:^|[^\w$])(?:struct|union|enum|class)\s+(?:[A-Z_][A-Z0-9_]*\s+)?%N%\s*(?:\{|:(?!:)|final\b|$)`,
          ),
          make(String.raw`^\s*typedef\b.*[^\w$]%N%\s*(?:\[[^\]]*\]\s*)*;`),
          make(String.raw`^\s*typedef\b.*\(\s*\*\s*%N%\s*\)`),
          make(String.raw`^\s*\}\s*%N%\s*;`),
          make(String.raw`^\s*using\s+%N%\s*=`),
          make(String.raw`^\s*namespace\s+%N%\b`),
        ],
        isDefinitionAt: isCFunctionAt,
      };
    case 'js':
      return {
        patterns: [
          make(String.raw`(?:^|[^\w$.])function\s*\*?\s*%N%\s*[(<]`),
          make(String.raw`(?:^|[^\w$.])(?:const|let|var)\s+%N%\s*(?::[^=]+)?=(?!=)`),
          make(String.raw`(?:^|[^\w$.])(?:class|interface|enum|namespace)\s+%N%(?![\w$])`),
          make(String.raw`(?:^|[^\w$.])type\s+%N%\s*(?:<[^=]*>)?\s*=`),
          make(
            String.raw`(?:^|[^\w$])%N%\s*:\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[\w$]+\s*=>)`,
          ),
          make(
            String.raw`(?:^|[\s.])%N%\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[\w$]+\s*=>)`,
          ),
          make(String.raw`^\s*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?class\s+%N%(?![\w$])`),
        ],
        isDefinitionAt: (code, row, at, name) => {
          // A class or object method: `name(...) {`, with modifiers only before it.
          const before = code[row]!.slice(0, at);
          if (
            !/^\s*(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set|declare)\s+|\*\s*)*$/.test(
              before,
            )
          )
            return false;
          const open = code[row]!.indexOf('(', at + name.length);
          if (open === -1 || !/^\s*(?:<[^>]*>\s*)?$/.test(code[row]!.slice(at + name.length, open)))
            return false;
          return readAfterParameters(code, row, open, jsTail) === '{';
        },
      };
    case 'python':
      return {
        patterns: [
          make(String.raw`^\s*(?:async\s+)?def\s+%N%\s*[(\[]`),
          make(String.raw`^\s*class\s+%N%\s*[(:\[]`),
          make(String.raw`^%N%\s*(?::[^=]+)?=(?!=)`),
        ],
      };
    case 'go':
      return {
        patterns: [
          make(String.raw`^\s*func\s+%N%\s*[(\[]`),
          make(String.raw`^\s*func\s*\([^)]*\)\s*%N%\s*[(\[]`),
          make(String.raw`^\s*type\s+%N%\b`),
          make(String.raw`^\s*(?:var|const)\s+%N%\b`),
        ],
      };
    case 'rust':
      return {
        patterns: [
          make(
            String.raw`^\s*(?:pub(?:\s*\([^)]*\))?\s+)?(?:(?:const|async|unsafe|default|extern(?:\s+"[^"]*")?)\s+)*fn\s+%N%\b`,
          ),
          make(
            String.raw`^\s*(?:pub(?:\s*\([^)]*\))?\s+)?(?:struct|enum|trait|type|union|mod|const|static(?:\s+mut)?)\s+%N%\b`,
          ),
          make(String.raw`^\s*(?:#\[macro_export\]\s*)?macro_rules!\s*%N%\b`),
        ],
      };
    case 'java':
      return {
        patterns: [
          make(
            String.raw`(?:^|[^\w$.])(?:class|interface|enum|record|object|@interface|trait)\s+%N%(?![\w$])`,
          ),
          make(String.raw`(?:^|[^\w$.])fun\s+(?:<[^>]*>\s*)?(?:[\w.<>?]+\.)?%N%\s*[(<]`),
          make(
            String.raw`(?:^|[^\w$.])(?:def|val|var)\s+(?:<[^>]*>\s*)?(?:[\w.<>?]+\.)?%N%(?![\w$])`,
          ),
          make(String.raw`(?:^|[^\w$.])typealias\s+%N%(?![\w$])`),
        ],
        isDefinitionAt: (code, row, at, name) => isJavaMethodAt(code, row, at, name, false),
      };
    case 'csharp':
      return {
        patterns: [
          make(String.raw`(?:^|[^\w$.])(?:class|interface|enum|record|struct)\s+%N%(?![\w$])`),
          make(String.raw`(?:^|[^\w$.])delegate\s+[\w.<>,?]+\s+%N%\s*[(<]`),
          make(String.raw`^\s*namespace\s+(?:[\w.]+\.)?%N%\s*[;{]?\s*$`),
          // A property: `Type Name { get; set; }`, `Type Name => value;`, or `{` alone, accessors below.
          make(
            String.raw`^\s*(?:(?:${csharpModifiers})\s+)*(?!(?:${csharpNotTypes})\s)[\w.$]+(?:<[^()]*>)?(?:\[\])*\??\s+%N%\s*(?:\{\s*(?:(?:public|private|protected|internal)\s+)?(?:get|set|init)\b|=>|\{\s*$)`,
          ),
          // A field or constant: at least one modifier, then `Type Name =` or `Type Name;`.
          make(
            String.raw`^\s*(?:(?:${csharpModifiers})\s+)+[\w.$]+(?:<[^()]*>)?(?:\[\])*\??\s+%N%\s*(?:=(?!=)|;)`,
          ),
        ],
        isDefinitionAt: (code, row, at, name) => isJavaMethodAt(code, row, at, name, true),
      };
    case 'ruby':
      return {
        patterns: [
          make(String.raw`^\s*def\s+(?:self\.|[\w:]+\.)?%N%(?![\w$])`),
          make(String.raw`^\s*(?:class|module)\s+(?:[\w:]+::)?%N%(?![\w$])`),
          make(String.raw`(?:^|\s)(?:attr_reader|attr_accessor|define_method)\b.*:%N%\b`),
        ],
      };
    case 'php':
      return {
        patterns: [
          make(String.raw`(?:^|[^\w$])function\s+&?\s*%N%\s*\(`),
          make(String.raw`(?:^|[^\w$])(?:class|interface|trait|enum)\s+%N%(?![\w$])`),
          make(String.raw`(?:^|[^\w$])const\s+%N%\s*=`),
        ],
      };
    case 'other':
      return {
        patterns: [
          make(
            String.raw`(?:^|[^\w$.])(?:function|def|fn|func|sub|proc|class|struct|interface|trait|module|macro_rules!)\s+%N%(?![\w$])`,
          ),
          make(String.raw`^\s*#\s*define\s+%N%(?![\w$])`),
        ],
        isDefinitionAt: isCFunctionAt,
      };
  }
}

/** Whether a method `owner.name` is plausibly the one in this file: the class is there too. */
function hasOwner(source: string, path: string, owner: string, lineText: string): boolean {
  if (hasWholeWord(lineText, owner)) return true;
  const base = path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.[^.]*$/, '')
    .replace(/[-_]/g, '')
    .toLowerCase();
  if (base === owner.toLowerCase()) return true;
  // Kotlin compiles a file's top-level functions into the class `<File>Kt` (`Foo.jvm.kt`: `Foo_jvmKt`).
  if (/\.kts?$/.test(path) && /Kt$/.test(owner)) {
    const facade = path
      .slice(path.lastIndexOf('/') + 1)
      .replace(/\.kts?$/, '')
      .replace(/[.-]/g, '_');
    if (`${facade}Kt`.toLowerCase() === owner.toLowerCase()) return true;
  }
  return new RegExp(
    `(?:class|struct|interface|trait|impl|type|object|module|namespace)\\s+(?:[\\w<>,\\s]*\\s+for\\s+)?${escapeRegExp(owner)}(?![\\w$])`,
  ).test(source);
}

/**
 * Lines of `source` (the file at `path`) where `symbol` is defined: functions (with the return
 * type on the line before, GNU style), methods, classes, structs, types, macros, constants
 * assigned functions. Calls, declarations without a body, comments and strings do not count.
 * `Class.method`, `Class::method`, `obj->method` look for `method`, and for a capitalised owner
 * only in a file that defines or names the class. The symbol is matched literally.
 */
export function findSymbolDefinitions(source: string, path: string, symbol: string): SymbolLine[] {
  const language = languageOf(path);
  const parts = readSymbol(symbol, language);
  if (parts === null || source === '') return [];
  const { name, owner } = parts;
  const lines = source.split('\n');
  const code = blankNonCode(lines, language);
  const rules = buildRules(language, name);
  const found: SymbolLine[] = [];
  for (let row = 0; row < code.length; row += 1) {
    const line = code[row]!;
    if (!line.includes(name)) continue;
    const columns = findNameColumns(line, name);
    if (columns.length === 0) continue;
    const isDefinition =
      rules.patterns.some((pattern) => pattern.test(line)) ||
      (rules.isDefinitionAt !== undefined &&
        columns.some((at) =>
          rules.isDefinitionAt!(code, row, at, name, parts.separator === '::' ? owner : null),
        ));
    if (!isDefinition) continue;
    const text = lines[row]!.length > maxLineText ? lines[row]!.slice(0, maxLineText) : lines[row]!;
    found.push({ line: row + 1, text });
  }
  if (owner !== null && /^[A-Z]/.test(owner) && parts.separator !== '->') {
    return found.filter((entry) => hasOwner(source, path, owner, entry.text));
  }
  return found;
}

/**
 * Lines where the symbol's name (the last part of `Class.method`) occurs as a whole word, for
 * "not defined here, only used"; at most 1000, comments and strings included.
 */
export function findSymbolMentions(source: string, symbol: string): SymbolLine[] {
  const parts = readSymbol(symbol);
  if (parts === null || source === '') return [];
  const mentions: SymbolLine[] = [];
  let lineStart = 0;
  let lineNumber = 1;
  let at = source.indexOf(parts.name);
  while (at !== -1 && mentions.length < maxMentions) {
    // Advance the line count to `at` without splitting the whole file.
    for (
      let newline = source.indexOf('\n', lineStart);
      newline !== -1 && newline < at;
      newline = source.indexOf('\n', lineStart)
    ) {
      lineStart = newline + 1;
      lineNumber += 1;
    }
    const lineEnd = source.indexOf('\n', at);
    const line = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd);
    if (isWholeWordAt(source, at, parts.name.length)) {
      mentions.push({
        line: lineNumber,
        text: line.length > maxLineText ? line.slice(0, maxLineText) : line,
      });
      at = lineEnd === -1 ? -1 : source.indexOf(parts.name, lineEnd);
    } else at = source.indexOf(parts.name, at + 1);
  }
  return mentions;
}
