// Reads stack traces and sanitizer reports (ASan, gdb, valgrind, Python, JavaScript, Java, Rust) and
// `path:line` in code blocks: the functions, files and lines a crash actually went through.

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { hasSourceExtension, normaliseFilePath } from './is-likely-file-path.js';
import { forEachMatch } from './for-each-match.js';
import {
  readLeadingIdentifier,
  readStackFrame,
  stackFrameLinePattern,
} from './read-stack-frame.js';
import { sanitizerErrorPattern } from './sanitizer-error-pattern.js';
import { readRustFrameSymbol } from './read-rust-frame.js';
import {
  formatGoFunction,
  goFileLine,
  isProjectImportPath,
  parseGoFrame,
  splitModuleCachePath,
} from './parse-go-frame.js';

const pathShape =
  /^(?:~\/|\.{1,2}\/|\/)?(?:[\w@+-][\w.@+-]*\/)*[\w@+-][\w.@+-]*\.[A-Za-z][\w+]{0,9}$/;
const lineNumber = /:(\d{1,7})(?::\d{1,5})?(?!\d)/y;
const runtimeFunctions =
  /^(?:malloc|calloc|realloc|free|memcpy|memmove|memset|memcmp|strcpy|strncpy|strlen|strcmp|printf|fprintf|sprintf|snprintf|abort|raise|_start|start_thread|clone|clone3|\?\?|<module>|Object\.<anonymous>|Module\._compile|node:internal.*)$/;

// What a sanitizer's error line shows happened: a finding, not a claim.
const memoryCorruptionKinds = new Set([
  'heap-buffer-overflow',
  'stack-buffer-overflow',
  'global-buffer-overflow',
  'heap-use-after-free',
  'stack-use-after-return',
  'stack-use-after-scope',
  'use-after-poison',
  'double-free',
  'container-overflow',
  'dynamic-stack-buffer-overflow',
  'bad-free',
  'attempting',
]);
const denialKinds = new Set([
  'stack-overflow',
  'allocation-size-too-big',
  'out-of-memory',
  'requested-allocation-size-exceeds-maximum-supported-size',
]);

function addSanitizerImpacts(sink: FactSink, body: string): void {
  forEachMatch(sanitizerErrorPattern, body, (match) => {
    // The closing "SUMMARY:" line repeats the error without saying READ or WRITE.
    if (body.slice(Math.max(0, match.index - 9), match.index) === 'SUMMARY: ') return;
    const kind = match[1]!;
    const address = match[2];
    // A SEGV near address zero is a NULL dereference: a crash, not an exploitable write.
    const isNearNull = address !== undefined && Number.parseInt(address, 16) < 0x10000;
    // ASan's next line says whether the bad access was a READ (a leak) or a WRITE (corruption).
    const access = /\n[ \t]*(READ|WRITE) of size/.exec(body.slice(match.index, match.index + 300));
    const impact = memoryCorruptionKinds.has(kind)
      ? access?.[1] === 'READ' && !kind.includes('free')
        ? 'information-disclosure'
        : 'memory-corruption'
      : denialKinds.has(kind) || (kind === 'SEGV' && isNearNull)
        ? 'denial-of-service'
        : null;
    if (impact !== null) sink.add('impact', impact, match.index, match.index + match[0].length);
  });
}

function addFunction(sink: FactSink, name: string, lineStart: number, line: string): void {
  if (name.startsWith('__') || runtimeFunctions.test(name)) return;
  const offset = line.indexOf(name);
  if (offset !== -1)
    sink.add('function', name, lineStart + offset, lineStart + offset + name.length);
}

function isPathCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 45 && code <= 57) ||
    code === 95 ||
    code === 64 ||
    code === 43 ||
    code === 126
  );
}

// Finds `path.ext:line` by looking left of each ":<digit>", which is far cheaper than a regex
// that could start anywhere.
function addPathLines(
  sink: FactSink,
  text: string,
  from: number,
  to: number,
  projectNames: readonly string[],
): void {
  let reach = from;
  // A scan bounded by `to`: indexOf would run on past the block to the end of the text each time.
  for (let colon = from; colon < to; colon += 1) {
    if (text.charCodeAt(colon) !== 58) continue; // ':'
    const digit = text.charCodeAt(colon + 1);
    if (!(digit >= 48 && digit <= 57) || colon <= reach) continue;
    let start = colon;
    while (start > reach && isPathCode(text.charCodeAt(start - 1))) start -= 1;
    reach = colon;
    if (start > 0 && /[\w/.~@+-]/.test(text[start - 1]!)) continue;
    const raw = text.slice(start, colon);
    lineNumber.lastIndex = colon;
    const line = lineNumber.exec(text);
    if (line === null || !pathShape.test(raw) || !hasSourceExtension(raw)) continue;
    // A file in Go's module cache is the project's file inside its module, or another module's.
    // `testing.go:1490: race detected during execution of test` is Go's testing package speaking.
    if (raw === 'testing.go') continue;
    const cached = splitModuleCachePath(raw);
    if (cached !== null && !isProjectImportPath(cached.module, projectNames)) continue;
    const path = normaliseFilePath(cached === null ? raw : cached.path);
    sink.add('file-path', path, start, colon);
    sink.add('line-reference', `${path}:${line[1]!}`, start, colon + line[0].length);
  }
}

// Go frames are the call lines of a goroutine trace, each followed by its file line; a package
// of the standard library, `main` or another module is not the project's code.
function addGoFrames(sink: FactSink, body: string, projectNames: readonly string[]): void {
  let lineStart = 0;
  for (let count = 0; lineStart < body.length && count < 20000; count += 1) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    if (newline === -1) break;
    const nextEnd = body.indexOf('\n', lineEnd + 1);
    const next = body.slice(lineEnd + 1, nextEnd === -1 ? body.length : nextEnd);
    if (goFileLine.test(next)) {
      const frame = parseGoFrame(body.slice(lineStart, lineEnd));
      if (
        frame !== null &&
        !frame.isStandardOrMain &&
        isProjectImportPath(frame.importPath, projectNames)
      ) {
        const value = formatGoFunction(frame.receiver, frame.isPointerReceiver, frame.name);
        const start = lineStart + frame.nameStart;
        const end = body.indexOf(frame.name, start) + frame.name.length;
        sink.add('function', value, start, end);
      }
    }
    lineStart = lineEnd + 1;
  }
}

export function extractTraceFacts(
  sink: FactSink,
  body: string,
  blocks: readonly CodeBlock[],
  projectNames: readonly string[] = [],
): void {
  // Matched against "\n" + body so that the first line counts and indices stay those of `body`.
  forEachMatch(stackFrameLinePattern, `\n${body}`, (match) => {
    const line = match[0].slice(1);
    const lineStart = match.index;
    const frame = readStackFrame(line);
    if (frame?.kind === 'python') {
      const path = normaliseFilePath(frame.location!.text);
      sink.add(
        'file-path',
        path,
        lineStart + frame.location!.start,
        lineStart + frame.location!.end,
      );
      // The reference runs from `File` to the function name or line number that closes it.
      const referenceEnd = frame.functionName?.end ?? frame.lineNumber!.end;
      sink.add(
        'line-reference',
        `${path}:${frame.lineNumber!.text}`,
        lineStart + frame.start,
        lineStart + referenceEnd,
      );
      if (frame.functionName !== null) addFunction(sink, frame.functionName.text, lineStart, line);
      return;
    }
    if (frame?.kind === 'dotnet') {
      // An async method runs as `<Name>d__12.MoveNext`, a lambda as `<Name>b__0`: the method is Name.
      const name = frame.functionName!.text.replace(
        /\.<([\w$]+)>[a-z]__[\w$]+(?:\.MoveNext)?$/,
        '.$1',
      );
      const at = lineStart + frame.functionName!.start;
      if (!runtimeFunctions.test(name))
        sink.add('function', name, at, at + frame.functionName!.text.length);
      if (frame.location !== null) {
        // `C:\src\Lib\Reader.cs` and the deterministic build's `/_/src/Lib/Reader.cs` name the
        // repository's `src/Lib/Reader.cs`.
        const path = normaliseFilePath(
          frame.location.text
            .replace(/\\/g, '/')
            .replace(/^[A-Za-z]:(?=\/)/, '')
            .replace(/^\/_\//, ''),
        );
        sink.add(
          'file-path',
          path,
          lineStart + frame.location.start,
          lineStart + frame.location.end,
        );
      }
      return;
    }
    if (frame?.kind === 'rust') {
      // Read as the path a report names (generics, `as Trait` and the hash dropped); Rust's
      // runtime frames (`core::panicking::...`) are left out like libc's.
      const symbol = frame.functionName!;
      const name = readRustFrameSymbol(symbol.text);
      const at = lineStart + symbol.start;
      if (name !== null) sink.add('function', name, at, at + symbol.text.length);
    } else {
      const name = frame?.functionName?.text;
      // A native or valgrind frame prints its function with argument types (`f(int)`).
      const functionName =
        frame?.kind === 'native' || frame?.kind === 'valgrind'
          ? readLeadingIdentifier(name!)
          : name;
      if (functionName !== undefined && functionName !== null)
        addFunction(sink, functionName, lineStart, line);
    }
    addPathLines(sink, body, lineStart, lineStart + line.length, projectNames);
  });
  for (const block of blocks)
    addPathLines(sink, body, block.contentStart, block.contentEnd, projectNames);
  if (body.includes('.go:')) addGoFrames(sink, body, projectNames);
  addSanitizerImpacts(sink, body);
}
