// ai-policy.present: the project says how it treats AI-assisted contributions and reports.

import { findAiPolicy, isAiPolicyInput } from '../find-ai-policy.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const aiPolicyPresentRule: ReadinessRule = {
  id: 'ai-policy.present',
  category: 'ai-policy',
  title: 'AI contribution policy',
  rule: {
    pass: 'AI_POLICY.md (root, .github/ or docs/), or a section headed about AI, LLMs, generative tools or Copilot in CONTRIBUTING.md or SECURITY.md.',
    fail: 'Neither.',
  },
  fix: 'Add AI_POLICY.md saying whether AI-assisted contributions and reports are accepted, what must be disclosed and what is refused (`thresher init` writes one).',
  reads: isAiPolicyInput,
  check(context) {
    const parts = findAiPolicy(context);
    const first = parts[0];
    if (first === undefined)
      return [
        makeResult(
          'fail',
          null,
          [],
          ['no AI_POLICY.md and no AI section in CONTRIBUTING.md or SECURITY.md'],
        ),
      ];
    return [
      makeResult(
        'pass',
        first.document.file,
        [first.start],
        parts.map((part) => `${part.document.file} lines ${part.start}-${part.end}`),
      ),
    ];
  },
};
