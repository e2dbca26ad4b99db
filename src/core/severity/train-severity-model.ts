// Trains the severity model from advisory texts and their CVSS vectors: builds the vocabulary,
// fits one softmax classifier per metric and one for the rating band, and calibrates each one's
// temperature on held-out folds. Pure and deterministic: same records and options, same model.

import { InputError } from '../errors.js';
import { assignFolds } from './assign-folds.js';
import {
  extractSeverityFeatures,
  type SeverityFeatureOptions,
} from './extract-severity-features.js';
import {
  computeRowLogits,
  fitSoftmaxRegression,
  type SoftmaxFit,
  type SparseRows,
} from './fit-softmax-regression.js';
import { computeNaiveBayesScales } from './compute-naive-bayes-scales.js';
import { fitTemperature } from './fit-temperature.js';
import { parseCvssVector, scoreCvssVector } from './score-cvss-vector.js';
import type { SeverityHead, SeverityHeadName, SeverityModel } from './severity-model.js';
import {
  ratingBands,
  readSeverityMetrics,
  severityMetrics,
  severityMetricValues,
  type SeverityMetric,
} from './severity-metrics.js';
import { vectorizeSeverityText, type SeverityVocabulary } from './vectorize-severity-text.js';

export interface SeverityTrainingRecord {
  text: string;
  /** A CVSS 3.0 or 3.1 base vector. */
  vector: string;
  /**
   * A record from a supplementary source (advisories of another database, labelled by other
   * hands): trained on with `supplementWeight`, never held out to fit the temperature.
   */
  isSupplement?: boolean;
}

export interface SeverityTrainingOptions {
  seed: number;
  features: SeverityFeatureOptions;
  charBlockWeight: number;
  /** A feature must occur in this many training texts to be kept. */
  minDocumentFrequency: number;
  /** The most frequent features kept, per block. */
  maxWordFeatures: number;
  maxCharFeatures: number;
  /** L2 penalty per head. */
  l2: Record<SeverityHeadName, number>;
  /**
   * Scale each feature by its naive-Bayes log-count ratio per class before the regression (NB-LR),
   * with this add-k smoothing; 0 or absent: plain logistic regression.
   */
  naiveBayesSmoothing?: number;
  /**
   * Per head, how much rare classes weigh in the loss: class c of n training texts, k classes and
   * count(c) texts weighs (n / (k × count(c)))^power (0 or absent: every text weighs 1; 1: the
   * classes weigh the same in total). The temperature is still fitted unweighted.
   */
  classWeightPower?: Partial<Record<SeverityHeadName, number>>;
  maxIterations: number;
  /** The temperature is fitted on 1 of this many folds (0 or 1: no calibration, temperature 1). */
  calibrationFolds: number;
  minKnownWords: number;
  /** How much a supplementary record weighs in the loss beside a primary one (absent: 1). */
  supplementWeight?: number;
}

interface LabelledRecord {
  text: string;
  labels: Record<SeverityHeadName, number>;
  isSupplement: boolean;
}

function labelRecord(record: SeverityTrainingRecord, position: number): LabelledRecord {
  const metrics = readSeverityMetrics(record.vector);
  const parsed = parseCvssVector(record.vector);
  const scored = parsed ? scoreCvssVector(parsed) : null;
  if (!metrics || !scored) {
    throw new InputError(`training record ${position + 1}: not a CVSS 3.x base vector`);
  }
  const labels = { band: ratingBands.indexOf(scored.rating) } as Record<SeverityHeadName, number>;
  for (const metric of severityMetrics) {
    labels[metric] = severityMetricValues[metric].indexOf(metrics[metric]);
  }
  return { text: record.text, labels, isSupplement: record.isSupplement === true };
}

function buildVocabulary(
  texts: readonly string[],
  options: SeverityTrainingOptions,
): SeverityVocabulary {
  const frequency = new Map<string, number>();
  for (const text of texts) {
    const distinct = new Set(extractSeverityFeatures(text, options.features).map((o) => o.feature));
    for (const feature of distinct) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  }
  const kept = [...frequency].filter(([, count]) => count >= options.minDocumentFrequency);
  const byFrequency = (left: [string, number], right: [string, number]) =>
    right[1] - left[1] || (left[0] < right[0] ? -1 : 1);
  const words = kept.filter(([feature]) => !feature.startsWith('c:')).sort(byFrequency);
  const characters = kept.filter(([feature]) => feature.startsWith('c:')).sort(byFrequency);
  const chosen = [
    ...words.slice(0, options.maxWordFeatures),
    ...characters.slice(0, options.maxCharFeatures),
  ].sort((left, right) => (left[0] < right[0] ? -1 : 1));
  return {
    options: options.features,
    charBlockWeight: options.charBlockWeight,
    featureIndex: new Map(chosen.map(([feature], column) => [feature, column])),
    idf: Float64Array.from(chosen, ([, count]) => Math.log((1 + texts.length) / (1 + count)) + 1),
  };
}

/** The tf-idf rows of the texts over the vocabulary. */
function vectorizeRows(vocabulary: SeverityVocabulary, texts: readonly string[]): SparseRows {
  const rowStart = new Int32Array(texts.length + 1);
  const columns: number[] = [];
  const values: number[] = [];
  texts.forEach((text, row) => {
    const vector = vectorizeSeverityText(vocabulary, text);
    columns.push(...vector.indices);
    values.push(...vector.values);
    rowStart[row + 1] = columns.length;
  });
  return {
    rowStart,
    columns: Int32Array.from(columns),
    values: Float64Array.from(values),
    columnCount: vocabulary.featureIndex.size,
  };
}

function selectRows(rows: SparseRows, selected: readonly number[]): SparseRows {
  const rowStart = new Int32Array(selected.length + 1);
  const columns: number[] = [];
  const values: number[] = [];
  selected.forEach((row, position) => {
    for (let entry = rows.rowStart[row]!; entry < rows.rowStart[row + 1]!; entry += 1) {
      columns.push(rows.columns[entry]!);
      values.push(rows.values[entry]!);
    }
    rowStart[position + 1] = columns.length;
  });
  return {
    rowStart,
    columns: Int32Array.from(columns),
    values: Float64Array.from(values),
    columnCount: rows.columnCount,
  };
}

/** Class weights `(n / (k × count))^power` from the labels (a class with no texts counts as 1). */
export function computeClassWeights(
  labels: Int32Array,
  classCount: number,
  power: number,
): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label] = counts[label]! + 1;
  return counts.map((count) => (labels.length / (classCount * Math.max(count, 1))) ** power);
}

/**
 * The temperature, fitted on one held-out fold of `calibrationFolds` with a classifier trained on
 * the others (one fold rather than all keeps training fast; the benchmark measures the result).
 */
function fitHeadClassifier(
  rows: SparseRows,
  labels: Int32Array,
  classCount: number,
  head: SeverityHeadName,
  options: SeverityTrainingOptions,
  rowWeights: Float64Array | undefined,
): SoftmaxFit {
  const smoothing = options.naiveBayesSmoothing ?? 0;
  const power = options.classWeightPower?.[head] ?? 0;
  return fitSoftmaxRegression(rows, labels, {
    classCount,
    l2: options.l2[head],
    maxIterations: options.maxIterations,
    ...(rowWeights ? { rowWeights } : {}),
    ...(power > 0 ? { classWeights: computeClassWeights(labels, classCount, power) } : {}),
    ...(smoothing > 0
      ? { featureScales: computeNaiveBayesScales(rows, labels, classCount, smoothing) }
      : {}),
  });
}

function calibrate(
  rows: SparseRows,
  labels: Int32Array,
  classCount: number,
  head: SeverityHeadName,
  options: SeverityTrainingOptions,
  records: readonly LabelledRecord[],
  rowWeights: Float64Array | undefined,
): number {
  if (options.calibrationFolds < 2) return 1;
  // The held-out fold is drawn from the primary records only (a supplementary source may use the
  // scale differently); supplementary records are always trained on.
  const primary = [...records.keys()].filter((row) => !records[row]!.isSupplement);
  const folds = assignFolds(primary.length, options.calibrationFolds, options.seed + 1);
  const heldOut = primary.filter((_, position) => folds[position] === 0);
  const isHeldOut = new Set(heldOut);
  const train = [...records.keys()].filter((row) => !isHeldOut.has(row));
  const fit = fitHeadClassifier(
    selectRows(rows, train),
    Int32Array.from(train, (row) => labels[row]!),
    classCount,
    head,
    options,
    rowWeights ? Float64Array.from(train, (row) => rowWeights[row]!) : undefined,
  );
  const heldOutLogits = heldOut.map((row) => {
    const logits = new Float64Array(classCount);
    computeRowLogits(rows, row, fit, logits);
    return logits;
  });
  return fitTemperature(
    heldOutLogits,
    heldOut.map((row) => labels[row]!),
  );
}

function trainHead(
  name: SeverityHeadName,
  rows: SparseRows,
  records: readonly LabelledRecord[],
  options: SeverityTrainingOptions,
): SeverityHead {
  const values = name === 'band' ? ratingBands : severityMetricValues[name];
  const labels = Int32Array.from(records, (record) => record.labels[name]);
  const supplementWeight = options.supplementWeight ?? 1;
  const rowWeights =
    supplementWeight !== 1 && records.some((record) => record.isSupplement)
      ? Float64Array.from(records, (record) => (record.isSupplement ? supplementWeight : 1))
      : undefined;
  const fit = fitHeadClassifier(rows, labels, values.length, name, options, rowWeights);
  return {
    name,
    values,
    weights: Float32Array.from(fit.weights),
    bias: fit.bias,
    temperature: calibrate(rows, labels, values.length, name, options, records, rowWeights),
  };
}

function describeTraining(options: SeverityTrainingOptions): string {
  const classifier =
    (options.naiveBayesSmoothing ?? 0) > 0
      ? 'tf-idf words, word pairs and character n-grams; naive-Bayes-scaled softmax regression (NB-LR, L-BFGS)'
      : 'tf-idf words, word pairs and character n-grams; softmax regression (L-BFGS)';
  const weighted = Object.entries(options.classWeightPower ?? {})
    .filter(([, power]) => (power ?? 0) > 0)
    .map(([head, power]) => `${head} ^${power}`);
  return weighted.length > 0
    ? `${classifier}; class-weighted heads ${weighted.join(', ')}`
    : classifier;
}

export function trainSeverityModel(
  records: readonly SeverityTrainingRecord[],
  options: SeverityTrainingOptions,
): SeverityModel {
  if (records.length === 0) throw new InputError('no training records');
  const labelled = records.map(labelRecord);
  const texts = labelled.map((record) => record.text);
  const vocabulary = buildVocabulary(texts, options);
  const rows = vectorizeRows(vocabulary, texts);
  const heads = {} as Record<SeverityHeadName, SeverityHead>;
  for (const name of [...severityMetrics, 'band'] as Array<SeverityMetric | 'band'>) {
    heads[name] = trainHead(name, rows, labelled, options);
  }
  const supplementRecords = labelled.filter((record) => record.isSupplement).length;
  return {
    ...vocabulary,
    heads,
    minKnownWords: options.minKnownWords,
    provenance: {
      records: records.length,
      seed: options.seed,
      trainedWith: describeTraining(options),
      ...(supplementRecords > 0 ? { supplementRecords } : {}),
    },
  };
}
