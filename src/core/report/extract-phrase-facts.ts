// Reads precondition and claim facts (privileges, attack vector, interaction, attacker control,
// configuration, impact, severity, AI use) from prose, dropping phrases their clause denies.

import {
  shortWordFlag,
  type PhraseDispatchTable,
  type PhraseDispatchGroup,
} from './compile-phrase-dispatch.js';
import type { FactSink } from './create-fact-sink.js';
import {
  foldTextForLiterals,
  hasRequiredLiterals,
  type RequiredLiterals,
} from './find-required-literals.js';
import { isImpactContrasted } from './is-impact-contrasted.js';
import { isInsideFileName } from './is-inside-file-name.js';
import { isNegated, readClauseBefore } from './is-negated.js';
import { isOnByDefault } from './is-on-by-default.js';
import { isSpeculative } from './is-speculative.js';
import { phraseDispatchTable } from './phrase-dispatch-table.js';
import { outcomeBefore, phraseRules, type PhraseRule } from './phrase-rules.js';
import { forEachMatch } from './for-each-match.js';
import { readSentence } from '../text/read-sentence.js';

/** A rule with its sticky regex, made on the first word that reaches it. */
interface StickyRule {
  index: number;
  rule: PhraseRule;
  source: string;
  flags: string;
  sticky: RegExp | null;
}

interface KindGroup {
  kind: number;
  starts: PhraseDispatchGroup['starts'];
  /** Tried in order at a word; the first that matches there is the group's match. */
  rules: StickyRule[];
}

interface Dispatch {
  /** By the first three letters of a word (lower case, packed into a number), or a shorter whole word. */
  byKey: Map<number, KindGroup[]>;
  scanned: Array<{ index: number; rule: PhraseRule; pattern: RegExp }>;
  kindCount: number;
  required: RequiredLiterals[];
}

/**
 * The dispatch of compile-phrase-dispatch.ts, compiled at build time. A rule in several groups
 * shares one regex, and V8 compiles a regex on its first match: what a report's first run
 * compiles is the rules its words reach, each once.
 */
function loadDispatch(table: PhraseDispatchTable, rules: readonly PhraseRule[]): Dispatch {
  const byKey = new Map<number, KindGroup[]>();
  const stickyRules = new Map<string, StickyRule>();
  const stickyRule = (index: number, flags: string): StickyRule => {
    const id = `${index}/${flags}`;
    let entry = stickyRules.get(id);
    if (entry === undefined) {
      entry = {
        index,
        rule: rules[index]!,
        source: rules[index]!.pattern.source,
        flags,
        sticky: null,
      };
      stickyRules.set(id, entry);
    }
    return entry;
  };
  for (const group of table.groups) {
    const groups = byKey.get(group.key) ?? [];
    groups.push({
      kind: group.kind,
      starts: group.starts,
      rules: group.rules.map((index) => stickyRule(index, group.flags)),
    });
    byKey.set(group.key, groups);
  }
  const scanned = table.scanned.map(({ rule, flags }) => ({
    index: rule,
    rule: rules[rule]!,
    pattern: new RegExp(rules[rule]!.pattern.source, flags),
  }));
  return { byKey, scanned, kindCount: table.kindCount, required: table.required };
}

const dispatch = loadDispatch(phraseDispatchTable, phraseRules);

/**
 * Per text, whether each rule's required literals are in it (0: not looked up yet, 1: yes, 2: no).
 * A rule whose literals are missing cannot match: it is skipped, and its regex is not compiled.
 */
interface LiteralGate {
  foldedText: string;
  verdicts: Uint8Array;
}

function mayMatch(gate: LiteralGate, index: number): boolean {
  let verdict = gate.verdicts[index]!;
  if (verdict === 0) {
    verdict = hasRequiredLiterals(gate.foldedText, dispatch.required[index]!) ? 1 : 2;
    gate.verdicts[index] = verdict;
  }
  return verdict === 1;
}

/** The first of the group's rules that matches at `start`, as the alternation of their patterns would. */
function matchGroupAt(
  group: KindGroup,
  text: string,
  start: number,
  gate: LiteralGate,
): { rule: PhraseRule; matched: string } | null {
  for (const entry of group.rules) {
    if (!mayMatch(gate, entry.index)) continue;
    entry.sticky ??= new RegExp(entry.source, entry.flags);
    entry.sticky.lastIndex = start;
    const match = entry.sticky.exec(text);
    if (match !== null) return { rule: entry.rule, matched: match[0] };
  }
  return null;
}

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

// "`serveHTTP` only enforces origins when `enforce_origin` is set": a protection the code applies
// only under a setting; the report is about its absence, so the setting is no precondition.
const protectionOnlyWhenSet =
  /\bonly\s+(?:enforc|check|validat|verif|reject|filter|sanitiz|restrict|block|den[iy]|protect|guard)\w{0,12}(?:\s+\S+){0,3}\s*$/i;

// "the helper that is supposed to clamp it is only called when `FLAG` is set": the check the
// clause names runs only under the setting, so the bug is in the default, not behind the setting.
const onlyRunBefore =
  /\b(?:is|are|gets?)\s+only\s+(?:called|invoked|run|applied|performed|done|executed|used|reached)\s*$/i;
const protectiveWord = /\b(?:clamp|check|validat|verif|sanitiz|guard|bounds?\b|protect|enforc)/i;

function isProtectionOnlyWhenSet(clause: string): boolean {
  return (
    protectionOnlyWhenSet.test(clause) ||
    (onlyRunBefore.test(clause) && protectiveWord.test(clause))
  );
}

// "debug build panics, release build wraps around": a debug build named beside the release build
// says what each build does, so the bug is in both and the debug build is no precondition.
const debugBuild = /^debug(?:ging)?\s+builds?$/i;
const releaseBuild = /\brelease\s+(?:builds?|mode|profile)\b|--release\b/i;

function isBesideReleaseBuild(text: string, start: number, matched: string): boolean {
  return debugBuild.test(matched) && releaseBuild.test(readSentence(text, start));
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
  // "crash-0093.png" is a name; "more than a crash" is the lesser outcome, not the claim.
  if (isInsideFileName(text, start, end)) return;
  if (rule.kind === 'impact' && isImpactContrasted(text, start)) return;
  if (rule.isPrecondition === true && outcomeBefore.test(readClauseBefore(text, start))) return;
  if (rule.kind === 'requires-config' && isOnByDefault(text, end)) return;
  if (rule.kind === 'requires-config' && isBesideReleaseBuild(text, start, matched)) return;
  // "Only honour the headers when `--reverse-proxy` is on" under "Fix idea": the setting is what
  // the reporter proposes, not a precondition of the attack.
  if (rule.kind === 'requires-config' && sink.fieldAt(start) === 'proposed-patch') return;
  if (rule.kind === 'requires-config' && isProtectionOnlyWhenSet(readClauseBefore(text, start)))
    return;
  const value = typeof rule.value === 'string' ? rule.value : rule.value(matched);
  if (value === null) return;
  sink.add(rule.kind, value, start, end, {
    isSpeculative: rule.kind === 'impact' && isSpeculative(text, start, end),
    ...(rule.actor ? { actor: rule.actor } : {}),
  });
}

export function extractPhraseFacts(sink: FactSink, text: string): void {
  // Per kind, where the last match ended: matches of one kind do not overlap, as with one regex.
  const coveredUntil = new Int32Array(dispatch.kindCount).fill(-1);
  const gate: LiteralGate = {
    foldedText: foldTextForLiterals(text),
    verdicts: new Uint8Array(dispatch.required.length),
  };
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
      const match = matchGroupAt(group, text, start, gate);
      if (match === null) continue;
      coveredUntil[group.kind] = start + match.matched.length;
      accept(sink, text, match.rule, start, match.matched);
    }
  }
  for (const { index, rule, pattern } of dispatch.scanned) {
    if (!mayMatch(gate, index)) continue;
    forEachMatch(pattern, text, (match) => accept(sink, text, rule, match.index, match[0]));
  }
}
