// Lists what a report claims about the code — files, lines, symbols, quoted code, patches and the
// revision — from its facts and code blocks, so that each claim can be checked against the repo.

import { trimEndCharacters } from '../text/trim-characters.js';
import type { CodeClaim } from '../model/evidence.js';
import type { Fact } from '../model/fact.js';
import type { Report, ReportField, TextSpan } from '../model/report.js';
import { findCodeBlocks } from '../report/find-code-blocks.js';
import { forEachMatch } from '../report/for-each-match.js';
import type { CodeBlock } from '../report/find-code-blocks.js';
import { createFieldLocator } from '../report/locate-in-report.js';
import { createLineBounds, createLineLocator } from '../text/locate-line.js';
import { maskNonProse } from '../report/mask-non-prose.js';
import { readStackFrame } from '../report/read-stack-frame.js';
import { truncatedSnippetMarker } from './match-snippet.js';
import { assignClaimRoles } from './assign-claim-roles.js';
import {
  classifyExternalFrame,
  classifyExternalName,
  classifyExternalPath,
  classifyOwnedPath,
} from './classify-external-name.js';
import { findNameClaims } from './find-name-claims.js';

/** Bounds that keep a hostile report cheap to check. */
export const codeClaimLimits = {
  /** Claims kept per report, the first ones in body order. */
  maxClaims: 200,
  /** Longest snippet or patch text; longer ones are cut at a line and end with the marker. */
  maxSnippetLength: 20 * 1024,
} as const;

const codeLanguages = new Set(
  (
    'c h cpp c++ cc cxx hpp objc objective-c js javascript mjs cjs jsx ts typescript tsx py python py3 ' +
    'go golang rs rust java kotlin kt scala cs csharp c# rb ruby php swift lua zig ' +
    'elixir ex exs erlang erl dart perl crystal nim clojure clj fsharp ocaml haskell hs groovy ' +
    'cython pyx pxd pxi solidity'
  ).split(' '),
);
const hashCommentLanguages = new Set(
  'py python py3 rb ruby elixir ex exs perl crystal nim cython pyx pxd pxi'.split(' '),
);
const nonCodeLanguages = new Set(
  (
    'sh bash shell console zsh fish sh-session shell-session terminal bash-session cmd powershell ps1 ' +
    'http https httpie curl log logs output stderr stdout stacktrace traceback trace asan gdb lldb ' +
    'diff patch udiff json yaml yml xml html toml ini csv hex hexdump sql graphql dockerfile make ' +
    'makefile cmake markdown md'
  ).split(' '),
);

// Lines that mark a block as a PoC, a shell session, an HTTP exchange or tool output.
const nonCodeLine =
  /^\s*(?:\$ |# |> |PS>|C:\\|curl\s|wget\s|nc\s|ncat\s|\.\/|sudo\s|python3?\s|node\s|gcc\s|clang\s|make\b|cmake\s|git\s|docker\s|npm\s|pip\s|cargo\s|go run\s|export\s+\w+=|(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|CONNECT|TRACE)\s+\S+\s+HTTP\/|HTTP\/\d(?:\.\d)?\s+\d{3}|Host:\s|User-Agent:\s|Content-(?:Type|Length):\s|==\d+==|#\d+\s+0x|\s*at\s+[\w$.<>]+\s*\(|Traceback \(most recent call last\)|File ".*", line \d+|SUMMARY:\s|AddressSanitizer|UndefinedBehaviorSanitizer|Segmentation fault|Program received signal|thread '.*' panicked|READ of size|WRITE of size|\(gdb\)|Breakpoint \d|\[\d{4}-\d\d-\d\d|\d{4}-\d\d-\d\d[ T]\d\d:\d\d)/;
// A script the reporter wrote opens with its imports (`from flask import Flask`, `import yaml`,
// `const x = require('x')`, `#include <png.h>`); a quoted excerpt of the project's code does not.
const scriptOpening =
  /^\s*(?:from\s+[\w.]+\s+import\s|import\s+[\w.]+(?:\s*,\s*[\w.]+)*(?:\s+as\s+\w+)?\s*$|import\s[^'"\n]*from\s*['"]|(?:const|let|var)\s[^=\n]*=\s*require\(|#\s*include\s*<)/;
// `NAME=value` lines are a configuration or `.env` file, the settings of whoever runs the code.
const settingLine = /^\s*(?:export\s+)?[A-Z][A-Z0-9_]*\s*=/;
// An HTML element (`<img src=x onerror=…>`, `<div v-html="x"></div>`) is a payload or the
// reporter's page, not the project's code.
const markupOnly = /^\s*<[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>(?:[^<>]*<\/?[A-Za-z][^<>]*>)*\s*$/;
// An injection payload quoted inline: an attribute broken out of (`"><img src=x onerror=...>`), a
// tag with an event handler, a `javascript:` URL, a quoted tautology (`name=' or '1'='1`, `" OR
// 1=1`). What the attacker sends, not the project's code.
const injectionPayload =
  /^\s{0,4}["'`]{1,2}\s{0,4}\/?>|<\s{0,4}[A-Za-z]{1,12}\b[^<>\n]{0,200}?\bon[a-z]{3,20}\s{0,4}=|\bjavascript:|["']\s{0,4}(?:or|and|\|\|)\s{1,4}["']?\w{1,10}["']?\s{0,4}=\s{0,4}["']?\w/i;
// Inline code the sentence gives as what someone enters or sends ("a malicious customer can enter
// `app.launchURL(...)`", "an attacker could submit `x`", "a payload such as `y`"): the attacker's
// input, not code the report says the project has. Read on the few words before the backtick.
const attackerInputLeadIn =
  /(?:\b(?:can|could|may|might|will|would|then)[ \t]{1,4}(?:simply[ \t]{1,4}|just[ \t]{1,4})?(?:enter|type|submit|send|paste|supply|provide|input|inject|upload|write)|\bpayloads?(?:[ \t]{1,4}(?:such[ \t]{1,4}as|like))?|\b(?:enters|types|submits|sends|pastes|injects))[ \t]{1,4}(?:something[ \t]{1,4}like[ \t]{1,4}|e\.g\.[ \t]{1,4}|(?:a|the)[ \t]{1,4}(?:value|string|script|text)[ \t]{1,4})?$/i;
// A variable of the environment as code reads it: Node's `env` object of `process`, Vite's
// `import.meta.env.NAME`, Python's `os.environ["NAME"]`, Deno's and Ruby's `ENV`. The reporter's
// settings, not the project's code.
const environmentRead = /^(?:process[.]env|import[.]meta[.]env|os[.]environ|Deno[.]env|ENV)\b/;
// A name the report's code reads from the environment by its name (Node's `env` object of
// `process` and Vite's of `import.meta`, a shell's `export NAME=60`), PHP's `getenv('NAME')`,
// `$_ENV['NAME']` and `$_SERVER['NAME']`, Ruby's `ENV['NAME']` and `ENV.fetch('NAME')`, Python's
// `os.getenv('NAME')` and `environ.get('NAME')`, a PHP-FPM pool's `env[NAME]`. Wherever else the
// report names it, it is the reporter's setting, not the project's code.
const environmentNameRead =
  /(?:\bgetenv\(|\$_(?:ENV|SERVER)\[|\bENV(?:\.fetch\(|\[)|\benviron(?:\.get\(|\[)|\benv\[|\b(?:process|import\.meta)\.env\.|\bDeno\.env\.get\(|^[ \t]{0,8}(?:\d{1,2}\.[ \t]{1,4})?`?(?:\$[ \t]{1,4})?export[ \t]{1,4})[ \t]?["']?([A-Z][A-Z0-9_]{1,60})\b/gm;

/** The names `text` reads from the environment by name (`getenv('MAILER_DSN')`). */
function findEnvironmentNames(text: string): Set<string> {
  const names = new Set<string>();
  forEachMatch(environmentNameRead, text.slice(0, 200_000), (match) => names.add(match[1]!));
  return names;
}
// PHP the reporter runs, not the project's: a script's opening tag or a namespace import first
// (`<?php`, `use Vendor\Package\Class;`), or a first statement on a variable of the caller's
// (`$mail->addAttachment(...)`, `$mail = new ...`) in code that never uses `$this` nor defines a
// function: the project's own methods work on `$this`.
const phpScriptOpening = /^\s*(?:<\?php\b|use[ \t]+\\?[A-Za-z_]\w*(?:\\\w+)+[ \t]*;)/;
const phpCallerStatement = /^\s*\$(?!this\b)[A-Za-z_]\w*[ \t]*(?:->|=(?!=))/;
const phpMethodCode = /\$this\b|\bfunction[ \t]+&?[A-Za-z_]/;
// A template expression or tag alone on a line (`{{ x.__globals__ }}`, `{% for %}`) is input.
const templateLine = /^\s*(?:\{\{.*\}\}|\{%.*%\})\s*$/;
// A PoC or harness written in a programming language is still not project code.
const exploitMarkers =
  /\b(?:import\s+(?:socket|requests|urllib|http\.client|pwn|struct|subprocess|sys)\b|from\s+pwn\s+import|socket\.socket|requests\.(?:get|post)|urllib\.request|sys\.argv|__name__\s*==\s*["']__main__["']|LLVMFuzzerTestOneInput|fetch\(\s*["'`]https?:|axios\.|require\(\s*["'](?:http|https|net|child_process)["']\)|net\.connect|http\.request\(|new\s+WebSocket|int\s+main\s*\(|func\s+main\s*\(\s*\)|fn\s+main\s*\(\s*\)|public\s+static\s+void\s+main)/;
const codeShapedLine =
  /(?:[;{}]\s*(?:\/\/.*|\/\*.*)?$|^\s*(?:def|async\s+def|class|func|fn|pub\s+fn|function|if|for|while|switch|return|else|struct|typedef|static|const|let|var|#\s*(?:include|define|if|endif)|import|package|use)\b|^\s*[\w$.\->[\]*]+\s*(?:=|\+=|-=)\s*\S|^\s*[\w$.\->]+\([^)]*\)\s*:?\s*$)/;

// Any length, so that backticks pair up in order; short spans are dropped after matching.
const inlineCodePattern = /`([^`\n]{1,400})`/g;
// A Go signature quoted inline (`func (c *client) parse(buf []byte) error`) is the project's code.
const goSignature = /^func[ \t]*(?:\([^()]*\)[ \t]*)?[A-Za-z_]\w*[ \t]*\(/;
const inlineCodeShape =
  /(?:;\s*$|\{\s*$|^\s*(?:if|for|while|return|switch)\s*\(|[\w\])]\s*(?:=|==|!=|<=|>=|\+=|-=|\*=|&&|\|\||->)\s*[\w(&*"'-]|^[\w$.\->]+\s*\([^()]*,[^()]*\)\s*;?$)/;
// Also data written as attribute pairs: a certificate's distinguished name (`OU=ops+CN=svc, O=Acme`),
// a query string (`a=1&b=2`), a list of settings (`x=1, y=2`) or a program's output
// (`uid=33(www-data) gid=33(www-data)`).
// A setting given an unquoted URL (`env[MAILER_DSN] = smtp://u:p@host:25`, `url = redis://x`) is
// a configuration line: code would quote the URL.
const inlineNotCode =
  /^\s*(?:[A-Za-z][\w.-]*=[^=,;+&]*(?:[,;+&]\s*[A-Za-z][\w.-]*=[^=,;+&]*)+$|[A-Za-z][\w.-]*=[^\s=]+(?:[ \t]+[A-Za-z][\w.-]*=[^\s=]+)+$|\$|curl\b|wget\b|git\b|npm\b|pip\b|sudo\b|\.\/|python3?\b|node\b|make\b|docker\b|cd\b|export\b|https?:\/\/|[A-Z_]+=\S*$|--?\w|[^=\s][^=\n]{0,80}=[ \t]*[a-z][a-z0-9+.-]{1,20}:\/\/\S*$)/;

const pocFileName =
  /^(?:poc|exploit|payload|crash|repro|reproduce|reproducer|testcase|test_?case|input|fuzz|harness|trigger|evil|malicious|attack|out|output|log)[\w.-]*$/i;
const nonProjectSections = new Set<ReportField>([
  'reproduction',
  'test-case',
  'environment',
  'references',
]);
const fixedVersionBefore =
  /\b(?:fixed|patched|resolved|addressed|corrected|upgrad\w*|updat\w*|bump\w*|released?|latest|newer|current)\b[^\n.;]{0,24}$/i;
const gitRevisionPattern =
  /\bgit\s+(?:checkout|switch|reset\s+--hard|show|log)\s+(?:-[-\w]+\s+)*([\w][\w./-]{0,80})|\bgit\s+clone\b[^\n]{0,200}?\s(?:--branch|-b)\s+([\w][\w./-]{0,80})/g;
const projectTagPattern =
  /(?<![\w./@-])([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z][A-Za-z0-9]*)*[-_]v?\d{1,4}(?:[._]\d{1,4}){1,3}(?:-(?:rc|alpha|beta|pre)\.?\d*)?)(?![\w/-]|\.\w)/g;
const foreignTagPrefix =
  /^(?:python|py|node|nodejs|gcc|clang|llvm|ubuntu|debian|fedora|centos|rhel|alpine|glibc|musl|openssl|libressl|go|golang|rust|rustc|java|jdk|openjdk|linux|kernel|curl|nginx|apache|httpd|php|ruby|perl|windows|macos|ios|android|chrome|firefox|cve|cwe|ghsa|rfc|iso|utf|sha|md|x86|arm|amd|aarch|win|lib)$/i;
const diffHunkStart = /^@@ -(\d+)(?:,(\d+))?/m;

interface ClaimDraft extends CodeClaim {
  /** Dedupe key: claims with the same key are said once, at the first place. */
  key: string;
}

function createSpanMaker(body: string): (start: number, end: number) => TextSpan {
  const lineOf = createLineLocator(body);
  return (start, end) => ({ start, end, line: lineOf(start) });
}

/** Cuts long code at a line boundary and marks it, so a claim's text stays bounded. */
function capCode(text: string): string {
  if (text.length <= codeClaimLimits.maxSnippetLength) return text;
  const cut = text.lastIndexOf('\n', codeClaimLimits.maxSnippetLength);
  return `${text.slice(0, cut > 0 ? cut : codeClaimLimits.maxSnippetLength)}${truncatedSnippetMarker}`;
}

function splitLineReference(value: string): { path: string; start: number; end: number } | null {
  const match = /^(.+):(\d{1,7})(?:-(\d{1,7}))?$/.exec(value);
  if (match === null) return null;
  const first = Number.parseInt(match[2]!, 10);
  const last = match[3] === undefined ? first : Number.parseInt(match[3], 10);
  return { path: match[1]!, start: Math.min(first, last), end: Math.max(first, last) };
}

function lastComponent(name: string): string {
  const parts = name.split(/\.|::|->|#/);
  // `REXML::Document.new`, `Foo::Bar.new`: Ruby's constructor call; the project defines the class
  // (and its `initialize`), never a method `new`, so the class is the name to look for.
  if (parts.length > 1 && parts[parts.length - 1] === 'new' && /^[A-Z]/.test(parts.at(-2)!))
    return parts.at(-2)!;
  return parts[parts.length - 1]!;
}

/** A bare PoC file name (`poc.py`, `crash.bin`) is the reporter's, not a claim about the project. */
function isPocFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return path === base && pocFileName.test(base);
}

/**
 * A bare `name.ext` the report also calls (`pkg.c(opts)`, `db.py()`) is a module's method or an
 * attribute, not a file: JavaScript and Python spell both the same way.
 */
function isCalledAsFunction(body: string, path: string): boolean {
  if (path.includes('/') || !/^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/.test(path)) return false;
  let from = 0;
  for (let found = body.indexOf(path, from); found !== -1; found = body.indexOf(path, from)) {
    from = found + path.length;
    if (/[\w$.]/.test(body[found - 1] ?? '')) continue;
    if (/^\s*\(/.test(body.slice(from, from + 8))) return true;
  }
  return false;
}

// "zlib's own `inflateBack`": the report says whose the name is, and it is another package's.
const possessiveOwn = /(?:^|[\s(])([A-Za-z][\w.-]{0,40})['\u2019]s\s+own\s+[`'"]?$/;

/** The package a name belongs to when the report says so ("libfoo's own `x`"), else null. */
function findPossessiveOwner(body: string, span: TextSpan): string | null {
  const owner = possessiveOwn.exec(body.slice(Math.max(0, span.start - 48), span.start));
  if (owner === null || /^(?:its|it|their|our|my|your|his|her)$/i.test(owner[1]!)) return null;
  return `another package (${owner[1]!})`;
}

/** `a/lib/x.c` and `b/lib/x.c` in a diff header are `lib/x.c`. */
function dropDiffPrefix(path: string): string {
  return /^[ab]\/[\w.-]+\//.test(path) ? path.slice(2) : path;
}

/** Whose a function named in the report is, when not the project's: by its name, or its frame's module. */
function findFunctionOwner(
  body: string,
  lineAt: (offset: number) => { start: number; end: number },
  span: TextSpan,
  name: string,
): string | null {
  const byName = classifyExternalName(name);
  if (byName !== null) return byName;
  const { start, end } = lineAt(span.start);
  const line = body.slice(start, Math.min(end, start + 1000));
  // A frame whose module is a system library: `#3 0x… in start_thread (/lib/…/libc.so.6+0x…)`.
  const frame = readStackFrame(line);
  if (frame?.kind === 'native') return classifyExternalFrame(frame.location?.text ?? '');
  if (frame?.kind === 'javascript' && frame.location !== null)
    return classifyExternalFrame(frame.location.text.trim());
  return null;
}

/**
 * Whose the file of a JVM or .NET frame is (`at kotlinx.io.Buffer.write(Buffer.kt:412)`): the
 * platform's when the frame's method is, whatever file of the same name the project has.
 */
function findJvmFrameOwner(body: string, bounds: { start: number; end: number }): string | null {
  const frame = readStackFrame(body.slice(bounds.start, Math.min(bounds.end, bounds.start + 1000)));
  if (frame?.kind !== 'java' && frame?.kind !== 'dotnet') return null;
  return classifyExternalName(frame.functionName!.text);
}

const maxClassifiedLineLength = 1_000;

// The lead-in (heading or sentence right before a block) says the code is the reporter's own:
// "Our handler", "my service code", "the application's code:", "In a CMS built on Twig, the
// field is rendered like this:". Such a block is how the reporter
// uses the project, not a quote of it.
const ownCodeLeadIn =
  /\b(?:our|my)\s+(?:own\s+)?(?:[\w-]{1,30}\s+){0,2}?(?:handler|service|server|application|app|code|program|client|harness|wrapper|middleware|script|reproducer|binary|crate|main)\b|\bthe\s+(?:application|app|caller)['’]s\s+(?:own\s+)?code\b|\b(?:a|an|our|my)\s+(?:[\w-]{1,30}\s+){0,2}?(?:CMS|application|app|site|website|service|platform|portal|shop|product)\s+(?:built|based|running|written)\s+(?:on|with|upon|in)\b/i;
// The same in the other languages reports arrive in: "Na nossa API …:", "Dans notre application",
// "En nuestro servicio", "In unserer Anwendung", "Nel nostro codice".
const ownCodeLeadInOtherLanguages =
  /(?<![\p{L}\d_])(?:nossa|nosso|nossas|nossos|notre|nos|nuestra|nuestro|nuestras|nuestros|unser|unsere|unserer|unserem|unseren|unseres|nostra|nostro|nostri|nostre|onze|ons)\s+(?:[\p{L}-]{1,30}\s+){0,2}?(?:api|aplicação|aplicacao|aplicativo|app|serviço|servico|código|codigo|sistema|servidor|backend|application|service|code|serveur|aplicación|aplicacion|servicio|anwendung|dienst|server|applicazione|servizio|codice|toepassing)(?![\p{L}\d_])/iu;
const maxLeadInLength = 240;

// A block that registers the routes of a web application (`@app.get("/search")`,
// `@router.post('/items')`, `@bp.route("/x")`, `app.get('/me', ...)`, `r.GET("/ip", ...)`) is the
// application the reporter built on the project: how the reporter uses it, not a quote of it.
const applicationRouteLine =
  /^[ \t]{0,12}(?:@[ \t]{0,2}(?:app|api|router|bp|blueprint|application|routes)\.(?:get|post|put|patch|delete|route|websocket|api_route)|(?:app|api|router|r|e|engine|server|g|group|mux)\.(?:get|post|put|patch|delete|GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Delete|HandleFunc))[ \t]{0,2}\([ \t]{0,2}["'`]\//m;

/** Whether a block registers an application's routes (see `applicationRouteLine`). */
export function isApplicationRouteCode(content: string): boolean {
  return applicationRouteLine.test(content.slice(0, 20_000));
}

/** The heading or paragraph right before a block at `blockStart`, at most a few lines. */
function readLeadIn(body: string, blockStart: number): string {
  const before = body.slice(Math.max(0, blockStart - maxLeadInLength), blockStart).trimEnd();
  return before.slice(before.lastIndexOf('\n\n') + 1);
}

/**
 * Whether a fenced block shows the project's own code (not a PoC, a script opening with its
 * imports, a template payload, session, request, log or trace).
 */
function isProjectCode(info: string, content: string, field: ReportField | null): boolean {
  if (nonCodeLanguages.has(info)) return false;
  if (field !== null && nonProjectSections.has(field)) return false;
  // Lines are cut before they are classified: the line patterns then cost a bounded amount each.
  const lines = content
    .split('\n', 400)
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(0, maxClassifiedLineLength));
  if (lines.length === 0) return false;
  if (exploitMarkers.test(content.slice(0, 20_000))) return false;
  if (scriptOpening.test(lines[0]!) || lines.every((line) => templateLine.test(line))) return false;
  if (phpScriptOpening.test(lines[0]!)) return false;
  if (phpCallerStatement.test(lines[0]!) && !phpMethodCode.test(content.slice(0, 20_000)))
    return false;
  if (lines.every((line) => settingLine.test(line) || /^\s*#/.test(line))) return false;
  if (lines.every((line) => markupOnly.test(line))) return false;
  let nonCode = 0;
  let codeShaped = 0;
  // In a language whose comments open with `#`, `# lib/x.ex` is a comment, not a root prompt.
  const isHashComment = (line: string): boolean =>
    hashCommentLanguages.has(info) && /^\s*#(?:\s|$)/.test(line);
  for (const line of lines) {
    if (isHashComment(line)) continue;
    if (nonCodeLine.test(line)) nonCode += 1;
    else if (codeShapedLine.test(line)) codeShaped += 1;
  }
  const opensAsNonCode = nonCodeLine.test(lines[0]!) && !isHashComment(lines[0]!);
  if (nonCode > 0 && (opensAsNonCode || nonCode * 4 >= lines.length)) return false;
  if (codeLanguages.has(info)) return true;
  if (info !== '' && info !== 'text' && info !== 'txt' && info !== 'plaintext' && info !== 'code')
    return false;
  return codeShaped >= Math.min(2, lines.length) && codeShaped * 2 >= lines.length;
}

function stripFences(text: string): string {
  const lines = text.split('\n');
  if (/^\s*(?:`{3,}|~{3,})/.test(lines[0] ?? '')) lines.shift();
  if (lines.length > 0 && /^\s*(?:`{3,}|~{3,})\s*$/.test(lines[lines.length - 1]!)) lines.pop();
  return lines.join('\n');
}

function readHunkLines(diff: string): { start: number; end: number } | undefined {
  const hunk = diffHunkStart.exec(diff);
  if (hunk === null) return undefined;
  const start = Math.max(1, Number.parseInt(hunk[1]!, 10));
  const count = hunk[2] === undefined ? 1 : Number.parseInt(hunk[2], 10);
  return { start, end: start + Math.max(0, count - 1) };
}

/** A line reference said right before a block ("in src/x.c:120:" then the code) names its place. */
function findReferenceBefore(
  body: string,
  block: CodeBlock,
  references: readonly Fact[],
): Fact | undefined {
  for (let index = references.length - 1; index >= 0; index -= 1) {
    const reference = references[index]!;
    if (reference.span.end > block.start) continue;
    const between = body.slice(reference.span.end, block.start);
    if (between.length > 160 || between.includes('```') || between.includes('~~~'))
      return undefined;
    const words = between.replace(/[`*_]/g, '').trim();
    if (words === '' || words.endsWith(':') || words.length <= 4) return reference;
    return undefined;
  }
  return undefined;
}

/** A reference on the block's first line (`// src/x.c:120`) names the place of the code below it. */
function findReferenceInside(
  block: CodeBlock,
  body: string,
  references: readonly Fact[],
): Fact | undefined {
  const firstLineEnd = body.indexOf('\n', block.contentStart);
  const end = firstLineEnd === -1 ? block.contentEnd : Math.min(firstLineEnd, block.contentEnd);
  return references.find((fact) => fact.span.start >= block.contentStart && fact.span.start < end);
}

function addRevisionClaims(
  body: string,
  prose: string,
  facts: readonly Fact[],
  add: (draft: ClaimDraft) => void,
  span: (start: number, end: number) => TextSpan,
): void {
  for (const fact of facts) {
    if (fact.kind === 'commit') {
      add({ kind: 'revision', text: fact.value, span: fact.span, key: `revision:${fact.value}` });
    } else if (fact.kind === 'version') {
      if (fixedVersionBefore.test(body.slice(Math.max(0, fact.span.start - 40), fact.span.start)))
        continue;
      const quote = body.slice(fact.span.start, fact.span.end).trim();
      // "v2.4.1" keeps its `v` (it may be the tag's very name); "version 2.4.1" is 2.4.1.
      const text = /^v\d[\w.-]*$/.test(quote) ? quote : fact.value;
      add({ kind: 'revision', text, span: fact.span, key: `revision:${text}` });
    }
  }
  for (const match of body.matchAll(gitRevisionPattern)) {
    const revision = trimEndCharacters(match[1] ?? match[2]!, '.,;:');
    if (
      !/\d/.test(revision) ||
      revision.startsWith('-') ||
      /^(?:HEAD|main|master|origin)\b/.test(revision)
    )
      continue;
    const start = match.index + match[0].lastIndexOf(revision);
    add({
      kind: 'revision',
      text: revision,
      span: span(start, start + revision.length),
      key: `revision:${revision}`,
    });
  }
  for (const match of prose.matchAll(projectTagPattern)) {
    const tag = match[1]!;
    const prefix = tag.split(/[-_]/, 1)[0]!;
    if (foreignTagPrefix.test(prefix)) continue;
    if (fixedVersionBefore.test(prose.slice(Math.max(0, match.index - 40), match.index))) continue;
    add({
      kind: 'revision',
      text: tag,
      span: span(match.index, match.index + tag.length),
      key: `revision:${tag}`,
    });
  }
}

// A method named by its class (or namespace and class) with its parameter list, as reports quote
// a signature: `Parser.ReadChunk(int size)`, `Http::Parser::parse(buf)`; group 1 is the qualifier.
const classQualifiedSignature =
  /^((?:[A-Za-z_][\w$]*\.)*[A-Z][\w$]*(?:<[\w\s,.?]*>)?(?:\.|::))(?=[A-Za-z_][\w$]*(?:<[\w\s,.?]*>)?\s*\((?=[^()]*\w)[^()]*\)\s*$)/;

/** Whether the inline code at `at` is given as what someone enters or sends (`attackerInputLeadIn`). */
function isAttackerInput(prose: string, at: number): boolean {
  const before = prose.slice(Math.max(0, at - 60), at);
  return attackerInputLeadIn.test(before.slice(before.lastIndexOf('\n') + 1));
}

/** The names used in inline code the report gives as attacker input (`app.launchURL`). */
function findAttackerInputNames(prose: string): Set<string> {
  const names = new Set<string>();
  for (const match of prose.matchAll(inlineCodePattern)) {
    if (!isAttackerInput(prose, match.index)) continue;
    for (const name of match[1]!.matchAll(/[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,4}/g))
      names.add(name[0]);
  }
  return names;
}

function addInlineSnippets(
  prose: string,
  add: (draft: ClaimDraft) => void,
  span: (start: number, end: number) => TextSpan,
  fieldAt: (offset: number) => ReportField | null,
): void {
  for (const match of prose.matchAll(inlineCodePattern)) {
    const code = match[1]!.trim();
    const isCodeShaped = inlineCodeShape.test(code) || goSignature.test(code);
    if (code.length < 8 || !isCodeShaped || inlineNotCode.test(code)) continue;
    if (markupOnly.test(code) || templateLine.test(code) || injectionPayload.test(code)) continue;
    if (isAttackerInput(prose, match.index)) continue;
    if (!/[A-Za-z_]\w*/.test(code) || /^[\w./-]+$/.test(code)) continue;
    const field = fieldAt(match.index);
    if (field !== null && nonProjectSections.has(field)) continue;
    const qualifier = classQualifiedSignature.exec(code);
    // `XmlDeserializer.Map(object x, XElement? root)` names the method by its class; the file
    // declares it as `Map(object x, ...)`, so the qualifier is left out of what is matched.
    const snippet = qualifier !== null ? code.slice(qualifier[1]!.length) : code;
    const start = match.index + 1 + match[1]!.indexOf(code) + (code.length - snippet.length);
    add({
      kind: 'snippet',
      text: snippet,
      span: span(start, start + snippet.length),
      key: `snippet:${snippet.replace(/\s+/g, '')}`,
    });
  }
}

/**
 * Every claim the report makes about the code, in body order, each said once (first place kept):
 * cited files; `path:line` / `path#L10-L20` lines; function, method and class names (not libc or
 * runtime ones); quoted project code — fenced blocks that are code rather than a PoC, session,
 * request, log or trace, and inline code that reads as a line of code — tied to the line
 * reference said right before it; proposed patches; and the versions, tags and commits named.
 * At most `codeClaimLimits.maxClaims` claims; snippets and patches cut at 20 KB (marked).
 */
export function extractCodeClaims(report: Report, facts: readonly Fact[]): CodeClaim[] {
  const { body } = report;
  const span = createSpanMaker(body);
  const fieldAt = createFieldLocator(report);
  const blocks = findCodeBlocks(body);
  const prose = maskNonProse(body, blocks);
  const lineAt = createLineBounds(body);
  const drafts: ClaimDraft[] = [];
  const seen = new Set<string>();
  const add = (draft: ClaimDraft): void => {
    if (seen.has(draft.key) || drafts.length >= codeClaimLimits.maxClaims * 20) return;
    seen.add(draft.key);
    drafts.push(draft);
  };

  const references = facts.filter((fact) => fact.kind === 'line-reference');
  const lineSpans: Array<{ start: number; end: number; path: string }> = [];
  for (const fact of references) {
    const reference = splitLineReference(fact.value);
    if (reference === null || isPocFile(reference.path)) continue;
    const path = dropDiffPrefix(reference.path);
    const owner =
      classifyExternalPath(path) ??
      classifyExternalFrame(path) ??
      findJvmFrameOwner(body, lineAt(fact.span.start));
    lineSpans.push({ start: fact.span.start, end: fact.span.end, path: reference.path });
    add({
      kind: 'line',
      text: fact.quote,
      path,
      lines: { start: reference.start, end: reference.end },
      span: fact.span,
      ...(owner !== null ? { externalTo: owner } : {}),
      key: `line:${path}:${reference.start}-${reference.end}`,
    });
  }
  const linePaths = new Set(lineSpans.map((entry) => entry.path));
  // The lead-ins of the blocks that are the reporter's application ("Vulnerable code (search.py):"
  // before its routes): a bare file named there is that application's file.
  const applicationLeadIns = blocks
    .filter((block) => isApplicationRouteCode(body.slice(block.contentStart, block.contentEnd)))
    .map((block) => ({
      start: block.start - readLeadIn(body, block.start).length,
      end: block.start,
    }));
  const isApplicationFile = (path: string, at: number): boolean =>
    !path.includes('/') &&
    applicationLeadIns.some((leadIn) => at >= leadIn.start && at < leadIn.end);
  for (const fact of facts) {
    if (fact.kind === 'file-path') {
      if (isPocFile(fact.value)) continue;
      // A path said as part of `path:line` is checked by the line claim.
      if (lineSpans.some((entry) => fact.span.start >= entry.start && fact.span.end <= entry.end))
        continue;
      if (linePaths.has(fact.value)) continue;
      if (isCalledAsFunction(body, fact.value)) continue;
      const path = dropDiffPrefix(fact.value);
      const owner =
        classifyExternalPath(fact.quote.trim()) ??
        classifyExternalPath(path) ??
        classifyExternalFrame(path) ??
        classifyOwnedPath(body, fact.span) ??
        (isApplicationFile(path, fact.span.start) ? 'the reporter’s application' : null);
      add({
        kind: 'file',
        text: fact.quote,
        path,
        span: fact.span,
        ...(owner !== null ? { externalTo: owner } : {}),
        key: `file:${path}`,
      });
    } else if (fact.kind === 'function') {
      const owner =
        findFunctionOwner(body, lineAt, fact.span, fact.value) ??
        findPossessiveOwner(body, fact.span);
      // `__x` names are the compiler's or the runtime's unless a list says whose.
      if (owner === null && fact.value.startsWith('__')) continue;
      const symbol = lastComponent(fact.value);
      add({
        kind: 'symbol',
        text: fact.value,
        symbol,
        symbolKind: 'function',
        span: fact.span,
        ...(owner !== null ? { externalTo: owner } : {}),
        key: `symbol:${fact.value}`,
      });
    } else if (fact.kind === 'diff') {
      const diff = capCode(stripFences(body.slice(fact.span.start, fact.span.end)));
      const lines = readHunkLines(diff);
      add({
        kind: 'patch',
        text: diff,
        ...(fact.value !== 'unknown' ? { path: fact.value } : {}),
        ...(lines !== undefined ? { lines } : {}),
        span: fact.span,
        key: `patch:${fact.span.start}`,
      });
    }
  }

  for (const block of blocks) {
    const content = body.slice(block.contentStart, block.contentEnd);
    if (!isProjectCode(block.info, content, fieldAt(block.start))) continue;
    const leadIn = readLeadIn(body, block.start);
    if (ownCodeLeadIn.test(leadIn) || ownCodeLeadInOtherLanguages.test(leadIn)) continue;
    if (isApplicationRouteCode(content)) continue;
    // A block that is really a diff is a patch claim already.
    if (/^@@ -\d/m.test(content) && /^(?:\+\+\+ |diff --git )/m.test(content)) continue;
    const reference =
      findReferenceBefore(body, block, references) ?? findReferenceInside(block, body, references);
    const place = reference === undefined ? null : splitLineReference(reference.value);
    const text = capCode(content.trimEnd());
    add({
      kind: 'snippet',
      text,
      ...(place !== null
        ? { path: place.path, lines: { start: place.start, end: place.end } }
        : {}),
      span: span(block.start, block.end),
      key: `snippet:${text.replace(/\s+/g, '').slice(0, 2000)}`,
    });
  }
  addInlineSnippets(prose, add, span, fieldAt);
  const environmentNames = findEnvironmentNames(body);
  const attackerInputNames = findAttackerInputNames(prose);
  for (const draft of findNameClaims(prose, span, fieldAt)) {
    // A name of the attacker's input is theirs wherever the report names it.
    if (draft.kind === 'symbol' && attackerInputNames.has(draft.text)) continue;
    const owner =
      draft.kind !== 'symbol'
        ? null
        : environmentRead.test(draft.text) || environmentNames.has(draft.text)
          ? 'an environment variable (set by whoever runs the code)'
          : (classifyExternalName(draft.text) ?? findPossessiveOwner(body, draft.span));
    add(owner !== null ? { ...draft, externalTo: owner } : draft);
  }
  addRevisionClaims(body, prose, facts, add, span);

  const claims = drafts
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .slice(0, codeClaimLimits.maxClaims)
    .map(({ key: _key, ...claim }): CodeClaim => claim);
  const roles = assignClaimRoles(claims, { title: report.title, body, blocks, fieldAt });
  return claims.map((claim, index) =>
    roles[index] === 'location' ? { ...claim, role: 'location' } : claim,
  );
}
