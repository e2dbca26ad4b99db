// Where the learned rule matcher (scope/rule-matcher-model.ts) may decide: a verdict the rule
// engine left undetermined takes the side of the best rule the matcher reads above its trained
// threshold; a needs-info verdict becomes out-of-scope when the best rule is an exclusion read
// above the (higher) needs-info threshold, as step 1 of the precedence does for an exclusion the
// engine holds (nobody is asked to reproduce an excluded case). The verdict stays a proposal that
// cites the rule, with an evidence line naming the model, its probability and the words it read.

import type { SecurityProfile } from '../model/security-profile.js';
import type { RuleMatch } from '../model/triage-result.js';
import type { RuleMatcher, RuleReading } from '../scope/rule-matcher-model.js';
import type { VerdictDecision } from './decide-verdict.js';

export const ruleMatcherEvidenceKey = 'learned-rule-matcher';

const shownWords = 3;

/** "the learned rule matcher reads OOS-X (87%): 'debug build', 'onig_debug'" */
export function describeRuleReading(reading: RuleReading): string {
  const percent = Math.floor(reading.probability * 100);
  const words = reading.words.slice(0, shownWords).map((word) => `'${word}'`);
  return `the learned rule matcher reads ${reading.ruleId} (${percent}%)${words.length > 0 ? `: ${words.join(', ')}` : ''}`;
}

export interface RuleMatcherOutcome {
  decision: VerdictDecision;
  /** The rule the matcher decided on, as a weak match citing the model; null when it did not act. */
  match: RuleMatch | null;
}

/** The reading the matcher acts on for this decision, or null. */
export function chooseActingReading(
  verdict: VerdictDecision['verdict'],
  readings: readonly RuleReading[],
  matcher: Pick<RuleMatcher, 'threshold' | 'needsInfoThreshold'>,
): RuleReading | null {
  const best = readings[0];
  if (best === undefined) return null;
  if (verdict === 'undetermined') return best.probability >= matcher.threshold ? best : null;
  if (verdict === 'needs-info' && matcher.needsInfoThreshold !== null) {
    return best.side === 'out-of-scope' && best.probability >= matcher.needsInfoThreshold
      ? best
      : null;
  }
  return null;
}

export function applyRuleMatcher(
  profile: SecurityProfile,
  decision: VerdictDecision,
  readings: readonly RuleReading[],
  matcher: Pick<RuleMatcher, 'threshold' | 'needsInfoThreshold'>,
): RuleMatcherOutcome {
  const reading = chooseActingReading(decision.verdict, readings, matcher);
  if (reading === null) return { decision, match: null };
  const rule = [...profile.threatModel.inScope, ...profile.threatModel.outOfScope].find(
    (candidate) => candidate.id === reading.ruleId,
  );
  if (rule === undefined) return { decision, match: null };
  const line = describeRuleReading(reading);
  const isOut = reading.side === 'out-of-scope';
  return {
    decision: {
      verdict: reading.side,
      rules: [reading.ruleId],
      openQuestions: [],
      basis:
        decision.verdict === 'undetermined'
          ? `the facts decide no rule, but ${line}`
          : `required items are missing, but ${line} (an excluded case is not asked to reproduce)`,
    },
    match: {
      ruleId: rule.id,
      kind: reading.side,
      statement: rule.statement,
      disposition: isOut ? (rule.disposition ?? 'not-a-vulnerability') : null,
      strength: 'weak',
      specificity: 0,
      evidence: [{ key: ruleMatcherEvidenceKey, detail: line, strength: 'weak', facts: [] }],
    },
  };
}
