// Finds sanitizer reports pasted outside fenced code: indented by spaces or a tab (a Markdown
// indented block, a plain-text mail) or quoted with `>` (a forwarded CI log). Each run of such
// lines that holds a sanitizer's error line is a trace, read like a fenced one (docs/facts.md).

import type { CodeBlock } from './find-code-blocks.js';

export interface TraceSpan {
  start: number;
  end: number;
}

// A line set off from prose: two or more spaces or a tab, or one to eight `>` quote marks.
const setOffLine = /^(?:[ \t]*>[ \t]?){1,8}|^(?: {2,}|\t)/;
// ASan/MSan/TSan/LSan/HWASan error lines and UBSan's "file:line:col: runtime error:".
const sanitizerLine =
  /\b(?:ERROR|WARNING):\s+(?:Address|Memory|Thread|Leak|HWAddress|UndefinedBehavior)Sanitizer\b|\bSUMMARY:\s+(?:Address|Memory|Thread|Leak|HWAddress|UndefinedBehavior)Sanitizer\b|:\d+(?::\d+)?:\s+runtime\s+error:/;
const maxLineLength = 4096;

/** True when the text holds a sanitizer's error line (ASan, UBSan, MSan, TSan, LSan, HWASan). */
export function hasSanitizerError(text: string): boolean {
  return sanitizerLine.test(text);
}

/** Where the first sanitizer error line's words start in the text, or null. */
export function findSanitizerErrorStart(text: string): number | null {
  return sanitizerLine.exec(text)?.index ?? null;
}

/** The first sanitizer error line's words in the text (cut to 80 characters), or null. */
export function findSanitizerError(text: string): string | null {
  const match = sanitizerLine.exec(text);
  if (match === null) return null;
  const lineEnd = text.indexOf('\n', match.index);
  return text
    .slice(match.index, lineEnd === -1 ? undefined : lineEnd)
    .slice(0, 80)
    .trim();
}

function isInBlock(offset: number, blocks: readonly CodeBlock[]): boolean {
  return blocks.some((block) => offset >= block.start && offset < block.end);
}

/** The spans of set-off runs of lines, outside fenced blocks, that hold a sanitizer error line. */
export function findSanitizerTraces(body: string, blocks: readonly CodeBlock[]): TraceSpan[] {
  const traces: TraceSpan[] = [];
  let run: { start: number; end: number; hasError: boolean } | null = null;
  const close = (): void => {
    if (run?.hasError === true) traces.push({ start: run.start, end: run.end });
    run = null;
  };
  let lineStart = 0;
  while (lineStart <= body.length) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const line = body.slice(lineStart, Math.min(lineEnd, lineStart + maxLineLength));
    if (setOffLine.test(line) && line.trim() !== '' && !isInBlock(lineStart, blocks)) {
      const hasError = sanitizerLine.test(line);
      if (run === null) run = { start: lineStart, end: lineEnd, hasError };
      else {
        run.end = lineEnd;
        run.hasError ||= hasError;
      }
    } else close();
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  close();
  return traces;
}
