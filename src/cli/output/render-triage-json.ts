// The stable JSON shape of `thresher triage --format json` (documented in docs/cli.md).
// Fields are only ever added, never renamed.

import { stringifyJsonForTerminal } from '../../core/triage.js';
import type { TriageOutcome } from '../../services/triage-reports.js';
import { toJsonReport } from '../../presenters/render-triage-report-json.js';

export function renderTriageJson(outcome: TriageOutcome): string {
  const document = {
    reports: outcome.queue.map((result, index) => toJsonReport(result, index + 1)),
    problems: outcome.problems,
  };
  return stringifyJsonForTerminal(document);
}
