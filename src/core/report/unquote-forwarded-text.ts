// A report forwarded by someone else arrives quoted: a short note, then the whole report behind
// `> ` marks, and its headings and code fences are no longer seen as such. When most of a text is
// one quoted report, one level of quoting is removed; lines stay where they are, so line numbers
// still match the file.

const minQuotedLines = 5;
const minQuotedShare = 0.6;

export function unquoteForwardedText(text: string): string {
  const lines = text.split('\n');
  let nonBlank = 0;
  let quoted = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonBlank += 1;
    if (/^[ \t]{0,3}>/.test(line)) quoted += 1;
  }
  if (quoted < minQuotedLines || quoted < minQuotedShare * nonBlank) return text;
  return lines.map((line) => line.replace(/^[ \t]{0,3}> ?/, '')).join('\n');
}
