// Chooses which of the rules that hold on the deciding side a verdict cites. Every rule that holds
// is still listed in `ruleMatches` with its evidence; the citation names the ones that say why
// (docs/verdicts.md, "Which rules a verdict cites"):
//   1. an in-scope rule whose code is only the callers' frames of a sanitizer trace (the bundled
//      tool at the bottom of a library crash) says how the bug was reached, not where it is;
//   2. an exclusion that holds only on the kind of bug (impact, CWE) is a consequence when
//      another exclusion says why or where (a precondition, a named case, helper code), and a
//      phrase rule about the application's code does not describe code another rule places
//      entirely in files the profile keeps out of the product (`paths-only`: examples, tests);
//   3. rules that hold on the very same evidence cannot be told apart by it: the one whose
//      statement the report's title speaks of is cited (no such word, or a tie: all are).
// Each step keeps at least one rule.

import type { Fact } from '../model/fact.js';
import type { RuleMatch } from '../model/triage-result.js';
import { tokenizeForMatching } from '../duplicates/tokenize-for-matching.js';

export interface CitationContext {
  /** The report's title (or e-mail subject). */
  title: string;
  /** The project's name: its words say nothing about which rule a title speaks of. */
  projectName: string;
  /** Cited frames below the fault in a sanitizer trace (ScopeEvaluation.traceCallers). */
  traceCallers: readonly Fact[];
}

const locationKeys: ReadonlySet<string> = new Set(['components', 'paths-only']);
const bugKindKeys: ReadonlySet<string> = new Set(['impact', 'cwe']);

function factKey(fact: Fact): string {
  return `${fact.kind}@${fact.span.start}:${fact.value}`;
}

/** Drops the rules `isSecondary` picks when at least one other rule remains. */
function preferPrimary(
  matches: readonly RuleMatch[],
  isSecondary: (match: RuleMatch) => boolean,
): RuleMatch[] {
  const primary = matches.filter((match) => !isSecondary(match));
  return primary.length > 0 ? primary : [...matches];
}

/**
 * True for an in-scope rule when every fact its location conditions hold on is a caller's frame.
 * An exclusion keeps its callers: an entry point (a debug command, a bundled tool) is what
 * "only reachable through" exclusions are about.
 */
function isHeldOnCallersOnly(match: RuleMatch, callers: ReadonlySet<string>): boolean {
  if (match.kind !== 'in-scope') return false;
  const located = match.evidence.filter((evidence) => locationKeys.has(evidence.key));
  const facts = located.flatMap((evidence) => evidence.facts);
  return facts.length > 0 && facts.every((fact) => callers.has(factKey(fact)));
}

const applicationWord = /\bapplication(?:'s|\u2019s)?\b/i;

function holdsOnlyOn(match: RuleMatch, key: string): boolean {
  return (
    match.kind === 'out-of-scope' &&
    match.evidence.length > 0 &&
    match.evidence.every((evidence) => evidence.key === key)
  );
}

function isBugKindOnly(match: RuleMatch): boolean {
  return (
    match.kind === 'out-of-scope' &&
    match.evidence.length > 0 &&
    match.evidence.every((evidence) => bugKindKeys.has(evidence.key))
  );
}

/** What a rule held on, as one comparable string: its keys, details and facts. */
function describeEvidence(match: RuleMatch): string {
  return match.evidence
    .map(
      (evidence) =>
        `${evidence.key}|${evidence.detail}|${evidence.facts.map(factKey).sort().join(',')}`,
    )
    .sort()
    .join('\n');
}

/** How many distinct words of the rule's statement and id the title uses. */
function countTitleWords(match: RuleMatch, titleWords: ReadonlySet<string>): number {
  const ruleWords = new Set(tokenizeForMatching(`${match.ruleId} ${match.statement}`));
  return [...ruleWords].filter((word) => titleWords.has(word)).length;
}

/** Among rules with the same evidence, the ones whose statement the title speaks of most. */
function chooseByTitle(matches: readonly RuleMatch[], context: CitationContext): RuleMatch[] {
  const projectWords = new Set(tokenizeForMatching(context.projectName));
  const titleWords = new Set(
    tokenizeForMatching(context.title).filter((word) => !projectWords.has(word)),
  );
  const groups = new Map<string, RuleMatch[]>();
  for (const match of matches) {
    const key = `${match.kind}\n${describeEvidence(match)}`;
    groups.set(key, [...(groups.get(key) ?? []), match]);
  }
  const dropped = new Set<RuleMatch>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const scores = group.map((match) => countTitleWords(match, titleWords));
    const best = Math.max(...scores);
    if (best === 0 || scores.filter((score) => score === best).length > 1) continue;
    group.forEach((match, index) => {
      if (scores[index] !== best) dropped.add(match);
    });
  }
  return matches.filter((match) => !dropped.has(match));
}

/** The rules of one side (in-scope or out-of-scope) that the verdict cites, in profile order. */
export function chooseCitedRules(
  matches: readonly RuleMatch[],
  context: CitationContext,
): RuleMatch[] {
  if (matches.length < 2) return [...matches];
  const callers = new Set(context.traceCallers.map(factKey));
  const located = preferPrimary(matches, (match) => isHeldOnCallersOnly(match, callers));
  const reasons = preferPrimary(located, isBugKindOnly);
  // Every cited path is in code the profile keeps out of the product (examples, tests): that is
  // why. A phrase rule about the application's own code ("the application's Handler accepts")
  // then speaks of the example's code, which is the project's, not an application's.
  const isOnlyExcludedCode = reasons.some((match) => holdsOnlyOn(match, 'paths-only'));
  const placed = isOnlyExcludedCode
    ? preferPrimary(
        reasons,
        (match) => holdsOnlyOn(match, 'mentions') && applicationWord.test(match.statement),
      )
    : reasons;
  return chooseByTitle(placed, context);
}
