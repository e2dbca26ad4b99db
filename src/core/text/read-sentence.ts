// The sentence a position of a report's text lies in, for rules that judge a match by its sentence
// ("... is available upon request", "in lib/yaml/constructor.py"). Bounded, so it stays linear.

const sentenceReach = 300;

/** The sentence around `at`: back to the previous full stop or blank line, on to the next. */
export function readSentence(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - sentenceReach), at);
  const after = text.slice(at, at + sentenceReach);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'));
  const end = after.search(/\.(?:\s|$)|\n\n/);
  return before.slice(start + 1) + (end === -1 ? after : after.slice(0, end));
}

/**
 * Where the sentence that starts at `from` ends: the index of its line break or of the `.`, `!`
 * or `?` a blank (or the text's end) follows ("1.21.8" is no stop), or `from + maxLength` (or the
 * text's end) when none comes sooner.
 */
export function findSentenceEnd(text: string, from: number, maxLength: number): number {
  const limit = Math.min(text.length, from + maxLength);
  for (let at = from; at < limit; at += 1) {
    const char = text[at];
    if (char === '\n') return at;
    if ((char === '.' || char === '!' || char === '?') && /\s/.test(text[at + 1] ?? ' ')) return at;
  }
  return limit;
}
