// workflows.script-injection: `${{ }}` expansions of attacker-written text inside code (run:
// scripts, github-script and similar script inputs) become code before the shell sees them.

import { findExpressions } from '../classify-expression.js';
import type { Located, Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { actionName, checkEachWorkflow, stepsOf, type Finding } from '../workflow-facts.js';

/** Actions whose inputs are run as code (zizmor and CodeQL list these as injection sinks). */
const scriptInputs: Record<string, string[]> = {
  'actions/github-script': ['script'],
  'amadevus/pwsh-script': ['script'],
  'jannekem/run-python-script-action': ['script'],
  'cardinalby/js-eval-action': ['expression'],
  'addnab/docker-run-action': ['run', 'options'],
};

export const workflowsScriptInjectionRule: ReadinessRule = {
  id: 'workflows.script-injection',
  category: 'workflows',
  title: 'Script injection from event data',
  rule: {
    pass: 'No `${{ }}` expression in a run: script or a script input (actions/github-script script, and similar) reads attacker-controlled data.',
    warn: 'An expression there reads other event data, workflow inputs, or step or job outputs, which may carry attacker text.',
    fail: 'An expression there reads free text from the event: github.head_ref, or github.event.* titles, bodies, commit messages, branch names (head.ref, head_branch), labels, author names and emails, page names, or the whole event.',
    skip: 'No readable workflows.',
  },
  fix: 'Pass the value through env: (e.g. `env: TITLE: ${{ github.event.issue.title }}`) and use "$TITLE" in the script, quoted, so the shell treats it as data.',
  anchors: ['Scorecard Dangerous-Workflow (script injection)', 'zizmor template-injection'],
  reads: () => false,
  check: (context) => checkEachWorkflow(context, findInjections, 'no untrusted expression in code'),
};

function findInjections(workflow: Workflow): Finding[] {
  return stepsOf(workflow).flatMap(({ step }) => {
    const code: Located[] = [];
    if (step.run !== undefined) code.push(step.run);
    if (step.uses !== undefined) {
      const inputs = scriptInputs[actionName(step.uses.text)] ?? [];
      for (const input of inputs) {
        const value = step.with.get(input);
        if (value !== undefined) code.push(value);
      }
    }
    return code.flatMap((located) =>
      findExpressions(located.text).flatMap((expression): Finding[] => {
        if (expression.trust === 'safe') return [];
        const status = expression.trust === 'untrusted' ? 'fail' : 'warn';
        const what =
          expression.trust === 'untrusted' ? 'attacker-controlled' : 'possibly attacker-controlled';
        return [
          {
            status,
            line: located.lineOf(expression.text),
            message: `\${{ ${expression.text} }} expands ${what} text into code`,
          },
        ];
      }),
    );
  });
}
