// Decides whether the sentence around a claimed impact only speculates about it ("can often be
// leveraged for remote code execution", "could lead to", "in some configurations"). Slop inflates
// impact this way; a maintainer weighs what a report shows above what it imagines.

import { mayMatchIn, type GatedPattern } from './find-required-literals.js';

const sentenceReach = 200;
const sentenceEnd = /[.!?](?:\s|$)|\n\s*\n/;

// Tried only on a sentence that holds its literals (a test checks them).
export const hedgePattern: GatedPattern = {
  pattern:
    /\b(?:could|might|may|potentially|possibly|perhaps|theoretically|in\s+theory|hypothetically|conceivably|(?:can|could)\s+(?:often\s+|sometimes\s+|potentially\s+|also\s+)?(?:be\s+)?(?:leveraged|turned|escalated|chained|weaponi[sz]ed|upgraded|lead|result)|in\s+(?:some|certain|rare)\s+(?:configurations|cases|environments|circumstances)|similar\s+to|if\s+(?:an\s+)?attackers?\s+(?:were|could|can\s+find)|it\s+is\s+(?:possible|plausible|likely)|likely\s+(?:exploitable|leads?|to\s+lead))\b/i,
  required: [
    [
      'can ',
      'conceivably',
      'could',
      'hypothetically',
      'if an attacker were',
      'if an attackers were',
      'if attacker were',
      'if attackers were',
      'in certain cases',
      'in certain circumstances',
      'in certain configurations',
      'in certain environments',
      'in rare cases',
      'in rare circumstances',
      'in rare configurations',
      'in rare environments',
      'in some cases',
      'in some circumstances',
      'in some configurations',
      'in some environments',
      'in theory',
      'it is likely',
      'it is plausible',
      'it is possible',
      'likely exploitable',
      'likely lead',
      'likely to lead',
      'may',
      'might',
      'perhaps',
      'possibly',
      'potentially',
      'similar to',
      'theoretically',
    ],
  ],
};

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

// An adjective that hedges the very impact named after it: "(possible DoS)", "a potential
// denial of service", "suspected memory corruption".
const hedgedRightBefore = /\b(?:possible|potential|suspected|presumed)\s+$/i;

export function isSpeculative(text: string, start: number, end: number): boolean {
  if (hedgedRightBefore.test(text.slice(Math.max(0, start - 12), start))) return true;
  const sentence = text.slice(findSentenceStart(text, start), findSentenceEnd(text, end));
  return mayMatchIn(sentence, hedgePattern) && hedgePattern.pattern.test(sentence);
}
