// Decides whether a matched phrase is part of a file name ("crash-0093.png", "oom_case.tif",
// "poc/hang-1.bin"): a word inside a name says nothing about the report's claims. A file name here
// is one whitespace-delimited token, without surrounding quotes or brackets, that ends in a dot
// and a short extension and is longer than the match itself.

const tokenEdge = /[\s"'`()<>[\]{},;]/;
const fileNameToken = /^[\w@+~-][\w.@+~/\\-]*\.[a-z][a-z0-9]{0,4}$/i;
const maxTokenChars = 200;

function findTokenStart(text: string, start: number): number {
  let at = start;
  const limit = Math.max(0, start - maxTokenChars);
  while (at > limit && !tokenEdge.test(text[at - 1]!)) at -= 1;
  return at;
}

function findTokenEnd(text: string, end: number): number {
  let at = end;
  const limit = Math.min(text.length, end + maxTokenChars);
  while (at < limit && !tokenEdge.test(text[at]!)) at += 1;
  // A sentence's full stop or colon after the name is not part of it.
  while (at > end && /[.:!?]/.test(text[at - 1]!)) at -= 1;
  return at;
}

/** True when the text matched from `start` to `end` lies inside a longer file-name token. */
export function isInsideFileName(text: string, start: number, end: number): boolean {
  const tokenStart = findTokenStart(text, start);
  const tokenEnd = findTokenEnd(text, end);
  if (tokenStart === start && tokenEnd === end) return false;
  return fileNameToken.test(text.slice(tokenStart, tokenEnd));
}
