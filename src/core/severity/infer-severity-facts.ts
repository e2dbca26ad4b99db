// Facts the severity model infers when the report states nothing explicit: attack vector,
// privileges required and user interaction, marked `inferred` with the model's confidence and
// the words that weighed most, so profile rules can use them and a human can see why.

import type { Fact, FactKind } from '../model/fact.js';
import { createLineLocator } from '../text/locate-line.js';
import type { SeverityPrediction } from './predict-severity.js';
import type { SeverityMetric } from './severity-metrics.js';

const inferredKinds: Array<{
  metric: SeverityMetric;
  kind: FactKind;
  words: Record<string, string>;
}> = [
  {
    metric: 'AV',
    kind: 'attack-vector',
    words: { N: 'network', A: 'adjacent', L: 'local', P: 'physical' },
  },
  { metric: 'PR', kind: 'privileges-required', words: { N: 'none', L: 'low', H: 'high' } },
  // CVSS 3.1 says only "required"; the fact vocabulary calls that active interaction.
  { metric: 'UI', kind: 'user-interaction', words: { N: 'none', R: 'active' } },
];

/**
 * One inferred fact per metric whose predicted value has at least `minConfidence`. `text` is the
 * text the prediction was made from, so spans and lines point into it.
 */
export function inferSeverityFacts(
  prediction: SeverityPrediction,
  text: string,
  minConfidence: number,
): Fact[] {
  if (prediction.rating === 'unknown') return [];
  const facts: Fact[] = [];
  const lineOf = createLineLocator(text);
  for (const { metric, kind, words } of inferredKinds) {
    const predicted = prediction.metrics[metric];
    const value = words[predicted.value];
    if (value === undefined || predicted.confidence < minConfidence) continue;
    const reason = predicted.reasons[0];
    const start = reason?.start ?? 0;
    const end = reason?.end ?? 0;
    facts.push({
      kind,
      value,
      origin: 'inferred',
      span: { start, end, line: lineOf(start) },
      quote: (reason?.text ?? '').slice(0, 200),
      confidence: predicted.confidence,
    });
  }
  return facts;
}
