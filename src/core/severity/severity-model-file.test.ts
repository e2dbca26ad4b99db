import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestSeverityModel, testSeverityRecords } from './build-test-severity-model.js';
import { predictSeverity } from './predict-severity.js';
import {
  parseSeverityModel,
  serializeSeverityModel,
  severityModelVersion,
} from './severity-model-file.js';
import { readHeadWeight, type SeverityHeadName } from './severity-model.js';

const text = 'A remote attacker can send a crafted network request and read secret files.';
const magic = 'thresher-severity-model\n';

function readBack(bytes: Uint8Array) {
  const parsed = parseSeverityModel(bytes);
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
  return parsed.value;
}

/** The file with its header JSON replaced by what `change` makes of it (sections kept). */
function rewriteHeader(bytes: Uint8Array, change: (header: Record<string, unknown>) => void) {
  const headerEnd = bytes.indexOf(0x0a, magic.length);
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(magic.length, headerEnd)),
  ) as Record<string, unknown>;
  change(header);
  const head = new TextEncoder().encode(`${magic}${JSON.stringify(header)}\n`);
  const rewritten = new Uint8Array(head.length + bytes.length - headerEnd - 1);
  rewritten.set(head);
  rewritten.set(bytes.subarray(headerEnd + 1), head.length);
  return rewritten;
}

describe('severity model file', () => {
  it('reads back what it wrote: every weight within half a quantisation step', () => {
    const model = buildTestSeverityModel();
    const loaded = readBack(serializeSeverityModel(model));
    expect(loaded.featureIndex.size).toBe(model.featureIndex.size);
    expect([...loaded.featureIndex.keys()]).toEqual([...model.featureIndex.keys()]);
    for (const [feature, column] of model.featureIndex) {
      expect(loaded.featureIndex.get(feature)).toBe(column);
      expect(loaded.idf[column]! * (loaded.idfScale ?? 1)).toBeCloseTo(model.idf[column]!, 3);
    }
    expect(loaded.featureIndex.get('w:no-such-feature')).toBeUndefined();
    for (const name of Object.keys(model.heads) as SeverityHeadName[]) {
      const trained = model.heads[name];
      const read = loaded.heads[name];
      expect(read.values).toEqual(trained.values);
      const step = read.weightScale!;
      for (let index = 0; index < trained.weights.length; index += 1) {
        const difference = Math.abs(readHeadWeight(read, index) - readHeadWeight(trained, index));
        expect(difference).toBeLessThanOrEqual(step / 2 + 1e-6);
      }
    }
  });

  it('predicts the same probabilities as the trained model within the 8-bit rounding', () => {
    const model = buildTestSeverityModel();
    const loaded = readBack(serializeSeverityModel(model));
    for (const { text: recordText } of testSeverityRecords.slice(0, 12)) {
      const before = predictSeverity(model, recordText);
      const after = predictSeverity(loaded, recordText);
      expect(after.vector).toBe(before.vector);
      for (const metric of Object.keys(before.metrics) as Array<keyof typeof before.metrics>) {
        for (const [value, probability] of Object.entries(before.metrics[metric].probabilities))
          expect(Math.abs(after.metrics[metric].probabilities[value]! - probability)).toBeLessThan(
            0.02,
          );
      }
    }
  });

  it('writes the same bytes for the same model, and again after reading them back', () => {
    const bytes = serializeSeverityModel(buildTestSeverityModel());
    expect(serializeSeverityModel(buildTestSeverityModel())).toEqual(bytes);
    expect(serializeSeverityModel(readBack(bytes))).toEqual(bytes);
    const loaded = readBack(bytes);
    expect(predictSeverity(readBack(serializeSeverityModel(loaded)), text)).toEqual(
      predictSeverity(loaded, text),
    );
  });

  it('reads a file from any position in memory (a copy when unaligned)', () => {
    const bytes = serializeSeverityModel(buildTestSeverityModel());
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const loaded = readBack(shifted.subarray(3));
    expect(predictSeverity(loaded, text)).toEqual(predictSeverity(readBack(bytes), text));
  });

  it('refuses another version with both versions named', () => {
    const bytes = rewriteHeader(serializeSeverityModel(buildTestSeverityModel()), (header) => {
      header.version = severityModelVersion + 1;
    });
    const parsed = parseSeverityModel(bytes);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.message).toBe(
      `model format version ${severityModelVersion + 1}; this Thresher reads version ${severityModelVersion}`,
    );
  });

  it('names format version 1 (the JSON file) when given one', () => {
    const legacy = new TextEncoder().encode(
      JSON.stringify({ format: 'thresher-severity-model', version: 1, vocabulary: [] }),
    );
    expect(parseSeverityModel(legacy)).toMatchObject({
      ok: false,
      issues: [
        { message: `model format version 1; this Thresher reads version ${severityModelVersion}` },
      ],
    });
  });

  it('refuses a file of another format, a truncated file and heads that do not fit', () => {
    const encode = (value: string) => new TextEncoder().encode(value);
    expect(parseSeverityModel(encode('{"format":"something-else","version":1}'))).toMatchObject({
      ok: false,
      issues: [{ message: 'not a thresher-severity-model file' }],
    });
    expect(parseSeverityModel(encode('PK\u0003\u0004'))).toMatchObject({
      ok: false,
      issues: [{ message: 'not a thresher-severity-model file' }],
    });
    const written = serializeSeverityModel(buildTestSeverityModel());
    const truncated = parseSeverityModel(written.subarray(0, written.length - 8));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.issues[0]!.message).toMatch(/^the file is truncated/);
    expect(parseSeverityModel(written.subarray(0, magic.length + 10))).toMatchObject({
      ok: false,
      issues: [{ message: 'the header is damaged' }],
    });
    const missing = rewriteHeader(written, (header) => {
      header.heads = (header.heads as Array<{ name: string }>).filter((head) => head.name !== 'AV');
    });
    expect(parseSeverityModel(missing)).toMatchObject({
      ok: false,
      issues: [{ message: 'head AV is missing' }],
    });
    const relabelled = rewriteHeader(written, (header) => {
      (header.heads as Array<{ values: string[] }>)[0]!.values = ['X', 'Y', 'Z', 'W'];
    });
    expect(parseSeverityModel(relabelled)).toMatchObject({
      ok: false,
      issues: [{ message: 'head AV: unknown values' }],
    });
    const moreFeatures = rewriteHeader(written, (header) => {
      header.featureCount = (header.featureCount as number) + 1;
    });
    expect(parseSeverityModel(moreFeatures).ok).toBe(false);
    const noHeads = rewriteHeader(written, (header) => {
      header.heads = null;
    });
    expect(parseSeverityModel(noHeads).ok).toBe(false);
  });

  it('never throws on damaged bytes, whatever they are', () => {
    const written = serializeSeverityModel(buildTestSeverityModel());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: written.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: written.length }),
        (position, value, length) => {
          const damaged = written.slice(0, Math.max(length, position + 1));
          damaged[position] = value;
          const parsed = parseSeverityModel(damaged);
          if (parsed.ok) {
            // Whatever survives still answers every lookup without throwing.
            predictSeverity(parsed.value, text);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
