// Reads a setting the profile names (`requires-config: [max_early_data_size, early data, 0-RTT]`)
// that the report's running text says the operator or application switched on: "we turned on
// TLS 1.3 early data", "haben wir TLS 1.3 Early Data eingeschaltet", "con 0-RTT activado". Each is
// a `requires-config` fact with the caller (`user`) as actor, its value the profile's own name, so
// only the rules that list that name hold on it. The verb and the name share one clause (no
// sentence break, at most 40 characters apart), and a denied clause ("without early data
// enabled", "early data is not enabled") counts for nothing.

import type { FactSink } from './create-fact-sink.js';
import { isNegated } from './is-negated.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';

// "Switched on", in the languages reports arrive in: English, German, Spanish, Portuguese, French
// and Italian, as a participle or a first-person past.
const enablingVerb =
  /(?<![\p{L}\d_])(?:enabled?|enabling|turned[ \t]+on|switched[ \t]+on|activated|eingeschaltet|aktiviert|einschalten|aktivieren|activad[oa]s?|habilitad[oa]s?|activamos|habilitamos|ativad[oa]s?|ativamos|activée?s?|activons|abilitat[oa]|attivat[oa]|abbiamo[ \t]+(?:abilitato|attivato))(?![\p{L}\d_])/giu;
const gap = 40;
// A sentence ends between them: a stop followed by a space or the end, or a line break ("1.3" is
// no stop).
const sentenceBreak = /[.!?](?:\s|$)|\n/;
// A denial between the name and its verb, in any of those languages: "early data is not enabled",
// "Early Data ist nicht aktiviert", "0-RTT no está activado", "n'est pas activé".
const denialBetween =
  /(?<![\p{L}])(?:not|never|no|nicht|nie|kein\p{L}*|nunca|não|nao|pas|jamais|non|mai)(?![\p{L}])|n't/iu;

function escapeForPattern(name: string): string {
  return escapeRegExp(name).replace(/[ _-]+/g, '[ _-]?');
}

/** Whether `verb` and the name at `start..end` are in one clause, close, with no denial between. */
function isClauseMate(
  prose: string,
  verb: { start: number; end: number },
  start: number,
  end: number,
): boolean {
  if (verb.end > start && verb.start < end) return false;
  const between = verb.end <= start ? prose.slice(verb.end, start) : prose.slice(end, verb.start);
  return between.length <= gap && !sentenceBreak.test(between) && !denialBetween.test(between);
}

/** The index of the first verb (in text order) that ends at `offset` or later. */
function firstVerbEndingFrom(verbs: ReadonlyArray<{ end: number }>, offset: number): number {
  let low = 0;
  let high = verbs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (verbs[middle]!.end < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The profile's setting names (lower-cased, `deriveProfileSettingNames`) switched on in `prose`. */
export function extractEnabledSettingFacts(
  sink: FactSink,
  prose: string,
  profileSettings: readonly string[],
): void {
  const names = profileSettings.filter((name) => name.length >= 4 && !name.includes('='));
  if (names.length === 0) return;
  const verbs = [...prose.matchAll(enablingVerb)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  if (verbs.length === 0) return;
  for (const name of names) {
    const pattern = new RegExp(
      String.raw`(?<![\p{L}\d_-])${escapeForPattern(name)}(?![\p{L}\d_-])`,
      'giu',
    );
    for (const match of prose.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      // Verbs are in text order: only those that can lie within the gap are looked at.
      let verb: { start: number; end: number } | undefined;
      for (let at = firstVerbEndingFrom(verbs, start - gap); at < verbs.length; at++) {
        const candidate = verbs[at]!;
        if (candidate.start > end + gap) break;
        if (isClauseMate(prose, candidate, start, end)) {
          verb = candidate;
          break;
        }
      }
      if (verb === undefined) continue;
      const from = Math.min(start, verb.start);
      const to = Math.max(end, verb.end);
      if (isNegated(prose, from, to)) continue;
      sink.add('requires-config', name, start, end, { actor: 'user' });
      break;
    }
  }
}
