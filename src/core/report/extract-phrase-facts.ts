// Reads precondition and claim facts (privileges, attack vector, interaction, attacker control,
// configuration, impact, severity, AI use) from prose, dropping phrases their clause denies.

import {
  joinPatterns,
  shortWordFlag,
  type PhraseDispatchTable,
  type PhraseDispatchGroup,
} from './compile-phrase-dispatch.js';
import type { FactSink } from './create-fact-sink.js';
import { isNegated, readClauseBefore } from './is-negated.js';
import { isOnByDefault } from './is-on-by-default.js';
import { isSpeculative } from './is-speculative.js';
import { phraseDispatchTable } from './phrase-dispatch-table.js';
import { outcomeBefore, phraseRules, type PhraseRule } from './phrase-rules.js';
import { forEachMatch } from './for-each-match.js';

interface KindGroup {
  kind: number;
  starts: PhraseDispatchGroup['starts'];
  sticky: RegExp;
  rules: Array<{ rule: PhraseRule; group: number }>;
}

interface Dispatch {
  /** By the first three letters of a word (lower case, packed into a number), or a shorter whole word. */
  byKey: Map<number, KindGroup[]>;
  scanned: Array<{ rule: PhraseRule; pattern: RegExp }>;
  kindCount: number;
}

/** The dispatch of compile-phrase-dispatch.ts, compiled at build time, with its regexes made. */
function loadDispatch(table: PhraseDispatchTable, rules: readonly PhraseRule[]): Dispatch {
  const byKey = new Map<number, KindGroup[]>();
  for (const group of table.groups) {
    const groups = byKey.get(group.key) ?? [];
    groups.push({
      kind: group.kind,
      starts: group.starts,
      sticky: new RegExp(joinPatterns(rules, group.rules), group.flags),
      rules: group.rules.map(({ rule, group: index }) => ({ rule: rules[rule]!, group: index })),
    });
    byKey.set(group.key, groups);
  }
  const scanned = table.scanned.map(({ rule, flags }) => ({
    rule: rules[rule]!,
    pattern: new RegExp(rules[rule]!.pattern.source, flags),
  }));
  return { byKey, scanned, kindCount: table.kindCount };
}

const dispatch = loadDispatch(phraseDispatchTable, phraseRules);

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
  if (rule.kind === 'requires-config' && isOnByDefault(text, end)) return;
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
