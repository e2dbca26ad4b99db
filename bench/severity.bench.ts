// Benchmark: the severity model by 5-fold cross-validation on ../shared/data/severity (fixed seed,
// the shipped training settings, each fold's model written to its file form and read back so the
// quantised weights are what is measured): accuracy per metric, exact vector, rating band,
// expected calibration error, next to the majority-class and naive-Bayes floors; then the shipped
// model's size, load time and time per prediction. Prints figures; asserts nothing.
// `--inner` measures on the inner split instead, where settings are chosen without touching the
// benchmark's test folds: the records of fold 1's training folds split again 3:1 (seed 11), trained
// on 3 parts and measured on the fourth (see docs/severity.md).
// Usage: npm run bench:severity [-- --data FILE --folds 5 --inner]

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assignFolds,
  parseSeverityModel,
  predictSeverity,
  readSeverityMetrics,
  serializeSeverityModel,
  severityMetrics,
  severityTrainingOptions,
  toSeverityRating,
  trainSeverityModel,
  type SeverityMetric,
  type SeverityTrainingRecord,
} from '../src/core/index.js';
import { scoreCvssBase } from '../src/core/severity/score-cvss-base.js';
import { readSeverityAdvisories } from '../src/adapters/severity-model/read-severity-advisories.js';
import { shippedSeverityModelPath } from '../src/adapters/severity-model/load-severity-model.js';
import { fitMajorityFloor, fitNaiveBayesFloor } from './support/severity-floors.js';
import { printLine } from './support/print-line.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join('..', 'shared', 'data', 'severity', 'advisories.jsonl') },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    inner: { type: 'boolean', default: false },
    supplement: { type: 'string' },
    'supplement-limit': { type: 'string' },
    'supplement-weight': { type: 'string' },
  },
});

type Metrics = Record<SeverityMetric, string>;

interface Tally {
  correct: Record<SeverityMetric, number>;
  exact: number;
  band: number;
  count: number;
}

function createTally(): Tally {
  const correct = Object.fromEntries(
    severityMetrics.map((metric) => [metric, 0]),
  ) as Tally['correct'];
  return { correct, exact: 0, band: 0, count: 0 };
}

function ratingOf(metrics: Metrics): string {
  const vector = `CVSS:3.1/${severityMetrics.map((metric) => `${metric}:${metrics[metric]}`).join('/')}`;
  return toSeverityRating(scoreCvssBase(vector)!.baseScore);
}

function record(tally: Tally, truth: Metrics, predicted: Metrics, band: string): void {
  tally.count += 1;
  let isExact = true;
  for (const metric of severityMetrics) {
    if (predicted[metric] === truth[metric]) tally.correct[metric] += 1;
    else isExact = false;
  }
  if (isExact) tally.exact += 1;
  if (band === ratingOf(truth)) tally.band += 1;
}

/** Expected calibration error over 10 equal-width confidence bins. */
function computeCalibrationError(
  samples: ReadonlyArray<{ confidence: number; isCorrect: boolean }>,
): number {
  const bins = Array.from({ length: 10 }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const sample of samples) {
    const bin = bins[Math.min(9, Math.floor(sample.confidence * 10))]!;
    bin.count += 1;
    bin.confidence += sample.confidence;
    bin.correct += sample.isCorrect ? 1 : 0;
  }
  return bins.reduce(
    (sum, bin) =>
      bin.count === 0
        ? sum
        : sum + ((bin.count / samples.length) * Math.abs(bin.correct - bin.confidence)) / bin.count,
    0,
  );
}

const format = (value: number): string => value.toFixed(3);

function findMajorityBand(train: readonly SeverityTrainingRecord[]): string {
  const counts = new Map<string, number>();
  for (const item of train) {
    const band = ratingOf(readSeverityMetrics(item.vector)!);
    counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  return [...counts].sort((left, right) => right[1] - left[1])[0]![0];
}

const allRecords: SeverityTrainingRecord[] = await readSeverityAdvisories(values.data);
// Supplementary advisories (`--supplement FILE`, another database's records with every record of
// the development file's sources left out) are added to every fold's training part, never tested.
const supplementRecords: SeverityTrainingRecord[] = values.supplement
  ? (await readSeverityAdvisories(values.supplement))
      .map((record) => ({ ...record, isSupplement: true }))
      .filter((_, index, all) => {
        const limit = Number(values['supplement-limit'] ?? all.length);
        return index % Math.max(1, Math.ceil(all.length / limit)) === 0;
      })
  : [];
const trainingOptions = {
  ...severityTrainingOptions,
  ...(values['supplement-weight'] ? { supplementWeight: Number(values['supplement-weight']) } : {}),
};
const outerFolds = Number(values.folds);
const outerAssignment = assignFolds(allRecords.length, outerFolds, Number(values.seed));
const innerFolds = 4;
const innerSeed = 11;
const records = values.inner
  ? allRecords.filter((_, index) => outerAssignment[index] !== 0)
  : allRecords;
const folds = values.inner ? innerFolds : outerFolds;
const assignment = values.inner
  ? assignFolds(records.length, innerFolds, innerSeed)
  : outerAssignment;
const foldsRun = values.inner ? 1 : folds;
const model = createTally();
const majority = createTally();
const naiveBayes = createTally();
const calibration = Object.fromEntries(
  severityMetrics.map((metric) => [
    metric,
    [] as Array<{ confidence: number; isCorrect: boolean }>,
  ]),
);
const bandCalibration: Array<{ confidence: number; isCorrect: boolean }> = [];
let unrated = 0;
const started = performance.now();
for (let fold = 0; fold < foldsRun; fold += 1) {
  const train = [...records.filter((_, index) => assignment[index] !== fold), ...supplementRecords];
  const test = records.filter((_, index) => assignment[index] === fold);
  const parsed = parseSeverityModel(
    serializeSeverityModel(trainSeverityModel(train, trainingOptions)),
  );
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
  const primaryTrain = train.filter((item) => item.isSupplement !== true);
  const majorityMetrics = fitMajorityFloor(primaryTrain);
  const naiveBayesMetrics = fitNaiveBayesFloor(primaryTrain);
  const majorityBand = findMajorityBand(primaryTrain);
  for (const item of test) {
    const truth = readSeverityMetrics(item.vector)!;
    const prediction = predictSeverity(parsed.value, item.text);
    const predicted = Object.fromEntries(
      severityMetrics.map((metric) => [metric, prediction.metrics[metric].value]),
    ) as Metrics;
    const vectorMetrics =
      prediction.vector === null ? null : readSeverityMetrics(prediction.vector);
    model.count += 1;
    for (const metric of severityMetrics) {
      const isCorrect = predicted[metric] === truth[metric];
      if (isCorrect) model.correct[metric] += 1;
      calibration[metric]!.push({ confidence: prediction.metrics[metric].confidence, isCorrect });
    }
    if (vectorMetrics && severityMetrics.every((metric) => vectorMetrics[metric] === truth[metric]))
      model.exact += 1;
    const truthBand = ratingOf(truth);
    if (prediction.rating === truthBand) model.band += 1;
    if (prediction.rating === 'unknown') unrated += 1;
    else
      bandCalibration.push({
        confidence: prediction.ratingProbabilities[prediction.rating],
        isCorrect: prediction.rating === truthBand,
      });
    // The majority floor's band is the most frequent band; naive Bayes rates its own vector.
    record(majority, truth, majorityMetrics(item.text), majorityBand);
    const floor = naiveBayesMetrics(item.text);
    record(naiveBayes, truth, floor, ratingOf(floor));
  }
  printLine(
    `fold ${fold + 1}/${foldsRun} done (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

printLine();
printLine(
  values.inner
    ? `inner split: ${records.length - model.count} advisories trained on, ${model.count} measured ` +
        `(fold 1 of ${outerFolds}, seed ${values.seed}, its training folds split ${innerFolds} ways, seed ${innerSeed})`
    : `${records.length} advisories, ${folds}-fold cross-validation (seed ${values.seed})`,
);
if (supplementRecords.length > 0)
  printLine(
    `+ ${supplementRecords.length} supplementary advisories in every training part (${values.supplement}, weight ${trainingOptions.supplementWeight ?? 1}); floors trained without them`,
  );
printLine(
  `${'metric'.padEnd(14)}${'model'.padStart(8)}${'majority'.padStart(10)}${'naive-B'.padStart(9)}${'ECE'.padStart(8)}`,
);
for (const metric of severityMetrics) {
  const rate = (tally: Tally) => format(tally.correct[metric] / tally.count);
  printLine(
    `${metric.padEnd(14)}${rate(model).padStart(8)}${rate(majority).padStart(10)}${rate(naiveBayes).padStart(9)}${format(computeCalibrationError(calibration[metric]!)).padStart(8)}`,
  );
}
const share = (count: number, tally: Tally) => format(count / tally.count);
printLine(
  `${'exact vector'.padEnd(14)}${share(model.exact, model).padStart(8)}${share(majority.exact, majority).padStart(10)}${share(naiveBayes.exact, naiveBayes).padStart(9)}`,
);
printLine(
  `${'rating band'.padEnd(14)}${share(model.band, model).padStart(8)}${share(majority.band, majority).padStart(10)}${share(naiveBayes.band, naiveBayes).padStart(9)}${format(computeCalibrationError(bandCalibration)).padStart(8)}`,
);
printLine(`unrated (too little known vocabulary): ${unrated}`);

let shippedSize = 0;
try {
  shippedSize = statSync(shippedSeverityModelPath).size;
} catch {
  printLine('no shipped model: run npm run train:severity');
}
/** Wall-clock and CPU milliseconds of `work` (CPU time shows the cost on a busy machine too). */
function measure<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const begin = performance.now();
  const value = work();
  const wall = performance.now() - begin;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

if (shippedSize > 0) {
  const loads = Array.from({ length: 5 }, () =>
    measure(() => parseSeverityModel(readFileSync(shippedSeverityModelPath))),
  );
  const shipped = loads[0]!.value.ok ? loads[0]!.value.value : null;
  if (shipped) {
    for (const item of allRecords.slice(0, 200)) predictSeverity(shipped, item.text); // warm up
    const run = measure(() => {
      for (const item of allRecords) predictSeverity(shipped, item.text);
    });
    const later = loads.slice(1).sort((left, right) => left.wall - right.wall);
    const median = later[Math.floor(later.length / 2)]!;
    printLine();
    printLine(`shipped model: ${(shippedSize / 1024 / 1024).toFixed(2)} MB`);
    printLine(
      `load (read + parse + decode): first ${loads[0]!.wall.toFixed(0)} ms (CPU ${loads[0]!.cpu.toFixed(0)} ms), ` +
        `then median ${median.wall.toFixed(0)} ms (CPU ${median.cpu.toFixed(0)} ms)`,
    );
    printLine(
      `predict with reasons: ${(run.wall / allRecords.length).toFixed(3)} ms per report ` +
        `(CPU ${(run.cpu / allRecords.length).toFixed(3)} ms; mean over ${allRecords.length})`,
    );
  }
}
