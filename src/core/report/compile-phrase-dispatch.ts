// Compiles the phrase rules into the dispatch the extractor walks a text with: rules looked up by
// the word they start with, rules of one kind that share a first word joined into one sticky
// regex. The result is plain data (rules by their index in the table), so it is compiled once, by
// `npm run build:phrase-dispatch` into phrase-dispatch-table.ts, and not on every start: reading
// the rules' first words from their regex sources cost more than a triage's phrase matching.

import { findRuleStarts, type RuleStart } from './find-rule-starts.js';
import type { PhraseRule } from './phrase-rules.js';

export interface PhraseDispatchGroup {
  /** The first three letters of the start words (lower case, packed, see packWordKey). */
  key: number;
  /** Index of the fact kind, for the per-kind "matched up to here" bookkeeping. */
  kind: number;
  /** The lower-case first words of the group's rules: one must be present before the regex runs. */
  starts: RuleStart[];
  /** `y`, with `i` unless the rules are case-sensitive. */
  flags: string;
  /**
   * Each rule's index in the table and the capture group that holds its match in the group's
   * regex: the alternation of the rules' patterns in this order, each wrapped in a capture group
   * (joinPatterns).
   */
  rules: Array<{ rule: number; group: number }>;
}

export interface PhraseDispatchTable {
  kindCount: number;
  /** In the order the extractor tries them for one key. */
  groups: PhraseDispatchGroup[];
  /** Rules whose first word cannot be told from the pattern: scanned over the whole text. */
  scanned: Array<{ rule: number; flags: string }>;
}

export const shortWordFlag = 1 << 21;

/** A word's dispatch key: its first three letters, or a shorter whole word (flagged). */
function packWordKey(word: string): number {
  let key = 0;
  for (let at = 0; at < Math.min(3, word.length); at += 1)
    key |= (word.charCodeAt(at) & 0x7f) << (7 * at);
  return word.length < 3 ? key | shortWordFlag : key;
}

/**
 * Capturing groups in a pattern's source: `(` outside a character class and not escaped, unless
 * it opens `(?:`, a look-around or `(?<=`/`(?<!`; `(?<name>` captures. Read from the text rather
 * than by compiling the pattern.
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

interface Member {
  rule: number;
  literal: string;
  isOpen: boolean;
}

function compileGroup(
  rules: readonly PhraseRule[],
  key: number,
  kind: number,
  members: readonly Member[],
): PhraseDispatchGroup {
  const entries: PhraseDispatchGroup['rules'] = [];
  let group = 1;
  for (const { rule } of members) {
    if (entries.some((entry) => entry.rule === rule)) continue;
    entries.push({ rule, group });
    group += 1 + countGroups(rules[rule]!.pattern.source);
  }
  const caseFlag = rules[members[0]!.rule]!.isCaseSensitive === true ? '' : 'i';
  const starts = members.map(({ literal, isOpen }) => ({ literal, isOpen }));
  return { key, kind, starts, flags: `${caseFlag}y`, rules: entries };
}

/** The source of a group's regex: its rules' patterns in order, each in a capture group. */
export function joinPatterns(
  rules: readonly PhraseRule[],
  entries: PhraseDispatchGroup['rules'],
): string {
  return entries.map(({ rule }) => `(${rules[rule]!.pattern.source})`).join('|');
}

// Matching a 100-rule table at every position costs far more than the ~0.3 ms a report may take.
// Rules are looked up by the word they start with, so the text is walked once; rules of one kind
// that share a first word run as one sticky regex, and only when that word is really there.
export function compilePhraseDispatch(rules: readonly PhraseRule[]): PhraseDispatchTable {
  const kinds: string[] = [];
  const members = new Map<string, Member[]>();
  const scanned: PhraseDispatchTable['scanned'] = [];
  rules.forEach((rule, index) => {
    if (!kinds.includes(rule.kind)) kinds.push(rule.kind);
    const starts = rule.isScanned === true ? null : findRuleStarts(rule.pattern.source);
    if (starts === null) {
      scanned.push({ rule: index, flags: rule.isCaseSensitive === true ? 'g' : 'gi' });
      return;
    }
    for (const { literal, isOpen } of starts) {
      const groupKey = `${packWordKey(literal)}/${rule.kind}/${rule.isCaseSensitive === true}`;
      const list = members.get(groupKey) ?? [];
      list.push({ rule: index, literal, isOpen });
      members.set(groupKey, list);
    }
  });
  const groups: PhraseDispatchGroup[] = [];
  for (const [groupKey, list] of members) {
    const key = Number(groupKey.split('/', 1)[0]);
    groups.push(compileGroup(rules, key, kinds.indexOf(rules[list[0]!.rule]!.kind), list));
  }
  return { kindCount: kinds.length, groups, scanned };
}
