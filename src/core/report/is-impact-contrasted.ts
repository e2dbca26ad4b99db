// Decides whether an impact word is named only as the lesser outcome the report sets its finding
// apart from: "what makes this more than a crash", "this goes beyond a mere crash", "worse than a
// plain crash", and the usual Spanish, French, German, Italian and Portuguese equivalents ("a
// diferencia de un simple crash", "plus qu'un simple crash", "mehr als ein Absturz"). The report
// does not claim that impact there. ("not merely a crash" and "unlike a crash" are denials that
// is-negated.ts already reads.) A limit is no contrast: "I don't think anything worse than a crash
// is possible" claims the crash.

import { mayMatchIn, type GatedPattern } from './find-required-literals.js';

const contrastReach = 64;

// The cue ends right before the impact word; articles and "mere/simple/plain" may sit between.
// Plain alternations with bounded repeats only, anchored at the end of the clause. Tried only on
// a text that holds its literals (a test checks them): most impact words have no contrast cue.
export const contrastBefore: GatedPattern = {
  pattern:
    /(?:\b(?:more|worse|other|bigger|greater)\s+than|\bbeyond|\bgoes\s+past|\ba\s+diferencia\s+de|\bm[áa]s\s+que|\bplus\s+qu['’]|\bau-del[àa]\s+d['’]|\bmehr\s+als|\bschlimmer\s+als|\bpi[ùu]\s+(?:di|che)|\boltre\s+(?:a|ad)|\bmais\s+(?:do\s+)?que|\bal[ée]m\s+de)(?:\s*\b(?:just|merely|only|simply|an?|the|mere|simple|simples|plain|ordinary|harmless|benign|une?|una|uno|uma?|ein|eine|einen|einfache[nr]?|semplice|mer[oa])\b){0,3}\s*$/i,
  required: [
    [
      ' che',
      ' di',
      'au-del',
      'beyond',
      'bigger than',
      'goes past',
      'greater than',
      'm de',
      'mais do que',
      'mehr als',
      'more than',
      'oltre a',
      'other than',
      'plus qu',
      's que',
      'schlimmer als',
      'worse than',
    ],
  ],
};

// "nothing worse than a crash", "no more than a crash": a limit that claims the impact itself.
const limitBefore =
  /\b(?:nothing|anything|no|not|never|none)\s+(?:more|worse|other|bigger|greater)\s+than(?:\s+[a-z]+){0,3}\s*$/i;

/** True when the impact matched at `start` is only what the report says its finding exceeds. */
export function isImpactContrasted(text: string, start: number): boolean {
  const from = Math.max(0, start - contrastReach);
  const before = text.slice(from, start);
  return (
    mayMatchIn(before, contrastBefore) &&
    contrastBefore.pattern.test(before) &&
    !limitBefore.test(before)
  );
}
