// Renders evidence summaries: the JSON shape shared by `thresher evidence` and the `evidence`
// field of `thresher triage --format json`, and a readable text form.

import {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  stringifyJsonForTerminal,
  type EvidenceSummary,
} from '../../core/triage.js';
import type { EvidenceOutcome } from '../../services/check-report-evidence.js';
import { toJsonEvidence } from '../../presenters/render-evidence-json.js';
import { shortenText } from './shorten-text.js';

export function renderEvidenceJson(outcome: EvidenceOutcome): string {
  const document = {
    reports: outcome.results.map(({ report, evidence }) => ({
      source: report.source,
      title: report.title,
      ...toJsonEvidence(evidence),
    })),
    problems: outcome.problems,
  };
  return stringifyJsonForTerminal(document);
}

const statusMarks = {
  verified: 'ok  ',
  contradicted: 'NO  ',
  unverifiable: '??  ',
  external: 'ext ',
} as const;

function renderEvidenceLines(evidence: EvidenceSummary): string[] {
  return [
    `  ${evidence.revision.note}`,
    `  grade: ${evidence.grade}: ${evidence.summary}`,
    ...evidence.claims.map(
      (checked) =>
        `  ${statusMarks[checked.status]}${checked.claim.kind.padEnd(9)}${shortenText(checked.claim.text, 50).padEnd(52)}${checked.proof.summary}`,
    ),
  ];
}

export function renderEvidenceText(outcome: EvidenceOutcome): string {
  const blocks = outcome.results.map(({ report, evidence }) =>
    [
      `${shortenText(report.title, 100)} (${sanitizeLineForTerminal(report.source)})`,
      ...renderEvidenceLines(evidence),
    ].join('\n'),
  );
  return sanitizeForTerminal(`${blocks.join('\n\n')}\n`);
}
