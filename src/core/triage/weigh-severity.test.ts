import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile } from '../../../test/support/build-fact.js';
import type { SeverityAssessment } from '../model/triage-result.js';
import type { SeverityPrediction } from '../severity/predict-severity.js';
import { severityMetrics } from '../severity/severity-metrics.js';
import { weighSeverity } from './weigh-severity.js';

// A prediction as the model gives it: AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H, PR very sure.
function prediction(confidence = 0.9): SeverityPrediction {
  const values: Record<string, string> = {
    AV: 'N',
    AC: 'L',
    PR: 'H',
    UI: 'N',
    S: 'U',
    C: 'H',
    I: 'H',
    A: 'H',
  };
  const metrics = Object.fromEntries(
    severityMetrics.map((metric) => [
      metric,
      {
        value: values[metric]!,
        confidence: metric === 'PR' ? confidence : 0.95,
        probabilities: { [values[metric]!]: metric === 'PR' ? confidence : 0.95 },
        reasons:
          metric === 'PR' ? [{ text: 'an admin account', start: 10, end: 26, weight: 1.2 }] : [],
      },
    ]),
  ) as unknown as SeverityPrediction['metrics'];
  return {
    vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
    score: 7.2,
    rating: 'high',
    ratingProbabilities: { none: 0, low: 0.02, medium: 0.08, high: 0.85, critical: 0.05 },
    ratingRange: { lowest: 'high', highest: 'high' },
    metrics,
    knownWords: 40,
  };
}

const claimedCritical: SeverityAssessment = {
  claimed: {
    source: 'cvss',
    rating: 'critical',
    score: 9.8,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    quote: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  },
  assessed: {
    rating: 'critical',
    score: 9.8,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    reasons: [],
  },
  comparison: 'consistent',
};

describe('weighSeverity', () => {
  it('lists where the claimed vector and the text disagree, metric by metric', () => {
    const weighed = weighSeverity(claimedCritical, [], buildProfile(), prediction());
    expect(weighed.model?.disagreements.join('\n')).toContain('you said PR:N');
    expect(weighed.assessed.reasons.join('\n')).toContain('PR:H');
  });

  it('fills a rating from the text when the report shows the problem but states no vector', () => {
    const unbuilt: SeverityAssessment = {
      claimed: null,
      assessed: {
        rating: 'unknown',
        score: null,
        vector: null,
        unratedBecause: 'no-facts',
        reasons: ['not enough facts: no CVSS vector and no described impact'],
      },
      comparison: 'not-comparable',
    };
    const weighed = weighSeverity(
      unbuilt,
      [buildFact('reproduction-steps', 'command')],
      buildProfile(),
      prediction(),
    );
    expect(weighed.assessed.rating).toBe('high');
    expect(weighed.assessed.reasons.join('\n')).toContain('severity model');
    // Nothing shown: the rule-based `unknown` stands, whatever the model reads.
    const unshown: SeverityAssessment = {
      ...unbuilt,
      assessed: {
        ...unbuilt.assessed,
        unratedBecause: 'nothing-shown',
        reasons: ['the report shows no reproduction'],
      },
    };
    expect(weighSeverity(unshown, [], buildProfile(), prediction()).assessed.rating).toBe(
      'unknown',
    );
  });

  it('puts the assessment on the project’s own scale', () => {
    const profile = {
      ...buildProfile(),
      severity: {
        cvss: false,
        levels: [
          { id: 'important', description: 'fix within a week', cvss: { min: 7, max: 10 } },
          { id: 'moderate', description: 'next release', cvss: { min: 0.1, max: 6.9 } },
        ],
      },
    };
    const weighed = weighSeverity(claimedCritical, [], profile, null);
    expect(weighed.project).toMatchObject({ level: 'important', showsCvss: false });
    expect(weighed.model).toBeUndefined();
  });
});
