// Wraps text in a Markdown code fence longer than any backtick run inside it, so the content
// (a diff's `---` lines, a payload's headings) is never read as Markdown structure.

export function fenceCode(text: string, info = ''): string {
  let longestRun = 2;
  for (const run of text.matchAll(/`{3,}/g)) longestRun = Math.max(longestRun, run[0].length);
  const fence = '`'.repeat(longestRun + 1);
  const content = text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return `${fence}${info}\n${content}\n${fence}`;
}
