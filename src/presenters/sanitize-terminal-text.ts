// Makes text from manifests and registries safe to print on a terminal: control characters
// (escape sequences, bidirectional overrides) become visible `\u{...}` escapes.
// Stand-in until the shared core helper `sanitizeForTerminal` lands; then swap the import.

// C0 and C1 controls except tab and newline, DEL, and the bidirectional formatting characters.
const unsafe =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeTerminalText(text: string): string {
  return text.replace(unsafe, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}
