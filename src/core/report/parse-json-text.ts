// Parses JSON report text safely: nesting depth and duplicate keys are checked before JSON.parse
// (which would overflow the stack, and silently keep the last of two "title" keys where another
// reader keeps the first), and syntax errors become issues with a line and column.

import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import { findLineAndColumn } from '../text/locate-line.js';
import { reportLimits } from './report-limits.js';

export function parseJsonText(text: string): ParseResult<unknown> {
  const structure = scanJsonStructure(text, reportLimits.maxJsonDepth);
  if (structure !== null) {
    return {
      ok: false,
      issues: [{ message: structure.message, ...findLineAndColumn(text, structure.offset) }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [describeJsonError(text, error)] };
  }
}

interface OpenContainer {
  isObject: boolean;
  keys: Set<string>;
  isKeyNext: boolean;
}

/**
 * One linear pass over the text, string contents skipped: the first bracket that opens level
 * `maxDepth + 1`, or the first key said twice in one object. Syntax errors are left to JSON.parse.
 */
function scanJsonStructure(
  text: string,
  maxDepth: number,
): { offset: number; message: string } | null {
  const stack: OpenContainer[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      const start = index;
      for (index += 1; index < text.length && text.charCodeAt(index) !== 0x22; index += 1) {
        if (text.charCodeAt(index) === 0x5c) index += 1;
      }
      const top = stack[stack.length - 1];
      if (top?.isObject && top.isKeyNext) {
        top.isKeyNext = false;
        const key = decodeJsonString(text.slice(start, index + 1));
        if (key !== null && top.keys.has(key)) {
          return {
            offset: start,
            message: `duplicate key ${JSON.stringify(key)}: JSON readers disagree on which value counts, so the report is refused`,
          };
        }
        if (key !== null) top.keys.add(key);
      }
    } else if (code === 0x7b || code === 0x5b) {
      if (stack.length >= maxDepth) {
        return { offset: index, message: `JSON nested too deeply (more than ${maxDepth} levels)` };
      }
      stack.push({ isObject: code === 0x7b, keys: new Set(), isKeyNext: code === 0x7b });
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
    } else if (code === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.isKeyNext = true;
    }
  }
  return null;
}

/** A JSON string literal's value, or null when it is malformed (JSON.parse will say why). */
function decodeJsonString(literal: string): string | null {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null;
  }
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
      ...findLineAndColumn(text, text.length),
    };
  }
  const reason = error.message
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
  return {
    message: `invalid JSON: ${reason}`,
    ...(position === null ? {} : findLineAndColumn(text, Number(position[1]))),
  };
}
