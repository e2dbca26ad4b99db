// Makes text safe to print to a terminal: control characters (except line feed and tab), DEL,
// C1 controls and bidirectional overrides become visible \u escapes, so text read from a
// repository cannot move the cursor, recolour the screen or reorder what is shown.
// (Local until the shared core helper sanitizeForTerminal lands.)

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeTerminalText(text: string): string {
  return text.replace(
    unsafe,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
