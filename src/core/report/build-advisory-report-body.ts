// The body of a report read from an advisory record (GitHub advisory, OSV): `# summary`, its
// identifiers, the description as written, then affected versions, severity, weakness, credits
// and references as `##` sections so facts are found by structure; and the report's title and
// first date.

import type { ReportSection } from '../model/report.js';
import { createReportBodyBuilder } from './create-report-body-builder.js';
import { cutTitle, deriveReportTitle } from './derive-report-title.js';
import { normaliseIsoDate } from './read-json-value.js';

export interface AdvisoryRecordParts {
  summary: string;
  identifiers: readonly string[];
  /** Markdown, as the record gives it. */
  description: string;
  affected: readonly string[];
  severity: readonly string[];
  weaknesses: readonly string[];
  /** How the weakness lines are joined (a GitHub advisory lists one per line). */
  weaknessSeparator: string;
  credits: readonly { name: string; type?: string | undefined }[];
  references: readonly string[];
  /** The title when there is neither a summary nor a description to take one from. */
  untitled: string;
  /** The record's dates, most telling first; the first valid one is when it was received. */
  dates: readonly (string | undefined)[];
}

export function buildAdvisoryReportBody(parts: AdvisoryRecordParts): {
  title: string;
  body: string;
  sections: ReportSection[];
  receivedAt: string | null;
} {
  const builder = createReportBodyBuilder();
  const headingTitle = cutTitle(parts.summary);
  if (headingTitle !== '') builder.appendText(`# ${headingTitle}`);
  if (parts.identifiers.length > 0)
    builder.appendText(`Identifiers: ${parts.identifiers.join(', ')}`);
  const structure = builder.appendMarkdown(parts.description);
  builder.appendSection('Affected versions', 'affected-version', parts.affected.join('\n'));
  builder.appendSection('Severity', 'severity', parts.severity.join('\n'));
  builder.appendSection('Weakness', 'weakness', parts.weaknesses.join(parts.weaknessSeparator));
  builder.appendSection(
    'Credits',
    'credits',
    parts.credits.map(({ name, type }) => `- ${name}${type ? ` (${type})` : ''}`).join('\n'),
  );
  builder.appendSection(
    'References',
    'references',
    parts.references.map((url) => `- ${url}`).join('\n'),
  );
  const { body, sections } = builder.finish();
  const title =
    headingTitle ||
    (structure === null ? parts.untitled : deriveReportTitle(parts.description, structure));
  const receivedAt =
    parts.dates
      .map((date) => (date === undefined ? undefined : normaliseIsoDate(date)))
      .find((date) => date !== undefined) ?? null;
  return { title, body, sections, receivedAt };
}
