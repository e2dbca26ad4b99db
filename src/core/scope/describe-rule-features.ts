// The features of one (report, profile rule) pair that the learned rule matcher
// (rule-matcher-model.ts) reads: how much of the rule's rarer words, `mentions` phrases and
// cross-language concepts the report carries, whether its cited paths fall under the rule's
// globs, which `when` keys the rule has, what the rule engine made of it, and how it fits beside
// the profile's other rules. Generic by design: nothing names a project or a rule.

import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { RuleCondition, ScopeRule, SecurityProfile } from '../model/security-profile.js';
import type { RuleMatch } from '../model/triage-result.js';
import { findCrossLanguageConcepts } from '../duplicates/find-cross-language-concepts.js';
import { tokenizeForMatching } from '../duplicates/tokenize-for-matching.js';
import { createPathMatcher, listCitedPaths, toCitedPath } from './match-components.js';
import { readMatcherText } from './read-matcher-text.js';

/** The names of the features, in the order describeRuleFeatures returns them. */
export const ruleFeatureNames = [
  'out-of-scope',
  'statement-coverage',
  'statement-unique-coverage',
  'title-coverage',
  'statement-margin',
  'best-of-profile',
  'best-of-side',
  'other-side-fits-better',
  'mention-best-coverage',
  'mention-whole',
  'mention-share',
  'setting-named',
  'concept-coverage',
  'concepts-shared',
  'paths-only-fit',
  'component-fit',
  'holds-strong',
  'holds-weak',
  'another-rule-holds',
  'versions-unsupported-fit',
  'has-mentions',
  'has-paths-only',
  'has-components',
  'has-versions',
  'has-requires-config',
  'has-attacker-controls',
  'has-access-conditions',
  'has-impact-or-cwe',
  'has-calls',
  'rule-share',
] as const;

type RuleFeatureName = (typeof ruleFeatureNames)[number];

/** What the triage already knows about the report, besides its text. */
export interface RuleFeatureInput {
  report: Report;
  facts: readonly Fact[];
  /** The rules the engine found to hold (strong or weak). */
  ruleMatches: readonly RuleMatch[];
  versionSupport: 'supported' | 'unsupported' | 'unknown';
}

export interface RuleFeatures {
  rule: ScopeRule;
  side: 'in-scope' | 'out-of-scope';
  values: number[];
  /** The rule's words and phrases the report carries, most telling first (for the evidence line). */
  words: string[];
}

/** A rule's words, read once per profile. */
interface RuleVocabulary {
  rule: ScopeRule;
  side: 'in-scope' | 'out-of-scope';
  statementTerms: string[];
  mentionPhrases: Array<{ phrase: string; terms: string[] }>;
  settings: string[];
  concepts: string[];
}

interface ProfileVocabulary {
  rules: RuleVocabulary[];
  /** Inverse document frequency of a term over the profile's rules: rarer weighs more. */
  weightOf: (term: string) => number;
  /** How many rules use the term. */
  rulesWith: (term: string) => number;
}

const vocabularies = new WeakMap<SecurityProfile, ProfileVocabulary>();

const unique = (terms: readonly string[]): string[] => [...new Set(terms)];

/** The profile's rules and their words weighted by how rare each is among the rules. */
export function readProfileVocabulary(profile: SecurityProfile): ProfileVocabulary {
  const known = vocabularies.get(profile);
  if (known) return known;
  const { inScope, outOfScope } = profile.threatModel;
  const rules: RuleVocabulary[] = [
    ...inScope.map((rule) => ({ rule, side: 'in-scope' as const })),
    ...outOfScope.map((rule) => ({ rule, side: 'out-of-scope' as const })),
  ].map(({ rule, side }) => {
    const mentions = rule.when.mentions ?? [];
    const settings = (rule.when.requiresConfig ?? []).filter((value) => value !== 'non-default');
    return {
      rule,
      side,
      statementTerms: unique(tokenizeForMatching(rule.statement)),
      mentionPhrases: mentions
        .map((phrase) => ({ phrase, terms: unique(tokenizeForMatching(phrase)) }))
        .filter((entry) => entry.terms.length > 0),
      settings: unique(settings.flatMap((value) => tokenizeForMatching(value))),
      concepts: findCrossLanguageConcepts('', [rule.statement, ...mentions].join('\n')),
    };
  });
  const documentCount = new Map<string, number>();
  for (const entry of rules) {
    const terms = new Set([
      ...entry.statementTerms,
      ...entry.mentionPhrases.flatMap((mention) => mention.terms),
      ...entry.settings,
    ]);
    for (const term of terms) documentCount.set(term, (documentCount.get(term) ?? 0) + 1);
  }
  const total = Math.max(1, rules.length);
  const vocabulary: ProfileVocabulary = {
    rules,
    weightOf: (term) => Math.log(1 + total / (documentCount.get(term) ?? 1)),
    rulesWith: (term) => documentCount.get(term) ?? 0,
  };
  vocabularies.set(profile, vocabulary);
  return vocabulary;
}

/** The idf-weighted share of `terms` that `present` holds. */
function weightedCoverage(
  terms: readonly string[],
  present: ReadonlySet<string>,
  weightOf: (term: string) => number,
): number {
  let all = 0;
  let found = 0;
  for (const term of terms) {
    const weight = weightOf(term);
    all += weight;
    if (present.has(term)) found += weight;
  }
  return all === 0 ? 0 : found / all;
}

const accessKeys: ReadonlyArray<keyof RuleCondition> = [
  'attackVector',
  'privilegesRequired',
  'userInteraction',
];

const has = (rule: ScopeRule, key: keyof RuleCondition): number =>
  rule.when[key] === undefined ? 0 : 1;

/** The share of `paths` the globs hold; 0 with no paths or no globs. */
function pathShare(paths: readonly string[], globs: readonly string[]): number {
  if (paths.length === 0 || globs.length === 0) return 0;
  const isMatch = createPathMatcher(globs);
  return paths.filter((path) => isMatch(path)).length / paths.length;
}

/** The features of every rule of the profile against one report, in the profile's order. */
export function describeRuleFeatures(
  profile: SecurityProfile,
  input: RuleFeatureInput,
): RuleFeatures[] {
  const vocabulary = readProfileVocabulary(profile);
  const { report } = input;
  // The words of the report whatever its writing style: no headings, labels or greetings.
  const { title, text } = readMatcherText(report);
  const reportTerms = new Set(tokenizeForMatching(`${title}\n${text}`));
  const titleTerms = new Set(tokenizeForMatching(title));
  const reportConcepts = new Set(findCrossLanguageConcepts(title, text));
  const paths = listCitedPaths(input.facts, report.body).map(toCitedPath);
  const holding = new Map(input.ruleMatches.map((match) => [match.ruleId, match.strength]));
  const componentGlobs = new Map(
    profile.threatModel.components.map((component) => [component.id, component.paths]),
  );
  const coverages = vocabulary.rules.map((entry) =>
    weightedCoverage(entry.statementTerms, reportTerms, vocabulary.weightOf),
  );
  const best = Math.max(0, ...coverages);
  const bestOf = (side: RuleVocabulary['side'], except: number): number =>
    Math.max(
      0,
      ...coverages.filter((_, at) => at !== except && vocabulary.rules[at]!.side === side),
    );
  return vocabulary.rules.map((entry, at) => {
    const { rule, side } = entry;
    const coverage = coverages[at]!;
    const uniqueTerms = entry.statementTerms.filter((term) => vocabulary.rulesWith(term) === 1);
    const mentionCoverages = entry.mentionPhrases.map(
      ({ terms }) => terms.filter((term) => reportTerms.has(term)).length / terms.length,
    );
    const sharedConcepts = entry.concepts.filter((concept) => reportConcepts.has(concept));
    const strength = holding.get(rule.id);
    const sameSideBest = bestOf(side, at);
    const otherSideBest = bestOf(side === 'in-scope' ? 'out-of-scope' : 'in-scope', -1);
    const values: Record<RuleFeatureName, number> = {
      'out-of-scope': side === 'out-of-scope' ? 1 : 0,
      'statement-coverage': coverage,
      'statement-unique-coverage':
        uniqueTerms.length === 0
          ? 0
          : uniqueTerms.filter((term) => reportTerms.has(term)).length / uniqueTerms.length,
      'title-coverage': weightedCoverage(entry.statementTerms, titleTerms, vocabulary.weightOf),
      'statement-margin': coverage - Math.max(0, ...coverages.filter((_, other) => other !== at)),
      'best-of-profile': coverage > 0 && coverage === best ? 1 : 0,
      'best-of-side': coverage > 0 && coverage >= sameSideBest ? 1 : 0,
      'other-side-fits-better': otherSideBest > coverage ? 1 : 0,
      'mention-best-coverage': Math.max(0, ...mentionCoverages),
      'mention-whole': mentionCoverages.some((share) => share === 1) ? 1 : 0,
      'mention-share':
        mentionCoverages.length === 0
          ? 0
          : mentionCoverages.filter((share) => share >= 0.5).length / mentionCoverages.length,
      'setting-named':
        entry.settings.length > 0 && entry.settings.some((term) => reportTerms.has(term)) ? 1 : 0,
      'concept-coverage':
        entry.concepts.length === 0 ? 0 : sharedConcepts.length / entry.concepts.length,
      'concepts-shared': Math.min(3, sharedConcepts.length) / 3,
      'paths-only-fit': pathShare(paths, rule.when.pathsOnly ?? []),
      'component-fit': pathShare(
        paths,
        (rule.when.components ?? []).flatMap((id) => componentGlobs.get(id) ?? []),
      ),
      'holds-strong': strength === 'strong' ? 1 : 0,
      'holds-weak': strength === 'weak' ? 1 : 0,
      'another-rule-holds': [...holding.keys()].some((id) => id !== rule.id) ? 1 : 0,
      'versions-unsupported-fit':
        rule.when.versions === 'unsupported' && input.versionSupport === 'unsupported' ? 1 : 0,
      'has-mentions': has(rule, 'mentions'),
      'has-paths-only': has(rule, 'pathsOnly'),
      'has-components': has(rule, 'components'),
      'has-versions': has(rule, 'versions'),
      'has-requires-config': has(rule, 'requiresConfig'),
      'has-attacker-controls': has(rule, 'attackerControls'),
      'has-access-conditions': accessKeys.some((key) => rule.when[key] !== undefined) ? 1 : 0,
      'has-impact-or-cwe': has(rule, 'impact') || has(rule, 'cwe'),
      'has-calls': has(rule, 'calls'),
      'rule-share': 1 / vocabulary.rules.length,
    };
    const words = [
      ...entry.mentionPhrases
        .filter((_, index) => mentionCoverages[index] === 1)
        .map(({ phrase }) => phrase),
      ...[...entry.statementTerms, ...entry.settings]
        .filter((term) => reportTerms.has(term))
        .sort(
          (first, second) =>
            vocabulary.weightOf(second) - vocabulary.weightOf(first) || (first < second ? -1 : 1),
        ),
      ...sharedConcepts,
    ];
    return {
      rule,
      side,
      values: ruleFeatureNames.map((name) => values[name]),
      words: unique(words),
    };
  });
}
