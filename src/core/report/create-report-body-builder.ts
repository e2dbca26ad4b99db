// Assembles a normalised Markdown body from pieces (structured fields, an advisory's description,
// an e-mail's text and attachments) and records each piece's sections with exact spans.

import type { ReportField, ReportSection } from '../model/report.js';
import { normaliseReportText } from './normalise-report-text.js';
import { readMarkdownStructure, type MarkdownStructure } from './read-markdown-structure.js';

export interface ReportBodyBuilder {
  /** Appends text that carries no sections (a `# title` line, an identifiers line). */
  appendText(text: string): void;
  /**
   * Appends a Markdown fragment; its own headings become sections. Each fragment is read on its
   * own, so an unclosed code fence cannot swallow the sections that follow it (and is closed).
   */
  appendMarkdown(markdown: string): MarkdownStructure | null;
  /** Appends `## heading` and its content; false when the content is blank and nothing was added. */
  appendSection(
    heading: string,
    field: ReportField | null,
    content: string,
    level?: number,
  ): boolean;
  finish(): { body: string; sections: ReportSection[] };
}

export function createReportBodyBuilder(): ReportBodyBuilder {
  const parts: string[] = [];
  const sections: ReportSection[] = [];
  let length = 0;
  let newlines = 0;

  /** Adds a part after a blank line; returns its offset and 1-based line. */
  const push = (part: string): { offset: number; line: number } => {
    if (parts.length > 0) {
      parts.push('\n\n');
      length += 2;
      newlines += 2;
    }
    const position = { offset: length, line: newlines + 1 };
    parts.push(part);
    length += part.length;
    newlines += countNewlines(part);
    return position;
  };

  /** Reads a fragment's structure, closing a fence it leaves open. */
  const prepare = (
    markdown: string,
    keyValueLines: boolean,
  ): { text: string; structure: MarkdownStructure } | null => {
    const text = cleanFragment(markdown);
    if (text === '') return null;
    const structure = readMarkdownStructure(text, { keyValueLines });
    return structure.unclosedFence === null
      ? { text, structure }
      : { text: `${text}\n${structure.unclosedFence}`, structure };
  };

  const addShifted = (structure: MarkdownStructure, offset: number, line: number): void => {
    for (const section of structure.sections) {
      const { start, end } = section.span;
      sections.push({
        ...section,
        span: { start: start + offset, end: end + offset, line: section.span.line + line - 1 },
      });
    }
  };

  return {
    appendText(text) {
      const cleaned = cleanFragment(text);
      if (cleaned !== '') push(cleaned);
    },
    appendMarkdown(markdown) {
      const prepared = prepare(markdown, true);
      if (prepared === null) return null;
      const position = push(prepared.text);
      addShifted(prepared.structure, position.offset, position.line);
      return prepared.structure;
    },
    appendSection(heading, field, content, level = 2) {
      const prepared = prepare(content, false);
      if (prepared === null) return false;
      const headingLine = `${'#'.repeat(level)} ${heading.replace(/\s+/g, ' ').trim()}`;
      const position = push(`${headingLine}\n\n${prepared.text}`);
      const start = position.offset + headingLine.length + 2;
      sections.push({
        heading,
        field,
        span: { start, end: start + prepared.text.length, line: position.line + 2 },
      });
      addShifted(prepared.structure, start, position.line + 2);
      return true;
    },
    finish() {
      return { body: parts.join(''), sections: [...sections] };
    },
  };
}

/** Normalised line breaks, no leading blank lines, no trailing whitespace. */
function cleanFragment(text: string): string {
  return normaliseReportText(text)
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    count += 1;
  return count;
}
