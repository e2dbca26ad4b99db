// The one reading of a stack-trace line, shared by fact extraction, claim roles, external-code
// classification, crash signatures and fault placement: AddressSanitizer and gdb (`#0 0x4c1a2a in
// f lib/x.c:12:3`), valgrind (`==7== at 0x4C2: f (x.c:9)`), JavaScript (`at f (file.js:3:9)`),
// Java (`at a.B.f(B.java:12)`), .NET (`at N.C.M(String s) in /src/C.cs:line 42`), Rust (`3: crate::f`), Python (`File "x.py", line 9, in f`) and
// the native frames a runtime prints when it dies (Node.js's fatal-error dump: `1: 0xb7a940
// node::Abort() [node]`, the binary in brackets).
// A frame may be indented and `>`-quoted, as traces pasted into Markdown are.

type StackFrameKind = 'native' | 'valgrind' | 'javascript' | 'java' | 'dotnet' | 'rust' | 'python';

/** A piece of the line: its text and where it is (`line.slice(start, end) === text`). */
export interface FramePart {
  text: string;
  start: number;
  end: number;
}

export interface StackFrame {
  kind: StackFrameKind;
  /** Where the frame begins, after indentation, quote marks and valgrind's `==pid==`. */
  start: number;
  /** The `#N` of a native frame, else null. */
  number: number | null;
  /**
   * The function as the frame prints it (`png_read_row`, `Object.<anonymous>`, `foo(int)`, a Rust
   * frame's whole symbol `<a::B<T> as c::D>::parse::h0123…`).
   */
  functionName: FramePart | null;
  /**
   * Where the code is, as printed after the function: `lib/x.c:12:3 (module+0x12)` for a native
   * frame, the inside of a JavaScript frame's closing parentheses, a Python frame's file.
   */
  location: FramePart | null;
  /** The line number a Python frame gives (`31` of `line 31`), else null. */
  lineNumber: FramePart | null;
}

// Only lines that start like a frame are looked at further (matched against "\n" + text).
export const stackFrameLinePattern =
  /\n[ \t]*(?:>[ \t]*){0,8}(?:==\d+==[ \t]+)?(?:#\d+[ \t]+0x|at[ \t]|by[ \t]+0x|File[ \t]+"|\d+:[ \t]+[\w<])[^\n]*/g;

// The start of a native frame, with or without its address (`#0 f x.c:3` from symbolised tools).
const nativeFrameStart = /^[ \t]*(?:>[ \t]*){0,8}(?:==\d+==[ \t]+)?#(\d{1,4})[ \t]/;
// Indentation, Markdown quote marks and valgrind's `==pid==` before any frame.
const framePrefix = /^[ \t]*(?:>[ \t]*){0,8}(?:==\d+==[ \t]+)?/;
// Each pattern captures the text before the function first, so that spans are exact.
const nativeFrame = /^(#(\d+)[ \t]+0x[0-9a-fA-F]+[ \t]+in[ \t]+)(\S+)(?:[ \t](.*))?$/;
const valgrindFrame = /^((?:at|by)[ \t]+0x[0-9A-Fa-f]+:[ \t]+)(\S+)(?:[ \t](.*))?$/;
const javascriptFrame =
  /^(at[ \t]+(?:async[ \t]+)?(?:new[ \t]+)?)([A-Za-z_$][\w$.<>]*)[ \t]+\((?:([^()]*)\)[ \t]*$)?/;
// Since Java 9 a frame may name its module first (`java.base/java.util.Arrays.copyOf`, `app//`).
const javaFrame =
  /^(at[ \t]+(?:[\w$.-]{1,100}(?:@[\w.-]{1,50})?\/\/?)?)([\w$]+(?:\.[\w$<>]+)+)\(([\w$.-]+:\d+)\)/;
// A .NET frame: the method qualified by namespace and class (an async state machine
// `<ReadAsync>d__12`, generic arguments `[T]`), its parameter types and names, and, when the
// build kept symbols, ` in <path>:line <n>` (Windows or Unix path; `/_/` in deterministic builds).
const dotnetFrame =
  /^(at[ \t]+)((?:[\w$`<>]+\.)+[\w$`<>]+)(?:\[\[?[^\]\n]{0,200}\]?\])?\(([^()\n]{0,500})\)(?:[ \t]+in[ \t]+(\S(?:[^\n:]|:(?!line[ \t]))*):line[ \t]+(\d+))?[ \t]*$/;
// A Rust backtrace frame: `6: hyper::io::Buffered<T,B>::parse`, `7: <X as Y>::parse`, with an
// address in some builds (`3: 0x55d1 - name`); the symbol runs to the end of the line and is a
// path (`::`). `readRustFrameSymbol` reads it as the function path a report names.
const rustFrame = /^(\d{1,4}:[ \t]+(?:0x[0-9a-f]{1,16}[ \t]+-[ \t]+)?)([<A-Za-z_][^\n]{0,1000})$/;
// A runtime's native frame as Node.js prints it on a fatal error: number, address, symbol (with
// argument types, so spaces) and the binary in brackets (`[node]`, `[/usr/bin/node]`). The
// brackets at the end (read by `readBracketedModuleFrame`) tell it from a Rust frame.
const addressedFrameStart = /^(\d{1,4}):[ \t]+0x[0-9a-fA-F]{1,16}[ \t]+(?=[A-Za-z_~])/;
const pythonFrame =
  /^(File[ \t]+")([^"\n]+)",[ \t]*line[ \t]+(\d+)(?:,[ \t]*in[ \t]+([A-Za-z_]\w*))?/;
// The identifier a native or valgrind frame's function begins with (`foo` of `foo(int)`).
const leadingIdentifier = /^[A-Za-z_~][\w:~<>.$]*/;
// The end of a native frame just before its path: "#1 0x5b0c12 in _TIFFmalloc ".
const functionBeforeLocation = /(?:^|\s)in[ \t]+([A-Za-z_~][\w:~<>.$]*)[ \t]+$/;

/** True when `line` starts like a native frame (`#3 ` after indentation or quote marks). */
export function isNativeFrameStart(line: string): boolean {
  return nativeFrameStart.test(line);
}

/** The text of `line` after a native frame's `#N `, or null when the line is no native frame. */
export function readAfterNativeFrameNumber(line: string): string | null {
  const start = nativeFrameStart.exec(line);
  return start === null ? null : line.slice(start[0].length);
}

/** The identifier a printed function begins with (`foo` of `foo(int)`), or null. */
export function readLeadingIdentifier(functionName: string): string | null {
  return leadingIdentifier.exec(functionName)?.[0] ?? null;
}

/** The function of a frame that ends right where `textBefore` ends (just before a path), or null. */
export function readFunctionBeforeLocation(textBefore: string): string | null {
  return functionBeforeLocation.exec(textBefore)?.[1] ?? null;
}

function partAt(text: string, start: number): FramePart {
  return { text, start, end: start + text.length };
}

/** The trimmed text of a frame's tail that starts at `start`, or null when only spaces are left. */
function trimmedPartAt(text: string | undefined, start: number): FramePart | null {
  if (text === undefined || text.trim() === '') return null;
  const trimmed = text.trimStart();
  return partAt(trimmed.trimEnd(), start + text.length - trimmed.length);
}

/** A frame whose function follows a lead the pattern captured as its first group. */
function readNamedFrame(
  kind: StackFrameKind,
  match: RegExpExecArray,
  offset: number,
): { kind: StackFrameKind; functionName: FramePart } {
  return { kind, functionName: partAt(match[2]!, offset + match[1]!.length) };
}

/** `1: 0xb7a940 node::Abort() [node]` (after the prefix at `offset`), or null. */
function readBracketedModuleFrame(rest: string, offset: number): StackFrame | null {
  const head = addressedFrameStart.exec(rest);
  const tail = rest.trimEnd();
  if (head === null || !tail.endsWith(']')) return null;
  const open = tail.lastIndexOf('[');
  const symbol = tail.slice(head[0].length, open).trimEnd();
  // The symbol and the bracket are apart: `f [node]`, never `f[node]` or a bare `[node]`.
  if (open <= head[0].length || !/[ \t]/.test(tail[open - 1]!) || symbol === '') return null;
  return {
    kind: 'native',
    start: offset,
    number: Number(head[1]),
    functionName: partAt(symbol, offset + head[0].length),
    location: partAt(tail.slice(open), offset + open),
    lineNumber: null,
  };
}

/** The frame `line` (one line, no newline) shows, or null when it shows none. */
export function readStackFrame(line: string): StackFrame | null {
  const offset = framePrefix.exec(line)![0].length;
  const rest = line.slice(offset);
  const none = { start: offset, number: null, location: null, lineNumber: null };
  const python = pythonFrame.exec(rest);
  if (python !== null) {
    const name = python[4];
    const lineNumberStart =
      offset + python[0].indexOf(python[3]!, python[1]!.length + python[2]!.length);
    return {
      kind: 'python',
      start: offset,
      number: null,
      functionName:
        name === undefined ? null : partAt(name, offset + python[0].length - name.length),
      location: partAt(python[2]!, offset + python[1]!.length),
      lineNumber: partAt(python[3]!, lineNumberStart),
    };
  }
  const native = nativeFrame.exec(rest);
  if (native !== null) {
    const functionName = partAt(native[3]!, offset + native[1]!.length);
    return {
      kind: 'native',
      start: offset,
      number: Number(native[2]),
      functionName,
      location: trimmedPartAt(native[4], functionName.end + 1),
      lineNumber: null,
    };
  }
  const valgrind = valgrindFrame.exec(rest);
  if (valgrind !== null) {
    const frame = readNamedFrame('valgrind', valgrind, offset);
    const location = trimmedPartAt(valgrind[3], frame.functionName.end + 1);
    return { ...none, ...frame, location };
  }
  const javascript = javascriptFrame.exec(rest);
  if (javascript !== null) {
    const frame = readNamedFrame('javascript', javascript, offset);
    const inside = javascript[3];
    const location =
      inside === undefined ? null : partAt(inside, line.indexOf('(', frame.functionName.end) + 1);
    return { ...none, ...frame, location };
  }
  const java = javaFrame.exec(rest);
  if (java !== null) {
    const frame = readNamedFrame('java', java, offset);
    return { ...none, ...frame, location: partAt(java[3]!, frame.functionName.end + 1) };
  }
  const dotnet = dotnetFrame.exec(rest);
  if (dotnet !== null) {
    const frame = readNamedFrame('dotnet', dotnet, offset);
    if (dotnet[4] === undefined) return { ...none, ...frame };
    const locationStart = rest.lastIndexOf(dotnet[4], rest.length - dotnet[5]!.length);
    return {
      ...none,
      ...frame,
      location: partAt(dotnet[4], offset + locationStart),
      lineNumber: partAt(dotnet[5]!, offset + rest.lastIndexOf(dotnet[5]!)),
    };
  }
  const bracketed = readBracketedModuleFrame(rest, offset);
  if (bracketed !== null) return bracketed;
  const rust = rustFrame.exec(rest);
  if (rust === null || !rust[2]!.includes('::')) return null;
  // The symbol as printed, generics and hash included (`readRustFrameSymbol` reads its path).
  return {
    ...none,
    kind: 'rust',
    functionName: partAt(rust[2]!.trimEnd(), offset + rust[1]!.length),
  };
}
