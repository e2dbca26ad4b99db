// The floors the severity model must beat: the majority class of each metric, and a multinomial
// naive Bayes per metric on word unigrams and bigrams (Laplace smoothing), both fitted on the
// training folds only.

import {
  severityMetrics,
  type SeverityMetric,
  type SeverityTrainingRecord,
} from '../../src/core/index.js';
import { readSeverityMetrics } from '../../src/core/severity/severity-metrics.js';
import { tokenizeSeverityText } from '../../src/core/severity/extract-severity-features.js';

type Metrics = Record<SeverityMetric, string>;
type FloorPredictor = (text: string) => Metrics;

function listWordFeatures(text: string): string[] {
  const tokens = tokenizeSeverityText(text).map((token) => token.form);
  return [...tokens, ...tokens.slice(1).map((token, index) => `${tokens[index]} ${token}`)];
}

export function fitMajorityFloor(records: readonly SeverityTrainingRecord[]): FloorPredictor {
  const majority = {} as Metrics;
  for (const metric of severityMetrics) {
    const counts = new Map<string, number>();
    for (const record of records) {
      const value = readSeverityMetrics(record.vector)![metric];
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    majority[metric] = [...counts].sort((left, right) => right[1] - left[1])[0]![0];
  }
  return () => majority;
}

interface ClassCounts {
  documents: number;
  words: Map<string, number>;
  total: number;
}

export function fitNaiveBayesFloor(records: readonly SeverityTrainingRecord[]): FloorPredictor {
  const featureLists = records.map((record) => listWordFeatures(record.text));
  const vocabulary = new Set(featureLists.flat());
  const models = {} as Record<SeverityMetric, Map<string, ClassCounts>>;
  for (const metric of severityMetrics) {
    const byClass = new Map<string, ClassCounts>();
    records.forEach((record, index) => {
      const value = readSeverityMetrics(record.vector)![metric];
      let counts = byClass.get(value);
      if (!counts) {
        counts = { documents: 0, words: new Map(), total: 0 };
        byClass.set(value, counts);
      }
      counts.documents += 1;
      for (const feature of featureLists[index]!) {
        counts.words.set(feature, (counts.words.get(feature) ?? 0) + 1);
        counts.total += 1;
      }
    });
    models[metric] = byClass;
  }
  return (text) => {
    const features = listWordFeatures(text).filter((feature) => vocabulary.has(feature));
    const predicted = {} as Metrics;
    for (const metric of severityMetrics) {
      let best = '';
      let bestScore = -Infinity;
      for (const [value, counts] of models[metric]) {
        let score = Math.log(counts.documents / records.length);
        const denominator = Math.log(counts.total + vocabulary.size);
        for (const feature of features) {
          score += Math.log((counts.words.get(feature) ?? 0) + 1) - denominator;
        }
        if (score > bestScore) {
          bestScore = score;
          best = value;
        }
      }
      predicted[metric] = best;
    }
    return predicted;
  };
}
