// A report's place in the maintainer's queue: severity first, then how likely it is to be real
// and actionable (verdict, completeness, evidence). Every point comes with its reason.

import type { EvidenceGrade, EvidenceSummary } from '../model/evidence.js';
import type { Fact } from '../model/fact.js';
import type {
  Priority,
  RequirementCheck,
  SeverityAssessment,
  SeverityRating,
  TriageResult,
  Verdict,
} from '../model/triage-result.js';

const severityPoints: Record<SeverityRating, number> = {
  critical: 40,
  high: 32,
  medium: 22,
  low: 12,
  none: 0,
  unknown: 8,
};
/** A report with nothing to act on (no required item, nothing shown) goes to the bottom. */
const emptyReportCap = 5;

// A conflict a human must settle ranks above a report that only lacks information; a report
// proven fabricated ranks last.
const verdictPoints: Record<Verdict, number> = {
  'in-scope': 30,
  'needs-review': 22,
  undetermined: 18,
  'needs-info': 10,
  'out-of-scope': 0,
  duplicate: 2,
  invalid: -40,
};

const completenessPoints = 15;

const evidencePointsByGrade: Record<EvidenceGrade, number> = {
  verified: 10,
  'mostly-verified': 5,
  mixed: -5,
  fabricated: -50,
  contradicted: -30,
  unverifiable: 0,
  'no-claims': 0,
};
const evidencePoints = { reproduction: 5, patch: 5, trace: 5 } as const;

export interface PriorityInput {
  evidence?: EvidenceSummary | null;
  verdict: Verdict;
  severity: SeverityAssessment;
  requirements: readonly RequirementCheck[];
  facts: readonly Fact[];
}

const sanitizerPattern =
  /AddressSanitizer|UndefinedBehaviorSanitizer|MemorySanitizer|ThreadSanitizer|Segmentation fault|panicked at|Traceback \(most recent call last\)/;

export function scorePriority(input: PriorityInput): Priority {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string): void => {
    if (points === 0) return;
    score += points;
    reasons.push(`${points > 0 ? '+' : ''}${points} ${reason}`);
  };

  const rating = input.severity.assessed.rating;
  add(severityPoints[rating], `assessed severity ${rating}`);
  add(verdictPoints[input.verdict], `verdict ${input.verdict}`);

  const required = input.requirements.filter((check) => check.level === 'required');
  if (required.length > 0) {
    const present = required.filter((check) => check.isPresent).length;
    add(
      Math.round((completenessPoints * present) / required.length),
      `${present} of ${required.length} required items present`,
    );
  }
  const hasSteps = input.facts.some((fact) => fact.kind === 'reproduction-steps');
  if (hasSteps) add(evidencePoints.reproduction, 'concrete reproduction steps');
  if (input.facts.some((fact) => fact.kind === 'diff'))
    add(evidencePoints.patch, 'a proposed patch');
  const trace = input.facts.find(
    (fact) => fact.kind === 'code-block' && sanitizerPattern.test(fact.quote),
  );
  if (trace) add(evidencePoints.trace, 'a crash or sanitizer trace');
  if (input.evidence) {
    const { grade } = input.evidence;
    add(
      evidencePointsByGrade[grade],
      grade === 'fabricated'
        ? 'the code the report says is vulnerable does not exist: fabricated'
        : grade === 'contradicted'
          ? 'every code claim is contradicted by the repository: likely fabricated'
          : `code claims ${grade}`,
    );
    const changed = input.evidence.claims.find((checked) => checked.proof.changedLater);
    if (changed?.proof.changedLater) {
      add(
        -5,
        `cited code changed after ${input.evidence.revision.resolved} (${changed.proof.changedLater.id.slice(0, 12)}): may be fixed already`,
      );
    }
  }
  const isEmpty =
    rating === 'unknown' &&
    input.verdict === 'needs-info' &&
    !required.some((check) => check.isPresent);
  if (isEmpty && score > emptyReportCap) {
    reasons.push(`capped at ${emptyReportCap}: nothing in the report to act on yet`);
    score = emptyReportCap;
  }
  return { score: Math.max(0, Math.min(100, score)), reasons };
}

/** A report's place in the queue: its score, how far it sinks among equals, its arrival. */
export interface QueuePlace {
  score: number;
  /** 2 when the repository proves the report fabricated, 1 when it contradicts every claim. */
  sink: number;
  arrival: number;
}

/**
 * Where a result stands in the queue. Scores stop at 0, so a report proven fabricated (or whose
 * every claim the repository contradicts) would tie with genuine reports that score 0 (out of
 * scope, nothing severe): among equal scores it sinks below them.
 */
export function placeInQueue(
  result: Pick<TriageResult, 'priority' | 'evidence'>,
  arrival: number,
): QueuePlace {
  const grade = result.evidence?.grade;
  const sink = grade === 'fabricated' ? 2 : grade === 'contradicted' ? 1 : 0;
  return { score: result.priority.score, sink, arrival };
}

/** Highest score first; among equal scores fabricated, then contradicted reports last; then arrival. */
export function compareQueuePlaces(a: QueuePlace, b: QueuePlace): number {
  return b.score - a.score || a.sink - b.sink || a.arrival - b.arrival;
}

/** Highest priority first (see `compareQueuePlaces`); ties keep the order the reports came in. */
export function rankQueue(results: readonly TriageResult[]): TriageResult[] {
  return results
    .map((result, index) => ({ result, place: placeInQueue(result, index) }))
    .sort((a, b) => compareQueuePlaces(a.place, b.place))
    .map(({ result }) => result);
}
