// Renders `thresher duplicates`: candidates per report with their evidence, as text or JSON.

import {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  stringifyJsonForTerminal,
} from '../../core/triage.js';
import type { DuplicatesOutcome } from '../../services/find-duplicates.js';
import type { InputProblem } from '../../services/ports.js';

/** The service's matches with what the intake could not read. */
type DuplicatesReport = DuplicatesOutcome & { problems: readonly InputProblem[] };
import { shortenText } from './shorten-text.js';

export function renderDuplicatesJson(outcome: DuplicatesReport): string {
  const document = {
    reports: outcome.matches.map(({ report, candidates }) => ({
      source: report.source,
      title: report.title,
      duplicateOf: candidates[0]?.isStrong === true ? candidates[0].id : null,
      candidates,
    })),
    indexSize: outcome.indexSize,
    problems: outcome.problems,
  };
  return stringifyJsonForTerminal(document);
}

export function renderDuplicatesText(outcome: DuplicatesReport): string {
  const blocks = outcome.matches.map(({ report, candidates }) => {
    const head = `${shortenText(report.title, 70)} (${sanitizeLineForTerminal(report.source)})`;
    if (candidates.length === 0) return `${head}\n  no earlier report or advisory looks like it`;
    const verdict = candidates[0]?.isStrong
      ? `  DUPLICATE of ${candidates[0].id}`
      : '  possible duplicates (none strong enough to call it):';
    const lines = candidates.map(
      (candidate) =>
        `  ${candidate.score.toFixed(2)} ${candidate.isStrong ? 'strong' : '      '}  ${shortenText(candidate.id, 40)}  ${shortenText(candidate.title, 50)}\n         ${shortenText(candidate.evidence.join('; '), 110)}`,
    );
    return [head, verdict, ...lines].join('\n');
  });
  return sanitizeForTerminal(
    `${blocks.join('\n\n')}\n\n${outcome.matches.length} reports checked against ${outcome.indexSize - outcome.matches.length} earlier reports and advisories.\n`,
  );
}
