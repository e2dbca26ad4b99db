import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractSeverityFeatures } from './extract-severity-features.js';
import { parseSeverityModel, serializeSeverityModel } from './severity-model-file.js';
import { testSeverityRecords, testSeverityTrainingOptions } from './build-test-severity-model.js';
import { trainSeverityModel } from './train-severity-model.js';

const plain = { charNgramMin: 3, charNgramMax: 4 };
const phrases = { ...plain, phraseFeatures: true };

describe('extractSeverityFeatures', () => {
  it('adds word triples and "requires <privilege>" cues only when asked, spanning real text', () => {
    const text = 'Exploitation requires a valid admin account on the server.';
    const without = extractSeverityFeatures(text, plain).map((occurrence) => occurrence.feature);
    expect(without.some((feature) => feature.startsWith('t:'))).toBe(false);
    expect(without).not.toContain('h:admin-required');
    const found = extractSeverityFeatures(text, phrases);
    const cue = found.find((occurrence) => occurrence.feature === 'h:admin-required');
    expect(cue && text.slice(cue.start, cue.end)).toBe('requires a valid admin');
    const triple = found.find((occurrence) => occurrence.feature === 't:valid admin account');
    expect(triple && text.slice(triple.start, triple.end)).toBe('valid admin account');
  });

  it('does not reach further than three words back for a requirement', () => {
    const text = 'It requires that the remote unauthenticated user';
    const features = extractSeverityFeatures(text, phrases).map((occurrence) => occurrence.feature);
    expect(features).not.toContain('h:user-required');
    expect(features).toContain('h:no-auth');
  });

  it('keeps every span inside the text, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const occurrence of extractSeverityFeatures(text, phrases)) {
          expect(occurrence.start).toBeGreaterThanOrEqual(0);
          expect(occurrence.end).toBeLessThanOrEqual(text.length);
          expect(occurrence.start).toBeLessThan(occurrence.end);
        }
      }),
    );
  });

  it('is linear on a hostile text: a long run of requirement words and cues', () => {
    const text = 'requires admin '.repeat(5_000);
    const features = extractSeverityFeatures(text, phrases);
    // 2 words, 2 pairs, 2 triples, char n-grams and at most 2 cues per repetition, no blow-up.
    expect(features.length).toBeLessThan(5_000 * 40);
  });
});

describe('the model file keeps the phrase option', () => {
  it('writes phraseFeatures only when set and reads it back', () => {
    const options = {
      ...testSeverityTrainingOptions,
      features: { ...testSeverityTrainingOptions.features, phraseFeatures: true },
    };
    const bytes = serializeSeverityModel(trainSeverityModel(testSeverityRecords, options));
    expect(new TextDecoder().decode(bytes)).toContain('"phraseFeatures":true');
    const parsed = parseSeverityModel(bytes);
    expect(parsed.ok && parsed.value.options.phraseFeatures).toBe(true);
  });
});
