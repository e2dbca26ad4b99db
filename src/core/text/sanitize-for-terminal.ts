// The one sanitiser for text a human reads in a terminal or a Markdown viewer: control characters,
// escape sequences, bidirectional overrides and invisible separators from a report are shown as
// visible escapes (`\x1b`, `\u{202e}`), so a report cannot move the cursor, set the window title,
// overwrite an earlier row or reorder what the reader sees. Line feeds and tabs are kept.

// C0 controls but tab and line feed, DEL and C1 controls; Arabic letter mark, zero-width and
// directional marks, line and paragraph separators, embeddings and overrides, word joiner and
// isolates, the byte-order mark; and lone surrogate halves.
const unsafeCharacter =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function describeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u{${code.toString(16).padStart(4, '0')}}`;
}

/** `text` with every unsafe character replaced by a visible escape; `\n` and `\t` are kept. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(unsafeCharacter, describeCharacter);
}

/**
 * Pretty JSON in which the same characters are JSON escapes (`\u202e`): identical data for a
 * program, and nothing that steers a terminal when a person prints it.
 */
export function stringifyJsonForTerminal(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(
    unsafeCharacter,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}\n`;
}

/** As `stringifyJsonForTerminal`, on one line (JSON Lines): strings keep their line feeds escaped. */
export function stringifyJsonLineForTerminal(value: unknown): string {
  return `${JSON.stringify(value).replace(
    unsafeCharacter,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}\n`;
}

/** As `sanitizeForTerminal`, for one line: line feeds and tabs are escaped too. */
export function sanitizeLineForTerminal(text: string): string {
  return sanitizeForTerminal(text).replace(/[\n\t]/g, describeCharacter);
}
