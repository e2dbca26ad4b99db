// The triage pipeline for one report: extract facts, check scope rules and reporting requirements,
// decide the verdict, assess severity in context, score priority and draft the reply.

import type { SeverityPrediction } from '../severity/predict-severity.js';
import { inferSeverityFacts } from '../severity/infer-severity-facts.js';
import { weighSeverity } from './weigh-severity.js';
import { findReportIdentifiers } from '../report/find-report-identifiers.js';
import type { DuplicateCandidate } from '../model/duplicate.js';
import type { EvidenceSummary } from '../model/evidence.js';
import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { SecurityProfile } from '../model/security-profile.js';
import type { WorkLimit } from '../model/work-limit.js';
import type { DependencyFacts, RequirementCheck, TriageResult } from '../model/triage-result.js';
import { checkRequirements } from '../quality/check-requirements.js';
import { scorePriority } from '../queue/score-priority.js';
import { draftReply } from '../reply/draft-reply.js';
import { describeReadingLimits } from '../report/describe-reading-limits.js';
import { deriveProjectNames } from '../report/derive-project-names.js';
import { deriveProfileSettingNames } from '../report/derive-profile-setting-names.js';
import { extractReportFacts } from '../report/extract-facts.js';
import { evaluateScope } from '../scope/evaluate-scope.js';
import { decideVerdict, type VerdictDecision } from './decide-verdict.js';
import { assessSeverity } from '../severity/assess-severity.js';
import { checkChannel } from './check-channel.js';
import { writeMaintainerNotes } from './write-maintainer-notes.js';
import { shippedRuleMatcher, type RuleMatcher } from '../scope/rule-matcher-model.js';
import { applyRuleMatcher } from './apply-rule-matcher.js';

export interface TriageContext {
  /** The repository's verdict on the report's code claims, when a repository was given. */
  evidence?: EvidenceSummary | null;
  /** Earlier reports and advisories that may be the same bug, best first. */
  duplicates?: DuplicateCandidate[];
  /** Bounds hit before triage (facts, claims), to be shown with the verdict. */
  limits?: WorkLimit[];
  /** The dependency guard's findings on what the report's diffs add. */
  dependencies?: DependencyFacts | null;
  /** The severity model's reading of the report's text, when the model is loaded. */
  prediction?: SeverityPrediction | null;
  /**
   * The learned rule matcher read where the rule engine decides nothing (apply-rule-matcher.ts);
   * the shipped one when absent, none when null (its trainer reads the engine alone).
   */
  ruleMatcher?: RuleMatcher | null;
}

/**
 * A report whose every code claim the repository contradicts cannot be triaged as written: what
 * it names as the affected code does not exist. Its cited "component" does not count.
 */
function applyEvidence(
  requirements: RequirementCheck[],
  evidence: EvidenceSummary | null,
): RequirementCheck[] {
  if (evidence?.grade !== 'contradicted' && evidence?.grade !== 'fabricated') return requirements;
  return requirements.map((check) =>
    check.name === 'affected-component'
      ? {
          ...check,
          isPresent: false,
          reason: `none of the code it cites exists at ${evidence.revision.resolved}`,
        }
      : check,
  );
}

/**
 * Below this calibrated probability the severity model's reading of attack vector, privileges or
 * user interaction is not offered to scope rules (docs/verdicts.md, "Inferred facts").
 */
export const minInferredFactConfidence = 0.8;

/**
 * The severity model's readings of the fact kinds the report says nothing about at all, for scope
 * rules; `prediction` was made from the report body (CVSS vectors blanked, offsets kept).
 */
function inferMissingFacts(
  report: Report,
  facts: readonly Fact[],
  prediction: SeverityPrediction | null,
): Fact[] {
  if (prediction === null) return [];
  const stated = new Set(facts.map((fact) => fact.kind));
  return inferSeverityFacts(prediction, report.body, minInferredFactConfidence).filter(
    (fact) => !stated.has(fact.kind),
  );
}

/** Triages a report from facts already extracted, with the evidence when there is any. */
export function triageFacts(
  report: Report,
  facts: Fact[],
  profile: SecurityProfile,
  context: TriageContext = {},
): TriageResult {
  const evidence = context.evidence ?? null;
  const duplicates = context.duplicates ?? [];
  const original = duplicates[0]?.isStrong === true ? duplicates[0] : null;
  const inferred = inferMissingFacts(report, facts, context.prediction ?? null);
  const scope = evaluateScope(profile, [...facts, ...inferred], report);
  const requirements = applyEvidence(
    checkRequirements(report, facts, profile.reportRequirements),
    evidence,
  );
  // Proof that the code the report calls vulnerable does not exist decides first; then the same
  // bug is answered once, wherever its first report stands: the reply points there.
  const engineDecision: VerdictDecision =
    evidence?.grade === 'fabricated'
      ? {
          verdict: 'invalid',
          rules: [],
          openQuestions: [],
          basis: `the code the report says is vulnerable does not exist at ${evidence.revision.resolved} (evidence grade fabricated)`,
        }
      : original
        ? {
            verdict: 'duplicate',
            rules: [],
            openQuestions: [],
            basis: 'a strong duplicate of an earlier report or advisory',
          }
        : decideVerdict(profile, scope, requirements, report.title);
  const engineMatches = [...scope.outOfScope, ...scope.inScope];
  // Calls in code are many and say little alone: listed only when a rule's `calls:` cites them.
  // A module name a rule's path condition read is cited as the file it was placed in.
  const citedFacts = new Set(
    engineMatches.flatMap((match) => match.evidence.flatMap((evidence) => evidence.facts)),
  );
  const listedFacts = facts.filter(
    (fact) => (fact.kind !== 'api-call' && fact.kind !== 'module') || citedFacts.has(fact),
  );
  const matcher = context.ruleMatcher === undefined ? shippedRuleMatcher : context.ruleMatcher;
  const isMatcherAsked =
    matcher !== null &&
    (engineDecision.verdict === 'undetermined' ||
      (engineDecision.verdict === 'needs-info' && matcher.needsInfoThreshold !== null));
  const learned =
    !isMatcherAsked || matcher === null
      ? { decision: engineDecision, match: null }
      : applyRuleMatcher(
          profile,
          engineDecision,
          matcher.read(profile, {
            report,
            facts: [...listedFacts, ...inferred],
            ruleMatches: engineMatches,
            versionSupport: scope.versionSupport.support,
          }),
          matcher,
        );
  const decision = learned.decision;
  // A bare file name that could be in several components places the code in none of them.
  const citedComponents = scope.components
    .filter(
      (match) =>
        match.facts.length > 0 || match.bareNames.some(({ candidates }) => candidates.length === 1),
    )
    .map((match) => match.component);
  const severity = weighSeverity(
    assessSeverity(facts, citedComponents, scope.outOfScope),
    facts,
    profile,
    context.prediction ?? null,
  );
  const ruleMatches = learned.match === null ? engineMatches : [...engineMatches, learned.match];
  const priority = scorePriority({
    verdict: decision.verdict,
    severity,
    requirements,
    facts,
    evidence,
  });
  const channel = checkChannel(report, profile);
  const reply = draftReply({
    report,
    profile,
    verdict: decision.verdict,
    rules: decision.rules,
    channel,
    ruleMatches,
    requirements,
    severity,
    openQuestions: decision.openQuestions,
    evidence,
    original,
  });
  const limits = [
    ...describeReadingLimits(report, { isMatched: context.duplicates !== undefined }),
    ...(context.limits ?? []),
  ];
  return {
    report,
    facts: [...listedFacts, ...inferred],
    verdict: decision.verdict,
    basis: decision.basis,
    rules: decision.rules,
    ruleMatches,
    missing: requirements
      .filter((check) => check.level === 'required' && !check.isPresent)
      .map((check) => check.name),
    requirements,
    components: citedComponents.map((component) => component.id),
    versionSupport: scope.versionSupport.support,
    severity,
    priority,
    reply,
    evidence,
    duplicateOf: original?.id ?? null,
    duplicates,
    limits,
    identifiers: findReportIdentifiers(report.title, report.body),
    notes: writeMaintainerNotes({
      basis: decision.basis,
      rules: decision.rules,
      ruleMatches,
      evidence,
      channel,
      limits,
    }),
    dependencies: context.dependencies ?? null,
  };
}

export function triageReport(report: Report, profile: SecurityProfile): TriageResult {
  const { facts, limits } = extractReportFacts(report, {
    projectNames: deriveProjectNames(profile.project),
    profileSettings: deriveProfileSettingNames(profile),
  });
  return triageFacts(report, facts, profile, { limits });
}
