import { describe, expect, it } from 'vitest';
import { computeCvss31BaseScore } from './compute-cvss31-base-score.js';
import { loadCvssCalculator } from './load-cvss-calculator.js';
import { parseCvssVector, scoreCvssVector } from './score-cvss-vector.js';
import {
  formatSeverityVector,
  severityMetrics,
  severityMetricValues,
  type SeverityMetric,
} from './severity-metrics.js';

/** Every combination of the eight base metrics' values. */
function listAllMetrics(): Array<Record<SeverityMetric, string>> {
  let combinations: Array<Partial<Record<SeverityMetric, string>>> = [{}];
  for (const metric of severityMetrics) {
    combinations = combinations.flatMap((partial) =>
      severityMetricValues[metric].map((value) => ({ ...partial, [metric]: value })),
    );
  }
  return combinations as Array<Record<SeverityMetric, string>>;
}

describe('computeCvss31BaseScore', () => {
  it('gives ae-cvss-calculator’s base and overall score for all 2,592 vectors', () => {
    // scoreCvssVector and scoreCvssBase score these vectors with it instead of the calculator.
    const { Cvss3P1 } = loadCvssCalculator();
    const all = listAllMetrics();
    expect(all).toHaveLength(2592);
    for (const metrics of all) {
      const vector = formatSeverityVector(metrics);
      const scores = new Cvss3P1(vector).calculateScores();
      expect(computeCvss31BaseScore(metrics), vector).toBe(scores.base);
      expect(computeCvss31BaseScore(metrics), vector).toBe(scores.overall ?? scores.base);
      expect(scoreCvssVector(parseCvssVector(vector)!)?.score, vector).toBe(scores.base);
    }
  });

  it('scores the specification’s examples and refuses unknown values', () => {
    const critical = { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' };
    expect(computeCvss31BaseScore(critical)).toBe(9.8);
    expect(computeCvss31BaseScore({ ...critical, S: 'C' })).toBe(10);
    expect(computeCvss31BaseScore({ ...critical, C: 'N', I: 'N', A: 'N' })).toBe(0);
    expect(computeCvss31BaseScore({ ...critical, AV: 'X' })).toBeNaN();
    expect(computeCvss31BaseScore({ ...critical, S: 'X' })).toBeNaN();
  });
});
