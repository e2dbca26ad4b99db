// `npm run train:severity [-- --supplement FILE]`: trains the severity model on
// ../shared/data/severity/advisories.jsonl with the fixed settings of
// src/core/severity/severity-training-options.ts and writes models/severity-v2.bin.
// `--supplement FILE` adds supplementary advisories (`npm run build:severity-supplement`, see
// docs/severity.md). Deterministic: the same data gives the same file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  serializeSeverityModel,
  severityTrainingOptions,
  trainSeverityModel,
} from '../src/core/index.js';
import { readSeverityAdvisories } from '../src/adapters/severity-model/read-severity-advisories.js';
import { shippedSeverityModelPath } from '../src/adapters/severity-model/load-severity-model.js';

const { values, positionals } = parseArgs({
  options: { supplement: { type: 'string' } },
  allowPositionals: true,
});
const dataPath =
  positionals[0] ?? resolve(import.meta.dirname, '../../shared/data/severity/advisories.jsonl');

const started = performance.now();
const records = [
  ...(await readSeverityAdvisories(dataPath)),
  ...(values.supplement
    ? (await readSeverityAdvisories(values.supplement)).map((record) => ({
        ...record,
        isSupplement: true,
      }))
    : []),
];
const model = trainSeverityModel(records, severityTrainingOptions);
const bytes = serializeSeverityModel(model);
mkdirSync(dirname(shippedSeverityModelPath), { recursive: true });
writeFileSync(shippedSeverityModelPath, bytes);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const temperatures = Object.values(model.heads)
  .map((head) => `${head.name} ${head.temperature.toFixed(2)}`)
  .join(', ');
const supplement = model.provenance.supplementRecords ?? 0;
console.log(
  `trained on ${records.length} advisories (${supplement} supplementary) in ${seconds} s: ` +
    `${model.featureIndex.size} features, ${(bytes.length / 1024 / 1024).toFixed(2)} MB -> ${shippedSeverityModelPath}`,
);
console.log(`temperatures: ${temperatures}`);
