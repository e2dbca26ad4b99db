// One report's triage JSON: an entry of `thresher triage --format json` and the assessment the
// inbox stores for each report (docs/cli.md documents it). Fields are only ever added, never renamed.

import type { TriageResult } from '../core/triage.js';
import { toJsonEvidence } from './render-evidence-json.js';

export function toJsonReport(result: TriageResult, rank: number) {
  const { claimed, assessed, comparison } = result.severity;
  return {
    rank,
    source: result.report.source,
    format: result.report.format,
    title: result.report.title,
    reporter: result.report.reporter,
    receivedAt: result.report.receivedAt,
    disposition: result.verdict,
    basis: result.basis,
    rules: result.rules,
    ruleMatches: result.ruleMatches.map((match) => ({
      id: match.ruleId,
      kind: match.kind,
      statement: match.statement,
      disposition: match.disposition,
      strength: match.strength,
      specificity: match.specificity,
      evidence: match.evidence.map((evidence) => ({
        key: evidence.key,
        detail: evidence.detail,
        strength: evidence.strength,
        lines: evidence.facts.map((fact) => fact.span.line),
      })),
    })),
    missing: result.missing,
    recommendedMissing: result.requirements
      .filter((check) => check.level === 'recommended' && !check.isPresent)
      .map((check) => check.name),
    requirements: result.requirements,
    components: result.components,
    versionSupport: result.versionSupport,
    severity: {
      claimed,
      assessed: {
        rating: assessed.rating,
        ...(assessed.score !== null ? { score: assessed.score } : {}),
        ...(assessed.vector !== null ? { vector: assessed.vector } : {}),
        reasons: assessed.reasons,
      },
      comparison,
      ...(result.severity.model ? { model: result.severity.model } : {}),
      ...(result.severity.project ? { project: result.severity.project } : {}),
    },
    priority: result.priority.score,
    priorityReasons: result.priority.reasons,
    reply: result.reply,
    evidence: result.evidence ? toJsonEvidence(result.evidence) : null,
    duplicateOf: result.duplicateOf,
    duplicates: result.duplicates,
    limits: result.limits,
    notes: result.notes,
    identifiers: result.identifiers,
    dependencies: result.dependencies,
    facts: result.facts.map((fact) => ({
      kind: fact.kind,
      value: fact.value,
      origin: fact.origin,
      ...(fact.actor !== undefined ? { actor: fact.actor } : {}),
      line: fact.span.line,
      start: fact.span.start,
      end: fact.span.end,
      quote: fact.quote,
      ...(fact.confidence !== undefined ? { confidence: fact.confidence } : {}),
    })),
  };
}
