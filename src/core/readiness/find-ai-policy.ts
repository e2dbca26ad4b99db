// Finds a project's AI contribution policy: an AI_POLICY.md, or sections about AI in
// CONTRIBUTING.md or SECURITY.md. Also finds the pull request templates.

import type { AuditContext, TextDocument } from './audit-context.js';

const aiPolicyFiles = [
  'AI_POLICY.md',
  '.github/AI_POLICY.md',
  'docs/AI_POLICY.md',
  'AI-POLICY.md',
  'AI_USAGE_POLICY.md',
];
export const contributingFiles = [
  'CONTRIBUTING.md',
  '.github/CONTRIBUTING.md',
  'docs/CONTRIBUTING.md',
];
const aiHeading =
  /\b(?:AI|A\.I\.|artificial intelligence|LLMs?|generative|machine[- ]generated|copilot|coding assistants?)\b/i;
export const aiWords =
  /\b(?:AI|LLMs?|artificial intelligence|generative|copilot|chatgpt|claude|assistant|machine[- ]generated|generated)\b/i;

export interface AiPolicyPart {
  document: TextDocument;
  start: number;
  end: number;
}

/** The AI policy's text: a whole AI_POLICY.md, else AI-headed sections elsewhere. */
export function findAiPolicy(context: AuditContext): AiPolicyPart[] {
  for (const path of aiPolicyFiles) {
    const document = context.document(path);
    if (document !== null) return [{ document, start: 1, end: document.lines.length }];
  }
  const hosts = [...contributingFiles.map((path) => context.document(path)), context.policy];
  return hosts.flatMap((document) =>
    document === null
      ? []
      : document.sections
          .filter((section) => aiHeading.test(section.heading))
          .map((section) => ({ document, start: section.startLine, end: section.endLine })),
  );
}

export function isPullRequestTemplate(path: string): boolean {
  return (
    /^(?:\.github\/|docs\/)?pull_request_template\.md$/i.test(path) ||
    /^(?:\.github\/|docs\/)?PULL_REQUEST_TEMPLATE\/[^/]+\.md$/i.test(path)
  );
}

export function isAiPolicyInput(path: string): boolean {
  const lower = path.toLowerCase();
  return [...aiPolicyFiles, ...contributingFiles].some(
    (candidate) => candidate.toLowerCase() === lower,
  );
}
