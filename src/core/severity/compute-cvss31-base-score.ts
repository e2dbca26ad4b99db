// The CVSS v3.1 base score of the eight base metrics, by the specification's formula (FIRST,
// CVSS v3.1 Specification, section 7.1, with its Roundup of Appendix A). The severity model walks
// hundreds of candidate vectors per report; scoring each through ae-cvss-calculator's vector
// parser cost more than the prediction. The test checks all 2,592 vectors against the calculator.

import type { SeverityMetric } from './severity-metrics.js';

const attackVector: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const attackComplexity: Record<string, number> = { L: 0.77, H: 0.44 };
const privilegesUnchanged: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const privilegesChanged: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const userInteraction: Record<string, number> = { N: 0.85, R: 0.62 };
const impact: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

/** The smallest number of one decimal place at least `value` (floating-point safe, Appendix A). */
function roundUp(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

/** NaN when a metric's value is not one of the specification's. */
export function computeCvss31BaseScore(metrics: Record<SeverityMetric, string>): number {
  const isChanged = metrics.S === 'C';
  const subScore =
    1 - (1 - impact[metrics.C]!) * (1 - impact[metrics.I]!) * (1 - impact[metrics.A]!);
  const impactScore = isChanged
    ? 7.52 * (subScore - 0.029) - 3.25 * (subScore - 0.02) ** 15
    : 6.42 * subScore;
  const exploitability =
    8.22 *
    attackVector[metrics.AV]! *
    attackComplexity[metrics.AC]! *
    (isChanged ? privilegesChanged : privilegesUnchanged)[metrics.PR]! *
    userInteraction[metrics.UI]!;
  if (Number.isNaN(impactScore + exploitability) || (metrics.S !== 'U' && !isChanged))
    return Number.NaN;
  if (impactScore <= 0) return 0;
  return isChanged
    ? roundUp(Math.min(1.08 * (impactScore + exploitability), 10))
    : roundUp(Math.min(impactScore + exploitability, 10));
}
