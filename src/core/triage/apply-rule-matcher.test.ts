import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { extractFacts } from '../report/extract-facts.js';
import { parseReportText } from '../report/parse-report.js';
import { ruleFeatureNames } from '../scope/describe-rule-features.js';
import {
  loadRuleMatcher,
  ruleMatcherModelVersion,
  type RuleReading,
} from '../scope/rule-matcher-model.js';
import { triageFacts } from './triage-report.js';
import {
  applyRuleMatcher,
  chooseActingReading,
  describeRuleReading,
  ruleMatcherEvidenceKey,
} from './apply-rule-matcher.js';
import type { VerdictDecision } from './decide-verdict.js';

const debugReading: RuleReading = {
  ruleId: 'OOS-DEBUG',
  side: 'out-of-scope',
  probability: 0.874,
  words: ['debug build', 'onig_debug', 'parse', 'tree'],
};

function decision(verdict: VerdictDecision['verdict']): VerdictDecision {
  return { verdict, rules: [], openQuestions: ['which rule?'], basis: 'the engine' };
}

const settings = { threshold: 0.6, needsInfoThreshold: 0.9 };

describe('describeRuleReading', () => {
  it('names the model, the rule, its probability and at most three words', () => {
    expect(describeRuleReading(debugReading)).toBe(
      "the learned rule matcher reads OOS-DEBUG (87%): 'debug build', 'onig_debug', 'parse'",
    );
  });
});

describe('chooseActingReading', () => {
  it('decides an undetermined verdict with the best rule at or above the threshold', () => {
    expect(chooseActingReading('undetermined', [debugReading], settings)).toBe(debugReading);
    expect(
      chooseActingReading('undetermined', [{ ...debugReading, probability: 0.59 }], settings),
    ).toBeNull();
  });

  it('decides a needs-info verdict only with an exclusion above the needs-info threshold', () => {
    expect(chooseActingReading('needs-info', [debugReading], settings)).toBeNull();
    const sure = { ...debugReading, probability: 0.95 };
    expect(chooseActingReading('needs-info', [sure], settings)).toBe(sure);
    expect(chooseActingReading('needs-info', [{ ...sure, side: 'in-scope' }], settings)).toBeNull();
    expect(
      chooseActingReading('needs-info', [sure], { ...settings, needsInfoThreshold: null }),
    ).toBeNull();
  });

  it('never touches a verdict the engine decided', () => {
    const sure = { ...debugReading, probability: 0.99 };
    for (const verdict of ['in-scope', 'out-of-scope', 'needs-review', 'duplicate'] as const)
      expect(chooseActingReading(verdict, [sure], settings)).toBeNull();
  });
});

describe('applyRuleMatcher', () => {
  it('takes the rule’s side, cites it and adds a weak match whose evidence names the model', () => {
    const profile = buildProfile();
    const { decision: decided, match } = applyRuleMatcher(
      profile,
      decision('undetermined'),
      [debugReading],
      settings,
    );
    expect(decided.verdict).toBe('out-of-scope');
    expect(decided.rules).toEqual(['OOS-DEBUG']);
    expect(decided.openQuestions).toEqual([]);
    expect(decided.basis).toContain('the learned rule matcher reads OOS-DEBUG (87%)');
    expect(match).toMatchObject({
      ruleId: 'OOS-DEBUG',
      kind: 'out-of-scope',
      strength: 'weak',
      disposition: 'not-a-vulnerability',
    });
    expect(match!.evidence[0]!.key).toBe(ruleMatcherEvidenceKey);
  });

  it('leaves the decision as it was when it does not act or the rule is not the profile’s', () => {
    const profile = buildProfile();
    const undecided = decision('undetermined');
    expect(
      applyRuleMatcher(profile, undecided, [{ ...debugReading, probability: 0.1 }], settings),
    ).toEqual({ decision: undecided, match: null });
    expect(
      applyRuleMatcher(profile, undecided, [{ ...debugReading, ruleId: 'OOS-GONE' }], settings),
    ).toEqual({ decision: undecided, match: null });
  });
});

describe('triageFacts with a rule matcher', () => {
  it('lets the matcher decide only where the engine asked for missing items, citing it', () => {
    const parsed = parseReportText(
      'report.md',
      '# Tests and examples shipped\n\nThe examples print the password.\n',
    );
    if (!parsed.ok) throw new Error('the test report does not parse');
    const report = parsed.value[0]!;
    const profile = buildProfile();
    const facts = extractFacts(report);
    const engine = triageFacts(report, facts, profile, { ruleMatcher: null });
    expect(engine.verdict).toBe('needs-info');
    const features = Object.fromEntries(ruleFeatureNames.map((name) => [name, 0]));
    const matcher = loadRuleMatcher({
      version: ruleMatcherModelVersion,
      threshold: 0.5,
      needsInfoThreshold: 0.5,
      bias: -2,
      features: { ...features, 'title-coverage': 6 },
    });
    const result = triageFacts(report, facts, profile, { ruleMatcher: matcher });
    expect(result.verdict).toBe('out-of-scope');
    expect(result.rules).toEqual(['OOS-TEST']);
    expect(result.basis).toMatch(/^required items are missing, but the learned rule matcher/);
    const learned = result.ruleMatches.find((match) =>
      match.evidence.some((evidence) => evidence.key === ruleMatcherEvidenceKey),
    );
    expect(learned?.ruleId).toBe('OOS-TEST');
    expect(result.missing).toEqual(engine.missing);
    // The maintainer's notes say how the rule was read; the reply quotes the rule, not the model.
    expect(result.notes.join('\n')).toMatch(
      /rule OOS-TEST holds on no condition: the learned rule matcher reads OOS-TEST \(\d+%\)/,
    );
    expect(result.reply).toContain('(OOS-TEST)');
    expect(result.reply).not.toContain('learned');
  });
});
