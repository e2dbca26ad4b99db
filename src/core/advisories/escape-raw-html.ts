// Makes raw HTML in Markdown taken from a report show as text wherever the advisory is rendered:
// HTML blocks and inline tags (found by markdown-it, so code blocks and code spans are left as
// written) get their opening angle brackets escaped as entities.

import markdownIt from 'markdown-it';
import type { MarkdownIt, Token } from 'markdown-it';

let parser: MarkdownIt | undefined;

// An escaped `<` is enough to stop a tag; `>` stays, as it also marks block quotes.
function escapeAngles(text: string): string {
  return text.replace(/</g, '&lt;');
}

/** The Markdown with every raw HTML block and inline tag escaped; everything else unchanged. */
export function escapeRawHtml(markdown: string): string {
  if (!markdown.includes('<')) return markdown;
  parser ??= markdownIt({ html: true });
  const tokens = parser.parse(markdown, {});
  const lines = markdown.split('\n');
  for (const token of tokens) {
    if (token.map === null) continue;
    const [first, last] = token.map;
    if (token.type === 'html_block') {
      for (let line = first; line < last; line += 1) lines[line] = escapeAngles(lines[line] ?? '');
    } else if (token.type === 'inline') {
      escapeInlineTags(lines, first, last, token.children ?? []);
    }
  }
  return lines.join('\n');
}

function escapeInlineTags(lines: string[], first: number, last: number, children: Token[]): void {
  const tags = new Set(
    children.filter((child) => child.type === 'html_inline').map((child) => child.content),
  );
  for (const tag of tags) {
    for (let line = first; line < last; line += 1) {
      lines[line] = (lines[line] ?? '').split(tag).join(escapeAngles(tag));
    }
  }
}
