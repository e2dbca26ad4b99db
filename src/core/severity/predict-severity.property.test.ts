import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestSeverityModel } from './build-test-severity-model.js';
import { predictSeverity } from './predict-severity.js';
import { severityMetrics } from './severity-metrics.js';

const words = [
  'remote',
  'attacker',
  'network',
  'request',
  'local',
  'shell',
  'administrator',
  'account',
  'logged in',
  'without any authentication',
  'execute arbitrary code',
  'crash the service',
  'read secret files',
  'Ünïcödé',
  '😀',
  '\n\n',
  '  ',
  '—',
];

const reportText = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 })), { maxLength: 40 })
  .map((parts) => parts.join(' '));

describe('predictSeverity', () => {
  it('every reason span slices to its text, and probabilities sum to one', () => {
    const model = buildTestSeverityModel();
    fc.assert(
      fc.property(reportText, (text) => {
        const prediction = predictSeverity(model, text);
        for (const metric of severityMetrics) {
          const predicted = prediction.metrics[metric];
          for (const reason of predicted.reasons) {
            expect(reason.start).toBeGreaterThanOrEqual(0);
            expect(reason.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(reason.start, reason.end)).toBe(reason.text);
            expect(reason.weight).toBeGreaterThan(0);
          }
          const sum = Object.values(predicted.probabilities).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(1, 2);
          expect(predicted.confidence).toBe(predicted.probabilities[predicted.value]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('explains a metric with the words that decided it', () => {
    const text = 'In the parser, a local user with a shell on the machine can crash the service.';
    const prediction = predictSeverity(buildTestSeverityModel(), text);
    expect(prediction.metrics.AV.value).toBe('L');
    const reasons = prediction.metrics.AV.reasons.map((reason) => reason.text.toLowerCase());
    expect(reasons.some((reason) => /local|shell|machine|user/.test(reason))).toBe(true);
  });

  it('rates unknown, with no vector or score, when too little of the text is known', () => {
    const prediction = predictSeverity(buildTestSeverityModel(), 'zzz qqq');
    expect(prediction.rating).toBe('unknown');
    expect(prediction.vector).toBeNull();
    expect(prediction.score).toBeNull();
    expect(prediction.ratingRange).toEqual({ lowest: 'none', highest: 'critical' });
  });

  it('gives a vector whose score falls in the rating', () => {
    const prediction = predictSeverity(
      buildTestSeverityModel(),
      'A remote attacker can send a crafted network request without any authentication and execute arbitrary code.',
    );
    expect(prediction.vector).toMatch(/^CVSS:3\.1\/AV:N\//);
    expect(prediction.rating).toBe('critical');
    expect(prediction.score).toBeGreaterThanOrEqual(9);
  });
});
