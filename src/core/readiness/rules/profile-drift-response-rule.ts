// profile.drift-response: the response times in SECURITY.md are the profile's.

import type { SecurityProfile } from '../../model/security-profile.js';
import { findDurations } from '../policy-patterns.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

type ResponseKey = keyof SecurityProfile['policy']['response'];
const keys: { key: ResponseKey; name: string; pattern: RegExp }[] = [
  {
    key: 'acknowledgeDays',
    name: 'acknowledgement',
    pattern: /acknowledg|first response|hear back/gi,
  },
  { key: 'triageDays', name: 'triage', pattern: /triag|assess/gi },
  { key: 'disclosureDays', name: 'disclosure', pattern: /disclos|embargo|publish/gi },
];

interface Statement {
  key: ResponseKey;
  days: number;
  text: string;
  line: number;
}

export const profileDriftResponseRule: ReadinessRule = {
  id: 'profile.drift-response',
  category: 'profile',
  title: 'Response times agree (profile, SECURITY.md)',
  rule: {
    pass: "For acknowledgement, triage and disclosure, SECURITY.md gives a duration (on a line naming it: acknowledge, triage/assess, disclose/embargo/publish; each duration belongs to the nearest word before it) equal to the profile's days (hours / 24, weeks * 7, months * 30).",
    warn: 'SECURITY.md does not state one of the three.',
    fail: 'SECURITY.md states a different duration than the profile.',
    skip: 'No valid profile, or no SECURITY.md.',
  },
  fix: 'Make SECURITY.md and policy.response in the profile give the same days (or re-render SECURITY.md with `thresher init --force`).',
  reads: () => false,
  check(context) {
    const profile = context.validProfile;
    const policy = context.policy;
    if (profile === null || policy === null)
      return [
        makeResult('skip', null, [], [profile === null ? 'no valid profile' : 'no SECURITY.md']),
      ];
    const statements = policy.lines.flatMap((text, index) => readStatements(text, index + 1));
    const disagreements: Statement[] = [];
    const evidence: string[] = [];
    let missing = 0;
    for (const { key, name } of keys) {
      const expected = profile.policy.response[key];
      const stated = statements.filter((statement) => statement.key === key);
      if (stated.length === 0) {
        missing += 1;
        evidence.push(`SECURITY.md does not state the ${name} time (profile: ${expected} days)`);
      } else if (stated.some((statement) => Math.round(statement.days) === expected)) {
        evidence.push(`${name}: ${expected} days in both (line ${stated[0]?.line})`);
      } else {
        disagreements.push(...stated);
        evidence.push(
          ...stated.map(
            (s) =>
              `${name}: SECURITY.md line ${s.line} says ${s.text}, the profile says ${expected} days`,
          ),
        );
      }
    }
    const lines = [...statements.map((s) => s.line)];
    const status = disagreements.length > 0 ? 'fail' : missing > 0 ? 'warn' : 'pass';
    return [
      makeResult(
        status,
        policy.file,
        status === 'fail' ? disagreements.map((s) => s.line) : lines,
        evidence,
      ),
    ];
  },
};

function readStatements(text: string, line: number): Statement[] {
  const words = keys.flatMap(({ key, pattern }) =>
    [...text.matchAll(pattern)].map((match) => ({ key, at: match.index })),
  );
  if (words.length === 0) return [];
  const durations = findDurations(text).map((duration) => ({
    ...duration,
    at: text.indexOf(duration.text),
  }));
  return durations.map((duration) => {
    const before = words.filter((word) => word.at <= duration.at).sort((a, b) => b.at - a.at)[0];
    const owner = before ?? words.sort((a, b) => a.at - b.at)[0]!;
    return { key: owner.key, days: duration.days, text: duration.text, line };
  });
}
