// Blanks out fenced code blocks, HTML comments (template instructions) and dependency scanners'
// advisory titles quoted in the text with spaces, keeping newlines and every offset, so prose
// patterns never match code, hidden template text or a scanner's words.
// Works on a copy of the UTF-16 code units, so a report of a million blocks costs one pass.

import type { CodeBlock } from './find-code-blocks.js';
import { findScannerTitles } from './find-scanner-titles.js';

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

const space = 0x20;
const lineFeed = 0x0a;
const utf16 = new TextDecoder('utf-16le');

function blankRange(codes: Uint16Array, start: number, end: number): void {
  for (let at = start; at < end; at += 1) if (codes[at] !== lineFeed) codes[at] = space;
}

export function maskNonProse(body: string, blocks: readonly CodeBlock[]): string {
  const comments = body.includes('<!--') ? findHtmlComments(body) : [];
  const scannerTitles = findScannerTitles(body);
  if (blocks.length === 0 && comments.length === 0 && scannerTitles.length === 0) return body;
  const codes = new Uint16Array(body.length);
  for (let at = 0; at < body.length; at += 1) codes[at] = body.charCodeAt(at);
  for (const block of blocks) blankRange(codes, block.start, block.end);
  for (const [start, end] of comments) blankRange(codes, start, end);
  for (const [start, end] of scannerTitles) blankRange(codes, start, end);
  // Offsets are all that matter: a lone surrogate half may come back as U+FFFD, one unit as well.
  return utf16.decode(codes);
}
