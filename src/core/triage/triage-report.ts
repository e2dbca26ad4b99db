// The triage pipeline for one report: extract facts, check scope rules and reporting requirements,
// decide the verdict, assess severity in context, score priority and draft the reply.

import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { SecurityProfile } from '../model/security-profile.js';
import type { RequirementCheck, TriageResult, Verdict } from '../model/triage-result.js';
import { checkRequirements } from '../quality/check-requirements.js';
import { scorePriority } from '../queue/score-priority.js';
import { draftReply } from '../reply/draft-reply.js';
import { extractFacts } from '../report/extract-facts.js';
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

/** Triages a report from facts already extracted (the evidence and duplicate steps add facts). */
export function triageFacts(report: Report, facts: Fact[], profile: SecurityProfile): TriageResult {
  const scope = evaluateScope(profile, facts);
  const requirements = checkRequirements(report, facts, profile.reportRequirements);
  const decision = decideVerdict(profile, scope, requirements);
  const citedComponents = scope.components.map((match) => match.component);
  const severity = assessSeverity(facts, citedComponents, scope.outOfScope);
  const ruleMatches = [...scope.outOfScope, ...scope.inScope];
  const priority = scorePriority({ verdict: decision.verdict, severity, requirements, facts });
  const reply = draftReply({
    report,
    profile,
    verdict: decision.verdict,
    ruleMatches,
    requirements,
    severity,
    openQuestions: decision.openQuestions,
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
  };
}

export function triageReport(report: Report, profile: SecurityProfile): TriageResult {
  return triageFacts(report, extractFacts(report), profile);
}
