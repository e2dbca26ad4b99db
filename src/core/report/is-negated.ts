// Decides whether a matched precondition or claim is denied or hypothetical in its own clause:
// "does not require root", "even without DEBUG", "root is not required", "no memory corruption".

const clauseLookBehind = 64;
const clauseLookAhead = 48;
const clauseBreaks = new Set(['.', '!', '?', ';', ':', ',', '(', ')', '\n', '|']);

const negationBefore =
  /(?:\b(?:not|no|never|without|neither|nor|cannot|unnecessary|regardless|nothing|rather\s+than|instead\s+of|unlike)\b|n't\b|\beven\s+(?:if|without|when|though|with)\b|\bwhether\s+or\s+not\b|\bwith\s+or\s+without\b)/i;

const negationAfter =
  /^[^.!?;,\n]{0,24}?\b(?:(?:is|are|was|were|be)\s+not|isn't|aren't|wasn't|weren't|not)\s+(?:strictly\s+)?(?:required|needed|necessary|a\s+(?:requirement|prerequisite|precondition))\b/i;

/** The text of the clause that ends at `start`: back to the previous clause break, at most 64 chars. */
export function readClauseBefore(text: string, start: number): string {
  let at = start;
  const limit = Math.max(0, start - clauseLookBehind);
  while (at > limit && !clauseBreaks.has(text[at - 1]!)) at -= 1;
  return text.slice(at, start);
}

/** True when a clause (the text before a phrase) denies or only supposes what follows it. */
export function isClauseNegated(clause: string): boolean {
  return negationBefore.test(clause);
}

export function isNegated(text: string, start: number, end: number): boolean {
  if (negationBefore.test(readClauseBefore(text, start))) return true;
  return negationAfter.test(text.slice(end, end + clauseLookAhead));
}
