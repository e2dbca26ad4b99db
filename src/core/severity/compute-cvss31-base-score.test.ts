import { describe, expect, it } from 'vitest';
import { computeCvss31BaseScore } from './compute-cvss31-base-score.js';
import { scoreCvssBase } from './score-cvss-base.js';
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
  it('gives ae-cvss-calculator’s base score for all 2,592 vectors', () => {
    const all = listAllMetrics();
    expect(all).toHaveLength(2592);
    for (const metrics of all) {
      const vector = formatSeverityVector(metrics);
      expect(computeCvss31BaseScore(metrics), vector).toBe(scoreCvssBase(vector)!.baseScore);
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
