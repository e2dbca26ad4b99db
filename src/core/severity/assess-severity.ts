// Severity in the project's context: the reporter's claim (CVSS vector or words) next to our own
// assessment, re-derived from what the report actually describes and from the threat model.
// Each change to the vector comes with a reason a maintainer can check against the quoted text.

import { findEffectiveValues } from '../scope/effective-facts.js';
import type { Fact } from '../model/fact.js';
import type { ThreatComponent } from '../model/security-profile.js';
import type {
  AssessedSeverity,
  ClaimedSeverity,
  RuleMatch,
  SeverityAssessment,
  SeverityComparison,
  SeverityRating,
} from '../model/triage-result.js';
import {
  parseCvssVector,
  scoreCvssVector,
  type CvssVector,
  type CvssVersion,
} from './score-cvss-vector.js';

const ratingOrder: readonly SeverityRating[] = ['none', 'low', 'medium', 'high', 'critical'];
const wordRatings = new Set<string>(ratingOrder);

function quoteOf(fact: Fact): string {
  return fact.quote.length > 80 ? `${fact.quote.slice(0, 77)}...` : fact.quote;
}

function cite(fact: Fact): string {
  return `line ${fact.span.line}: "${quoteOf(fact)}"`;
}

/** Vectors from structured fields first, then the first readable one in the prose. */
function findClaimedVector(facts: readonly Fact[]): { fact: Fact; vector: CvssVector } | null {
  const vectorFacts = facts.filter((fact) => fact.kind === 'cvss-vector');
  const ordered = [
    ...vectorFacts.filter((fact) => fact.origin === 'structure'),
    ...vectorFacts.filter((fact) => fact.origin !== 'structure'),
  ];
  for (const fact of ordered) {
    const vector = parseCvssVector(fact.value);
    if (vector && scoreCvssVector(vector)) return { fact, vector };
  }
  return null;
}

/** The reporter's claim: a scoring CVSS vector (structured fields first), else severity words. */
export function findClaimedSeverity(facts: readonly Fact[]): ClaimedSeverity | null {
  const claimedVector = findClaimedVector(facts);
  if (claimedVector) {
    const scored = scoreCvssVector(claimedVector.vector)!;
    return {
      source: 'cvss',
      rating: scored.rating,
      score: scored.score,
      vector: scored.vector,
      quote: quoteOf(claimedVector.fact),
    };
  }
  const words = facts.find(
    (fact) => fact.kind === 'claimed-severity' && wordRatings.has(fact.value),
  );
  if (!words) return null;
  return {
    source: 'words',
    rating: words.value as ClaimedSeverity['rating'],
    score: null,
    vector: null,
    quote: quoteOf(words),
  };
}

interface VectorChange {
  metric: string;
  value: string;
  reason: string;
}

const attackVectorLetters: Record<string, string> = {
  network: 'N',
  adjacent: 'A',
  local: 'L',
  physical: 'P',
};
const privilegeLetters: Record<string, string> = { none: 'N', low: 'L', high: 'H' };

function userInteractionLetter(value: string, version: CvssVersion): string {
  if (value === 'none') return 'N';
  if (version === '4.0') return value === 'passive' ? 'P' : 'A';
  return 'R';
}

/** Metric names for confidentiality, integrity and availability in each CVSS version. */
function impactMetrics(version: CvssVersion): { c: string; i: string; a: string } {
  return version === '4.0' ? { c: 'VC', i: 'VI', a: 'VA' } : { c: 'C', i: 'I', a: 'A' };
}

const trustedInputControls = new Set(['environment', 'config-file', 'command-line']);
const fullImpacts = new Set(['code-execution', 'memory-corruption', 'privilege-escalation']);

/** Which of C, I and A the described impacts reach, and how hard; null when they say nothing. */
function describeImpact(impacts: readonly string[]): { c: string; i: string; a: string } | null {
  if (impacts.length === 0) return null;
  if (impacts.some((impact) => fullImpacts.has(impact))) return { c: 'H', i: 'H', a: 'H' };
  const c =
    impacts.includes('information-disclosure') || impacts.includes('auth-bypass') ? 'H' : 'N';
  const i = impacts.includes('auth-bypass')
    ? 'H'
    : impacts.includes('hardening-bypass')
      ? 'L'
      : 'N';
  const a = impacts.includes('denial-of-service')
    ? 'H'
    : impacts.includes('bounded-resource-consumption')
      ? 'L'
      : 'N';
  return { c, i, a };
}

const impactRank: Record<string, number> = { N: 0, L: 1, H: 2 };

interface VectorPlan {
  changes: VectorChange[];
  /** Observations that change no metric but a maintainer should see. */
  notes: string[];
}

function planChanges(
  vector: CvssVector,
  facts: readonly Fact[],
  components: readonly ThreatComponent[],
): VectorPlan {
  const changes: VectorChange[] = [];
  const notes: string[] = [];
  const propose = (metric: string, value: string, reason: string): void => {
    const current = vector.metrics.get(metric);
    if (current !== undefined && current !== value) {
      changes.push({
        metric,
        value,
        reason: `${metric}:${current} -> ${metric}:${value}: ${reason}`,
      });
    }
  };
  const described = (kind: Fact['kind']) => {
    const effective = findEffectiveValues(facts, kind);
    return effective.isFromVectorOnly ? null : effective;
  };

  const attackVector = described('attack-vector');
  if (attackVector?.values[0] && attackVector.facts[0]) {
    propose(
      'AV',
      attackVectorLetters[attackVector.values[0]]!,
      `the report describes it (${cite(attackVector.facts[0])})`,
    );
  }
  const controls = described('attacker-controls');
  const trustedControl = controls?.facts.find((fact) => trustedInputControls.has(fact.value));
  const hasNetworkControl = controls?.values.includes('network-request') ?? false;
  if (trustedControl && !hasNetworkControl) {
    propose(
      'AV',
      'L',
      `the attacker must control the ${trustedControl.value}, which takes a local foothold (${cite(trustedControl)})`,
    );
  }

  const privileges = described('privileges-required');
  const trustedComponents = components.filter((component) => component.input === 'trusted');
  if (privileges?.values[0] && privileges.facts[0]) {
    propose(
      'PR',
      privilegeLetters[privileges.values[0]]!,
      `the report says so (${cite(privileges.facts[0])})`,
    );
  } else if (trustedControl && !hasNetworkControl) {
    propose('PR', 'H', `only the operator controls the ${trustedControl.value}`);
  } else if (trustedComponents.length > 0 && trustedComponents.length === components.length) {
    const names = trustedComponents.map((component) => component.id).join(', ');
    propose('PR', 'H', `the threat model says ${names} takes trusted input only`);
  }

  const interaction = described('user-interaction');
  if (interaction?.values[0] && interaction.facts[0]) {
    propose(
      'UI',
      userInteractionLetter(interaction.values[0], vector.version),
      `the report says so (${cite(interaction.facts[0])})`,
    );
  }

  const config = findEffectiveValues(facts, 'requires-config');
  if (config.facts[0]) {
    const reason = `it needs a non-default configuration: ${config.values.join(', ')} (${cite(config.facts[0])})`;
    if (vector.version === '4.0') propose('AT', 'P', reason);
    else propose('AC', 'H', reason);
  }

  const impactFacts = findEffectiveValues(facts, 'impact');
  const impact = describeImpact(impactFacts.values);
  const stated = impactFacts.facts.filter((fact) => fact.isSpeculative !== true);
  const shown = stated.find((fact) => fullImpacts.has(fact.value)) ?? stated[0];
  if (impactFacts.facts.length > 0 && !shown) {
    const first = impactFacts.facts[0]!;
    notes.push(
      `the report only speculates about its impact (${cite(first)}); weigh the claim accordingly`,
    );
  }
  if (impact) {
    const metrics = impactMetrics(vector.version);
    for (const key of ['c', 'i', 'a'] as const) {
      const metric = metrics[key];
      const current = vector.metrics.get(metric) ?? 'N';
      const difference = (impactRank[impact[key]] ?? 0) - (impactRank[current] ?? 0);
      if (difference < 0) {
        const what = impactFacts.values.join(', ');
        propose(metric, impact[key], `the report shows ${what}, which does not reach it`);
      } else if (difference > 0 && shown && !impactFacts.isFromVectorOnly) {
        // Raise only on what the report shows, never on what it speculates.
        propose(metric, impact[key], `the report shows ${shown.value} (${cite(shown)})`);
      }
    }
  }
  return { changes, notes };
}

/** A CVSS 3.1 vector built from the facts alone, when the reporter gave none. */
function buildVectorFromFacts(facts: readonly Fact[]): CvssVector | null {
  const impact = describeImpact(findEffectiveValues(facts, 'impact').values);
  if (!impact) return null;
  const metrics = new Map<string, string>([
    ['AV', 'N'],
    ['AC', 'L'],
    ['PR', 'N'],
    ['UI', 'N'],
    ['S', 'U'],
    ['C', impact.c],
    ['I', impact.i],
    ['A', impact.a],
  ]);
  return { version: '3.1', metrics };
}

function capRating(rating: SeverityRating, cap: SeverityRating): SeverityRating {
  return ratingOrder.indexOf(rating) > ratingOrder.indexOf(cap) ? cap : rating;
}

function applyScopeRules(
  assessed: AssessedSeverity,
  outOfScope: readonly RuleMatch[],
): AssessedSeverity {
  const notVulnerability = outOfScope.find((match) => match.disposition === 'not-a-vulnerability');
  if (notVulnerability) {
    return {
      ...assessed,
      rating: 'none',
      reasons: [
        ...assessed.reasons,
        `not a vulnerability under ${notVulnerability.ruleId}: ${notVulnerability.statement}`,
      ],
    };
  }
  const downgraded = outOfScope.find((match) => match.disposition !== null);
  if (downgraded && assessed.rating !== 'unknown') {
    const capped = capRating(assessed.rating, 'low');
    if (capped === assessed.rating) return assessed;
    return {
      ...assessed,
      rating: capped,
      reasons: [
        ...assessed.reasons,
        `at most low: ${downgraded.ruleId} treats it as a ${downgraded.disposition}`,
      ],
    };
  }
  return assessed;
}

function assessFromVector(
  base: CvssVector,
  facts: readonly Fact[],
  components: readonly ThreatComponent[],
  origin: string,
): AssessedSeverity {
  const { changes, notes } = planChanges(base, facts, components);
  const adjusted: CvssVector = { version: base.version, metrics: new Map(base.metrics) };
  for (const change of changes) adjusted.metrics.set(change.metric, change.value);
  const scored = scoreCvssVector(adjusted);
  if (!scored)
    return {
      rating: 'unknown',
      score: null,
      vector: null,
      reasons: ['the vector could not be scored'],
    };
  const reasons = [origin, ...changes.map((change) => change.reason), ...notes];
  if (changes.length === 0)
    reasons.push('nothing in the report or the threat model changes the vector');
  return { rating: scored.rating, score: scored.score, vector: scored.vector, reasons };
}

function compare(claimed: ClaimedSeverity | null, assessed: AssessedSeverity): SeverityComparison {
  if (!claimed || assessed.rating === 'unknown') return 'not-comparable';
  const difference = ratingOrder.indexOf(claimed.rating) - ratingOrder.indexOf(assessed.rating);
  if (difference > 0) return 'overstated';
  if (difference < 0) return 'understated';
  return 'consistent';
}

// A crash or sanitizer trace shows the problem even without steps to reproduce it.
const tracePattern =
  /AddressSanitizer|UndefinedBehaviorSanitizer|MemorySanitizer|ThreadSanitizer|Segmentation fault|SIGSEGV|panicked at|Traceback \(most recent call last\)|Exception in thread|OutOfMemoryError/;

/**
 * Whether the report shows the problem: steps or a proof of concept, a crash or sanitizer trace,
 * or a patch. A report that only asserts ("critical RCE") cannot be rated yet: a score would
 * only repeat the claim.
 */
function showsTheProblem(facts: readonly Fact[]): boolean {
  return facts.some(
    (fact) =>
      fact.kind === 'reproduction-steps' ||
      fact.kind === 'diff' ||
      (fact.kind === 'code-block' && tracePattern.test(fact.quote)),
  );
}

export interface SeverityOptions {
  /** False when the report shows no reproduction, trace or patch (see showsTheProblem); by default read from the facts. */
  isShown?: boolean;
}

export function assessSeverity(
  facts: readonly Fact[],
  components: readonly ThreatComponent[],
  outOfScope: readonly RuleMatch[],
  options: SeverityOptions = {},
): SeverityAssessment {
  const claimed = findClaimedSeverity(facts);
  const claimedVector = findClaimedVector(facts);
  let assessed: AssessedSeverity;
  const isShown = options.isShown ?? showsTheProblem(facts);
  if (!isShown && outOfScope.length === 0) {
    assessed = {
      rating: 'unknown',
      score: null,
      vector: null,
      unratedBecause: 'nothing-shown',
      reasons: [
        'the report shows no reproduction, proof of concept, crash trace or patch: the severity cannot be assessed until it does',
        ...(claimed ? [`the reporter's own rating (${claimed.rating}) is not taken on trust`] : []),
      ],
    };
  } else if (claimedVector) {
    assessed = assessFromVector(
      claimedVector.vector,
      facts,
      components,
      `starting from the reporter's vector ${claimedVector.fact.value}`,
    );
  } else {
    const built = buildVectorFromFacts(facts);
    assessed = built
      ? assessFromVector(
          built,
          facts,
          components,
          'no usable CVSS vector in the report: built one from the described impact and preconditions',
        )
      : {
          rating: 'unknown',
          score: null,
          vector: null,
          unratedBecause: 'no-facts',
          reasons: ['not enough facts: no CVSS vector and no described impact'],
        };
  }
  assessed = applyScopeRules(assessed, outOfScope);
  return { claimed, assessed, comparison: compare(claimed, assessed) };
}
