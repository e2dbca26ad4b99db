// Compiles the phrase rules into the dispatch the extractor walks a text with: rules looked up by
// the word they start with, rules of one kind that share a first word tried in order as one
// group. The result is plain data (rules by their index in the table), so it is compiled once, by
// `npm run build:phrase-dispatch` into phrase-dispatch-table.ts, and not on every start: reading
// the rules' first words from their regex sources cost more than a triage's phrase matching.

import { findRequiredLiterals, type RequiredLiterals } from './find-required-literals.js';
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
   * The rules' indexes in the table, in the order they are tried at a word: the first that matches
   * there is the group's match (as the alternation of their patterns would be). Each rule's regex
   * is made once and shared by every group it is in (joining a group's patterns into one regex
   * compiled about three times as much pattern text on a report's first run).
   */
  rules: number[];
}

export interface PhraseDispatchTable {
  kindCount: number;
  /** In the order the extractor tries them for one key. */
  groups: PhraseDispatchGroup[];
  /** Rules whose first word cannot be told from the pattern: scanned over the whole text. */
  scanned: Array<{ rule: number; flags: string }>;
  /**
   * By rule index, the literals every match of the rule contains (find-required-literals.ts): a
   * rule is not tried, nor its regex compiled, on a text that lacks them.
   */
  required: RequiredLiterals[];
}

export const shortWordFlag = 1 << 21;

/** A word's dispatch key: its first three letters, or a shorter whole word (flagged). */
function packWordKey(word: string): number {
  let key = 0;
  for (let at = 0; at < Math.min(3, word.length); at += 1)
    key |= (word.charCodeAt(at) & 0x7f) << (7 * at);
  return word.length < 3 ? key | shortWordFlag : key;
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
  const entries: number[] = [];
  for (const { rule } of members) if (!entries.includes(rule)) entries.push(rule);
  const caseFlag = rules[members[0]!.rule]!.isCaseSensitive === true ? '' : 'i';
  const starts = members.map(({ literal, isOpen }) => ({ literal, isOpen }));
  return { key, kind, starts, flags: `${caseFlag}y`, rules: entries };
}

// Matching a 100-rule table at every position costs far more than the ~0.3 ms a report may take.
// Rules are looked up by the word they start with, so the text is walked once; rules of one kind
// that share a first word are tried as one group, and only when that word is really there.
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
  const required = rules.map((rule) => findRequiredLiterals(rule.pattern.source));
  return { kindCount: kinds.length, groups, scanned, required };
}
