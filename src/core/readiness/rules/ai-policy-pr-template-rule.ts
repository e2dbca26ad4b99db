// ai-policy.pr-template: the pull request template asks whether AI tools were used.

import { aiWords, isPullRequestTemplate } from '../find-ai-policy.js';
import { findLines, quoteLine } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const aiPolicyPrTemplateRule: ReadinessRule = {
  id: 'ai-policy.pr-template',
  category: 'ai-policy',
  title: 'Pull request template asks about AI',
  rule: {
    pass: 'Every pull request template (pull_request_template.md in the root, .github/ or docs/, or .github/PULL_REQUEST_TEMPLATE/*.md) has a line about AI (AI, LLM, Copilot, assistant, generated ...).',
    fail: 'No pull request template, or one that does not ask.',
  },
  fix: 'Add .github/pull_request_template.md with a checkbox such as "- [ ] AI tools were used (name them and what they did)"; `thresher init` writes one.',
  reads: isPullRequestTemplate,
  check(context) {
    const templates = context.snapshot.files.filter((file) => isPullRequestTemplate(file.path));
    if (templates.length === 0) return [makeResult('fail', null, [], ['no pull request template'])];
    return templates.map((file) => {
      const document = context.document(file.path);
      const hits = document === null ? [] : findLines(document.lines, [aiWords]);
      return hits.length > 0
        ? makeResult(
            'pass',
            file.path,
            hits.map((hit) => hit.line),
            hits.slice(0, 2).map(quoteLine),
          )
        : makeResult('fail', file.path, [], [`${file.path} does not ask about AI use`]);
    });
  },
};
