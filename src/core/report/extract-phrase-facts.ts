// Reads precondition and claim facts (privileges, attack vector, interaction, attacker control,
// configuration, impact, severity, AI use) from prose, dropping phrases their clause denies.

import type { FactSink } from './create-fact-sink.js';
import { findRuleStarts } from './find-rule-starts.js';
import { isNegated, readClauseBefore } from './is-negated.js';
import { isSpeculative } from './is-speculative.js';
import { outcomeBefore, phraseRules, type PhraseRule } from './phrase-rules.js';
import { forEachMatch } from './for-each-match.js';

interface KindGroup {
  /** Index of the fact kind, for the per-kind "matched up to here" bookkeeping. */
  kind: number;
  /** The lower-case first words of the group's rules: one must be present before the regex runs. */
  starts: Array<{ literal: string; isOpen: boolean }>;
  /** Sticky alternation of the group's rules in table order, each wrapped in a capture group. */
  sticky: RegExp;
  rules: Array<{ rule: PhraseRule; group: number }>;
}

interface Dispatch {
  /** By the first three letters of a word (lower case, packed into a number), or a shorter whole word. */
  byKey: Map<number, KindGroup[]>;
  /** Rules whose first word cannot be told from the pattern: scanned over the whole text. */
  scanned: Array<{ rule: PhraseRule; pattern: RegExp }>;
  kindCount: number;
}

const shortWordFlag = 1 << 21;

function packKey(word: string): number {
  let key = 0;
  for (let at = 0; at < Math.min(3, word.length); at += 1)
    key |= (word.charCodeAt(at) & 0x7f) << (7 * at);
  return word.length < 3 ? key | shortWordFlag : key;
}

/**
 * Capturing groups in a pattern's source: `(` outside a character class and not escaped, unless
 * it opens `(?:`, a look-around or `(?<=`/`(?<!`; `(?<name>` captures. Read from the text rather
 * than by compiling the pattern, which cost more than the rest of this module's start-up.
 */
export function countGroups(source: string): number {
  let count = 0;
  let isInClass = false;
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at];
    if (char === '\\') at += 1;
    else if (isInClass) isInClass = char !== ']';
    else if (char === '[') isInClass = true;
    else if (char === '(') {
      if (source[at + 1] !== '?') count += 1;
      else if (source[at + 2] === '<' && source[at + 3] !== '=' && source[at + 3] !== '!')
        count += 1;
    }
  }
  return count;
}

function compileGroup(
  kind: number,
  members: ReadonlyArray<{ rule: PhraseRule; literal: string; isOpen: boolean }>,
): KindGroup {
  const rules: KindGroup['rules'] = [];
  const sources: string[] = [];
  let group = 1;
  for (const { rule } of members) {
    if (rules.some((entry) => entry.rule === rule)) continue;
    rules.push({ rule, group });
    sources.push(`(${rule.pattern.source})`);
    group += 1 + countGroups(rule.pattern.source);
  }
  const caseFlag = members[0]!.rule.isCaseSensitive === true ? '' : 'i';
  const starts = members.map(({ literal, isOpen }) => ({ literal, isOpen }));
  return { kind, starts, sticky: new RegExp(sources.join('|'), `${caseFlag}y`), rules };
}

// Matching a 100-rule table at every position costs far more than the ~0.3 ms a report may take.
// Rules are looked up by the word they start with, so the text is walked once; rules of one kind
// that share a first word run as one sticky regex, and only when that word is really there.
function compileDispatch(rules: readonly PhraseRule[]): Dispatch {
  const kinds: string[] = [];
  const members = new Map<string, Array<{ rule: PhraseRule; literal: string; isOpen: boolean }>>();
  const scanned: Dispatch['scanned'] = [];
  for (const rule of rules) {
    if (!kinds.includes(rule.kind)) kinds.push(rule.kind);
    const starts = rule.isScanned === true ? null : findRuleStarts(rule.pattern.source);
    if (starts === null) {
      scanned.push({
        rule,
        pattern: new RegExp(rule.pattern.source, rule.isCaseSensitive === true ? 'g' : 'gi'),
      });
      continue;
    }
    for (const { literal, isOpen } of starts) {
      const groupKey = `${packKey(literal)}/${rule.kind}/${rule.isCaseSensitive === true}`;
      const list = members.get(groupKey) ?? [];
      list.push({ rule, literal, isOpen });
      members.set(groupKey, list);
    }
  }
  const byKey = new Map<number, KindGroup[]>();
  for (const [groupKey, list] of members) {
    const key = Number(groupKey.split('/', 1)[0]);
    const groups = byKey.get(key) ?? [];
    groups.push(compileGroup(kinds.indexOf(list[0]!.rule.kind), list));
    byKey.set(key, groups);
  }
  return { byKey, scanned, kindCount: kinds.length };
}

const dispatch = compileDispatch(phraseRules);

const wordCodes = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  wordCodes[code] = /\w/.test(String.fromCharCode(code)) ? 1 : 0;
}

function isWordCode(code: number): boolean {
  return code < 128 && wordCodes[code] === 1;
}

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function startsWithLiteral(
  text: string,
  start: number,
  wordLength: number,
  literal: string,
  isOpen: boolean,
): boolean {
  if (isOpen ? wordLength < literal.length : wordLength !== literal.length) return false;
  for (let at = 3; at < literal.length; at += 1) {
    if (lowerCode(text.charCodeAt(start + at)) !== literal.charCodeAt(at)) return false;
  }
  return true;
}

function hasStart(text: string, start: number, wordLength: number, group: KindGroup): boolean {
  for (const { literal, isOpen } of group.starts) {
    if (startsWithLiteral(text, start, wordLength, literal, isOpen)) return true;
  }
  return false;
}

function accept(
  sink: FactSink,
  text: string,
  rule: PhraseRule,
  start: number,
  matched: string,
): void {
  const end = start + matched.length;
  if (rule.isNegatable !== false && isNegated(text, start, end)) return;
  if (rule.isPrecondition === true && outcomeBefore.test(readClauseBefore(text, start))) return;
  const value = typeof rule.value === 'string' ? rule.value : rule.value(matched);
  if (value === null) return;
  sink.add(rule.kind, value, start, end, {
    isSpeculative: rule.kind === 'impact' && isSpeculative(text, start, end),
  });
}

export function extractPhraseFacts(sink: FactSink, text: string): void {
  // Per kind, where the last match ended: matches of one kind do not overlap, as with one regex.
  const coveredUntil = new Int32Array(dispatch.kindCount).fill(-1);
  const length = text.length;
  let at = 0;
  while (at < length) {
    if (!isWordCode(text.charCodeAt(at))) {
      at += 1;
      continue;
    }
    const start = at;
    while (at < length && isWordCode(text.charCodeAt(at))) at += 1;
    const wordLength = at - start;
    let key =
      lowerCode(text.charCodeAt(start)) |
      (wordLength > 1 ? lowerCode(text.charCodeAt(start + 1)) << 7 : 0);
    if (wordLength >= 3) key |= lowerCode(text.charCodeAt(start + 2)) << 14;
    else key |= shortWordFlag;
    const groups = dispatch.byKey.get(key);
    if (groups === undefined) continue;
    for (const group of groups) {
      if (coveredUntil[group.kind]! > start || !hasStart(text, start, wordLength, group)) continue;
      group.sticky.lastIndex = start;
      const match = group.sticky.exec(text);
      if (match === null) continue;
      coveredUntil[group.kind] = start + match[0].length;
      const entry = group.rules.find(({ group: index }) => match[index] !== undefined);
      if (entry !== undefined) accept(sink, text, entry.rule, start, match[0]);
    }
  }
  for (const { rule, pattern } of dispatch.scanned) {
    forEachMatch(pattern, text, (match) => accept(sink, text, rule, match.index, match[0]));
  }
}
