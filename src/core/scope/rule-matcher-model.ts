// The learned rule matcher: a logistic regression over the features of a (report, profile rule)
// pair (describe-rule-features.ts) estimating whether the rule applies, trained on the corpus tune
// split by scripts/train-rule-matcher.ts. It reads a rule where the hand-written conditions of
// evaluate-scope.ts decide nothing (apply-rule-matcher.ts says when it may act).

import type { SecurityProfile } from '../model/security-profile.js';
import {
  describeRuleFeatures,
  ruleFeatureNames,
  type RuleFeatureInput,
} from './describe-rule-features.js';
import { ruleMatcherWeights } from './rule-matcher-weights.js';

/** Bumped whenever the features change; the weights file must carry the same number. */
export const ruleMatcherModelVersion = 1;

/** The weights file's shape (rule-matcher-weights.ts, written by `npm run train:rules -- --write`). */
export interface RuleMatcherWeights {
  version: number;
  /** The best rule decides an undetermined verdict at or above this probability. */
  threshold: number;
  /** An out-of-scope rule read at or above this decides a needs-info verdict; null: never. */
  needsInfoThreshold: number | null;
  bias: number;
  features: Readonly<Record<string, number>>;
}

export interface RuleReading {
  ruleId: string;
  side: 'in-scope' | 'out-of-scope';
  probability: number;
  /** The rule's words and phrases the report carries, most telling first. */
  words: string[];
}

export interface RuleMatcher {
  threshold: number;
  needsInfoThreshold: number | null;
  /** Every rule of the profile, most probable first. */
  read: (profile: SecurityProfile, input: RuleFeatureInput) => RuleReading[];
}

/**
 * The matcher for `weights`; throws when they were trained for other features (another version,
 * a feature missing or unknown): the weights must be retrained, never read misaligned.
 */
export function loadRuleMatcher(weights: RuleMatcherWeights): RuleMatcher {
  if (weights.version !== ruleMatcherModelVersion) {
    throw new Error(
      `rule matcher weights are version ${String(weights.version)}, the model ${String(ruleMatcherModelVersion)}: run npm run train:rules -- --write`,
    );
  }
  const names: readonly string[] = ruleFeatureNames;
  const unknown = Object.keys(weights.features).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(`rule matcher weights name unknown features: ${unknown.join(', ')}`);
  }
  const vector = ruleFeatureNames.map((name) => {
    const weight = weights.features[name];
    if (weight === undefined) throw new Error(`rule matcher weights lack feature ${name}`);
    return weight;
  });
  return {
    threshold: weights.threshold,
    needsInfoThreshold: weights.needsInfoThreshold,
    read: (profile, input) =>
      describeRuleFeatures(profile, input)
        .map(({ rule, side, values, words }) => {
          let z = weights.bias;
          for (const [at, value] of values.entries()) z += value * vector[at]!;
          return { ruleId: rule.id, side, probability: 1 / (1 + Math.exp(-z)), words };
        })
        .sort(
          (first, second) =>
            second.probability - first.probability || (first.ruleId < second.ruleId ? -1 : 1),
        ),
  };
}

/** The shipped matcher, checked when this module loads. */
export const shippedRuleMatcher: RuleMatcher = loadRuleMatcher(ruleMatcherWeights);
