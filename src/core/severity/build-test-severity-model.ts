// Test-only helper: a small fixed training sample with obvious signals (remote vs local, no login
// vs an account vs an administrator, code execution vs a crash) and the tiny model trained on it.

import type { SeverityModel } from './severity-model.js';
import {
  trainSeverityModel,
  type SeverityTrainingOptions,
  type SeverityTrainingRecord,
} from './train-severity-model.js';

const attackVectors = [
  ['N', 'A remote attacker can send a crafted network request to the server'],
  ['L', 'A local user with a shell on the machine can run a crafted command'],
] as const;
const privileges = [
  ['N', 'without any authentication'],
  ['L', 'once logged in with an ordinary user account'],
  ['H', 'only with an administrator account'],
] as const;
const impacts = [
  ['C:H/I:H/A:H', 'and execute arbitrary code.'],
  ['C:H/I:N/A:N', 'and read secret files.'],
  ['C:N/I:N/A:H', 'and crash the service.'],
] as const;
const openings = ['In the parser,', 'In the HTTP module,', 'Due to a missing check,'];

export const testSeverityRecords: SeverityTrainingRecord[] = openings.flatMap((opening) =>
  attackVectors.flatMap(([av, attack]) =>
    privileges.flatMap(([pr, privilege]) =>
      impacts.map(([impact, outcome]) => ({
        text: `${opening} ${attack.toLowerCase()} ${privilege} ${outcome}`,
        vector: `CVSS:3.1/AV:${av}/AC:L/PR:${pr}/UI:N/S:U/${impact}`,
      })),
    ),
  ),
);

export const testSeverityTrainingOptions: SeverityTrainingOptions = {
  seed: 3,
  features: { charNgramMin: 3, charNgramMax: 4 },
  charBlockWeight: 1,
  minDocumentFrequency: 1,
  maxWordFeatures: 5_000,
  maxCharFeatures: 5_000,
  l2: { AV: 1e-3, AC: 1e-3, PR: 1e-3, UI: 1e-3, S: 1e-3, C: 1e-3, I: 1e-3, A: 1e-3, band: 1e-3 },
  maxIterations: 50,
  calibrationFolds: 3,
  minKnownWords: 3,
};

let cached: SeverityModel | null = null;

export function buildTestSeverityModel(): SeverityModel {
  cached ??= trainSeverityModel(testSeverityRecords, testSeverityTrainingOptions);
  return cached;
}
