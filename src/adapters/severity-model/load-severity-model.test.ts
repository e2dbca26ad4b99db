import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestSeverityModel } from '../../core/severity/build-test-severity-model.js';
import { predictSeverity, serializeSeverityModel, severityMetrics } from '../../core/index.js';
import {
  createSeverityModelSource,
  readSeverityModel,
  shippedSeverityModelPath,
} from './load-severity-model.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-severity-model-'));

function write(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('readSeverityModel', () => {
  it('loads the shipped model, of this version, and explains with spans into the text', async () => {
    const model = await readSeverityModel(shippedSeverityModelPath);
    expect(model.provenance.records).toBeGreaterThan(1000);
    const text =
      'Stored cross-site scripting in the admin console.\nAn authenticated administrator can ' +
      'inject JavaScript into the page title, which runs in the browser of other users.';
    const prediction = predictSeverity(model, text);
    expect(prediction.rating).not.toBe('unknown');
    for (const metric of severityMetrics) {
      const reasons = prediction.metrics[metric].reasons;
      for (const reason of reasons) {
        expect(text.slice(reason.start, reason.end)).toBe(reason.text);
      }
    }
    expect(prediction.metrics.UI.value).toBe('R');
  });

  it('loads a model file it wrote', async () => {
    const path = write('good.bin', serializeSeverityModel(buildTestSeverityModel()));
    const model = await readSeverityModel(path);
    expect(model.featureIndex.size).toBe(buildTestSeverityModel().featureIndex.size);
  });

  it('names the file and both versions when the version is another', async () => {
    const path = write(
      'v1.json',
      JSON.stringify({ format: 'thresher-severity-model', version: 1, vocabulary: [] }),
    );
    await expect(readSeverityModel(path)).rejects.toThrow(
      `the severity model ${path} cannot be used: model format version 1; this Thresher reads version 2`,
    );
  });

  it('refuses a damaged file and a missing one with an InputError', async () => {
    const damaged = write(
      'damaged.bin',
      serializeSeverityModel(buildTestSeverityModel()).subarray(0, 20),
    );
    await expect(readSeverityModel(damaged)).rejects.toMatchObject({
      code: 'input',
      message: `the severity model ${damaged} cannot be used: not a thresher-severity-model file`,
    });
    await expect(readSeverityModel(join(folder, 'missing.bin'))).rejects.toMatchObject({
      code: 'input',
    });
  });

  it('reads the file once, on first use', async () => {
    const path = write('lazy.bin', serializeSeverityModel(buildTestSeverityModel()));
    const source = createSeverityModelSource(path);
    const first = await source.load();
    writeFileSync(path, 'changed');
    expect(await source.load()).toBe(first);
  });
});
