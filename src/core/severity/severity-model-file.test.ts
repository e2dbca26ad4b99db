import { describe, expect, it } from 'vitest';
import { buildTestSeverityModel } from './build-test-severity-model.js';
import { predictSeverity } from './predict-severity.js';
import {
  parseSeverityModel,
  serializeSeverityModel,
  severityModelVersion,
} from './severity-model-file.js';

const text = 'A remote attacker can send a crafted network request and read secret files.';

describe('severity model file', () => {
  it('reads back what it wrote, with the same predictions up to quantisation', () => {
    const model = buildTestSeverityModel();
    const parsed = parseSeverityModel(serializeSeverityModel(model));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.featureIndex.size).toBe(model.featureIndex.size);
    const before = predictSeverity(model, text);
    const after = predictSeverity(parsed.value, text);
    expect(after.vector).toBe(before.vector);
    expect(after.metrics.AV.confidence).toBeCloseTo(before.metrics.AV.confidence, 1);
  });

  it('refuses another version with both versions named', () => {
    const file = JSON.parse(serializeSeverityModel(buildTestSeverityModel())) as {
      version: number;
    };
    file.version = severityModelVersion + 1;
    const parsed = parseSeverityModel(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.message).toBe(
      `model format version ${severityModelVersion + 1}; this Thresher reads version ${severityModelVersion}`,
    );
  });

  it('refuses a file of another format, a truncated file and weights that do not fit', () => {
    expect(parseSeverityModel('{"format":"something-else","version":1}')).toMatchObject({
      ok: false,
      issues: [{ message: 'not a thresher-severity-model file' }],
    });
    const written = serializeSeverityModel(buildTestSeverityModel());
    expect(parseSeverityModel(written.slice(0, written.length / 2))).toMatchObject({
      ok: false,
      issues: [{ message: 'not JSON: the file is damaged' }],
    });
    const file = JSON.parse(written) as { heads: Array<{ weights: string }> };
    file.heads[0]!.weights = 'AAAA';
    expect(parseSeverityModel(JSON.stringify(file))).toMatchObject({
      ok: false,
      issues: [{ message: 'head AV: weights do not fit' }],
    });
    const broken = JSON.parse(written) as { heads: unknown };
    broken.heads = null;
    expect(parseSeverityModel(JSON.stringify(broken)).ok).toBe(false);
  });
});
