// Decides which claims name what the report says is vulnerable (`location`) and which are context,
// so that a fabricated report is judged by what it rests on, not by how many true names it drops.

import type { ClaimRole, CodeClaim } from '../model/evidence.js';
import type { ReportField } from '../model/report.js';
import type { CodeBlock } from '../report/find-code-blocks.js';
import { classifyExternalFrame, classifyExternalName } from './classify-external-name.js';
import { createLineBounds } from '../text/locate-line.js';
import { readStackFrame } from '../report/read-stack-frame.js';
import { goFileLine, parseGoFrame } from '../report/parse-go-frame.js';

// Words of a sentence that says where the bug is; "the function `x()` in `file.c`" places it too,
// and so does English's other order, "the `x()` function in `file.c`".
const locationCue =
  /\b(?:vulnerab\w*|flaw\w*|bug\b|defect|overflow\w*|underflow\w*|overread|over-read|out[- ]of[- ]bounds|oob\b|use[- ]after[- ]free|double[- ]free|dereferenc\w*|root cause|crash\w*|segfault\w*|leak\w*|injection|travers\w*|race\b|uninitiali[sz]ed|unbounded|infinite|recursion|exhaust\w*|does not (?:check|validate|verify|limit|bound)|doesn't (?:check|validate)|never (?:checks|validates)|fails to|missing (?:check|validation|bounds)|without (?:checking|validat\w*|bounds)|trusts?\b|located in|implemented in|defined in|bypass\w*|affected (?:function|file|code|component)|vulnerable (?:function|code|file)|(?:function|method)\s+`[^`\n]{1,120}`\s+(?:in\s+|of\s+|\()`)|`[^`\n]{1,120}`\s+(?:function|method)\s+(?:in|of)\s+`/i;
const contextFields = new Set<ReportField>([
  'impact',
  'proposed-patch',
  'references',
  'environment',
  'reproduction',
  'test-case',
  'credits',
  'severity',
  'ai-disclosure',
]);

interface Sentence {
  start: number;
  end: number;
}

/** The sentence (or heading, or list item) around an offset: bounded by `.`+space, a blank line or a line start marker. */
function findSentence(body: string, offset: number): Sentence {
  let start = offset;
  while (start > 0 && offset - start < 400) {
    const previous = body[start - 1]!;
    if (previous === '\n' && (body[start] === '\n' || /[#*\-\d>]/.test(body[start] ?? ''))) break;
    if ((previous === ' ' || previous === '\n') && /[.!?]/.test(body[start - 2] ?? '')) break;
    start -= 1;
  }
  let end = offset;
  while (end < body.length && end - offset < 400) {
    const character = body[end]!;
    if (character === '\n' && (body[end + 1] === '\n' || /[#*\-\d>]/.test(body[end + 1] ?? '')))
      break;
    if (/[.!?]/.test(character) && /\s/.test(body[end + 1] ?? ' ')) break;
    end += 1;
  }
  return { start, end };
}

interface TopFrames {
  names: Set<string>;
  /** [start, end) of each top frame's line in the body. */
  lines: Array<[number, number]>;
}

/** The innermost project frame of every stack trace in the code blocks (and of a Go panic anywhere): its name and its line. */
function findTopFrames(body: string, blocks: readonly CodeBlock[]): TopFrames {
  const top: TopFrames = { names: new Set(), lines: [] };
  for (const block of blocks) {
    let found = false;
    let lastPython: { name: string; start: number; end: number } | null = null;
    let lineStart = block.contentStart;
    for (let count = 0; lineStart < block.contentEnd && count < 2000; count += 1) {
      const newline = body.indexOf('\n', lineStart);
      const lineEnd = newline === -1 || newline > block.contentEnd ? block.contentEnd : newline;
      const line = body.slice(lineStart, Math.min(lineEnd, lineStart + 1000));
      const stackFrame = readStackFrame(line);
      if (stackFrame?.kind === 'native' && stackFrame.number === 0) found = false;
      // ASan/gdb `#0 0x… in name (module+0x…)` or `… in name path:line`; `at name (where)`.
      const frame =
        stackFrame?.kind === 'native'
          ? { name: stackFrame.functionName!.text, where: stackFrame.location?.text ?? '' }
          : stackFrame?.kind === 'javascript' && stackFrame.location !== null
            ? { name: stackFrame.functionName!.text, where: stackFrame.location.text }
            : null;
      if (frame !== null && !found) {
        const isExternal =
          classifyExternalName(frame.name) !== null || classifyExternalFrame(frame.where) !== null;
        if (!isExternal) {
          top.names.add(frame.name);
          top.lines.push([lineStart, lineEnd]);
          found = true;
        }
      }
      if (
        stackFrame?.kind === 'python' &&
        stackFrame.functionName !== null &&
        classifyExternalFrame(stackFrame.location!.text) === null
      )
        lastPython = { name: stackFrame.functionName.text, start: lineStart, end: lineEnd };
      lineStart = lineEnd + 1;
    }
    // A Python traceback lists the innermost call last.
    if (lastPython !== null) {
      top.names.add(lastPython.name);
      top.lines.push([lastPython.start, lastPython.end]);
    }
  }
  addGoTopFrames(body, top);
  return top;
}

const runningGoroutine = /^goroutine \d{1,12} \[running\]:[ \t\r]*$/;

// A Go panic prints the goroutine that panicked as `goroutine N [running]:`, innermost call first:
// its first frame outside the standard library and `main` (the call line and the file line under
// it) is where the report says the crash is, in a code block or in a plain-text mail alike.
function addGoTopFrames(body: string, top: TopFrames): void {
  if (!body.includes('[running]:')) return;
  let isInside = false;
  let lineStart = 0;
  for (let count = 0; lineStart < body.length && count < 20000; count += 1) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const line = body.slice(lineStart, Math.min(lineEnd, lineStart + 2000));
    if (runningGoroutine.test(line)) isInside = true;
    else if (isInside && line.trim() === '') isInside = false;
    else if (isInside && newline !== -1) {
      const nextEnd = body.indexOf('\n', lineEnd + 1);
      const fileLineEnd = nextEnd === -1 ? body.length : nextEnd;
      const frame = goFileLine.test(body.slice(lineEnd + 1, fileLineEnd).replace(/\r$/, ''))
        ? parseGoFrame(line)
        : null;
      if (frame !== null && !frame.isStandardOrMain) {
        top.names.add(frame.name);
        top.lines.push([lineStart, fileLineEnd]);
        isInside = false;
      }
    }
    if (newline === -1) break;
    lineStart = lineEnd + 1;
  }
}

function nameOf(claim: CodeClaim): string {
  return claim.symbol ?? claim.path ?? claim.text;
}

function mentionsName(text: string, name: string): boolean {
  if (name.length < 3) return false;
  let at = text.indexOf(name);
  while (at !== -1) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!/[\w$]/.test(before) && !/[\w$]/.test(after)) return true;
    at = text.indexOf(name, at + 1);
  }
  return false;
}

// A Markdown heading that names the root cause ("## 🔍 Root Cause", "### Root cause analysis"):
// what the section says is where the bug is, sentence by sentence, whatever its words.
const markdownHeading = /^#{1,6}[ \t]+([^\n]{1,200})$/gm;
const rootCauseHeading = /\broot[ \t]+cause\b/i;

/** The start offsets of the root-cause sections, each with the next heading's start (or the end). */
function findRootCauseSections(body: string): Array<[number, number]> {
  const headings: Array<{ start: number; isRootCause: boolean }> = [];
  for (const match of body.slice(0, 200_000).matchAll(markdownHeading))
    headings.push({ start: match.index, isRootCause: rootCauseHeading.test(match[1]!) });
  return headings.flatMap((heading, index) =>
    heading.isRootCause
      ? [[heading.start, headings[index + 1]?.start ?? body.length] as [number, number]]
      : [],
  );
}

/**
 * The role of each claim, in order: `location` when it is in the title, in a heading, in the top
 * project frame of a stack trace, in the affected-component section, in a root-cause section
 * (prose, not code blocks), or in a sentence that says where the bug is ("the overflow is in `x()`", "`y()` never checks"); `context` when it is in an
 * impact, patch, reproduction or reference section or in any other sentence. Revisions and
 * patches are always context.
 */
export function assignClaimRoles(
  claims: readonly CodeClaim[],
  input: {
    title: string;
    body: string;
    blocks: readonly CodeBlock[];
    fieldAt: (offset: number) => ReportField | null;
  },
): ClaimRole[] {
  const { title, body, blocks, fieldAt } = input;
  const topFrames = findTopFrames(body, blocks);
  const rootCauseSections = findRootCauseSections(body);
  const lineAt = createLineBounds(body);
  const inBlock = (offset: number): boolean =>
    blocks.some((block) => offset >= block.contentStart && offset < block.contentEnd);
  return claims.map((claim): ClaimRole => {
    if (claim.kind === 'revision' || claim.kind === 'patch') return 'context';
    const name = nameOf(claim);
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (mentionsName(title, claim.kind === 'file' || claim.kind === 'line' ? base : name))
      return 'location';
    const offset = claim.span.start;
    if (topFrames.lines.some(([start, end]) => offset >= start && offset < end)) return 'location';
    const field = fieldAt(offset);
    if (field === 'affected-component') return 'location';
    if (field !== null && contextFields.has(field)) return 'context';
    // Quoted code the report presents is what it says is wrong; other names in code are context.
    if (claim.kind === 'snippet') return 'location';
    if (inBlock(offset)) return 'context';
    if (body.startsWith('#', lineAt(offset).start)) return 'location';
    if (rootCauseSections.some(([start, end]) => offset >= start && offset < end))
      return 'location';
    const sentence = findSentence(body, offset);
    return locationCue.test(body.slice(sentence.start, sentence.end)) ? 'location' : 'context';
  });
}
