// The documents `thresher severity` prints (and any other front end would): the stable JSON of
// docs/severity.md, and a terminal summary with each metric's value, confidence and reasons.

import {
  sanitizeForTerminal,
  severityMetrics,
  stringifyJsonForTerminal,
  type CombinedSeverity,
  type SeverityPrediction,
} from '../core/index.js';
import type { ReportSeverity, SeverityOutcome } from '../services/assess-report-severity.js';

/** The `predicted` object: vector, score, rating and each metric with its reasons. */
function toJsonPrediction(prediction: SeverityPrediction) {
  return {
    vector: prediction.vector,
    score: prediction.score,
    rating: prediction.rating,
    ratingProbabilities: prediction.ratingProbabilities,
    ratingRange: prediction.ratingRange,
    knownWords: prediction.knownWords,
    metrics: Object.fromEntries(
      severityMetrics.map((metric) => {
        const predicted = prediction.metrics[metric];
        return [
          metric,
          {
            value: predicted.value,
            confidence: predicted.confidence,
            probabilities: predicted.probabilities,
            reasons: predicted.reasons,
          },
        ];
      }),
    ),
  };
}

function toJsonAssessed(assessed: CombinedSeverity) {
  return {
    basis: assessed.basis,
    rating: assessed.rating,
    score: assessed.score,
    vector: assessed.vector,
    range: assessed.range,
    disagreements: assessed.disagreements.map((disagreement) => ({
      metric: disagreement.metric,
      claimed: disagreement.claimed,
      predicted: disagreement.predicted,
      confidence: disagreement.confidence,
      isAdjusted: disagreement.isAdjusted,
      message: disagreement.message,
    })),
    reasons: assessed.reasons,
  };
}

export function renderSeverityJson(outcome: SeverityOutcome): string {
  return stringifyJsonForTerminal({
    reports: outcome.results.map((result) => ({
      source: result.report.source,
      title: result.report.title,
      claimed: result.claimed,
      assessed: toJsonAssessed(result.assessed),
      predicted: toJsonPrediction(result.predicted),
    })),
    problems: outcome.problems,
  });
}

function describeRating(rating: string, score: number | null, vector: string | null): string {
  return [rating, score === null ? null : score.toFixed(1), vector].filter(Boolean).join(' ');
}

function flatten(text: string): string {
  const flat = text.split(/\s+/).join(' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

function renderResult(result: ReportSeverity): string[] {
  const { claimed, assessed, predicted } = result;
  const range = assessed.range
    ? ` (probably ${assessed.range.lowest} to ${assessed.range.highest})`
    : '';
  const bandConfidence =
    predicted.rating === 'unknown'
      ? ''
      : ` (${predicted.ratingProbabilities[predicted.rating].toFixed(2)})`;
  const lines = [
    `${flatten(result.report.title)} (${result.report.source})`,
    `  claimed:   ${claimed ? describeRating(claimed.rating, claimed.score, claimed.vector) : 'none'}`,
    `  assessed:  ${describeRating(assessed.rating, assessed.score, assessed.vector)}${range} [${assessed.basis}]`,
    ...assessed.reasons.map((reason) => `    - ${reason}`),
    ...assessed.disagreements
      .filter((disagreement) => !disagreement.isAdjusted)
      .map((disagreement) => `    note: ${disagreement.message}`),
    `  predicted: ${describeRating(predicted.rating, predicted.score, predicted.vector)}${bandConfidence}`,
  ];
  for (const metric of severityMetrics) {
    const { value, confidence, reasons } = predicted.metrics[metric];
    const words = reasons.map((reason) => `"${flatten(reason.text)}"`).join(', ');
    lines.push(`    ${`${metric}:${value}`.padEnd(5)} ${confidence.toFixed(2)}  ${words}`);
  }
  return lines;
}

export function renderSeverityText(outcome: SeverityOutcome): string {
  const blocks = outcome.results.map((result) => renderResult(result).join('\n'));
  return sanitizeForTerminal(`${blocks.join('\n\n')}\n`);
}
