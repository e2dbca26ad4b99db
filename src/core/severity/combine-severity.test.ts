import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/fact.js';
import { combineSeverity } from './combine-severity.js';
import type { SeverityPrediction } from './predict-severity.js';
import { severityMetrics, type RatingBand, type SeverityMetric } from './severity-metrics.js';

const text = 'An attacker who requires an admin account can read the database.';

/** A prediction of `vector` with confidence 0.95 per metric unless `overrides` says otherwise. */
function makePrediction(
  vector: string,
  rating: SeverityPrediction['rating'],
  score: number,
  overrides: Partial<Record<SeverityMetric, { confidence: number; reason?: string }>> = {},
  ratingProbability = 0.9,
): SeverityPrediction {
  const values = new Map(
    vector
      .split('/')
      .slice(1)
      .map((part) => part.split(':') as [string, string]),
  );
  const metrics = {} as SeverityPrediction['metrics'];
  for (const metric of severityMetrics) {
    const value = values.get(metric)!;
    const override = overrides[metric];
    const reason = override?.reason;
    const start = reason ? text.indexOf(reason) : 0;
    metrics[metric] = {
      value,
      confidence: override?.confidence ?? 0.95,
      probabilities: { [value]: override?.confidence ?? 0.95 },
      reasons: reason ? [{ text: reason, start, end: start + reason.length, weight: 1.2 }] : [],
    };
  }
  const ratingProbabilities = { none: 0, low: 0, medium: 0, high: 0, critical: 0 } as Record<
    RatingBand,
    number
  >;
  if (rating !== 'unknown') ratingProbabilities[rating] = ratingProbability;
  return {
    vector: rating === 'unknown' ? null : vector,
    score: rating === 'unknown' ? null : score,
    rating,
    ratingProbabilities,
    ratingRange: { lowest: 'medium', highest: 'high' },
    metrics,
    knownWords: 20,
  };
}

const claimed = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N';

describe('combineSeverity', () => {
  it('keeps the claimed vector when the model reads the same', () => {
    const assessed = combineSeverity({
      claimedVector: claimed,
      prediction: makePrediction(claimed, 'high', 7.5),
    });
    expect(assessed).toMatchObject({
      basis: 'claimed',
      vector: claimed,
      score: 7.5,
      rating: 'high',
    });
    expect(assessed.disagreements).toEqual([]);
  });

  it('takes a confident disagreeing metric and says why, metric by metric', () => {
    const prediction = makePrediction(
      'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N',
      'medium',
      4.9,
      { PR: { confidence: 0.87, reason: 'requires an admin account' } },
    );
    const assessed = combineSeverity({ claimedVector: claimed, prediction });
    expect(assessed.basis).toBe('claimed-adjusted');
    expect(assessed.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N');
    expect(assessed.score).toBe(4.9);
    expect(assessed.rating).toBe('medium');
    expect(assessed.disagreements).toEqual([
      expect.objectContaining({
        metric: 'PR',
        claimed: 'N',
        predicted: 'H',
        isAdjusted: true,
        message: "you said PR:N; the report reads as PR:H (0.87): 'requires an admin account'",
      }),
    ]);
  });

  it('lists a less sure disagreement without changing the vector', () => {
    const prediction = makePrediction(
      'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N',
      'medium',
      4.9,
      { PR: { confidence: 0.7 } },
    );
    const assessed = combineSeverity({ claimedVector: claimed, prediction });
    expect(assessed.basis).toBe('claimed');
    expect(assessed.vector).toBe(claimed);
    expect(assessed.disagreements).toMatchObject([{ metric: 'PR', isAdjusted: false }]);
  });

  it('lets what the report states outright win over the claim and the model', () => {
    const fact: Fact = {
      kind: 'privileges-required',
      value: 'low',
      origin: 'prose',
      span: { start: 0, end: 10, line: 1 },
      quote: 'any logged-in user',
    };
    const prediction = makePrediction(
      'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N',
      'medium',
      4.9,
    );
    const assessed = combineSeverity({ claimedVector: claimed, prediction, facts: [fact] });
    expect(assessed.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N');
    expect(assessed.disagreements).toEqual([]);
    expect(assessed.reasons[0]).toContain('any logged-in user');
  });

  it('ignores inferred facts as statements', () => {
    const fact: Fact = {
      kind: 'privileges-required',
      value: 'low',
      origin: 'inferred',
      span: { start: 0, end: 10, line: 1 },
      quote: 'x',
    };
    const assessed = combineSeverity({
      claimedVector: claimed,
      prediction: makePrediction(claimed, 'high', 7.5),
      facts: [fact],
    });
    expect(assessed.vector).toBe(claimed);
  });

  it('gives the prediction when there is no claim and the model is sure', () => {
    const vector = 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H';
    const assessed = combineSeverity({
      claimedVector: 'CVSS:3.1/AV:X',
      prediction: makePrediction(vector, 'high', 7.8),
    });
    expect(assessed).toMatchObject({
      basis: 'predicted',
      vector,
      score: 7.8,
      rating: 'high',
      range: null,
    });
  });

  it('gives a range, never a number, when there is no claim and the model is unsure', () => {
    const prediction = makePrediction(
      'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N',
      'medium',
      5.4,
      {},
      0.45,
    );
    const assessed = combineSeverity({ prediction });
    expect(assessed).toMatchObject({
      basis: 'range',
      rating: 'unknown',
      score: null,
      vector: null,
      range: { lowest: 'medium', highest: 'high' },
    });
  });

  it('is unknown when there is no claim and the text is too unfamiliar', () => {
    const prediction = makePrediction(claimed, 'unknown', 0);
    expect(combineSeverity({ prediction })).toMatchObject({
      basis: 'unknown',
      rating: 'unknown',
      score: null,
    });
  });
});
