// Parses JSON report text safely: nesting depth is checked before JSON.parse (which would
// otherwise overflow the stack), and syntax errors become issues with a line and column.

import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import { reportLimits } from './report-limits.js';

export function parseJsonText(text: string): ParseResult<unknown> {
  const tooDeep = findExcessiveNesting(text, reportLimits.maxJsonDepth);
  if (tooDeep !== null) {
    return {
      ok: false,
      issues: [
        {
          message: `JSON nested too deeply (more than ${reportLimits.maxJsonDepth} levels)`,
          ...positionOf(text, tooDeep),
        },
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [describeJsonError(text, error)] };
  }
}

/** The offset of the first bracket that opens level `maxDepth + 1`, ignoring string contents. */
function findExcessiveNesting(text: string, maxDepth: number): number | null {
  let depth = 0;
  let isInString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isInString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) isInString = false;
    } else if (code === 0x22) {
      isInString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
    }
  }
  return null;
}

function describeJsonError(text: string, error: unknown): ParseIssue {
  if (!(error instanceof SyntaxError)) {
    // A RangeError from a parser that still recursed too deep: report it, never crash.
    return { message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const position = /\bposition (\d+)/.exec(error.message);
  if (position === null && /end of (?:JSON )?input/i.test(error.message)) {
    return {
      message: 'invalid JSON: unexpected end of input (truncated?)',
      ...positionOf(text, text.length),
    };
  }
  const reason = error.message
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
  return {
    message: `invalid JSON: ${reason}`,
    ...(position === null ? {} : positionOf(text, Number(position[1]))),
  };
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
