// Chooses a report's title when the format does not carry one: the first `# heading`, a
// `Title:` line, or the first line of prose, cut to the title limit.

import { mapHeadingToField } from './map-heading-to-field.js';
import type { MarkdownStructure } from './read-markdown-structure.js';
import { reportLimits } from './report-limits.js';

const maxLinesSearched = 100;
// "Hello team," and "Dear maintainers," say nothing about the report.
const greetingLine =
  /^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b[^.!?]{0,40}[,!:]?$/i;
const untitled = 'Untitled report';
// A row of a Markdown table (`| Version | 25.3.0 |`): a metadata table is no title, except its
// `Title` or `Subject` row. Bounded cells, no nested quantifiers.
const tableRow = /^\|([^|\n]{0,80})\|([^|\n]{0,400})\|/;
const titleKeys = new Set(['title', 'subject']);

export function deriveReportTitle(body: string, structure: MarkdownStructure): string {
  const title =
    cutTitle(structure.firstTopHeading ?? '') ||
    cutTitle(structure.titleLine ?? '') ||
    cutTitle(findFirstProseLine(body)) ||
    cutTitle(structure.sections[0]?.heading ?? '');
  return title || untitled;
}

/** Folds whitespace and cuts to the title limit without splitting a surrogate pair. */
export function cutTitle(text: string): string {
  const folded = text
    .slice(0, reportLimits.maxTitleLength * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (folded.length <= reportLimits.maxTitleLength) return folded;
  let end = reportLimits.maxTitleLength;
  const last = folded.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return folded.slice(0, end).trimEnd();
}

/**
 * The first non-blank line that is not a known field's heading, a fence, a `Key: value` line or a
 * table row (a metadata table's `Title` row gives its value).
 */
function findFirstProseLine(body: string): string {
  let start = 0;
  for (let count = 0; count < maxLinesSearched && start <= body.length; count += 1) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(start, Math.min(end, start + reportLimits.maxTitleLength * 4)).trim();
    start = end + 1;
    if (line === '' || /^(?:`{3,}|~{3,}|-{3,}|\*{3,}|_{3,}|={3,})/.test(line)) continue;
    if (line.startsWith('|')) {
      const row = tableRow.exec(line);
      const key = (row?.[1] ?? '').replace(/[*_`]/g, '').trim().toLowerCase();
      const value = (row?.[2] ?? '').trim();
      if (titleKeys.has(key) && value !== '') return value;
      continue;
    }
    const stripped = line
      .replace(/^(?:>\s*)+/, '')
      .replace(/^#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .trim();
    const bold = /^(\*\*|__)(.+?)\1\s*:?\s*(.*)$/.exec(stripped);
    const keyValue = /^([A-Za-z][\w ()/&'-]{0,60}?)\s*:\s+(.*)$/.exec(stripped);
    if (bold !== null && mapHeadingToField(bold[2] ?? '') !== null) continue;
    if (keyValue !== null && mapHeadingToField(keyValue[1] ?? '') !== null) continue;
    if (mapHeadingToField(stripped) !== null || greetingLine.test(stripped)) continue;
    const text = bold !== null && (bold[3] ?? '') === '' ? (bold[2] ?? '') : stripped;
    if (text.trim() !== '') return text;
  }
  return '';
}
