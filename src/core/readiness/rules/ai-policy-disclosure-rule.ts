// ai-policy.disclosure: the AI policy asks contributors and reporters to disclose AI use.

import { findAiPolicy } from '../find-ai-policy.js';
import { findLines, quoteLine } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const disclosureWords =
  /disclos|declare|must (?:say|state|mention|note|tell)|tell us|let us know|be transparent|label/i;

export const aiPolicyDisclosureRule: ReadinessRule = {
  id: 'ai-policy.disclosure',
  category: 'ai-policy',
  title: 'AI use must be disclosed',
  rule: {
    pass: 'A line of the AI policy asks for disclosure (disclose, declare, must say/state/mention, tell us, label).',
    fail: 'The AI policy has no such line.',
    skip: 'No AI policy (ai-policy.present fails).',
  },
  fix: 'Say in the AI policy that contributions and reports must disclose whether and how AI tools were used.',
  reads: () => false,
  check(context) {
    const parts = findAiPolicy(context);
    if (parts.length === 0) return [makeResult('skip', null, [], ['no AI policy'])];
    const hits = parts.flatMap((part) =>
      findLines(part.document.lines, [disclosureWords], part).map((hit) => ({
        file: part.document.file,
        hit,
      })),
    );
    const first = hits[0];
    if (first === undefined) {
      return [
        makeResult(
          'fail',
          parts[0]?.document.file ?? null,
          [],
          ['the AI policy does not ask for disclosure'],
        ),
      ];
    }
    const inFirstFile = hits.filter((entry) => entry.file === first.file);
    return [
      makeResult(
        'pass',
        first.file,
        inFirstFile.map((entry) => entry.hit.line),
        inFirstFile.slice(0, 3).map((entry) => quoteLine(entry.hit)),
      ),
    ];
  },
};
