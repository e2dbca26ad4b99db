// Splits a Markdown document into headed sections with their line ranges (markdown-it block
// parsing, so a `#` inside a code fence is not a heading).

import markdownIt from 'markdown-it';
import type { MarkdownIt } from 'markdown-it';

export interface MarkdownSection {
  heading: string;
  level: number;
  /** 1-based line of the heading. */
  startLine: number;
  /** 1-based last line before the next heading of the same or a higher level. */
  endLine: number;
}

let parser: MarkdownIt | undefined;

function getParser(): MarkdownIt {
  if (parser === undefined) {
    parser = markdownIt('default', { html: false });
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  }
  return parser;
}

export function readMarkdownSections(text: string): MarkdownSection[] {
  const tokens = getParser().parse(text, {});
  const lineCount = text.split('\n').length;
  const headings: { heading: string; level: number; startLine: number }[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' || token.map === null) return;
    const inline = tokens[index + 1];
    headings.push({
      heading: (inline?.content ?? '').trim(),
      level: Number(token.tag.slice(1)),
      startLine: token.map[0] + 1,
    });
  });
  return headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((later) => later.level <= heading.level);
    return { ...heading, endLine: next === undefined ? lineCount : next.startLine - 1 };
  });
}
