// The ranked queue as a plain-text table for a terminal.

import {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  toSeverityRating,
  type TriageResult,
} from '../../core/triage.js';
import type { TriageOutcome } from '../../services/triage-reports.js';
import { shortenText } from './shorten-text.js';

/** "high 7.5"; when scope rules overrode the score's band, "none (CVSS 8.1)". */
function describeRating(rating: string, score: number | null): string {
  if (score === null) return rating;
  return rating === toSeverityRating(score)
    ? `${rating} ${score.toFixed(1)}`
    : `${rating} (CVSS ${score.toFixed(1)})`;
}

function describeSeverity(result: TriageResult): string {
  const { claimed, assessed } = result.severity;
  const assessedText = describeRating(assessed.rating, assessed.score);
  if (!claimed) return assessedText;
  const claimedText = describeRating(claimed.rating, claimed.score);
  return claimedText === assessedText ? assessedText : `${claimedText} -> ${assessedText}`;
}

function describeWhy(result: TriageResult): string {
  if (result.verdict === 'duplicate') return `same as ${result.duplicateOf ?? '?'}`;
  if (result.evidence?.grade === 'contradicted') return 'cited code does not exist';
  if (result.verdict === 'out-of-scope' || result.verdict === 'in-scope')
    return result.rules.join(', ');
  if (result.verdict === 'needs-review') return `conflicting rules: ${result.rules.join(', ')}`;
  if (result.verdict === 'needs-info') return `missing: ${result.missing.join(', ')}`;
  return 'facts do not decide';
}

export function renderTriageText(outcome: TriageOutcome): string {
  const hasEvidence = outcome.queue.some((result) => result.evidence);
  const header = [
    '#',
    'PRIO',
    'VERDICT',
    'SEVERITY (claimed -> assessed)',
    'WHY',
    ...(hasEvidence ? ['CODE'] : []),
    'REPORT',
  ];
  const rows = outcome.queue.map((result, index) => [
    String(index + 1),
    String(result.priority.score),
    result.verdict,
    describeSeverity(result),
    shortenText(describeWhy(result), 44),
    ...(hasEvidence ? [result.evidence?.grade ?? '-'] : []),
    `${shortenText(result.report.title, 50)} (${sanitizeLineForTerminal(result.report.source)})`,
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const counts = new Map<string, number>();
  for (const result of outcome.queue)
    counts.set(result.verdict, (counts.get(result.verdict) ?? 0) + 1);
  const summary = [...counts].map(([verdict, count]) => `${count} ${verdict}`).join(', ');
  const lines = [
    format(header),
    ...rows.map(format),
    '',
    `${outcome.queue.length} reports: ${summary || 'none'}.`,
  ];
  const limited = outcome.queue.filter((result) => result.limits.length > 0);
  for (const result of limited) {
    for (const limit of result.limits)
      lines.push(`Note: ${result.report.source}: ${limit.message}.`);
  }
  for (const result of outcome.queue) {
    for (const finding of result.dependencies?.findings ?? [])
      if (finding.severity !== 'info')
        lines.push(`Dependency: ${result.report.source}: ${finding.severity}: ${finding.message}.`);
  }
  lines.push('Draft replies and reasons: --format markdown; machine-readable: --format json.');
  return sanitizeForTerminal(`${lines.join('\n')}\n`);
}
