// Line-by-line text scanning for the audit rules. Each line is cut to a fixed length before a
// pattern runs on it, so no pattern can take more than linear time on hostile input.

const maxScannedLineLength = 2_000;

export interface LineHit {
  /** 1-based line number. */
  line: number;
  text: string;
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.slice(0, maxScannedLineLength));
}

/** Lines matching every pattern given, within an optional 1-based inclusive line range. */
export function findLines(
  lines: readonly string[],
  patterns: readonly RegExp[],
  range: { start: number; end: number } = { start: 1, end: lines.length },
): LineHit[] {
  const hits: LineHit[] = [];
  for (let line = range.start; line <= Math.min(range.end, lines.length); line += 1) {
    const text = lines[line - 1] ?? '';
    if (patterns.every((pattern) => pattern.test(text))) hits.push({ line, text: text.trim() });
  }
  return hits;
}

/** `line 12: "text"` for evidence, the quote cut to 120 characters. */
export function quoteLine(hit: LineHit): string {
  const text = hit.text.length > 120 ? `${hit.text.slice(0, 119)}…` : hit.text;
  return `line ${hit.line}: ${JSON.stringify(text)}`;
}
