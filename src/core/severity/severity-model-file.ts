// The severity model's file form: JSON with a format name and version, the vocabulary, and each
// head's weights quantised to 8-bit integers (base64), so the shipped file stays small.

import type { ParseResult } from '../model/parse-result.js';
import type { SeverityHead, SeverityHeadName, SeverityModel } from './severity-model.js';
import { ratingBands, severityMetrics, severityMetricValues } from './severity-metrics.js';

const severityModelFormat = 'thresher-severity-model';
export const severityModelVersion = 1;

const headNames: readonly SeverityHeadName[] = [...severityMetrics, 'band'];
/** idf values are stored as 16-bit integers in steps of 1/2048 (idf stays below 32). */
const idfStep = 2048;

interface HeadFile {
  name: string;
  values: string[];
  bias: number[];
  temperature: number;
  /** weight = int8 × scale */
  scale: number;
  weights: string;
}

interface ModelFile {
  format: string;
  version: number;
  provenance: SeverityModel['provenance'];
  features: {
    charNgramMin: number;
    charNgramMax: number;
    /** Written only when true; files without it read word pairs only (same version). */
    phraseFeatures?: boolean;
    charBlockWeight: number;
    minKnownWords: number;
  };
  vocabulary: string[];
  idf: string;
  heads: HeadFile[];
}

function encodeBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function decodeBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function encodeHead(head: SeverityHead): HeadFile {
  let largest = 0;
  for (const weight of head.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 127 : 1;
  const quantised = Int8Array.from(head.weights, (weight) => Math.round(weight / scale));
  return {
    name: head.name,
    values: [...head.values],
    bias: [...head.bias],
    temperature: head.temperature,
    scale,
    weights: encodeBytes(new Uint8Array(quantised.buffer)),
  };
}

/** The JSON text of the model file. */
export function serializeSeverityModel(model: SeverityModel): string {
  const vocabulary = [...model.featureIndex.keys()];
  const idf = Uint16Array.from(vocabulary, (_, column) =>
    Math.min(65535, Math.round((model.idf[column] ?? 0) * idfStep)),
  );
  const file: ModelFile = {
    format: severityModelFormat,
    version: severityModelVersion,
    provenance: model.provenance,
    features: {
      charNgramMin: model.options.charNgramMin,
      charNgramMax: model.options.charNgramMax,
      ...(model.options.phraseFeatures === true ? { phraseFeatures: true } : {}),
      charBlockWeight: model.charBlockWeight,
      minKnownWords: model.minKnownWords,
    },
    vocabulary,
    idf: encodeBytes(new Uint8Array(idf.buffer)),
    heads: headNames.map((name) => encodeHead(model.heads[name])),
  };
  return `${JSON.stringify(file)}\n`;
}

function expectedValues(name: SeverityHeadName): readonly string[] {
  return name === 'band' ? ratingBands : severityMetricValues[name];
}

function decodeHead(
  file: HeadFile | undefined,
  name: SeverityHeadName,
  featureCount: number,
): SeverityHead | string {
  if (!file) return `head ${name} is missing`;
  const values = expectedValues(name);
  if (JSON.stringify(file.values) !== JSON.stringify(values)) return `head ${name}: unknown values`;
  if (!Array.isArray(file.bias) || file.bias.length !== values.length) return `head ${name}: bias`;
  const bytes = decodeBytes(file.weights);
  if (bytes.length !== featureCount * values.length) return `head ${name}: weights do not fit`;
  const quantised = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  // A plain loop: `Float32Array.from` with a mapping callback is several times slower on the
  // millions of weights, and every triage run pays this on start-up.
  const weights = new Float32Array(quantised.length);
  for (let index = 0; index < quantised.length; index += 1)
    weights[index] = quantised[index]! * file.scale;
  return {
    name,
    values,
    weights,
    bias: Float64Array.from(file.bias),
    temperature: file.temperature,
  };
}

function decodeModel(file: ModelFile): SeverityModel | string {
  const featureCount = file.vocabulary.length;
  const idfBytes = decodeBytes(file.idf);
  if (idfBytes.length !== featureCount * 2) return 'idf does not fit the vocabulary';
  const idfCopy = new Uint8Array(idfBytes);
  const steps = new Uint16Array(idfCopy.buffer);
  const idf = new Float64Array(steps.length);
  for (let column = 0; column < steps.length; column += 1) idf[column] = steps[column]! / idfStep;
  const heads = {} as Record<SeverityHeadName, SeverityHead>;
  for (const name of headNames) {
    const head = decodeHead(
      file.heads.find((candidate) => candidate.name === name),
      name,
      featureCount,
    );
    if (typeof head === 'string') return head;
    heads[name] = head;
  }
  return {
    options: {
      charNgramMin: file.features.charNgramMin,
      charNgramMax: file.features.charNgramMax,
      ...(file.features.phraseFeatures === true ? { phraseFeatures: true } : {}),
    },
    charBlockWeight: file.features.charBlockWeight,
    featureIndex: new Map(file.vocabulary.map((feature, column) => [feature, column])),
    idf,
    heads,
    minKnownWords: file.features.minKnownWords,
    provenance: file.provenance,
  };
}

/** Reads a model file; a wrong format or version, or a damaged file, is an issue, not a throw. */
export function parseSeverityModel(text: string): ParseResult<SeverityModel> {
  let file: ModelFile;
  try {
    file = JSON.parse(text) as ModelFile;
  } catch {
    return { ok: false, issues: [{ message: 'not JSON: the file is damaged' }] };
  }
  if (typeof file !== 'object' || file === null || file.format !== severityModelFormat) {
    return { ok: false, issues: [{ message: `not a ${severityModelFormat} file` }] };
  }
  if (file.version !== severityModelVersion) {
    return {
      ok: false,
      issues: [
        {
          message: `model format version ${String(file.version)}; this Thresher reads version ${severityModelVersion}`,
        },
      ],
    };
  }
  try {
    const decoded = decodeModel(file);
    if (typeof decoded === 'string') return { ok: false, issues: [{ message: decoded }] };
    return { ok: true, value: decoded };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ message: `damaged model file: ${reason}` }] };
  }
}
