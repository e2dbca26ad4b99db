// Turns each CVSS vector into a `cvss-vector` fact plus the attack-vector, privileges-required and
// user-interaction facts it states, all spanning the vector so consumers can tell them from prose.

import type { FactSink } from './create-fact-sink.js';
import { findCvssVectors } from './find-cvss-vectors.js';

const attackVectors: Readonly<Record<string, string>> = {
  N: 'network',
  A: 'adjacent',
  L: 'local',
  P: 'physical',
};
const privileges: Readonly<Record<string, string>> = { N: 'none', L: 'low', H: 'high' };
const interactionV3: Readonly<Record<string, string>> = { N: 'none', R: 'active' };
const interactionV4: Readonly<Record<string, string>> = { N: 'none', P: 'passive', A: 'active' };

export function extractVectorFacts(sink: FactSink, text: string): void {
  for (const vector of findCvssVectors(text)) {
    const { start, end, metrics } = vector;
    sink.add('cvss-vector', vector.value, start, end);
    const attackVector = attackVectors[metrics.get('AV') ?? ''];
    if (attackVector) sink.add('attack-vector', attackVector, start, end);
    const privilege = privileges[metrics.get('PR') ?? ''];
    if (privilege) sink.add('privileges-required', privilege, start, end);
    const interactions = vector.version === '4.0' ? interactionV4 : interactionV3;
    const interaction = interactions[metrics.get('UI') ?? ''];
    if (interaction) sink.add('user-interaction', interaction, start, end);
  }
}
