// Brings the severity model into triage: the rule-based assessment stays in charge of what the
// report shows; the model lists where the claimed vector and the text disagree, fills in a rating
// (or a range) when the report shows the problem but its facts build no vector, and the result is
// put on the project's own scale when the profile has one.

import type { SecurityProfile } from '../model/security-profile.js';
import type { Fact } from '../model/fact.js';
import type { ModelSeverity, SeverityAssessment } from '../model/triage-result.js';
import { combineSeverity } from '../severity/combine-severity.js';
import { mapToSeverityScale } from '../severity/map-to-severity-scale.js';
import type { SeverityPrediction } from '../severity/predict-severity.js';

export function weighSeverity(
  severity: SeverityAssessment,
  facts: readonly Fact[],
  profile: SecurityProfile,
  prediction: SeverityPrediction | null,
): SeverityAssessment {
  let weighed = severity;
  if (prediction !== null) {
    const claimedVector = severity.claimed?.source === 'cvss' ? severity.claimed.vector : null;
    const combined = combineSeverity({ claimedVector, prediction, facts });
    const model: ModelSeverity = {
      basis: combined.basis,
      rating: combined.rating,
      score: combined.score,
      vector: combined.vector,
      range: combined.range,
      disagreements: combined.disagreements.map((disagreement) => disagreement.message),
    };
    weighed = { ...weighed, model };
    if (severity.assessed.unratedBecause === 'no-facts' && combined.rating !== 'unknown') {
      weighed = {
        ...weighed,
        assessed: {
          rating: combined.rating,
          score: combined.basis === 'range' ? null : combined.score,
          vector: combined.basis === 'range' ? null : combined.vector,
          reasons: [
            ...combined.reasons,
            'read from the text by the severity model (no vector could be built from stated facts)',
          ],
        },
      };
    } else if (model.disagreements.length > 0) {
      weighed = {
        ...weighed,
        assessed: {
          ...weighed.assessed,
          reasons: [...weighed.assessed.reasons, ...model.disagreements],
        },
      };
    }
  }
  if (profile.severity && profile.severity.levels.length > 0) {
    const range = weighed.model?.basis === 'range' ? (prediction?.ratingRange ?? null) : null;
    weighed = {
      ...weighed,
      project: mapToSeverityScale({ ...weighed.assessed, range }, profile.severity),
    };
  }
  return weighed;
}
