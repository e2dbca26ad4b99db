// The triage pipeline for one report: extract facts, check scope rules and reporting requirements,
// decide the verdict, assess severity in context, score priority and draft the reply.

import type { DuplicateCandidate } from '../model/duplicate.js';
import type { EvidenceSummary } from '../model/evidence.js';
import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { SecurityProfile } from '../model/security-profile.js';
import type { WorkLimit } from '../model/work-limit.js';
import type {
  DependencyFacts,
  RequirementCheck,
  TriageResult,
  Verdict,
} from '../model/triage-result.js';
import { checkRequirements } from '../quality/check-requirements.js';
import { scorePriority } from '../queue/score-priority.js';
import { draftReply } from '../reply/draft-reply.js';
import { describeReadingLimits } from '../report/describe-reading-limits.js';
import { extractReportFacts } from '../report/extract-facts.js';
import { evaluateScope, type ScopeEvaluation } from '../scope/evaluate-scope.js';
import { assessSeverity } from '../severity/assess-severity.js';

interface VerdictDecision {
  verdict: Verdict;
  rules: string[];
  openQuestions: string[];
}

function decideVerdict(
  profile: SecurityProfile,
  scope: ScopeEvaluation,
  requirements: readonly RequirementCheck[],
): VerdictDecision {
  if (scope.outOfScope.length > 0) {
    return {
      verdict: 'out-of-scope',
      rules: scope.outOfScope.map((match) => match.ruleId),
      openQuestions: [],
    };
  }
  if (requirements.some((check) => check.level === 'required' && !check.isPresent)) {
    return { verdict: 'needs-info', rules: [], openQuestions: [] };
  }
  if (scope.inScope.length > 0 || profile.threatModel.inScope.length === 0) {
    return {
      verdict: 'in-scope',
      rules: scope.inScope.map((match) => match.ruleId),
      openQuestions: [],
    };
  }
  const openQuestions = scope.undecidedInScope.flatMap((outcome) =>
    outcome.details.map((detail) => `${outcome.rule.id} (${outcome.rule.statement}): ${detail}`),
  );
  if (openQuestions.length === 0) {
    openQuestions.push('none of our in-scope rules matches what the report describes');
  }
  return { verdict: 'undetermined', rules: [], openQuestions };
}

export interface TriageContext {
  /** The repository's verdict on the report's code claims, when a repository was given. */
  evidence?: EvidenceSummary | null;
  /** Earlier reports and advisories that may be the same bug, best first. */
  duplicates?: DuplicateCandidate[];
  /** Bounds hit before triage (facts, claims), to be shown with the verdict. */
  limits?: WorkLimit[];
  /** The dependency guard's findings on what the report's diffs add. */
  dependencies?: DependencyFacts | null;
}

/**
 * A report whose every code claim the repository contradicts cannot be triaged as written: what
 * it names as the affected code does not exist. Its cited "component" does not count.
 */
function applyEvidence(
  requirements: RequirementCheck[],
  evidence: EvidenceSummary | null,
): RequirementCheck[] {
  if (evidence?.grade !== 'contradicted') return requirements;
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
  const scope = evaluateScope(profile, facts);
  const requirements = applyEvidence(
    checkRequirements(report, facts, profile.reportRequirements),
    evidence,
  );
  // The same bug is answered once, wherever its first report stands: the reply points there.
  const decision: VerdictDecision = original
    ? { verdict: 'duplicate', rules: [], openQuestions: [] }
    : decideVerdict(profile, scope, requirements);
  const citedComponents = scope.components.map((match) => match.component);
  const severity = assessSeverity(facts, citedComponents, scope.outOfScope);
  const ruleMatches = [...scope.outOfScope, ...scope.inScope];
  const priority = scorePriority({
    verdict: decision.verdict,
    severity,
    requirements,
    facts,
    evidence,
  });
  const reply = draftReply({
    report,
    profile,
    verdict: decision.verdict,
    ruleMatches,
    requirements,
    severity,
    openQuestions: decision.openQuestions,
    evidence,
    original,
  });
  return {
    report,
    facts,
    verdict: decision.verdict,
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
    limits: [
      ...describeReadingLimits(report, { isMatched: context.duplicates !== undefined }),
      ...(context.limits ?? []),
    ],
    dependencies: context.dependencies ?? null,
  };
}

export function triageReport(report: Report, profile: SecurityProfile): TriageResult {
  const { facts, limits } = extractReportFacts(report);
  return triageFacts(report, facts, profile, { limits });
}
