// Parses a Markdown (or plain text) report: free prose, GitHub's private vulnerability reporting
// form, HackerOne's template, bold pseudo-headings and `Key: value` front lines.

import type { ParseResult } from '../model/parse-result.js';
import type { Report, ReportFormat, Reporter } from '../model/report.js';
import { checkReportText } from './check-report-text.js';
import { cutTitle, deriveReportTitle } from './derive-report-title.js';
import { normaliseReportText } from './normalise-report-text.js';
import { readMarkdownStructure } from './read-markdown-structure.js';
import { unquoteForwardedText } from './unquote-forwarded-text.js';

/** What an outer format (e-mail) already knows; anything left out is read from the text. */
export interface MarkdownReportContext {
  format?: ReportFormat;
  title?: string | null;
  reporter?: Reporter | null;
  receivedAt?: string | null;
}

/**
 * Builds a report whose body is the text itself (BOM stripped, line breaks normalised to LF, one
 * level of quoting removed from a forwarded report), so line numbers in spans match the file. Fails only on empty, oversized or binary text.
 */
export function parseMarkdownReport(
  source: string,
  text: string,
  context: MarkdownReportContext = {},
): ParseResult<Report> {
  const body = unquoteForwardedText(normaliseReportText(text));
  const problem = checkReportText(body);
  if (problem !== null) return { ok: false, issues: [problem] };
  const structure = readMarkdownStructure(body);
  const title = cutTitle(context.title ?? '') || deriveReportTitle(body, structure);
  return {
    ok: true,
    value: {
      source,
      format: context.format ?? 'markdown',
      title,
      body,
      sections: structure.sections,
      reporter: context.reporter ?? structure.reporter,
      receivedAt: context.receivedAt ?? null,
    },
  };
}
