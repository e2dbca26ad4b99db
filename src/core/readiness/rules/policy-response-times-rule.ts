// policy.response-times: SECURITY.md says in numbers how soon reporters hear back.

import { findLines, quoteLine } from '../scan-lines.js';
import { findDurations } from '../policy-patterns.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const responseWords =
  /respond|response|acknowledg|triage|reply|replies|hear back|confirm|fix|patch|disclos|release|update|within/i;
const vagueWords = /promptly|as soon as possible|asap|timely|quickly|in a reasonable time/i;

export const policyResponseTimesRule: ReadinessRule = {
  id: 'policy.response-times',
  category: 'policy',
  title: 'Response times as numbers',
  rule: {
    pass: 'A line of SECURITY.md gives a number with a unit of time (hours, days, weeks, months) and a word about responding (respond, acknowledge, triage, fix, disclose, within ...).',
    warn: 'Only vague wording ("promptly", "as soon as possible", "timely").',
    fail: 'No response time at all.',
    skip: 'No SECURITY.md.',
  },
  fix: 'State response times as numbers, e.g. "We acknowledge reports within 3 days, triage within 14 days and disclose within 90 days."',
  anchors: ['Scorecard Security-Policy (securityPolicyContainsVulnerabilityDisclosure: numbers)'],
  reads: () => false,
  check(context) {
    const policy = context.policy;
    if (policy === null) return [makeResult('skip', null, [], ['no SECURITY.md'])];
    const timed = findLines(policy.lines, [responseWords]).filter(
      (hit) => findDurations(hit.text).length > 0,
    );
    if (timed.length > 0) {
      return [
        makeResult(
          'pass',
          policy.file,
          timed.map((hit) => hit.line),
          timed.slice(0, 5).map(quoteLine),
        ),
      ];
    }
    const vague = findLines(policy.lines, [vagueWords]);
    if (vague.length > 0) {
      return [
        makeResult(
          'warn',
          policy.file,
          vague.map((hit) => hit.line),
          [`response times without numbers: ${vague.slice(0, 3).map(quoteLine).join('; ')}`],
        ),
      ];
    }
    return [makeResult('fail', policy.file, [], ['no response time is given'])];
  },
};
