import { describe, expect, it } from 'vitest';
import {
  buildTestSeverityModel,
  testSeverityRecords,
  testSeverityTrainingOptions,
} from './build-test-severity-model.js';
import { predictSeverity } from './predict-severity.js';
import { serializeSeverityModel } from './severity-model-file.js';
import { computeClassWeights, trainSeverityModel } from './train-severity-model.js';

describe('trainSeverityModel', () => {
  it('learns the obvious signals of a small fixed sample', () => {
    const model = buildTestSeverityModel();
    const remote = predictSeverity(
      model,
      'A remote attacker can send a crafted network request without any authentication and execute arbitrary code.',
    );
    expect(remote.metrics.AV.value).toBe('N');
    expect(remote.metrics.PR.value).toBe('N');
    expect(remote.metrics.C.value).toBe('H');
    expect(remote.metrics.A.value).toBe('H');
    const local = predictSeverity(
      model,
      'A local user with a shell on the machine, only with an administrator account, can crash the service.',
    );
    expect(local.metrics.AV.value).toBe('L');
    expect(local.metrics.PR.value).toBe('H');
    expect(local.metrics.C.value).toBe('N');
    expect(local.metrics.A.value).toBe('H');
  });

  it('is deterministic: the same records and options give the same file', () => {
    const again = trainSeverityModel(testSeverityRecords, testSeverityTrainingOptions);
    expect(serializeSeverityModel(again)).toEqual(serializeSeverityModel(buildTestSeverityModel()));
  });

  it('scales features by their naive-Bayes ratios when asked, reproducibly', () => {
    const options = { ...testSeverityTrainingOptions, naiveBayesSmoothing: 1 };
    const model = trainSeverityModel(testSeverityRecords, options);
    const remote = predictSeverity(
      model,
      'A remote attacker can send a crafted network request without any authentication and execute arbitrary code.',
    );
    expect(remote.metrics.AV.value).toBe('N');
    expect(remote.metrics.PR.value).toBe('N');
    expect(serializeSeverityModel(trainSeverityModel(testSeverityRecords, options))).toEqual(
      serializeSeverityModel(model),
    );
    expect(serializeSeverityModel(model)).not.toEqual(
      serializeSeverityModel(buildTestSeverityModel()),
    );
  });

  it('weighs rare classes more when a head asks for class weights, reproducibly', () => {
    // PR:H only in the parser's records: a rare class.
    const skewed = testSeverityRecords.filter(
      (record) => !record.vector.includes('PR:H') || record.text.startsWith('In the parser'),
    );
    const options = { ...testSeverityTrainingOptions, classWeightPower: { PR: 0.5 } };
    const model = trainSeverityModel(skewed, options);
    expect(serializeSeverityModel(trainSeverityModel(skewed, options))).toEqual(
      serializeSeverityModel(model),
    );
    const plain = trainSeverityModel(skewed, testSeverityTrainingOptions);
    expect(Array.from(model.heads.PR.weights)).not.toEqual(Array.from(plain.heads.PR.weights));
    expect(Array.from(model.heads.AV.weights)).toEqual(Array.from(plain.heads.AV.weights));
    expect(model.provenance.trainedWith).toMatch(/class-weighted heads PR \^0\.5/);
  });

  it('computes class weights from the label counts', () => {
    const labels = Int32Array.from([0, 0, 0, 1]);
    expect(computeClassWeights(labels, 2, 0)).toEqual([1, 1]);
    expect(computeClassWeights(labels, 2, 1)).toEqual([4 / 6, 2]);
    expect(computeClassWeights(labels, 3, 0.5)).toEqual([
      Math.sqrt(4 / 9),
      Math.sqrt(4 / 3),
      Math.sqrt(4 / 3),
    ]);
  });

  it('fits a temperature per head on held-out folds', () => {
    for (const head of Object.values(buildTestSeverityModel().heads)) {
      expect(head.temperature).toBeGreaterThan(0);
      expect(Number.isFinite(head.temperature)).toBe(true);
    }
  });

  it('refuses records whose vector is not CVSS 3.x', () => {
    expect(() =>
      trainSeverityModel([{ text: 'x', vector: 'CVSS:4.0/AV:N' }], testSeverityTrainingOptions),
    ).toThrow(/record 1/);
  });
});
