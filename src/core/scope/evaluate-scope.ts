// Checks a report's facts against the threat model's in- and out-of-scope rules. Rules are data:
// each `when` key is looked up in a fixed table of checks; nothing in a profile is run as code.

import type { Fact } from '../model/fact.js';
import type { RuleCondition, ScopeRule, SecurityProfile } from '../model/security-profile.js';
import type { ConditionEvidence, RuleMatch } from '../model/triage-result.js';
import { classifyVersionSupport, type VersionSupport } from './classify-version-support.js';
import { findEffectiveValues } from './effective-facts.js';
import {
  createPathMatcher,
  listCitedPaths,
  matchComponents,
  toCitedPath,
  type ComponentMatch,
} from './match-components.js';

/** What one condition key says: it holds (with evidence), fails, or the report does not tell. */
type ConditionOutcome =
  | { status: 'holds'; evidence: ConditionEvidence }
  | { status: 'fails'; detail: string }
  | { status: 'unknown'; detail: string };

interface RuleContext {
  facts: readonly Fact[];
  components: ComponentMatch[];
  versionSupport: VersionSupport;
}

function checkValues(
  key: string,
  expected: readonly string[],
  facts: readonly Fact[],
  kind: Fact['kind'],
): ConditionOutcome {
  const effective = findEffectiveValues(facts, kind);
  if (effective.values.length === 0) {
    return { status: 'unknown', detail: `the report does not say (${key})` };
  }
  const matching = effective.values.filter((value) => expected.includes(value));
  if (matching.length === 0) {
    return { status: 'fails', detail: `${key} is ${effective.values.join(', ')}` };
  }
  const source = effective.isFromVectorOnly ? ' (from the CVSS vector)' : '';
  return {
    status: 'holds',
    evidence: {
      key,
      detail: `${key}: ${matching.join(', ')}${source}`,
      facts: effective.facts.filter((fact) => matching.includes(fact.value)),
    },
  };
}

function checkComponents(expected: readonly string[], context: RuleContext): ConditionOutcome {
  if (context.components.length === 0) {
    return { status: 'unknown', detail: 'the report cites no code in a known component' };
  }
  const matching = context.components.filter((match) => expected.includes(match.component.id));
  if (matching.length === 0) {
    const named = context.components.map((match) => match.component.id).join(', ');
    return { status: 'fails', detail: `the cited code is in ${named}` };
  }
  return {
    status: 'holds',
    evidence: {
      key: 'components',
      detail: `components: ${matching.map((match) => match.component.id).join(', ')}`,
      facts: matching.flatMap((match) => match.facts),
    },
  };
}

function checkPathsOnly(globs: readonly string[], facts: readonly Fact[]): ConditionOutcome {
  const cited = listCitedPaths(facts);
  if (cited.length === 0) return { status: 'unknown', detail: 'the report cites no paths' };
  const isMatch = createPathMatcher(globs);
  const outside = cited.filter((fact) => !isMatch(toCitedPath(fact)));
  if (outside.length > 0) {
    return {
      status: 'fails',
      detail: `${toCitedPath(outside[0]!)} is outside ${globs.join(', ')}`,
    };
  }
  const paths = [...new Set(cited.map(toCitedPath))];
  return {
    status: 'holds',
    evidence: {
      key: 'paths-only',
      detail: `every cited path (${paths.join(', ')}) matches`,
      facts: cited,
    },
  };
}

function checkVersions(
  expected: 'supported' | 'unsupported',
  support: VersionSupport,
): ConditionOutcome {
  if (support.support === 'unknown') {
    return { status: 'unknown', detail: 'the report names no version we can place' };
  }
  if (support.support !== expected)
    return { status: 'fails', detail: `versions are ${support.support}` };
  const named = support.facts.map((fact) => fact.value).join(', ');
  return {
    status: 'holds',
    evidence: {
      key: 'versions',
      detail: `versions ${named} are ${expected}`,
      facts: support.facts,
    },
  };
}

function checkCondition(
  key: keyof RuleCondition,
  condition: RuleCondition,
  context: RuleContext,
): ConditionOutcome {
  const { facts } = context;
  switch (key) {
    case 'attackVector':
      return checkValues('attack-vector', condition.attackVector ?? [], facts, 'attack-vector');
    case 'privilegesRequired':
      return checkValues(
        'privileges-required',
        condition.privilegesRequired ?? [],
        facts,
        'privileges-required',
      );
    case 'userInteraction':
      return checkValues(
        'user-interaction',
        condition.userInteraction ?? [],
        facts,
        'user-interaction',
      );
    case 'attackerControls':
      return checkValues(
        'attacker-controls',
        condition.attackerControls ?? [],
        facts,
        'attacker-controls',
      );
    case 'requiresConfig':
      return checkValues(
        'requires-config',
        condition.requiresConfig ?? [],
        facts,
        'requires-config',
      );
    case 'impact':
      return checkValues('impact', condition.impact ?? [], facts, 'impact');
    case 'cwe':
      return checkValues('cwe', condition.cwe ?? [], facts, 'cwe');
    case 'components':
      return checkComponents(condition.components ?? [], context);
    case 'pathsOnly':
      return checkPathsOnly(condition.pathsOnly ?? [], facts);
    case 'versions':
      return condition.versions
        ? checkVersions(condition.versions, context.versionSupport)
        : { status: 'unknown', detail: 'no version condition' };
  }
}

interface RuleOutcome {
  rule: ScopeRule;
  status: 'holds' | 'fails' | 'unknown';
  evidence: ConditionEvidence[];
  /** For rules that did not hold: why (a failing key first, else the unknown ones). */
  details: string[];
}

/** A rule holds when every listed key holds; it fails when any fails; otherwise it is unknown. */
function evaluateRule(rule: ScopeRule, context: RuleContext): RuleOutcome {
  const keys = (Object.keys(rule.when) as (keyof RuleCondition)[]).filter(
    (key) => rule.when[key] !== undefined,
  );
  const outcomes = keys.map((key) => checkCondition(key, rule.when, context));
  const failing = outcomes.filter((outcome) => outcome.status === 'fails');
  const unknown = outcomes.filter((outcome) => outcome.status === 'unknown');
  const evidence = outcomes.flatMap((outcome) =>
    outcome.status === 'holds' ? [outcome.evidence] : [],
  );
  if (failing.length > 0) {
    return { rule, status: 'fails', evidence, details: failing.map((outcome) => outcome.detail) };
  }
  if (unknown.length > 0 || keys.length === 0) {
    return { rule, status: 'unknown', evidence, details: unknown.map((outcome) => outcome.detail) };
  }
  return { rule, status: 'holds', evidence, details: [] };
}

export interface ScopeEvaluation {
  outOfScope: RuleMatch[];
  inScope: RuleMatch[];
  /** In-scope rules that neither held nor failed, because the report does not say enough. */
  undecidedInScope: RuleOutcome[];
  components: ComponentMatch[];
  versionSupport: VersionSupport;
}

function toRuleMatch(outcome: RuleOutcome, kind: RuleMatch['kind']): RuleMatch {
  return {
    ruleId: outcome.rule.id,
    kind,
    statement: outcome.rule.statement,
    disposition:
      kind === 'out-of-scope' ? (outcome.rule.disposition ?? 'not-a-vulnerability') : null,
    evidence: outcome.evidence,
  };
}

export function evaluateScope(profile: SecurityProfile, facts: readonly Fact[]): ScopeEvaluation {
  const context: RuleContext = {
    facts,
    components: matchComponents(facts, profile.threatModel.components),
    versionSupport: classifyVersionSupport(facts, profile.policy.supportedVersions),
  };
  const outOfScope = profile.threatModel.outOfScope
    .map((rule) => evaluateRule(rule, context))
    .filter((outcome) => outcome.status === 'holds')
    .map((outcome) => toRuleMatch(outcome, 'out-of-scope'));
  const inScopeOutcomes = profile.threatModel.inScope.map((rule) => evaluateRule(rule, context));
  return {
    outOfScope,
    inScope: inScopeOutcomes
      .filter((outcome) => outcome.status === 'holds')
      .map((outcome) => toRuleMatch(outcome, 'in-scope')),
    undecidedInScope: inScopeOutcomes.filter((outcome) => outcome.status === 'unknown'),
    components: context.components,
    versionSupport: context.versionSupport,
  };
}
