// Finds where code a report quotes really is in a file, tolerant of whitespace, indentation and
// small edits, and compares a `path:line` claim (with its quoted code) with what the file holds.

import { findLastAtOrBefore } from '../text/locate-line.js';

/** Ends a snippet claim's text when extraction cut it; matching ignores it and what follows. */
export const truncatedSnippetMarker = '\n… [snippet truncated by Thresher]';

export interface SnippetMatch {
  /** 1-based first and last line of the matched code in the file. */
  startLine: number;
  endLine: number;
  /** 0..1: 1 when every quoted line is there, in order, with nothing between. */
  similarity: number;
  /** The file's lines startLine..endLine (cut to `maxMatchText` characters). */
  text: string;
}

export interface LineClaimComparison {
  /** Whether lines start..end all exist in the file. */
  isInside: boolean;
  /** How many lines the file has. */
  lineCount: number;
  /** The file's text at the cited lines (clamped to the file; cut to `maxMatchText`). */
  actual: string;
  /** With a quote: how well it matches the code at (or right around) the cited lines. */
  similarity?: number;
  /** With a quote that does not match there: the best match elsewhere ("the lines moved"). */
  bestMatch?: SnippetMatch;
}

// Bounds that keep a hostile 1 MB snippet or a 100k-line file cheap.
const maxSnippetLines = 400;
const maxLineLength = 2000;
const maxMatchText = 8000;
const maxOffsetsScored = 4;
const maxKeyFrequency = 40;
const minAnchorLength = 4;
const minLineSimilarity = 0.5;
const minSimilarity = 0.2;

const tokenPattern = /[A-Za-z_$][\w$]*|\d[\w.]*|\S/g;
const ellipsisLine =
  /^(?:\.\.\.|…|\/\/\s*\.\.\.|\/\*\s*\.\.\.\s*\*\/|#\s*\.\.\.|\[\.\.\.\]|<snip>|\/\/ snip)$/i;
const commentOnly =
  /^(?:\/\/|#(?!\s*(?:include|define|if|endif|else|elif|undef|pragma)\b)|\/\*|\*|--|;)/;
const keywordOnly =
  /^(?:[{}()[\];,]|else|return|break|continue|default|end|fi|done|pass|try|do|then|begin|endif|\s)*(?:\w+\s*;)?[{}()[\];,\s]*$/;

interface SnippetLine {
  /** The line without any whitespace: equal keys are equal lines whatever the spacing. */
  key: string;
  tokens: ReadonlySet<string>;
  tokenCount: number;
}

interface FileLines {
  raw: readonly string[];
  /** Indexes into `raw` of the non-blank lines, and their keys. */
  lineIndex: number[];
  keys: string[];
}

function cutTruncation(snippet: string): string {
  const at = snippet.indexOf(truncatedSnippetMarker);
  return at === -1 ? snippet : snippet.slice(0, at);
}

// A reporter, a formatter or a mail client may change the quotes of a string: `'a'`, `"a"`
// and `“a”` are one string. One character for one, so offsets in a joined file stay true.
const quoteMark = /['"`\u2018\u2019\u201C\u201D]/g;

/** Code without any whitespace and with one kind of quote mark. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '').replace(quoteMark, '"');
}

/**
 * A line without any whitespace or trailing `;` `,` `.`, its quote marks made one: `x = y;`,
 * `x  =  y` are one line, and so are `f('a')` and `f("a")`.
 */
function toKey(line: string): string {
  const key = squeeze(line.length > maxLineLength ? line.slice(0, maxLineLength) : line);
  let end = key.length;
  while (end > 1 && (key[end - 1] === ';' || key[end - 1] === ',' || key[end - 1] === '.'))
    end -= 1;
  return end === key.length ? key : key.slice(0, end);
}

function tokenise(line: string): string[] {
  return (
    (line.length > maxLineLength ? line.slice(0, maxLineLength) : line).match(tokenPattern) ?? []
  );
}

function readSnippetLines(snippet: string): SnippetLine[] {
  const lines: SnippetLine[] = [];
  for (const raw of cutTruncation(snippet).split('\n')) {
    const trimmed = raw.trim();
    if (trimmed === '' || ellipsisLine.test(trimmed)) continue;
    const tokens = tokenise(trimmed);
    lines.push({ key: toKey(trimmed), tokens: new Set(tokens), tokenCount: tokens.length });
    if (lines.length >= maxSnippetLines) break;
  }
  return lines;
}

function readFileLines(fileText: string): FileLines {
  const raw = fileText.split('\n');
  const lineIndex: number[] = [];
  const keys: string[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    const key = toKey(raw[index]!);
    if (key === '') continue;
    lineIndex.push(index);
    keys.push(key);
  }
  return { raw, lineIndex, keys };
}

function countLines(fileText: string): number {
  if (fileText === '') return 0;
  let count = 1;
  for (let at = fileText.indexOf('\n'); at !== -1; at = fileText.indexOf('\n', at + 1)) count += 1;
  return fileText.endsWith('\n') ? count - 1 : count;
}

/** Dice coefficient over the token sets of two lines; 1 when the lines differ only in spacing. */
function compareLine(line: SnippetLine, key: string, tokens: () => readonly string[]): number {
  if (line.key === key) return 1;
  const other = tokens();
  if (other.length === 0 || line.tokenCount === 0) return 0;
  const seen = new Set<string>();
  let common = 0;
  for (const token of other) {
    if (line.tokens.has(token) && !seen.has(token)) {
      seen.add(token);
      common += 1;
    }
  }
  return (2 * common) / (line.tokens.size + new Set(other).size);
}

interface Alignment {
  score: number;
  first: number;
  last: number;
}

function isBetter(score: number, first: number, bestScore: number, bestFirst: number): boolean {
  return score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && first > bestFirst);
}

/**
 * Aligns the snippet lines, in order, with non-blank file lines [from, to): a weighted longest
 * common subsequence where two lines pair when they are at least `minLineSimilarity` alike, kept
 * within a band around the diagonal so that the cost is snippet length × band width.
 */
function alignWindow(
  snippet: readonly SnippetLine[],
  file: FileLines,
  tokenCache: Map<number, string[]>,
  from: number,
  to: number,
  diagonal: number,
  band: number,
): Alignment | null {
  const width = to - from;
  if (width <= 0) return null;
  const tokensAt = (position: number): string[] => {
    let tokens = tokenCache.get(position);
    if (tokens === undefined) {
      tokens = tokenise(file.raw[file.lineIndex[position]!]!.trim());
      tokenCache.set(position, tokens);
    }
    return tokens;
  };
  // score[k]: best alignment of the snippet lines so far ending at or before window line k.
  let previous = new Float64Array(width + 1);
  let firstOf = new Int32Array(width + 1).fill(-1);
  let lastOf = new Int32Array(width + 1).fill(-1);
  const rows = snippet.length;
  for (let row = 0; row < rows; row += 1) {
    const current = new Float64Array(width + 1);
    const currentFirst = new Int32Array(width + 1).fill(-1);
    const currentLast = new Int32Array(width + 1).fill(-1);
    const centre = row + diagonal;
    const low = Math.max(0, centre - band);
    const high = Math.min(width - 1, centre + band);
    for (let column = 0; column <= width; column += 1) {
      // Best of skipping the snippet line (previous row) and skipping the file line (left cell).
      let best = previous[column]!;
      let bestFirst = firstOf[column]!;
      let bestLast = lastOf[column]!;
      // On equal scores the later start wins: the same lines matched over a shorter stretch.
      if (
        column > 0 &&
        isBetter(current[column - 1]!, currentFirst[column - 1]!, best, bestFirst)
      ) {
        best = current[column - 1]!;
        bestFirst = currentFirst[column - 1]!;
        bestLast = currentLast[column - 1]!;
      }
      const cell = column - 1;
      if (cell >= low && cell <= high) {
        const position = from + cell;
        const similarity = compareLine(snippet[row]!, file.keys[position]!, () =>
          tokensAt(position),
        );
        if (similarity >= minLineSimilarity) {
          const diagonal = previous[column - 1]! + similarity;
          const diagonalFirst = firstOf[column - 1]! === -1 ? position : firstOf[column - 1]!;
          if (isBetter(diagonal, diagonalFirst, best, bestFirst)) {
            best = diagonal;
            bestFirst = diagonalFirst;
            bestLast = position;
          }
        }
      }
      current[column] = best;
      currentFirst[column] = bestFirst;
      currentLast[column] = bestLast;
    }
    previous = current;
    firstOf = currentFirst;
    lastOf = currentLast;
  }
  const score = previous[width]!;
  if (score <= 0) return null;
  return { score, first: firstOf[width]!, last: lastOf[width]! };
}

/** Where the snippet would start (as a non-blank file line position), voted by its lines. */
function voteOffsets(snippet: readonly SnippetLine[], file: FileLines): number[] {
  const wanted = new Map<string, number[]>();
  snippet.forEach((line, row) => {
    if (line.key.length < minAnchorLength) return;
    const rows = wanted.get(line.key);
    if (rows === undefined) wanted.set(line.key, [row]);
    else rows.push(row);
  });
  const hits = new Map<string, number[]>();
  for (let position = 0; position < file.keys.length; position += 1) {
    const key = file.keys[position]!;
    if (!wanted.has(key)) continue;
    const positions = hits.get(key);
    if (positions === undefined) hits.set(key, [position]);
    else positions.push(position);
  }
  const votes = new Map<number, number>();
  for (const [key, positions] of hits) {
    // A line found everywhere (`return 0;`, `}`) says nothing about where the snippet is.
    if (positions.length > maxKeyFrequency) continue;
    const weight = Math.min(key.length, 80) / positions.length;
    for (const row of wanted.get(key)!) {
      for (const position of positions) {
        const offset = position - row;
        votes.set(offset, (votes.get(offset) ?? 0) + weight);
      }
    }
  }
  if (votes.size === 0) return voteByTokens(snippet, file);
  return rankOffsets(votes);
}

function rankOffsets(votes: Map<number, number>): number[] {
  // Neighbouring offsets (a line inserted or dropped) are one candidate: keep the local best.
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const chosen: number[] = [];
  for (const [offset] of ranked) {
    if (chosen.some((other) => Math.abs(other - offset) <= 2)) continue;
    chosen.push(offset);
    if (chosen.length >= maxOffsetsScored) break;
  }
  return chosen;
}

/**
 * Fallback when no line matches exactly: the longest identifiers of the snippet, looked up
 * with `includes` on each file line (bounded: a few tokens × the file).
 */
function voteByTokens(snippet: readonly SnippetLine[], file: FileLines): number[] {
  const candidates: Array<{ token: string; row: number }> = [];
  snippet.forEach((line, row) => {
    for (const token of line.tokens) {
      if (token.length >= 6 && /^[A-Za-z_$]/.test(token)) candidates.push({ token, row });
    }
  });
  candidates.sort((a, b) => b.token.length - a.token.length || a.row - b.row);
  const votes = new Map<number, number>();
  const used = new Set<string>();
  for (const { token, row } of candidates) {
    if (used.has(token)) continue;
    used.add(token);
    if (used.size > 4) break;
    let found = 0;
    for (let position = 0; position < file.keys.length && found <= maxKeyFrequency; position += 1) {
      if (!file.keys[position]!.includes(token)) continue;
      found += 1;
      votes.set(position - row, (votes.get(position - row) ?? 0) + token.length);
    }
  }
  return rankOffsets(votes);
}

function cutText(text: string): string {
  return text.length > maxMatchText ? `${text.slice(0, maxMatchText)}…` : text;
}

function toMatch(file: FileLines, snippetLength: number, alignment: Alignment): SnippetMatch {
  const span = alignment.last - alignment.first + 1;
  const similarity = Math.min(1, (2 * alignment.score) / (snippetLength + span));
  const startLine = file.lineIndex[alignment.first]! + 1;
  const endLine = file.lineIndex[alignment.last]! + 1;
  return {
    startLine,
    endLine,
    similarity: Math.round(similarity * 1000) / 1000,
    text: cutText(file.raw.slice(startLine - 1, endLine).join('\n')),
  };
}

function matchIn(file: FileLines, snippet: readonly SnippetLine[]): SnippetMatch | null {
  if (snippet.length === 0 || file.keys.length === 0) return null;
  const rows = snippet.length;
  const slack = Math.min(10, Math.max(3, Math.ceil(rows / 4)));
  const tokenCache = new Map<number, string[]>();
  let best: SnippetMatch | null = null;
  for (const offset of voteOffsets(snippet, file)) {
    const from = Math.max(0, offset - slack);
    const to = Math.min(file.keys.length, offset + rows + slack);
    const alignment = alignWindow(snippet, file, tokenCache, from, to, offset - from, slack);
    if (alignment === null) continue;
    const match = toMatch(file, rows, alignment);
    if (
      best === null ||
      match.similarity > best.similarity ||
      (match.similarity === best.similarity && match.startLine < best.startLine)
    )
      best = match;
  }
  return best !== null && best.similarity >= minSimilarity ? best : null;
}

const minJoinedLength = 12;

/**
 * The snippet verbatim in the file once all whitespace (line breaks included) is removed: the
 * same code wrapped at other places, or a line quoted without its `;`. Similarity 1 when it
 * covers whole lines, 0.9 when it is part of a line.
 */
function findJoinedMatch(file: FileLines, snippet: string): SnippetMatch | null {
  let wanted = cutTruncation(snippet)
    .split('\n')
    .filter((line) => !ellipsisLine.test(line.trim()))
    .join('');
  wanted = squeeze(wanted);
  let wantedEnd = wanted.length;
  while (wantedEnd > 0 && ';,.'.includes(wanted[wantedEnd - 1]!)) wantedEnd -= 1;
  wanted = wanted.slice(0, wantedEnd);
  if (wanted.length < minJoinedLength) return null;
  const starts: number[] = [];
  let joined = '';
  for (const index of file.lineIndex) {
    starts.push(joined.length);
    joined += squeeze(file.raw[index]!);
  }
  const at = joined.indexOf(wanted);
  if (at === -1) return null;
  const lineAt = (offset: number): number => findLastAtOrBefore(starts, offset);
  const first = lineAt(at);
  const last = lineAt(at + wanted.length - 1);
  const lineEnd = last + 1 < starts.length ? starts[last + 1]! : joined.length;
  const tail = joined.slice(at + wanted.length, lineEnd);
  const isWhole = starts[first] === at && /^[;,.]*$/.test(tail);
  const startLine = file.lineIndex[first]! + 1;
  const endLine = file.lineIndex[last]! + 1;
  return {
    startLine,
    endLine,
    similarity: isWhole ? 1 : 0.9,
    text: cutText(file.raw.slice(startLine - 1, endLine).join('\n')),
  };
}

/**
 * The stretch of `fileText` most like `snippet`, or null when no line of it resembles the file.
 * Spacing, indentation, line wrapping and a trailing `;` never count; a changed line counts by
 * the tokens it shares.
 */
export function findBestSnippetMatch(fileText: string, snippet: string): SnippetMatch | null {
  const file = readFileLines(fileText);
  const joined = findJoinedMatch(file, snippet);
  if (joined !== null && joined.similarity === 1) return joined;
  const aligned = matchIn(file, readSnippetLines(snippet));
  if (joined === null) return aligned;
  return aligned !== null && aligned.similarity > joined.similarity ? aligned : joined;
}

function isDistinctive(line: string): boolean {
  if (line.length < 12 || commentOnly.test(line) || ellipsisLine.test(line)) return false;
  if (keywordOnly.test(line)) return false;
  return /[A-Za-z_$][\w$]{2,}/.test(line);
}

function rateProbe(line: string): number {
  const identifiers = new Set(line.match(/[A-Za-z_$][\w$]{2,}/g) ?? []);
  let score = 0;
  for (const identifier of identifiers) score += Math.min(identifier.length, 24);
  return score + Math.min(line.length, 120) / 10;
}

/**
 * Up to three lines of `snippet` worth searching the repository for as fixed strings: trimmed,
 * at least 12 characters, not comments, braces or bare keywords; the most distinctive first.
 */
export function pickSnippetProbes(snippet: string): string[] {
  const seen = new Set<string>();
  const probes: Array<{ line: string; score: number }> = [];
  const lines = cutTruncation(snippet).split('\n');
  for (let index = 0; index < lines.length && index < maxSnippetLines * 4; index += 1) {
    let line = lines[index]!.trim();
    if (line.length > 200) line = line.slice(0, 200).replace(/\s+\S*$/, '');
    if (!isDistinctive(line) || seen.has(line)) continue;
    seen.add(line);
    probes.push({ line, score: rateProbe(line) });
  }
  return probes
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((probe) => probe.line);
}

// Keywords and words every codebase spells, which lead to no file in particular.
const commonWords = new Set(
  (
    'return static const struct unsigned signed sizeof typedef public private protected function ' +
    'class import export default extends implements interface package string length number ' +
    'boolean object undefined'
  ).split(' '),
);

/**
 * The snippet's most distinctive names (at most three, longest first), to find the files it
 * may come from when no whole line of it is in the repository as written: code re-indented,
 * re-wrapped or re-quoted by the reporter still names the same functions and fields.
 */
export function pickSnippetNames(snippet: string): string[] {
  const names = new Set<string>();
  const lines = cutTruncation(snippet).split('\n', maxSnippetLines * 4);
  for (const line of lines) {
    for (const token of tokenise(line)) {
      if (token.length >= 5 && /^[A-Za-z_$]/.test(token) && !commonWords.has(token.toLowerCase()))
        names.add(token);
    }
  }
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, 3);
}

/**
 * Checks a `path:line` claim: whether the lines exist and, with a quote, whether the quoted code
 * is at (or right around) those lines, and if not where it is instead.
 */
export function compareLineClaim(
  fileText: string,
  lines: { start: number; end: number },
  quoted?: string,
): LineClaimComparison {
  const lineCount = countLines(fileText);
  const start = Math.min(lines.start, lines.end);
  const end = Math.max(lines.start, lines.end);
  const isInside =
    Number.isInteger(start) && Number.isInteger(end) && start >= 1 && end <= lineCount;
  const file = readFileLines(fileText);
  const from = Math.max(1, Math.min(start, lineCount));
  const to = Math.max(from, Math.min(end, lineCount, from + 200));
  const actual =
    lineCount === 0 || start > lineCount ? '' : cutText(file.raw.slice(from - 1, to).join('\n'));
  const comparison: LineClaimComparison = { isInside, lineCount, actual };
  if (quoted === undefined) return comparison;
  const snippet = readSnippetLines(quoted);
  if (snippet.length === 0) return comparison;
  let similarity = 0;
  if (start <= lineCount) {
    // Around the cited lines: a report often cites one line and quotes a few around it.
    const reach = snippet.length + 3;
    const low = Math.max(1, start - reach);
    const high = Math.min(lineCount, end + reach);
    const near = matchIn(readFileLines(file.raw.slice(low - 1, high).join('\n')), snippet);
    const covers =
      near !== null && near.startLine + low - 1 <= end && near.endLine + low - 1 >= start;
    if (near !== null && (covers || end === start)) similarity = near.similarity;
  }
  comparison.similarity = similarity;
  if (similarity < 0.9) {
    const best = matchIn(file, snippet);
    if (best !== null && best.similarity > similarity) comparison.bestMatch = best;
  }
  return comparison;
}
