// A sanitizer trace whose fault lies in the project's own helper code (a test, a fuzz harness, a
// bundled program or example) often runs through library files too: the library called the
// helper's callback, or the helper called the library before it overran its own buffer. The
// frame where the fault is, the top frame of the error's stack that the report cites (or the
// file of UBSan's `runtime error:` line), says where the bug is; the other frames of that trace
// are callers and callees. So when that frame is in helper code, the trace's library frames do not
// place the report in the library (docs/verdicts.md, "Faults in helper code").

import type { Fact } from '../model/fact.js';
import { findSanitizerErrorStart } from '../report/find-sanitizer-traces.js';
import { isNativeFrameStart } from '../report/read-stack-frame.js';
import { createSupportFolderTest, helperFolderKinds } from '../report/support-folders.js';

// Helper folders anywhere in a repository path: tests, fuzz harnesses, bundled programs, examples.
const isHelperFolder = createSupportFolderTest(helperFolderKinds);
// The reporter's own build or work folder and the checkout inside it (`/src/libpng/`,
// `/home/ana/zstd/`): not the repository's folders, so not read as a helper folder.
const buildPrefix =
  /^\/(?:(?:home|Users)\/[^/]+|src|work|workspace|build|tmp|root|opt|mnt|srv)\/[^/]+\//;
const maxTraceLength = 20_000;

/** True when the cited path lies in a test, fuzz, program, example or contrib folder of the project. */
export function isHelperPath(path: string): boolean {
  // Folders only: the segments before the file name.
  return path.replace(buildPrefix, '').split('/').slice(0, -1).some(isHelperFolder);
}

/** The span of the sanitizer trace: from its error line to its SUMMARY line or the first fence. */
function findTraceSpan(body: string, errorStart: number): { start: number; end: number } {
  const lineStart = body.lastIndexOf('\n', errorStart) + 1;
  const rest = body.slice(errorStart, errorStart + maxTraceLength);
  const summary = /\n[ \t]*(?:>[ \t]*){0,8}SUMMARY:[^\n]*/.exec(rest);
  const fence = /\n[ \t]*(?:`{3,}|~{3,})/.exec(rest);
  const stop = [summary ? summary.index + summary[0].length : null, fence?.index ?? null].filter(
    (at): at is number => at !== null,
  );
  return {
    start: lineStart,
    end: errorStart + (stop.length > 0 ? Math.min(...stop) : rest.length),
  };
}

/** The cited path where the fault is: UBSan's error line, else the top cited frame of the first stack. */
function findFaultPath(
  body: string,
  errorStart: number,
  trace: { start: number; end: number },
  inTrace: readonly Fact[],
): Fact | null {
  const errorLineEnd = body.indexOf('\n', trace.start);
  // UBSan names the fault's file on its error line ("lib/x.c:12:5: runtime error: ..."), where
  // the error match starts at the colon after the path.
  if (body[errorStart] === ':') {
    return inTrace.find((fact) => fact.span.start < errorStart) ?? null;
  }
  let offset = errorLineEnd === -1 ? trace.end : errorLineEnd + 1;
  let hasFrames = false;
  while (offset < trace.end) {
    const lineEnd = body.indexOf('\n', offset);
    const end = lineEnd === -1 || lineEnd > trace.end ? trace.end : lineEnd;
    const line = body.slice(offset, end);
    if (isNativeFrameStart(line)) {
      hasFrames = true;
      const cited = inTrace.find((fact) => fact.span.start >= offset && fact.span.start < end);
      if (cited) return cited;
    } else if (hasFrames) {
      return null; // the first stack ended without a cited frame
    }
    offset = end + 1;
  }
  return null;
}

/**
 * The cited paths without the trace's non-helper frames when the frame where the fault is lies in
 * helper code; unchanged otherwise (no trace, the fault in the library, or no helper frame).
 */
export function placeFaultInHelperFrame(
  cited: readonly Fact[],
  toPath: (fact: Fact) => string,
  body?: string,
): Fact[] {
  if (body === undefined) return [...cited];
  const errorStart = findSanitizerErrorStart(body);
  if (errorStart === null) return [...cited];
  const trace = findTraceSpan(body, errorStart);
  const inTrace = cited
    .filter((fact) => fact.span.start >= trace.start && fact.span.end <= trace.end)
    .sort((a, b) => a.span.start - b.span.start);
  const fault = findFaultPath(body, errorStart, trace, inTrace);
  if (fault === null || !isHelperPath(toPath(fault))) return [...cited];
  return cited.filter((fact) => !inTrace.includes(fact) || isHelperPath(toPath(fact)));
}
