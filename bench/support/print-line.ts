// Prints one line of bench output through the shared terminal sanitiser, so text that comes from
// report files cannot move the cursor or recolour the terminal.
import { sanitizeLineForTerminal } from '../../src/core/index.js';

export function printLine(text = ''): void {
  process.stdout.write(`${sanitizeLineForTerminal(text)}\n`);
}
