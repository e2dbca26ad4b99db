// The frames of a sanitizer trace below the one where the fault is: the code that called its way
// to the bug (the bundled tool at the bottom of a library crash, the reader program that fed a
// packet to the dissector). They say how the bug was reached, not where it is, so a rule that
// holds only on them is not the one a verdict cites (docs/verdicts.md, "Which rules a verdict
// cites"). Frames are read by their `#N` markers, so a trace run into a paragraph reads the
// same as a fenced one.

import type { Fact } from '../model/fact.js';
import { findSanitizerErrorStart } from '../report/find-sanitizer-traces.js';

/** How far after the error line the first stack may start, and how long a stack may run. */
const maxTraceLength = 20_000;
/** The most characters from one frame's marker to the next one of the same stack. */
const maxFrameLength = 600;

// A native frame: `#3 0x55b7a14c0e2d in DumpTrackInfo applications/mp4box/filedump.c:3950`, the
// address and `in` optional (symbolised tools print `#0 f x.c:3`); its location is the token
// after the function. Bounded, single-pass pieces: linear in the text.
const nativeFrame =
  /(?:^|[\s>])#(\d{1,4})[ \t]{1,8}(?:0x[0-9a-fA-F]{1,16}[ \t]{1,8})?(?:in[ \t]{1,8})?[^\s#]{1,300}(?:[ \t]{1,8}[^\s#]{1,500})?/g;

// A debugger's backtrace: gdb's `(gdb) bt` (or `backtrace`, `where`) or its `Program received
// signal SIGSEGV` line, lldb's `(lldb) bt` or `stop reason =`. Its frames are whole lines, the
// location at the end after the arguments (`#1  0x7ffff7e8c7a1 in f (a=0x0, b=1) at ../lib/x.c:662`,
// lldb's `frame #1: 0x... lib.so`f(a=0) at x.c:12:3`).
const debuggerStart =
  /\((?:gdb|lldb)\)[ \t]{1,8}(?:bt|backtrace|where)\b|\bProgram received signal SIG[A-Z]{2,8}\b|\bstop reason = /;
const debuggerFrameLine = /^[ \t>*]{0,8}(?:frame[ \t]{1,4})?#(\d{1,4})\b[^\n]{0,1000}/gm;
/** The most characters from one debugger frame's line start to the next one's. */
const maxDebuggerFrameLength = 1_200;

interface Frame {
  number: number;
  start: number;
  end: number;
}

/**
 * The frames of the first stack after `from` that `framePattern` (global, the frame number in its
 * first group) finds: numbered from #0 up, each at most `maxFrameGap` characters after the last.
 */
function readStack(body: string, from: number, framePattern: RegExp, maxFrameGap: number): Frame[] {
  const text = body.slice(from, from + maxTraceLength);
  const stack: Frame[] = [];
  for (const match of text.matchAll(framePattern)) {
    const number = Number(match[1]);
    const start = from + match.index;
    const previous = stack.at(-1);
    if (previous === undefined) {
      if (number !== 0) continue;
    } else if (number !== previous.number + 1 || start - previous.start > maxFrameGap) {
      break;
    }
    stack.push({ number, start, end: start + match[0].length });
  }
  return stack;
}

/** The first stack of the report: a sanitizer's after its error line, else a debugger's backtrace. */
function readTraceStack(body: string, errorStart: number | null): Frame[] {
  if (errorStart !== null) return readStack(body, errorStart, nativeFrame, maxFrameLength);
  const debugger_ = debuggerStart.exec(body.slice(0, maxTraceLength * 5));
  return debugger_ === null
    ? []
    : readStack(body, debugger_.index, debuggerFrameLine, maxDebuggerFrameLength);
}

/**
 * The cited paths (`cited`, placed by `toPath`) in the frames of the trace's first stack below
 * the fault's frame, except those of the fault's own file. The fault is where UBSan's `runtime
 * error:` line points, else the first frame that cites a path. Empty without a trace.
 */
export function listTraceCallers(
  cited: readonly Fact[],
  toPath: (fact: Fact) => string,
  body: string | undefined,
): Fact[] {
  if (body === undefined) return [];
  const errorStart = findSanitizerErrorStart(body);
  const stack = readTraceStack(body, errorStart);
  if (stack.length === 0) return [];
  const inFrame = (frame: Frame): Fact[] =>
    cited.filter((fact) => fact.span.start >= frame.start && fact.span.start < frame.end);
  // UBSan names the fault's file on its error line ("lib/x.c:12:5: runtime error: ..."), where
  // the error match starts at the colon after the path.
  const ubsanFault =
    errorStart !== null && body[errorStart] === ':'
      ? cited.find((fact) => fact.span.end <= errorStart && errorStart - fact.span.end <= 12)
      : undefined;
  const faultIndex = ubsanFault ? -1 : stack.findIndex((frame) => inFrame(frame).length > 0);
  if (ubsanFault === undefined && faultIndex === -1) return [];
  const fault = ubsanFault ?? inFrame(stack[faultIndex]!)[0]!;
  const faultPath = toPath(fault);
  return stack
    .slice(faultIndex + 1)
    .flatMap(inFrame)
    .filter((fact) => toPath(fact) !== faultPath);
}
