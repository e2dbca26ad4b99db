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
