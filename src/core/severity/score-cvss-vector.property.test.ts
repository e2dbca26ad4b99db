import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCvssVector, scoreCvssVector } from './score-cvss-vector.js';

const v31Metrics = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['N', 'L', 'H'],
  I: ['N', 'L', 'H'],
  A: ['N', 'L', 'H'],
} as const;

const validVector = fc
  .record(
    Object.fromEntries(
      Object.entries(v31Metrics).map(([metric, values]) => [metric, fc.constantFrom(...values)]),
    ),
  )
  .map(
    (metrics) =>
      `CVSS:3.1/${Object.entries(metrics)
        .map(([metric, value]) => `${metric}:${value}`)
        .join('/')}`,
  );

describe('parseCvssVector and scoreCvssVector (properties)', () => {
  it('never throw on arbitrary text and return a complete vector or null', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constant('CVSS:3.1/').chain((prefix) => fc.string().map((rest) => prefix + rest)),
        ),
        (text) => {
          const parsed = parseCvssVector(text);
          if (parsed === null) return;
          expect(() => scoreCvssVector(parsed)).not.toThrow();
        },
      ),
    );
  });

  it('score every valid v3.1 vector within 0..10 with the matching FIRST rating', () => {
    fc.assert(
      fc.property(validVector, (vector) => {
        const scored = scoreCvssVector(parseCvssVector(vector)!);
        expect(scored).not.toBeNull();
        expect(scored!.vector).toBe(vector);
        expect(scored!.score).toBeGreaterThanOrEqual(0);
        expect(scored!.score).toBeLessThanOrEqual(10);
        expect(scored!.rating === 'none').toBe(scored!.score === 0);
      }),
    );
  });
});
