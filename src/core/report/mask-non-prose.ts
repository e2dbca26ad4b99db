// Blanks out fenced code blocks and HTML comments (template instructions) with spaces, keeping
// newlines and every offset, so prose patterns never match code or hidden template text.

import type { CodeBlock } from './find-code-blocks.js';

function blank(text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

function findHtmlComments(body: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let at = body.indexOf('<!--');
  while (at !== -1) {
    const close = body.indexOf('-->', at + 4);
    if (close === -1) break;
    ranges.push([at, close + 3]);
    at = body.indexOf('<!--', close + 3);
  }
  return ranges;
}

export function maskNonProse(body: string, blocks: readonly CodeBlock[]): string {
  const ranges: Array<[number, number]> = blocks.map((block) => [block.start, block.end]);
  if (body.includes('<!--')) ranges.push(...findHtmlComments(body));
  if (ranges.length === 0) return body;
  ranges.sort((a, b) => a[0] - b[0]);
  let masked = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    masked += body.slice(at, from) + blank(body.slice(from, end));
    at = end;
  }
  return masked + body.slice(at);
}
