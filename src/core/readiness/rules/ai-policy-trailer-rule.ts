// ai-policy.trailer: the project names a commit trailer for AI assistance, so disclosure is
// recorded in history (e.g. `Assisted-by: <tool>`).

import { contributingFiles, findAiPolicy, isPullRequestTemplate } from '../find-ai-policy.js';
import { findLines, quoteLine } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const trailerPattern =
  /\b(?:Assisted-by|Co-authored-by|Generated-by|AI-assisted|Co-developed-by|AI-Tool)\s*:/i;

export const aiPolicyTrailerRule: ReadinessRule = {
  id: 'ai-policy.trailer',
  category: 'ai-policy',
  title: 'Commit trailer convention for AI assistance',
  rule: {
    pass: 'The AI policy, CONTRIBUTING.md or a pull request template names a trailer: Assisted-by:, Co-authored-by:, Generated-by:, AI-assisted:, Co-developed-by: or AI-Tool:.',
    warn: 'None of them does.',
  },
  fix: 'Name a trailer in the AI policy, e.g. "add `Assisted-by: TOOL (MODEL)` to commits written with AI help".',
  reads: () => false,
  check(context) {
    const documents = [
      ...findAiPolicy(context).map((part) => part.document),
      ...contributingFiles.map((path) => context.document(path)),
      ...context.snapshot.files
        .filter((file) => isPullRequestTemplate(file.path))
        .map((file) => context.document(file.path)),
    ].filter((document) => document !== null);
    for (const document of new Set(documents)) {
      const hits = findLines(document.lines, [trailerPattern]);
      if (hits.length > 0)
        return [
          makeResult(
            'pass',
            document.file,
            hits.map((hit) => hit.line),
            hits.slice(0, 2).map(quoteLine),
          ),
        ];
    }
    return [makeResult('warn', null, [], ['no commit trailer convention for AI assistance'])];
  },
};
