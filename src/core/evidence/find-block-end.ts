// Finds where the block that starts at a definition line ends (matching braces, or indentation
// for Python-like code), so a later change anywhere in a cited function is seen.

const maxBlockLines = 400;
const bracesWithin = 5;

/** How much a line opens (+) or closes (-) braces, outside strings and `//` comments. */
function countBraces(line: string): { depth: number; hasOpening: boolean } {
  let depth = 0;
  let hasOpening = false;
  let quote = '';
  for (let at = 0; at < line.length && at < 4000; at += 1) {
    const character = line[at]!;
    if (quote !== '') {
      if (character === '\\') at += 1;
      else if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '/' && line[at + 1] === '/') break;
    else if (character === '{') {
      depth += 1;
      hasOpening = true;
    } else if (character === '}') depth -= 1;
  }
  return { depth, hasOpening };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The 1-based last line of the block opened at `line` (at most 400 lines on), or `line` itself. */
export function findBlockEnd(text: string, line: number): number {
  const lines = text.split('\n', line + maxBlockLines);
  const first = line - 1;
  if (first < 0 || first >= lines.length) return line;
  let depth = 0;
  let opened = false;
  for (let row = first; row < lines.length; row += 1) {
    const braces = countBraces(lines[row]!);
    depth += braces.depth;
    opened ||= braces.hasOpening;
    if (opened && depth <= 0) return row + 1;
    if (!opened && row - first >= bracesWithin) break;
  }
  if (opened) return Math.min(lines.length, line + maxBlockLines - 1);
  // No braces: the block is the lines indented deeper than the definition (Python, Ruby-ish).
  const base = indentOf(lines[first]!);
  let last = first;
  for (let row = first + 1; row < lines.length; row += 1) {
    const current = lines[row]!;
    if (current.trim() === '') continue;
    if (indentOf(current) <= base) break;
    last = row;
  }
  return last + 1;
}
