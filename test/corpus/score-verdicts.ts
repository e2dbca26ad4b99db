// Compares what triage concluded about each corpus report with the expected verdict, and sums
// the comparisons up. Pure: the bench feeds it the triage results and prints the figures.

import type { ExpectedVerdict } from './read-corpus.js';

/** The parts of a triage result the corpus has expectations about. */
export interface TriagedReport {
  verdict: string;
  rules: string[];
  missing: string[];
  /** Corpus key of the earlier report this one duplicates, or null. */
  duplicateOf: string | null;
  severity: string;
  /** The place in the project's ranked queue, 1 first. */
  rank?: number;
  /** The evidence grade when triaged with the repository, else null. */
  evidenceGrade?: string | null;
}

export interface VerdictComparison {
  key: string;
  expected: ExpectedVerdict;
  /** Null when the report could not be read; `problem` says why. */
  got: TriagedReport | null;
  problem: string | null;
  /** The disposition matches (and, for a duplicate, the report it duplicates). */
  isVerdictCorrect: boolean;
  /** Null when the expectation names no rules. */
  isRulesCorrect: boolean | null;
  /** Null when the expectation lists no missing items. */
  isMissingCorrect: boolean | null;
  isSeverityCorrect: boolean;
}

function isSameSet(left: readonly string[], right: readonly string[]): boolean {
  const set = new Set(left);
  return set.size === new Set(right).size && right.every((item) => set.has(item));
}

export function compareVerdict(
  key: string,
  expected: ExpectedVerdict,
  got: TriagedReport | null,
  problem: string | null = null,
): VerdictComparison {
  if (got === null) {
    return {
      key,
      expected,
      got,
      problem: problem ?? 'not in the triage results',
      isVerdictCorrect: false,
      isRulesCorrect: expected.rules === undefined ? null : false,
      isMissingCorrect: expected.missing === undefined ? null : false,
      isSeverityCorrect: false,
    };
  }
  const isDuplicateCorrect =
    expected.disposition !== 'duplicate' || got.duplicateOf === expected.duplicateOf;
  return {
    key,
    expected,
    got,
    problem,
    isVerdictCorrect: got.verdict === expected.disposition && isDuplicateCorrect,
    isRulesCorrect: expected.rules === undefined ? null : isSameSet(got.rules, expected.rules),
    isMissingCorrect:
      expected.missing === undefined ? null : isSameSet(got.missing, expected.missing),
    isSeverityCorrect: got.severity === expected.severity,
  };
}

export interface AccuracySummary {
  reports: number;
  verdictsCorrect: number;
  rulesChecked: number;
  rulesCorrect: number;
  missingChecked: number;
  missingCorrect: number;
  severityCorrect: number;
}

export function summariseAccuracy(comparisons: readonly VerdictComparison[]): AccuracySummary {
  const count = (test: (comparison: VerdictComparison) => boolean): number =>
    comparisons.filter(test).length;
  return {
    reports: comparisons.length,
    verdictsCorrect: count((comparison) => comparison.isVerdictCorrect),
    rulesChecked: count((comparison) => comparison.isRulesCorrect !== null),
    rulesCorrect: count((comparison) => comparison.isRulesCorrect === true),
    missingChecked: count((comparison) => comparison.isMissingCorrect !== null),
    missingCorrect: count((comparison) => comparison.isMissingCorrect === true),
    severityCorrect: count((comparison) => comparison.isSeverityCorrect),
  };
}

/** `41/48 (85.4%)`, or `0/0 (n/a)`. */
export function formatRatio(part: number, whole: number): string {
  const percent = whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)}%`;
  return `${part}/${whole} (${percent})`;
}

/** One line per difference, e.g. `verdict in-scope -> needs-info; rules [IN-LIB] -> []`. */
export function describeMiss(comparison: VerdictComparison): string {
  const { expected, got } = comparison;
  if (got === null) return `not triaged: ${comparison.problem}`;
  const parts: string[] = [];
  if (!comparison.isVerdictCorrect) {
    const expectedText =
      expected.disposition === 'duplicate'
        ? `duplicate of ${expected.duplicateOf}`
        : expected.disposition;
    const gotText = got.verdict === 'duplicate' ? `duplicate of ${got.duplicateOf}` : got.verdict;
    parts.push(`verdict ${expectedText} -> ${gotText}`);
  }
  if (comparison.isRulesCorrect === false)
    parts.push(`rules [${expected.rules?.join(', ')}] -> [${got.rules.join(', ')}]`);
  if (comparison.isMissingCorrect === false)
    parts.push(`missing [${expected.missing?.join(', ')}] -> [${got.missing.join(', ')}]`);
  return parts.join('; ');
}
