// Finds where the block that starts at a definition line ends (matching braces, or indentation
// for Python-like code), so a later change anywhere in a cited function is seen.

const maxBlockLines = 400;
const bracesWithin = 5;

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
    const code = lines[row]!.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\/.*$/g, '');
    for (const character of code) {
      if (character === '{') {
        depth += 1;
        opened = true;
      } else if (character === '}') depth -= 1;
    }
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
