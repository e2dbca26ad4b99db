// workflows.ai-agents: an AI agent that reads issue, comment or pull request text can be steered
// by whoever wrote it (prompt injection); with a write token or secrets it can act on that.

import type { Workflow, WorkflowJob, WorkflowStep } from '../parse-workflow.js';
import { findExpressions } from '../classify-expression.js';
import type { ReadinessRule } from '../readiness-rule.js';
import {
  actionName,
  checkEachWorkflow,
  describeWriteAccess,
  findTriggers,
  isTrustedActorGate,
  stepsOf,
  untrustedTextTriggers,
  type Finding,
} from '../workflow-facts.js';

const agentActions = [
  'anthropics/claude-code-action',
  'anthropics/claude-code-base-action',
  'openai/codex-action',
  'google-github-actions/run-gemini-cli',
  'actions/ai-inference',
  'coderabbitai/ai-pr-reviewer',
  'github/copilot-swe-agent',
  'qodo-ai/pr-agent',
  'codium-ai/pr-agent',
  'sst/opencode',
  'block/goose-action',
];
const agentCommand =
  /(?:^|[\s;&|(])(?:npx\s+(?:-y\s+)?)?(?:claude|codex|gemini|aider|opencode|goose|cursor-agent|@anthropic-ai\/claude-code|@openai\/codex|@google\/gemini-cli)(?=\s|$)/m;

/** The agent's own model key: needed to run it, so it alone does not make the step fail. */
const modelKeyPattern =
  /ANTHROPIC|OPENAI|GEMINI|GOOGLE_API|CLAUDE|MODEL|LLM|AZURE_AI|MISTRAL|OPENROUTER/i;

export const workflowsAiAgentsRule: ReadinessRule = {
  id: 'workflows.ai-agents',
  category: 'workflows',
  title: 'AI agents fed untrusted text',
  rule: {
    pass: 'No AI agent step (claude-code-action, codex-action, run-gemini-cli, ai-inference, pr-agent ..., or a run step calling claude, codex, gemini, aider, opencode, goose) is fed untrusted text with write access or secrets.',
    warn: "An agent is fed untrusted text (a trigger such as issues, issue_comment, pull_request_target, pull_request_review(_comment), discussion(_comment), workflow_run, or an untrusted `${{ }}` in its inputs) but its job is read-only with no secrets other than GITHUB_TOKEN and the model's API key, or a job/step condition limits it to trusted people (author_association, github.actor ==).",
    fail: "Such an agent's job can write (a write permission, write-all, or no permissions block, so the repository default applies) or gets secrets other than GITHUB_TOKEN and the model's API key (names with ANTHROPIC, OPENAI, GEMINI, CLAUDE, MODEL, LLM ...), with no trusted-people condition.",
    skip: 'No readable workflows.',
  },
  fix: 'Run agents on untrusted text with `permissions: {}` or read-only scopes and no secrets beyond the model key; gate them with `if: contains(fromJSON(\'["OWNER","MEMBER","COLLABORATOR"]\'), github.event.comment.author_association)`; let a separate, human-approved job act on their output.',
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(
      context,
      findUnsafeAgents,
      'no AI agent fed untrusted text with write access or secrets',
    ),
};

function findUnsafeAgents(workflow: Workflow): Finding[] {
  const triggers = findTriggers(workflow, untrustedTextTriggers).map((trigger) => trigger.name);
  return stepsOf(workflow).flatMap(({ job, step }): Finding[] => {
    const agent = describeAgent(step);
    if (agent === undefined) return [];
    const untrustedInputs = [...step.with.values(), ...step.env.values()].some((value) =>
      findExpressions(value.text).some((expression) => expression.trust === 'untrusted'),
    );
    if (triggers.length === 0 && !untrustedInputs) return [];
    const source =
      triggers.length > 0 ? `triggered by ${triggers.join(', ')}` : 'given untrusted event text';
    const { access, scopes } = describeWriteAccess(workflow, job);
    const secrets = listSecrets(workflow, job, step);
    const powers = [
      ...(access === 'write' ? [`write access (${scopes.join(', ')})`] : []),
      ...(access === 'default'
        ? ['the default token (no permissions block; may be read/write)']
        : []),
      ...(secrets.length > 0 ? [`secrets ${secrets.join(', ')}`] : []),
    ];
    const gated =
      isTrustedActorGate(job.condition?.text) || isTrustedActorGate(step.condition?.text);
    if (powers.length === 0 || gated) {
      const why = gated ? 'limited to trusted people by its condition' : 'read-only, no secrets';
      return [{ status: 'warn', line: step.line, message: `AI agent ${agent} ${source}; ${why}` }];
    }
    return [
      {
        status: 'fail',
        line: step.line,
        message: `AI agent ${agent} ${source} has ${powers.join(' and ')}`,
      },
    ];
  });
}

function describeAgent(step: WorkflowStep): string | undefined {
  if (step.uses !== undefined) {
    const name = actionName(step.uses.text);
    if (agentActions.some((agent) => name === agent || name.startsWith(`${agent}/`))) return name;
  }
  const command = step.run === undefined ? null : agentCommand.exec(step.run.text);
  return command === null ? undefined : `"${command[0].trim()}"`;
}

function listSecrets(workflow: Workflow, job: WorkflowJob, step: WorkflowStep): string[] {
  const values = [
    ...workflow.env.values(),
    ...job.env.values(),
    ...step.env.values(),
    ...step.with.values(),
  ];
  const names = values.flatMap((value) =>
    [...value.text.matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? ''),
  );
  return [
    ...new Set(names.filter((name) => name !== 'GITHUB_TOKEN' && !modelKeyPattern.test(name))),
  ];
}
