// Reads stack traces and sanitizer reports (ASan, gdb, valgrind, Python, JavaScript, Java, Rust) and
// `path:line` in code blocks: the functions, files and lines a crash actually went through.

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { hasSourceExtension, normaliseFilePath } from './is-likely-file-path.js';
import { forEachMatch } from './for-each-match.js';
import { sanitizerErrorPattern } from './sanitizer-error-pattern.js';
import { readRustFrameSymbol } from './read-rust-frame.js';

// Only lines that start like a frame are looked at further.
const frameLinePattern =
  /\n[ \t]*(?:>[ \t]*){0,8}(?:==\d+==[ \t]+)?(?:#\d+[ \t]+0x|at[ \t]|by[ \t]+0x|File[ \t]+"|\d+:[ \t]+[\w<])[^\n]*/g;
const framePatterns: readonly RegExp[] = [
  /#\d+[ \t]+0x[0-9a-fA-F]+[ \t]+in[ \t]+([A-Za-z_~][\w:~<>.$]*)/, // ASan, gdb
  /\b(?:at|by)[ \t]+0x[0-9A-Fa-f]+:[ \t]+([A-Za-z_~][\w:~<>.$]*)/, // valgrind
  /^[ \t]*at[ \t]+(?:async[ \t]+)?(?:new[ \t]+)?([A-Za-z_$][\w$.<>]*)[ \t]+\(/, // JavaScript
  /^[ \t]*at[ \t]+([\w$]+(?:\.[\w$<>]+)+)\([\w$.-]+:\d+\)/, // Java
];
// A Rust backtrace frame: `  6: hyper::io::Buffered<T,B>::parse`, `  7: <X as Y>::parse`, with
// an address in some builds (`  3: 0x55d1 - name`); the symbol runs to the end of the line.
const rustFrame =
  /^[ \t]*\d{1,4}:[ \t]+(?:0x[0-9a-f]{1,16}[ \t]+-[ \t]+)?([<A-Za-z_][^\n]{0,1000})$/;
const pythonFrame = /File[ \t]+"([^"\n]+)",[ \t]*line[ \t]+(\d+)(?:,[ \t]*in[ \t]+([A-Za-z_]\w*))?/;
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
function addPathLines(sink: FactSink, text: string, from: number, to: number): void {
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
    const path = normaliseFilePath(raw);
    sink.add('file-path', path, start, colon);
    sink.add('line-reference', `${path}:${line[1]!}`, start, colon + line[0].length);
  }
}

export function extractTraceFacts(
  sink: FactSink,
  body: string,
  blocks: readonly CodeBlock[],
): void {
  // Matched against "\n" + body so that the first line counts and indices stay those of `body`.
  forEachMatch(frameLinePattern, `\n${body}`, (match) => {
    const line = match[0].slice(1);
    const lineStart = match.index;
    const python = pythonFrame.exec(line);
    if (python !== null) {
      const pathStart = lineStart + python.index + python[0].indexOf('"') + 1;
      const path = normaliseFilePath(python[1]!);
      sink.add('file-path', path, pathStart, pathStart + python[1]!.length);
      sink.add(
        'line-reference',
        `${path}:${python[2]!}`,
        lineStart + python.index,
        lineStart + python.index + python[0].length,
      );
      if (python[3] !== undefined) addFunction(sink, python[3], lineStart, line);
      return;
    }
    const rust = rustFrame.exec(line);
    if (rust !== null) {
      // Read as the path a report names (generics, `as Trait` and the hash dropped); Rust's
      // runtime frames (`core::panicking::...`) are left out like libc's.
      const raw = rust[1]!.trimEnd();
      const name = readRustFrameSymbol(raw);
      const at = lineStart + line.indexOf(raw);
      if (name !== null) sink.add('function', name, at, at + raw.length);
    } else {
      for (const pattern of framePatterns) {
        const frame = pattern.exec(line);
        if (frame !== null) {
          addFunction(sink, frame[1]!, lineStart, line);
          break;
        }
      }
    }
    addPathLines(sink, body, lineStart, lineStart + line.length);
  });
  for (const block of blocks) addPathLines(sink, body, block.contentStart, block.contentEnd);
  addSanitizerImpacts(sink, body);
}
