// Finds fenced code blocks (``` and ~~~) in a Markdown body, so that prose matching can skip them
// and code-specific extraction (traces, diffs, PoC commands) can read them.

export interface CodeBlock {
  /** Start of the opening fence line. */
  start: number;
  /** End of the closing fence line (or of the body when the block is never closed). */
  end: number;
  contentStart: number;
  contentEnd: number;
  /** The first word of the info string (`diff`, `bash` ...), or '' when there is none. */
  info: string;
}

interface Fence {
  marker: string;
  length: number;
  rest: string;
}

// Fences inside list items are often indented by more than the three spaces CommonMark allows at
// top level, so any leading blank run is accepted.
function readFence(line: string): Fence | null {
  let at = 0;
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at += 1;
  const marker = line[at];
  if (marker !== '`' && marker !== '~') return null;
  let length = 0;
  while (line[at + length] === marker) length += 1;
  if (length < 3) return null;
  const rest = line.slice(at + length).trim();
  if (marker === '`' && rest.includes('`')) return null;
  return { marker, length, rest };
}

function mayStartFence(body: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && (body[at] === ' ' || body[at] === '\t')) at += 1;
  return body[at] === '`' || body[at] === '~';
}

export function findCodeBlocks(body: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { fence: Fence; start: number; contentStart: number } | null = null;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    // Most lines cannot be fences: look at their first character before cutting them out.
    const fence = mayStartFence(body, lineStart, lineEnd)
      ? readFence(body.slice(lineStart, Math.min(lineEnd, lineStart + 4096)))
      : null;
    if (open === null) {
      if (fence !== null)
        open = { fence, start: lineStart, contentStart: Math.min(lineEnd + 1, body.length) };
    } else if (
      fence !== null &&
      fence.marker === open.fence.marker &&
      fence.length >= open.fence.length &&
      fence.rest === ''
    ) {
      blocks.push({
        start: open.start,
        end: lineEnd,
        contentStart: open.contentStart,
        contentEnd: Math.max(open.contentStart, lineStart - 1),
        info: open.fence.rest.split(/\s/, 1)[0]!.toLowerCase(),
      });
      open = null;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (open !== null) {
    blocks.push({
      start: open.start,
      end: body.length,
      contentStart: open.contentStart,
      contentEnd: body.length,
      info: open.fence.rest.split(/\s/, 1)[0]!.toLowerCase(),
    });
  }
  return blocks;
}
