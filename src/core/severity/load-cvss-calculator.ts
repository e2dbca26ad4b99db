// ae-cvss-calculator on first use. It is 185 kB of code that took about as long to load as a
// triage's own work, and a triage rarely needs it: a plain CVSS v3.1 base vector (what reports
// claim and the severity model predicts) is scored by compute-cvss31-base-score.ts, checked against
// the calculator for every vector. Vectors with temporal or environmental metrics, v3.0 and v4.0
// still go to the calculator, loaded here (synchronously: the package is CommonJS) when first met.

import { createRequire } from 'node:module';
import type cvssCalculator from 'ae-cvss-calculator';

type CvssCalculator = typeof cvssCalculator;

let calculator: CvssCalculator | undefined;

export function loadCvssCalculator(): CvssCalculator {
  calculator ??= createRequire(import.meta.url)('ae-cvss-calculator') as CvssCalculator;
  return calculator;
}
