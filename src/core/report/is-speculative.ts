// Decides whether the sentence around a claimed impact only speculates about it ("can often be
// leveraged for remote code execution", "could lead to", "in some configurations"). Slop inflates
// impact this way; a maintainer weighs what a report shows above what it imagines.

const sentenceReach = 200;
const sentenceEnd = /[.!?](?:\s|$)|\n\s*\n/;

const hedgePattern =
  /\b(?:could|might|may|potentially|possibly|perhaps|theoretically|in\s+theory|hypothetically|conceivably|(?:can|could)\s+(?:often\s+|sometimes\s+|potentially\s+|also\s+)?(?:be\s+)?(?:leveraged|turned|escalated|chained|weaponi[sz]ed|upgraded|lead|result)|in\s+(?:some|certain|rare)\s+(?:configurations|cases|environments|circumstances)|similar\s+to|if\s+(?:an\s+)?attackers?\s+(?:were|could|can\s+find)|it\s+is\s+(?:possible|plausible|likely)|likely\s+(?:exploitable|leads?|to\s+lead))\b/i;

function findSentenceStart(text: string, start: number): number {
  const from = Math.max(0, start - sentenceReach);
  const before = text.slice(from, start);
  let cut = 0;
  for (const match of before.matchAll(/[.!?](?=\s)|\n\s*\n|\n[-*] /g))
    cut = match.index + match[0].length;
  return from + cut;
}

function findSentenceEnd(text: string, end: number): number {
  const after = text.slice(end, end + sentenceReach);
  const match = sentenceEnd.exec(after);
  return end + (match ? match.index : after.length);
}

export function isSpeculative(text: string, start: number, end: number): boolean {
  return hedgePattern.test(text.slice(findSentenceStart(text, start), findSentenceEnd(text, end)));
}
