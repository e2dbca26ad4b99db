// The ranked queue as a Markdown document: a summary table, then each report with its verdict,
// cited rules and evidence, severity reasons, priority reasons and the draft reply.

import { sanitizeForTerminal, type TriageResult } from '../../core/triage.js';
import type { TriageOutcome } from '../../services/triage-reports.js';

/** Escapes text for a table cell or inline position: no markup from a report is interpreted. */
function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (character) => `\\${character}`);
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}

function renderResult(result: TriageResult, rank: number): string {
  const { claimed, assessed, comparison } = result.severity;
  const lines = [
    `## ${rank}. ${escapeInline(result.report.title)}`,
    '',
    `- Source: \`${result.report.source.replace(/`/g, "'")}\` (${result.report.format})`,
    `- Verdict: **${result.verdict}**${result.rules.length > 0 ? ` (${result.rules.join(', ')})` : ''}`,
  ];
  if (result.missing.length > 0) lines.push(`- Missing: ${result.missing.join(', ')}`);
  lines.push(
    `- Severity claimed: ${claimed ? `${claimed.rating}${claimed.vector ? ` (${claimed.score}, \`${claimed.vector}\`)` : ''}` : 'none'}`,
    `- Severity assessed: ${assessed.rating}${assessed.vector ? ` (${assessed.score}, \`${assessed.vector}\`)` : ''}; ${comparison}`,
    ...assessed.reasons.map((reason) => `  - ${escapeInline(reason)}`),
    `- Priority: ${result.priority.score}`,
    ...result.priority.reasons.map((reason) => `  - ${escapeInline(reason)}`),
  );
  for (const match of result.ruleMatches) {
    lines.push(
      `- Rule ${match.ruleId} (${match.kind}, ${match.strength}, specificity ${match.specificity}): ${escapeInline(match.statement)}`,
    );
    for (const evidence of match.evidence) {
      const fact = evidence.facts[0];
      lines.push(
        `  - ${escapeInline(evidence.detail)}${fact ? `, line ${fact.span.line}: “${escapeInline(fact.quote.slice(0, 120))}”` : ''}`,
      );
    }
  }
  if (result.evidence) {
    lines.push(
      `- Evidence (${escapeInline(result.evidence.revision.note)}): **${result.evidence.grade}**, ${escapeInline(result.evidence.summary)}`,
    );
    for (const checked of result.evidence.claims) {
      lines.push(
        `  - ${checked.status}: ${checked.claim.kind} “${escapeInline(checked.claim.text.split('\n')[0]!.slice(0, 80))}”: ${escapeInline(checked.proof.summary)}`,
      );
    }
  }
  if (result.duplicates.length > 0) {
    lines.push(
      `- Possible duplicates${result.duplicateOf ? ` (duplicate of ${escapeInline(result.duplicateOf)})` : ''}:`,
    );
    for (const candidate of result.duplicates.slice(0, 5)) {
      lines.push(
        `  - ${escapeInline(candidate.id)} (${candidate.score.toFixed(2)}${candidate.isStrong ? ', strong' : ''}): ${escapeInline(candidate.evidence.join('; '))}`,
      );
    }
  }
  if (result.dependencies && result.dependencies.findings.length > 0) {
    lines.push(
      `- Dependencies its diffs add (${result.dependencies.dependencies} checked by the dependency guard):`,
    );
    for (const finding of result.dependencies.findings)
      lines.push(`  - **${finding.severity}** ${escapeInline(finding.message)}`);
  }
  lines.push(
    '',
    '### Maintainer notes',
    '',
    ...result.notes.map((note) => `- ${escapeInline(note)}`),
  );
  lines.push('', '### Draft reply', '', fence(result.reply), '');
  return lines.join('\n');
}

export function renderTriageMarkdown(outcome: TriageOutcome): string {
  const table = [
    '| # | Priority | Verdict | Severity | Report |',
    '|---|---|---|---|---|',
    ...outcome.queue.map(
      (result, index) =>
        `| ${index + 1} | ${result.priority.score} | ${result.verdict} | ${result.severity.assessed.rating} | ${escapeInline(result.report.title)} |`,
    ),
  ];
  const problems = outcome.problems.map(
    (problem) => `- ${escapeInline(problem.source)}: ${escapeInline(problem.message)}`,
  );
  const document = [
    '# Thresher triage queue',
    '',
    ...table,
    '',
    ...(problems.length > 0 ? ['Could not read:', ...problems, ''] : []),
    ...outcome.queue.map((result, index) => renderResult(result, index + 1)),
  ].join('\n');
  return sanitizeForTerminal(document);
}
