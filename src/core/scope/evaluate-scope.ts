// Checks a report's facts against the threat model's in- and out-of-scope rules. Rules are data:
// each `when` key is looked up in a fixed table of checks; nothing in a profile is run as code.

import type { Fact, FactActor, FactKind } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { RuleCondition, ScopeRule, SecurityProfile } from '../model/security-profile.js';
import type { ConditionEvidence, RuleMatch } from '../model/triage-result.js';
import { matchesCallPattern, parseCallSignature } from '../text/call-signature.js';
import { classifyVersionSupport, type VersionSupport } from './classify-version-support.js';
import { findEffectiveValues } from './effective-facts.js';
import {
  createMentionFinder,
  isAboutApplicationCode,
  isAboutAbsence,
  isAboutUnsetSetting,
  type MentionFinder,
} from './find-mentions.js';
import {
  createCheckoutPathResolver,
  createPathMatcher,
  resolveBareNamesInCitedFolder,
  listCitedPaths,
  listCitedTraceCallers,
  matchComponents,
  toCitedPath,
  type ComponentMatch,
} from './match-components.js';
import { listTraceCallers } from './list-trace-callers.js';
import { isAboutAnotherProject } from './read-other-project-mention.js';
import { placeModuleNames } from './place-module-names.js';
import { deriveProjectNames } from '../report/derive-project-names.js';
import { foldSettingName } from '../report/derive-profile-setting-names.js';

/** How much a holding condition rests on: a precondition stated as such, or a mention. */
type EvidenceStrength = 'strong' | 'weak';

/** What one condition key says: it holds (with evidence), fails, or the report does not tell. */
type ConditionOutcome =
  | { status: 'holds'; strength: EvidenceStrength; evidence: ConditionEvidence }
  | { status: 'fails'; detail: string }
  | { status: 'unknown'; detail: string };

interface RuleContext {
  facts: readonly Fact[];
  components: ComponentMatch[];
  /** A cited path's repository path (an absolute build-folder path resolved by the profile's globs). */
  resolvePath: (path: string) => string;
  /** The report's text, when known: where trace frames are read. */
  body: string | undefined;
  versionSupport: VersionSupport;
  mentions: MentionFinder;
  /** Whether any glob of the profile (a component's or a `paths-only` one) holds a path. */
  isProfilePath: (path: string) => boolean;
}

/** `requires-config` values that name the caller's own code, not a setting (`non-default`). */
const codeNotSettings: ReadonlySet<string> = new Set(['caller-callback']);

/**
 * Whose facts count for a key. The reporter's own steps never establish what the attacker
 * controls or needs (`xmlwf -p`, `run with -c some.conf`, "I logged in as admin to test"), and a
 * user's own choice ("when the user passes --insecure") is a configuration, not attacker control.
 */
const excludedActors: Partial<Record<FactKind, readonly FactActor[]>> = {
  'attacker-controls': ['reporter', 'user'],
  'privileges-required': ['reporter'],
  'user-interaction': ['reporter'],
};

/** Open vocabularies are compared without case: `DATA_UPLOAD_MAX_MEMORY_SIZE` and a setting named in prose. */
const caseInsensitiveKinds: ReadonlySet<FactKind> = new Set([
  'attacker-controls',
  'requires-config',
]);

/**
 * Strong when a fact states the condition in the report's own words about the attack. What the
 * severity model inferred is never strong: it can make a rule hold weakly, no more.
 */
function isStrongFact(fact: Fact, isFromVectorOnly: boolean): boolean {
  if (isFromVectorOnly || fact.isSpeculative === true || fact.origin === 'inferred') return false;
  if (fact.kind === 'attacker-controls') return fact.actor === 'attacker';
  if (fact.kind === 'requires-config' || fact.kind === 'api-call') return fact.actor !== 'reporter';
  if (fact.kind === 'privileges-required') return fact.actor !== 'user';
  return true;
}

function describeConfidence(facts: readonly Fact[]): string {
  const confidence = Math.max(0, ...facts.map((fact) => fact.confidence ?? 0));
  return `confidence ${confidence.toFixed(2)}`;
}

function checkValues(
  key: string,
  expected: readonly string[],
  facts: readonly Fact[],
  kind: FactKind,
): ConditionOutcome {
  const excluded = excludedActors[kind] ?? [];
  const counted = facts.filter(
    (fact) => fact.kind !== kind || fact.actor === undefined || !excluded.includes(fact.actor),
  );
  const effective = findEffectiveValues(counted, kind);
  if (effective.values.length === 0) {
    return { status: 'unknown', detail: `the report does not say (${key})` };
  }
  // A profile may name a switch with its dashes (`requires-config: [--env]`); the fact is `env`.
  const fold = caseInsensitiveKinds.has(kind)
    ? kind === 'requires-config'
      ? foldSettingName
      : (value: string) => value.toLowerCase()
    : (value: string) => value;
  const wanted = new Set(expected.map(fold));
  // Every setting an attack needs is one the project does not ship on: a profile's `non-default`
  // holds on any of them ("built with -DFOO", "requires the caller to pass option X"). The
  // caller's own code (`caller-callback`: "the unsafe custom filter we registered") is not a
  // setting: only a rule that names it holds on it.
  const isAnySetting = kind === 'requires-config' && wanted.has('non-default');
  // A setting read with the one value a rule names (`onprotopoisoning=ignore`) is that setting.
  const isWanted = (value: string): boolean =>
    wanted.has(fold(value)) || wanted.has(fold(value).replace(/=.*$/s, ''));
  const matching = effective.values.filter(
    (value) => (isAnySetting && !codeNotSettings.has(value)) || isWanted(value),
  );
  if (matching.length === 0) {
    // An inferred value never rules a rule out: the report still does not say.
    return effective.isInferredOnly
      ? {
          status: 'unknown',
          detail: `the report does not say (${key}); the severity model reads ${effective.values.join(', ')}`,
        }
      : { status: 'fails', detail: `${key} is ${effective.values.join(', ')}` };
  }
  const matchingFacts = effective.facts.filter((fact) => matching.includes(fact.value));
  const strength: EvidenceStrength = matchingFacts.some((fact) =>
    isStrongFact(fact, effective.isFromVectorOnly),
  )
    ? 'strong'
    : 'weak';
  const source = effective.isFromVectorOnly
    ? ' (from the CVSS vector)'
    : effective.isInferredOnly
      ? ` (inferred by the severity model, ${describeConfidence(matchingFacts)})`
      : '';
  return {
    status: 'holds',
    strength,
    evidence: {
      key,
      detail: `${key}: ${matching.join(', ')}${source}`,
      strength,
      facts: matchingFacts,
    },
  };
}

/**
 * `calls:` holds when the caller's code makes a call one of the patterns names. Calls that match
 * no pattern leave it undecided, never failed: code shows some calls, not all the caller makes.
 */
function checkCalls(patterns: readonly string[], facts: readonly Fact[]): ConditionOutcome {
  const wanted = patterns.flatMap((pattern) => parseCallSignature(pattern) ?? []);
  const calls = facts.filter((fact) => fact.kind === 'api-call');
  const matchingFacts = calls.filter((fact) => {
    const call = parseCallSignature(fact.value);
    return call !== null && wanted.some((pattern) => matchesCallPattern(call, pattern));
  });
  if (matchingFacts.length === 0) {
    return {
      status: 'unknown',
      detail:
        calls.length === 0
          ? 'the report shows no call in code (calls)'
          : 'the calls the report shows are none of these (calls)',
    };
  }
  const strength: EvidenceStrength = matchingFacts.some((fact) => isStrongFact(fact, false))
    ? 'strong'
    : 'weak';
  const said = [...new Set(matchingFacts.map((fact) => fact.value))];
  return {
    status: 'holds',
    strength,
    evidence: { key: 'calls', detail: `calls: ${said.join(', ')}`, strength, facts: matchingFacts },
  };
}

function checkMentions(
  phrases: readonly string[],
  context: RuleContext,
  statement: string,
): ConditionOutcome {
  const found = context.mentions.find(phrases, {
    isUnsetCounted: isAboutUnsetSetting(statement),
    isAbsenceCounted: isAboutAbsence(statement),
    isAboutAnotherProject: isAboutAnotherProject(statement),
  });
  // A rule about the application's own code holds on the caller's code shown at fault (a
  // traceback failing in the application's file, "the bug is in our callback"), said or not.
  if (found?.strength !== 'strong' && isAboutApplicationCode(statement)) {
    const callerCode = context.facts.filter(
      (fact) =>
        fact.kind === 'requires-config' &&
        fact.value === 'caller-callback' &&
        fact.actor !== 'reporter',
    );
    if (callerCode.length > 0)
      return {
        status: 'holds',
        strength: 'strong',
        evidence: {
          key: 'mentions',
          detail: "the application's own code is at fault (caller-callback)",
          strength: 'strong',
          facts: callerCode,
        },
      };
  }
  if (found === null) return { status: 'unknown', detail: 'the report does not mention it' };
  const said = [...new Set(found.facts.map((fact) => fact.value))];
  const where = found.strength === 'weak' ? ' (only in its reproduction steps or code)' : '';
  return {
    status: 'holds',
    strength: found.strength,
    evidence: {
      key: 'mentions',
      detail: `mentions ${said.map((phrase) => `"${phrase}"`).join(', ')}${where}`,
      strength: found.strength,
      facts: found.facts,
    },
  };
}

// A component match a rule may hold on: a cited path in it, or a bare file name that is in one
// of the rule's components wherever it is (every component it could belong to is listed).
function factsHeldBy(match: ComponentMatch, expected: readonly string[]): Fact[] {
  const bare = match.bareNames
    .filter(({ candidates }) => candidates.every((id) => expected.includes(id)))
    .map(({ fact }) => fact);
  return [...match.facts, ...bare];
}

function checkComponents(expected: readonly string[], context: RuleContext): ConditionOutcome {
  if (context.components.length === 0) {
    return { status: 'unknown', detail: 'the report cites no code in a known component' };
  }
  const matching = context.components
    .filter((match) => expected.includes(match.component.id))
    .map((match) => ({ match, facts: factsHeldBy(match, expected) }))
    .filter(({ facts }) => facts.length > 0);
  if (matching.length === 0) {
    const located = context.components.filter((match) => match.facts.length > 0);
    if (located.length === 0) {
      return {
        status: 'unknown',
        detail: 'the report names only bare file names that could be in other components',
      };
    }
    const named = located.map((match) => match.component.id).join(', ');
    return { status: 'fails', detail: `the cited code is in ${named}` };
  }
  return {
    status: 'holds',
    strength: 'strong',
    evidence: {
      key: 'components',
      strength: 'strong',
      detail: `components: ${matching.map(({ match }) => match.component.id).join(', ')}`,
      facts: matching.flatMap(({ facts }) => facts),
    },
  };
}

function checkPathsOnly(
  globs: readonly string[],
  facts: readonly Fact[],
  context: RuleContext,
): ConditionOutcome {
  const { resolvePath, body, isProfilePath } = context;
  // The frames of a trace below the fault's say how the bug was reached, not where it is
  // (list-trace-callers.ts): "only this code is affected" is about the code at fault.
  const allCited = listCitedPaths(facts, body);
  const callers = new Set(listTraceCallers(allCited, toCitedPath, body));
  const cited = allCited.filter((fact) => !callers.has(fact));
  if (cited.length === 0) return { status: 'unknown', detail: 'the report cites no paths' };
  const isMatch = createPathMatcher(globs);
  // A path no glob of the profile holds (`infra/helper.py` of another checkout the script runs,
  // a lockfile) is no code the profile speaks of, so it does not count against the rule once a
  // cited path matches.
  const isHeld = (fact: Fact) => isMatch(resolvePath(toCitedPath(fact)));
  const isForeign = (fact: Fact) => !isProfilePath(resolvePath(toCitedPath(fact)));
  const outside = cited.some(isHeld)
    ? cited.filter((fact) => !isHeld(fact) && !isForeign(fact))
    : cited.filter((fact) => !isHeld(fact));
  if (outside.length > 0) {
    return {
      status: 'fails',
      detail: `${toCitedPath(outside[0]!)} is outside ${globs.join(', ')}`,
    };
  }
  const paths = [...new Set(cited.map(toCitedPath))];
  return {
    status: 'holds',
    strength: 'strong',
    evidence: {
      key: 'paths-only',
      strength: 'strong',
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
    strength: 'strong',
    evidence: {
      key: 'versions',
      strength: 'strong',
      detail: `versions ${named} are ${expected}`,
      facts: support.facts,
    },
  };
}

function checkCondition(
  key: keyof RuleCondition,
  condition: RuleCondition,
  context: RuleContext,
  statement: string,
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
      return checkPathsOnly(condition.pathsOnly ?? [], facts, context);
    case 'versions':
      return condition.versions
        ? checkVersions(condition.versions, context.versionSupport)
        : { status: 'unknown', detail: 'no version condition' };
    case 'mentions':
      return checkMentions(condition.mentions ?? [], context, statement);
    case 'calls':
      return checkCalls(condition.calls ?? [], facts);
  }
}

interface RuleOutcome {
  rule: ScopeRule;
  status: 'holds' | 'fails' | 'unknown';
  /** For a rule that holds: as strong as its weakest condition. */
  strength: EvidenceStrength;
  evidence: ConditionEvidence[];
  /** For rules that did not hold: why (a failing key first, else the unknown ones). */
  details: string[];
}

/** A rule holds when every listed key holds; it fails when any fails; otherwise it is unknown. */
function evaluateRule(rule: ScopeRule, context: RuleContext): RuleOutcome {
  const keys = (Object.keys(rule.when) as (keyof RuleCondition)[]).filter(
    (key) => rule.when[key] !== undefined,
  );
  const outcomes = keys.map((key) => checkCondition(key, rule.when, context, rule.statement));
  const failing = outcomes.filter((outcome) => outcome.status === 'fails');
  const unknown = outcomes.filter((outcome) => outcome.status === 'unknown');
  const holding = outcomes.flatMap((outcome) => (outcome.status === 'holds' ? [outcome] : []));
  const evidence = holding.map((outcome) => outcome.evidence);
  const strength: EvidenceStrength = holding.every((outcome) => outcome.strength === 'strong')
    ? 'strong'
    : 'weak';
  if (failing.length > 0) {
    const details = failing.map((outcome) => outcome.detail);
    return { rule, status: 'fails', strength, evidence, details };
  }
  if (unknown.length > 0 || keys.length === 0) {
    const details = unknown.map((outcome) => outcome.detail);
    return { rule, status: 'unknown', strength, evidence, details };
  }
  return { rule, status: 'holds', strength, evidence, details: [] };
}

export interface ScopeEvaluation {
  outOfScope: RuleMatch[];
  inScope: RuleMatch[];
  /** In-scope rules that neither held nor failed, because the report does not say enough. */
  undecidedInScope: RuleOutcome[];
  components: ComponentMatch[];
  versionSupport: VersionSupport;
  /**
   * Cited frames of a sanitizer trace below the frame where the fault is (callers that reached
   * the bug): a rule held on them alone says how the bug was reached, not where it is.
   */
  traceCallers: Fact[];
  /** The repository path of a cited path, as the rules above were judged on. */
  resolvePath: (path: string) => string;
}

/** See RuleMatch.specificity. */
const specificityOfKey: Readonly<Record<string, number>> = {
  'attacker-controls': 3,
  'privileges-required': 3,
  'user-interaction': 3,
  'requires-config': 3,
  versions: 3,
  'paths-only': 0,
  mentions: 3,
  calls: 3,
  impact: 2,
  cwe: 2,
  'attack-vector': 1,
  components: 0,
};

function toRuleMatch(outcome: RuleOutcome, kind: RuleMatch['kind']): RuleMatch {
  return {
    ruleId: outcome.rule.id,
    kind,
    statement: outcome.rule.statement,
    disposition:
      kind === 'out-of-scope' ? (outcome.rule.disposition ?? 'not-a-vulnerability') : null,
    strength: outcome.strength,
    specificity: Math.max(
      0,
      ...outcome.evidence.map((evidence) => specificityOfKey[evidence.key] ?? 0),
    ),
    evidence: outcome.evidence,
  };
}

/** `report` is needed for `mentions` conditions only; without it they are undecided. */
export function evaluateScope(
  profile: SecurityProfile,
  reportFacts: readonly Fact[],
  report?: Report,
): ScopeEvaluation {
  const supported = profile.policy.supportedVersions;
  const { components, inScope, outOfScope: exclusions } = profile.threatModel;
  const globs = [
    ...components.flatMap((component) => component.paths),
    ...[...inScope, ...exclusions].flatMap((rule) => rule.when.pathsOnly ?? []),
  ];
  const projectNames = deriveProjectNames(profile.project);
  const facts = placeModuleNames(reportFacts, globs, projectNames);
  const resolvePath = resolveBareNamesInCitedFolder(
    createCheckoutPathResolver(globs, projectNames),
    facts,
    components,
  );
  const context: RuleContext = {
    facts,
    components: matchComponents(facts, components, resolvePath, report?.body),
    resolvePath,
    body: report?.body,
    // A `latest...` keyword the repository's tags have not resolved decides nothing.
    versionSupport:
      typeof supported === 'string'
        ? { support: 'unknown', facts: [] }
        : classifyVersionSupport(facts, supported),
    mentions: report ? createMentionFinder(report, projectNames) : { find: () => null },
    isProfilePath: createPathMatcher(globs),
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
    traceCallers: listCitedTraceCallers(facts, report?.body),
    resolvePath,
  };
}
