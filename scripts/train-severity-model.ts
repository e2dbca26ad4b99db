// `npm run train:severity`: trains the severity model on ../shared/data/severity/advisories.jsonl
// with the fixed settings of src/core/severity/severity-training-options.ts and writes
// models/severity-v2.bin. Deterministic: the same data gives the same file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  serializeSeverityModel,
  severityTrainingOptions,
  trainSeverityModel,
} from '../src/core/index.js';
import { readSeverityAdvisories } from '../src/adapters/severity-model/read-severity-advisories.js';
import { shippedSeverityModelPath } from '../src/adapters/severity-model/load-severity-model.js';

const dataPath = resolve(import.meta.dirname, '../../shared/data/severity/advisories.jsonl');

const started = performance.now();
const records = await readSeverityAdvisories(process.argv[2] ?? dataPath);
const model = trainSeverityModel(records, severityTrainingOptions);
const bytes = serializeSeverityModel(model);
mkdirSync(dirname(shippedSeverityModelPath), { recursive: true });
writeFileSync(shippedSeverityModelPath, bytes);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const temperatures = Object.values(model.heads)
  .map((head) => `${head.name} ${head.temperature.toFixed(2)}`)
  .join(', ');
console.log(
  `trained on ${records.length} advisories in ${seconds} s: ${model.featureIndex.size} features, ` +
    `${(bytes.length / 1024 / 1024).toFixed(2)} MB -> ${shippedSeverityModelPath}`,
);
console.log(`temperatures: ${temperatures}`);
