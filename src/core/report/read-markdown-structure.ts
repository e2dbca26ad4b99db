// Finds the headed sections of a Markdown text: ATX and setext headings (via markdown-it, so
// headings inside code fences are not headings), bold pseudo-headings such as
// `**Affected version:** 2.3.1`, and `Key: value` front lines. Spans are UTF-16 offsets.

import markdownIt from 'markdown-it';
import type { MarkdownIt, Token } from 'markdown-it';
import type { ReportField, ReportSection, Reporter } from '../model/report.js';
import { findLastAtOrBefore, indexLineStarts } from '../text/locate-line.js';
import { mapHeadingToField, normaliseHeading } from './map-heading-to-field.js';
import { reportLimits } from './report-limits.js';

export interface MarkdownStructure {
  /** Every heading (field null when unknown) and every recognised pseudo-heading, in order. */
  sections: ReportSection[];
  /** The text of the first level-1 heading. */
  firstTopHeading: string | null;
  /** The value of a `Title:` front line or a `**Title:** ...` line. */
  titleLine: string | null;
  /** From a `Reporter:`, `Reported by:`, `Author:` or `From:` line. */
  reporter: Reporter | null;
  /** The marker that would close a top-level code fence left open at the end, or null. */
  unclosedFence: string | null;
}

/** Level given to pseudo-headings: below every real heading, so any heading ends them. */
const pseudoLevel = 7;
const maxFrontMatterLines = 200;
const maxFrontLines = 30;
const maxLabelLength = 80;
const reporterKeys = new Set([
  'reporter',
  'reported by',
  'author',
  'from',
  'researcher',
  'submitted by',
]);

let parser: MarkdownIt | undefined;

/** Block structure only: inline parsing is the expensive part and headings do not need it. */
function getParser(): MarkdownIt {
  if (parser === undefined) {
    parser = markdownIt('default', { html: false });
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  }
  return parser;
}

interface Mark {
  heading: string;
  field: ReportField | null;
  level: number;
  /** Where the heading itself starts: it ends the sections it closes. */
  headingStart: number;
  contentStart: number;
  /** A key-value pseudo-heading ends with its paragraph (or line) at the latest. */
  limit: number;
  end: number;
}

/**
 * Reads the section structure of normalised Markdown (LF line breaks only). Runs in linear time:
 * block parsing without inline rules, then one pass with a stack to close sections.
 * `keyValueLines: false` ignores `Key: value` lines (for text that is already a field's value).
 */
export function readMarkdownStructure(
  text: string,
  options: { keyValueLines?: boolean } = {},
): MarkdownStructure {
  const readsKeyValues = options.keyValueLines !== false;
  // Headings are looked for in a bounded prefix (cut at a line break): markdown-it is linear,
  // but a few microseconds per line add up to seconds on megabytes of hostile one-liners.
  const structuredLength = findStructuredLength(text);
  const isCapped = structuredLength < text.length;
  const lineStarts = indexLineStarts(text, structuredLength);
  const lineStart = (line: number): number => lineStarts[line] ?? text.length;
  const lineEnd = (line: number): number => {
    const next = lineStarts[line + 1];
    return next === undefined ? text.length : next - 1;
  };
  const marks: Mark[] = [];
  let titleLine: string | null = null;
  let reporter: Reporter | null = null;

  const noteKeyValue = (key: string, value: string): void => {
    const name = normaliseHeading(key);
    if (name === 'title' && titleLine === null && value.trim() !== '') titleLine = value.trim();
    if (reporterKeys.has(name) && reporter === null) reporter = parseReporter(value);
  };

  const keyValueMark = (
    heading: string,
    field: ReportField,
    start: number,
    contentStart: number,
    limit: number,
  ): Mark => ({
    heading,
    field,
    level: pseudoLevel,
    headingStart: start,
    contentStart,
    limit,
    end: text.length,
  });

  // Front matter (`---` ... `---`) or a leading run of `Key: value` lines.
  const frontLines = new Set<number>();
  const frontMatterEnd = findFrontMatterEnd(text, lineStarts);
  const markdownFirstLine = frontMatterEnd === null ? 0 : frontMatterEnd + 1;
  const firstFrontLine = frontMatterEnd === null ? firstNonBlankLine(text, lineStarts) : 1;
  const endFrontLine = !readsKeyValues
    ? 0
    : Math.min(lineStarts.length, frontMatterEnd ?? firstFrontLine + maxFrontLines);
  for (let line = firstFrontLine; line < endFrontLine; line += 1) {
    const start = lineStart(line);
    const match = frontLinePattern.exec(text.slice(start, lineEnd(line)));
    if (match === null) {
      // A run of front lines ends at the first other line; front matter may hold anything.
      if (frontMatterEnd === null) break;
      continue;
    }
    const key = match[1] ?? '';
    const value = match[2] ?? '';
    frontLines.add(line);
    noteKeyValue(key, value);
    const field = mapHeadingToField(key);
    if (field === null || value.trim() === '') continue;
    marks.push(
      keyValueMark(key, field, start, start + match[0].length - value.length, lineEnd(line)),
    );
  }

  let firstTopHeading: string | null = null;
  let unclosedFence: string | null = null;
  const source = text.slice(lineStart(markdownFirstLine), structuredLength);
  const tokens = getParser().parse(source, {});
  const contentEnd = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    const map = token.map;
    if (map === null) continue;
    const first = map[0] + markdownFirstLine;
    const last = map[1] + markdownFirstLine;
    if (token.type === 'heading_open') {
      const heading = (tokens[index + 1]?.content ?? '')
        .split('\n')
        .map((line) => line.trim())
        .join(' ');
      const level = Number(token.tag.slice(1));
      if (level === 1 && firstTopHeading === null) firstTopHeading = heading;
      marks.push({
        heading,
        field: mapHeadingToField(heading),
        level,
        headingStart: lineStart(first),
        contentStart: lineStart(last),
        limit: text.length,
        end: text.length,
      });
    } else if (token.type === 'paragraph_open') {
      if (readsKeyValues && !frontLines.has(first) && last - first >= 2) {
        // A block of `Key: value` lines anywhere ("Version: 2.4.1\nFile: src/config.c").
        const pairs: { line: number; match: RegExpExecArray }[] = [];
        for (let line = first; line < last; line += 1) {
          const match = frontLinePattern.exec(text.slice(lineStart(line), lineEnd(line)));
          if (match === null) break;
          pairs.push({ line, match });
        }
        if (pairs.length === last - first) {
          for (const { line, match } of pairs) {
            const [whole, key = '', value = ''] = match;
            noteKeyValue(key, value);
            const field = mapHeadingToField(key);
            const start = lineStart(line);
            if (field !== null)
              marks.push(
                keyValueMark(key, field, start, start + whole.length - value.length, lineEnd(line)),
              );
          }
          continue;
        }
      }
      for (let line = first; line < last; line += 1) {
        // A front `Key: value` line was read above; labels later on the same line still count.
        const pseudo = frontLines.has(line)
          ? null
          : (readPseudoHeading(text, lineStart(line), lineEnd(line)) ??
            (readsKeyValues
              ? readPlainLabel(text, lineStart(line), lineEnd(line), lineEnd(last - 1))
              : null));
        if (pseudo !== null) {
          if (pseudo.inlineValue)
            noteKeyValue(pseudo.label, text.slice(pseudo.contentStart, lineEnd(line)));
          const field = mapHeadingToField(pseudo.label);
          if (field !== null) {
            marks.push({
              heading: pseudo.label,
              field,
              level: pseudoLevel,
              headingStart: lineStart(line),
              // A label whose parenthetical wrapped onto later lines starts its content after them.
              contentStart:
                pseudo.inlineValue || pseudo.contentStart > lineEnd(line)
                  ? pseudo.contentStart
                  : lineStart(line + 1),
              limit: pseudo.inlineValue ? lineEnd(last - 1) : text.length,
              end: text.length,
            });
          }
        }
        if (!readsKeyValues) continue;
        // Labels run into the prose ("... crashes. Impact: remote DoS. Steps to reproduce: ...").
        const inlineFrom = pseudo?.contentStart ?? lineStart(line);
        for (const inline of findInlineLabels(text, inlineFrom, lineEnd(line))) {
          marks.push({
            heading: inline.label,
            field: inline.field,
            level: pseudoLevel,
            headingStart: inline.start,
            contentStart: inline.contentStart,
            limit: lineEnd(last - 1),
            end: text.length,
          });
        }
      }
    } else if (token.type === 'tr_open' && readsKeyValues) {
      // A metadata table's row (`| Affected version | 4.10 |`) is a `Key: value` line.
      const row = readKeyValueRow(text.slice(lineStart(first), lineEnd(first)));
      if (row !== null) {
        noteKeyValue(row.key, row.value);
        const field = mapHeadingToField(row.key);
        if (field !== null)
          marks.push(
            keyValueMark(
              row.key,
              field,
              lineStart(first),
              lineStart(first) + row.valueStart,
              lineEnd(first),
            ),
          );
      }
    } else if (
      token.type === 'fence' &&
      token.level === 0 &&
      !isCapped &&
      lineStart(last) >= contentEnd
    ) {
      const closer = text.slice(lineStart(last - 1), lineEnd(last - 1));
      if (last - 1 === first || !isClosingFence(closer, token.markup)) unclosedFence = token.markup;
    }
  }

  closeSections(marks);
  const sections = marks.map((mark): ReportSection => {
    const [start, end] = trimSpan(text, mark.contentStart, Math.min(mark.end, mark.limit));
    return {
      heading: mark.heading,
      field: mark.field,
      span: { start, end, line: lineOf(text, lineStarts, start) },
    };
  });
  return { sections, firstTopHeading, titleLine, reporter, unclosedFence };
}

const frontLinePattern = /^([A-Za-z][A-Za-z0-9 ()/&'_-]{0,60}?)[ \t]*:[ \t]+(\S.*)$/;

/** Each section ends where the next heading of the same or a higher level starts. */
function closeSections(marks: Mark[]): void {
  const open: Mark[] = [];
  for (const mark of marks) {
    while (open.length > 0 && (open[open.length - 1] as Mark).level >= mark.level) {
      (open.pop() as Mark).end = mark.headingStart;
    }
    open.push(mark);
  }
}

interface PseudoHeading {
  label: string;
  contentStart: number;
  /** `**Key:** value` rather than a bold line of its own. */
  inlineValue: boolean;
}

const containerPrefix = /^[ \t]{0,3}(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

/**
 * A bold label at the start of a line: `**Label**` or `**Label:**` alone on the line, or
 * `**Label:** value` / `**Label**: value`. Bold text followed by prose without a colon is
 * emphasis, not a heading.
 */
function readPseudoHeading(text: string, start: number, end: number): PseudoHeading | null {
  const prefix = containerPrefix.exec(text.slice(start, Math.min(end, start + 24)));
  let open = start + (prefix?.[0].length ?? 0);
  // Emoji and symbols before the label ("🧪 **Steps to reproduce**") decorate it.
  const decoration = /^[^\p{L}\p{N}*_`<[\s]{1,8}[ \t]*/u.exec(
    text.slice(open, Math.min(end, open + 24)),
  );
  if (decoration !== null) open += decoration[0].length;
  const marker = text.startsWith('**', open) ? '**' : text.startsWith('__', open) ? '__' : null;
  if (marker === null) return null;
  const close = text.indexOf(marker, open + 2);
  if (close === -1 || close > end || close - open - 2 < 1 || close - open - 2 > maxLabelLength)
    return null;
  const label = text.slice(open + 2, close).trim();
  if (label === '' || label.includes('\n')) return null;
  let position = close + 2;
  let hasColon = label.endsWith(':');
  while (position < end && (text[position] === ' ' || text[position] === '\t')) position += 1;
  if (!hasColon && text[position] === ':') {
    hasColon = true;
    position += 1;
    while (position < end && (text[position] === ' ' || text[position] === '\t')) position += 1;
  }
  if (position >= end) return { label, contentStart: end, inlineValue: false };
  if (!hasColon) return null;
  return { label, contentStart: position, inlineValue: true };
}

/** A trailing parenthetical, as in "Test case (runs with ant test -Dtest.entry=...)". */
function dropParenthetical(label: string): string {
  if (!label.endsWith(')')) return label;
  const open = label.lastIndexOf('(');
  return open > 0 ? label.slice(0, open).trimEnd() : label;
}

// Latin letters with their accents: labels arrive in Spanish, French, German... (`Reproducción:`).
const plainLabelShape = /^\p{Script=Latin}[\p{Script=Latin} '/&-]{0,60}$/u;
// Pictographs with their variation selectors and joiners (🛠️, 👩‍💻), then blanks.
const emojiDecoration = /^(?:\p{Extended_Pictographic}|\u{FE0F}|\u200D){1,8}[ \t]+/u;

/**
 * A known field's label at the start of a line of plain text: `Impact: ...`, `to reproduce:`,
 * `Test case (how to run it):`. The label must name a known field, so prose with a colon is not
 * taken for one; a URL's `https:` is not a label either.
 */
function readPlainLabel(
  text: string,
  start: number,
  end: number,
  paragraphEnd: number = end,
): PseudoHeading | null {
  const prefix = containerPrefix.exec(text.slice(start, Math.min(end, start + 24)));
  let open = start + (prefix?.[0].length ?? 0);
  // Emoji before the label ("🛠️ Remediation:", "🔬 Proof of Concept:") decorate it.
  const decoration = emojiDecoration.exec(text.slice(open, Math.min(end, open + 24)));
  if (decoration !== null) open += decoration[0].length;
  // The colon is looked for in the line's first 160 characters only: never past the line.
  const reach = text.slice(open, Math.min(end, open + 161)).indexOf(':');
  if (reach === -1) return readWrappedLabel(text, open, end, paragraphEnd);
  const colon = open + reach;
  const next = text[colon + 1];
  if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\n') return null;
  const label = dropParenthetical(text.slice(open, colon).trim());
  if (!plainLabelShape.test(label) || mapHeadingToField(label) === null) return null;
  let position = colon + 1;
  while (position < end && (text[position] === ' ' || text[position] === '\t')) position += 1;
  if (position >= end) return { label, contentStart: end, inlineValue: false };
  return { label, contentStart: position, inlineValue: true };
}

/** How far a label's parenthetical may run on past its line: a remark, not a paragraph. */
const maxWrappedParenthetical = 240;

/**
 * A label whose parenthetical remark wraps onto the next lines of the paragraph, as plain-text
 * mail wraps it: "Reproducer (ordinary source run with bin/mruby; the deep method recursion
 * forces several stack\ngrowths while ... busy):". The parenthetical opens on the label's line
 * and closes, right before the colon that ends a line, within `maxWrappedParenthetical`
 * characters; what follows the colon's line is the field's content.
 */
function readWrappedLabel(
  text: string,
  open: number,
  end: number,
  paragraphEnd: number,
): PseudoHeading | null {
  if (paragraphEnd <= end) return null;
  const line = text.slice(open, end);
  const parenthesis = line.indexOf('(');
  if (parenthesis <= 0 || line.includes(')', parenthesis)) return null;
  const label = line.slice(0, parenthesis).trim();
  if (!plainLabelShape.test(label) || mapHeadingToField(label) === null) return null;
  const rest = text.slice(
    end,
    Math.min(paragraphEnd, open + parenthesis + maxWrappedParenthetical),
  );
  const close = /\):[ \t]*(?:\n|$)/.exec(rest);
  if (close === null || rest.slice(0, close.index).includes('(')) return null;
  const contentStart = end + close.index + close[0].length;
  return { label, contentStart: Math.min(contentStart, paragraphEnd), inlineValue: false };
}

interface InlineLabel {
  label: string;
  field: ReportField;
  start: number;
  contentStart: number;
}

const maxInlineLabelWords = 5;
/** A character of a label's words: a Latin letter, accented or not, or a joining mark. */
const labelCharacter = /[\p{Script=Latin}'/&-]/u;

/**
 * Labels inside a line, after its start: a known field's name (up to five words) right before a
 * colon, starting a sentence, or capitalised after a space (`... /etc/x Impact: ...`), or in
 * lower case after a space once a lower-case label opened a sentence of the line. Each colon
 * looks back a few words only, so a long paragraph is read once.
 */
function findInlineLabels(text: string, start: number, end: number): InlineLabel[] {
  const found: InlineLabel[] = [];
  const line = text.slice(0, end);
  for (
    let colon = line.indexOf(':', start + 1);
    colon !== -1;
    colon = line.indexOf(':', colon + 1)
  ) {
    // `Label: text`, or in bold, `**Label:** text`.
    let contentStart = colon + 1;
    if (text.startsWith('**', contentStart) || text.startsWith('__', contentStart))
      contentStart += 2;
    if (text[contentStart] !== ' ' && text[contentStart] !== '\t') continue;
    let labelEnd = colon;
    // A parenthetical before the colon: "Test case (runs with ant test ...):".
    if (text[labelEnd - 1] === ')') {
      const open = text.lastIndexOf('(', labelEnd - 1);
      if (open > start && labelEnd - open <= 160) labelEnd = open;
    }
    // A writer who labels in lower case ("version: ... steps: ...") does so throughout: once a
    // lower-case label opened a sentence in this line, a later one after a space counts too.
    const isLowerCaseStyle = found.some((earlier) => /^[a-z]/.test(earlier.label));
    const label = findLabelBefore(text, start, labelEnd, isLowerCaseStyle);
    if (label === null) continue;
    while (contentStart < end && text[contentStart] === ' ') contentStart += 1;
    found.push({ ...label, contentStart });
  }
  return found;
}

/** The known field named by the (up to five) words ending at `labelEnd`, if it starts a phrase. */
function findLabelBefore(
  text: string,
  start: number,
  labelEnd: number,
  isLowerCaseStyle = false,
): Omit<InlineLabel, 'contentStart'> | null {
  let wordStart = labelEnd;
  for (let words = 0; words < maxInlineLabelWords; words += 1) {
    let at = wordStart;
    while (at > start && text[at - 1] === ' ') at -= 1;
    let begin = at;
    while (begin > start && labelCharacter.test(text[begin - 1]!)) begin -= 1;
    if (begin === at || begin <= start) return null;
    wordStart = begin;
    const label = text.slice(wordStart, labelEnd).trim();
    const field = mapHeadingToField(label);
    if (field === null) continue;
    // Opening bold marks and decoration before the label do not count as text.
    let lead = wordStart;
    if (text.startsWith('**', lead - 2) || text.startsWith('__', lead - 2)) lead -= 2;
    const before = text.slice(Math.max(start, lead - 2), lead);
    const isSentenceStart = /[.!?)\]`*]\s$/.test(before) || /[^\p{L}\p{N}\s]\s$/u.test(before);
    const isCapitalised = /\s$/.test(before) && /^[A-Z]/.test(label);
    const isInLowerCaseStyle = isLowerCaseStyle && /\s$/.test(before) && /^[a-z]/.test(label);
    if (!isSentenceStart && !isCapitalised && !isInLowerCaseStyle) continue;
    return { label, field, start: lead };
  }
  return null;
}

function isClosingFence(line: string, markup: string): boolean {
  const trimmed = line.replace(/^[ \t>]*/, '').trimEnd();
  const marker = markup[0] ?? '`';
  return trimmed.length >= markup.length && [...trimmed].every((char) => char === marker);
}

function findFrontMatterEnd(text: string, lineStarts: number[]): number | null {
  if (!text.startsWith('---\n')) return null;
  for (let line = 1; line < Math.min(lineStarts.length, maxFrontMatterLines); line += 1) {
    const start = lineStarts[line] as number;
    const next = lineStarts[line + 1] ?? text.length + 1;
    const content = text.slice(start, next - 1).trimEnd();
    if (content === '---' || content === '...') return line;
  }
  return null;
}

function firstNonBlankLine(text: string, lineStarts: number[]): number {
  for (let line = 0; line < Math.min(lineStarts.length, maxFrontLines); line += 1) {
    const start = lineStarts[line] as number;
    const next = lineStarts[line + 1] ?? text.length + 1;
    if (text.slice(start, next - 1).trim() !== '') return line;
  }
  return 0;
}

/** `Name <email>`, a bare address, or a name. */
function parseReporter(value: string): Reporter | null {
  const text = value.trim().replace(/\s+/g, ' ').slice(0, 200);
  if (text === '') return null;
  const angled = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  if (angled !== null) {
    const name = (angled[1] ?? '').replace(/^"|"$/g, '').trim();
    return name === '' ? { email: angled[2] ?? '' } : { name, email: angled[2] ?? '' };
  }
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text)) return { email: text };
  return { name: text };
}

function findStructuredLength(text: string): number {
  if (text.length <= reportLimits.maxStructuredLength) return text.length;
  const lastBreak = text.lastIndexOf('\n', reportLimits.maxStructuredLength - 1);
  return lastBreak === -1 ? reportLimits.maxStructuredLength : lastBreak + 1;
}

/** Offsets where lines start, up to `length`. */
function lineOf(text: string, lineStarts: number[], offset: number): number {
  const lastStart = lineStarts[lineStarts.length - 1] as number;
  if (offset > lastStart) {
    let line = lineStarts.length;
    for (
      let index = text.indexOf('\n', lastStart);
      index !== -1 && index < offset;
      index = text.indexOf('\n', index + 1)
    ) {
      line += 1;
    }
    return line;
  }
  return findLastAtOrBefore(lineStarts, offset) + 1;
}

/** Drops blank lines before the content and whitespace after it. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let from = Math.min(start, end);
  while (from < end) {
    let position = from;
    while (position < end && (text[position] === ' ' || text[position] === '\t')) position += 1;
    if (position < end && text[position] !== '\n') break;
    from = position < end ? position + 1 : end;
  }
  let to = end;
  while (to > from && /\s/.test(text[to - 1] as string)) to -= 1;
  return [from, to];
}

/**
 * A table row of exactly two cells, a label and its value (`| Affected version | 4.10 |`), with
 * where the value starts in the line; null for any other row. The label may be bold or code.
 */
export function readKeyValueRow(
  line: string,
): { key: string; value: string; valueStart: number } | null {
  const cells: Array<{ text: string; start: number }> = [];
  let from = line.length - line.trimStart().length;
  if (line[from] === '|') from += 1;
  let cellStart = from;
  for (let at = from; at <= line.length; at += 1) {
    const char = line[at];
    if (char === '\\') {
      at += 1;
      continue;
    }
    if (char !== '|' && at < line.length) continue;
    cells.push({ text: line.slice(cellStart, at), start: cellStart });
    cellStart = at + 1;
  }
  const last = cells[cells.length - 1];
  if (last !== undefined && last.text.trim() === '') cells.pop();
  if (cells.length !== 2) return null;
  const [label, value] = cells as [
    { text: string; start: number },
    { text: string; start: number },
  ];
  const key = trimEmphasis(label.text.trim());
  const valueText = value.text.trim();
  if (key === '' || valueText === '') return null;
  const valueStart = value.start + (value.text.length - value.text.trimStart().length);
  return { key, value: valueText, valueStart };
}

/** `text` without the `*`, `_` and backticks that wrap it (`**Version**` -> `Version`). */
function trimEmphasis(text: string): string {
  const isMark = (char: string | undefined): boolean =>
    char === '*' || char === '_' || char === '`';
  let start = 0;
  let end = text.length;
  while (start < end && isMark(text[start])) start += 1;
  while (end > start && isMark(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
