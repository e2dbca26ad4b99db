// Keeps text from reports and advisories from steering the terminal. A local stand-in until the
// core's shared `sanitizeForTerminal` lands: control characters and bidirectional overrides are
// shown as `\u{...}` escapes; JSON gets the same characters as JSON escapes, so it stays identical data.

const unsafePattern =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of human text for stderr or stdout. */
export function sanitizeLine(text: string): string {
  return text.replace(unsafePattern, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}

/** Pretty JSON whose invisible and control characters are written as \uXXXX escapes. */
export function formatJsonForTerminal(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  return `${json.replace(unsafePattern, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
