// Splits a report written in Markdown or plain text (ATX headings, `**Label:**` bold labels,
// `Label: value` lines) into a spec, so any corpus report can be rendered again in every style.
// Uses the generator's own label table, not Thresher's, so the instrument does not move with
// the engine it measures.

import { classifyLabel, type ReportSpec, type SpecSection } from './report-spec.js';

interface SectionStart {
  label: string;
  /** Text on the label's own line (`**Impact:** text`, `Version: 2.6.2`). */
  inline: string;
}

const metadataLabels = /^(?:reporter|reported by|from|author|date|title|subject)$/i;

/** Returns the spec of a report; sections keep their text as written, trimmed. */
export function specFromReport(text: string): ReportSpec {
  const lines = dropFrontMatterFences(text.replace(/\r\n?/g, '\n').split('\n'));
  const spec: ReportSpec = { title: '', sections: [] };
  let current: { label: string; lines: string[] } | null = null;
  const preamble: string[] = [];
  let fence: string | null = null;

  const closeSection = (): void => {
    if (current === null) return;
    const sectionText = trimBlankLines(current.lines).join('\n');
    if (sectionText !== '') spec.sections.push({ label: current.label, text: sectionText });
    current = null;
  };

  for (const line of lines) {
    if (fence === null) {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (open) fence = open[1]!;
    } else if (new RegExp(`^\\s{0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) {
      fence = null;
      (current?.lines ?? preamble).push(line);
      continue;
    }
    if (fence !== null) {
      (current?.lines ?? preamble).push(line);
      continue;
    }
    if (readMetadata(spec, line)) continue;
    const heading = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    // The title: a `# ` heading, or any heading that opens the report ("## Title" first).
    const opensReport = current === null && preamble.every((entry) => entry.trim() === '');
    if (heading && spec.title === '' && (heading[1] === '#' || opensReport)) {
      spec.title = heading[2]!.trim();
      continue;
    }
    const start = heading ? { label: cleanLabel(heading[2]!), inline: '' } : readLabelLine(line);
    if (start !== null) {
      closeSection();
      current = { label: start.label, lines: start.inline === '' ? [] : [start.inline] };
      continue;
    }
    (current?.lines ?? preamble).push(line);
  }
  closeSection();
  addPreamble(spec, preamble);
  return spec;
}

/**
 * YAML front matter holds `key: value` lines like any other label lines; only its `---` fences
 * go, so the lines inside are read as metadata and labels.
 */
function dropFrontMatterFences(lines: string[]): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.indexOf('---', 1);
  return end === -1 ? lines : [...lines.slice(1, end), '', ...lines.slice(end + 1)];
}

/** Reporter, date and title lines fill the spec's own fields; true when the line was one. */
function readMetadata(spec: ReportSpec, line: string): boolean {
  const match = /^\s*(?:\*\*)?([A-Za-z][A-Za-z ]{1,15}?)(?:\*\*)?\s*:(?:\*\*)?\s+(.*?)\s*$/.exec(
    line,
  );
  if (match === null || !metadataLabels.test(match[1]!)) return false;
  const label = match[1]!.toLowerCase();
  const value = match[2]!;
  if (value === '') return false;
  if (label === 'date') {
    if (spec.date !== undefined || !/^\d{4}-\d{2}-\d{2}/.test(value)) return false;
    spec.date = value;
  } else if (label === 'title' || label === 'subject') {
    if (spec.title !== '') return false;
    spec.title = value;
  } else {
    if (spec.reporter !== undefined) return false;
    spec.reporter = parseReporter(value);
  }
  return true;
}

function parseReporter(value: string): { name: string; email?: string } {
  const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value);
  if (angle) return { name: angle[1]!.replace(/^"|"$/g, ''), email: angle[2]! };
  if (/^[^\s@]+@[^\s@]+$/.test(value)) return { name: '', email: value };
  return { name: value };
}

/** `**Label:** value`, `**Label**` alone, or `Label: value` for a label the table knows. */
function readLabelLine(line: string): SectionStart | null {
  const bold = /^\s*\*\*([^*]{1,60}?)\s*(?::\s*\*\*|\*\*\s*:?)\s*(.*)$/.exec(line);
  if (bold) {
    const label = cleanLabel(bold[1]!);
    if (classifyLabel(label) !== 'other' || bold[2] === '') return { label, inline: bold[2]! };
    return null;
  }
  // A colon followed by a space or the line end: `CVSS:3.1/...` is a value, not a label.
  const plain = /^([A-Za-z][A-Za-z0-9 ()/'-]{0,40}?)\s*:(?:\s+(.*))?$/.exec(line);
  if (plain && classifyLabel(plain[1]!) !== 'other')
    return { label: cleanLabel(plain[1]!), inline: plain[2] ?? '' };
  return null;
}

function cleanLabel(label: string): string {
  return label
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .trim();
}

/** Prose before the first label is the report's description, unless it is only the title line. */
function addPreamble(spec: ReportSpec, preamble: string[]): void {
  const lines = trimBlankLines(preamble);
  if (spec.title === '' && lines.length > 0) {
    spec.title = lines.shift()!.trim();
  }
  const text = trimBlankLines(lines).join('\n');
  if (text !== '') spec.sections.unshift({ label: 'Description', text } satisfies SpecSection);
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end).map((line) => line.replace(/\s+$/, ''));
}
