// ai-policy.agents: AGENTS.md (read by AI coding tools) tells them the security scope before
// they report, so an agent checks the threat model instead of filing noise.

import { findFile } from '../audit-context.js';
import { findLines, quoteLine, splitLines } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const agentFiles = ['AGENTS.md', '.github/copilot-instructions.md', 'CLAUDE.md', 'GEMINI.md'];
const scopePointer = /SECURITY\.md|security-profile\.ya?ml|out[- ]of[- ]scope|threat model/i;

export const aiPolicyAgentsRule: ReadinessRule = {
  id: 'ai-policy.agents',
  category: 'ai-policy',
  title: 'AGENTS.md points AI tools to the security scope',
  rule: {
    pass: 'AGENTS.md (or .github/copilot-instructions.md, CLAUDE.md, GEMINI.md) mentions SECURITY.md, security-profile.yml, "out of scope" or "threat model".',
    warn: 'No such file, or it does not.',
  },
  fix: 'Add a security section to AGENTS.md telling AI tools to read SECURITY.md and security-profile.yml before reporting (`thresher init` appends one).',
  reads: (path) => agentFiles.some((file) => file.toLowerCase() === path.toLowerCase()),
  check(context) {
    const present = agentFiles
      .map((path) => findFile(context.snapshot, path))
      .filter((file) => file !== undefined);
    for (const file of present) {
      const hits = file.text === undefined ? [] : findLines(splitLines(file.text), [scopePointer]);
      if (hits.length > 0)
        return [
          makeResult(
            'pass',
            file.path,
            hits.map((hit) => hit.line),
            hits.slice(0, 2).map(quoteLine),
          ),
        ];
    }
    const first = present[0];
    return [
      makeResult(
        'warn',
        first?.path ?? null,
        [],
        [
          first === undefined
            ? 'no AGENTS.md'
            : `${first.path} says nothing about the security scope`,
        ],
      ),
    ];
  },
};
