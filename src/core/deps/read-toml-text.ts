// Parses TOML (pyproject.toml, poetry.lock, uv.lock) with smol-toml, turning its errors into
// positioned issues; and finds the line where an entry is written, since TOML data has none.

import { parse, TomlError } from 'smol-toml';
import type { ParseResult } from '../model/parse-result.js';
import { createLineLocator } from '../text/locate-line.js';

export function readTomlText(text: string): ParseResult<Record<string, unknown>> {
  try {
    return { ok: true, value: parse(text) };
  } catch (error) {
    if (error instanceof TomlError) {
      return {
        ok: false,
        issues: [
          {
            message: `invalid TOML: ${error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '')}`,
            line: error.line,
            column: error.column,
          },
        ],
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ message: `cannot read the TOML: ${reason}` }] };
  }
}

/**
 * Finds lines by searching forward from a cursor: entries are met in the order they are written,
 * so a whole file costs one pass. Returns undefined, leaving the cursor, when a needle is absent.
 */
export function createLineFinder(text: string): {
  seek: (needle: string) => void;
  find: (needle: string) => number | undefined;
} {
  const lineOf = createLineLocator(text);
  let cursor = 0;
  return {
    seek(needle) {
      const at = text.indexOf(needle);
      if (at !== -1) cursor = at;
    },
    find(needle) {
      const at = text.indexOf(needle, cursor);
      if (at === -1) return undefined;
      cursor = at + needle.length;
      return lineOf(at);
    },
  };
}
