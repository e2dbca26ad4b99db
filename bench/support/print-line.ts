// Prints one line of bench output with control characters made visible, so text that comes from
// report files cannot move the cursor or recolour the terminal. Local stand-in until the shared
// core helper `sanitizeForTerminal` lands (issue 8); swap it in then.

/** C0 controls except tab, DEL, and C1 controls. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

export function printLine(text = ''): void {
  let safe = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    safe += isControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : character;
  }
  process.stdout.write(`${safe}\n`);
}
