// A stored report of the inbox as the core's Report (read as Markdown, with the stored title,
// reporter and arrival time), for triage and for drafting advisories.

import { InputError, parseMarkdownReport, type Report } from '../core/index.js';
import type { ReportRecord } from './ports.js';

export function readStoredReport(record: ReportRecord): Report {
  const { name, email } = record.reporter;
  const parsed = parseMarkdownReport(record.id, record.body, {
    title: record.title,
    reporter:
      name !== null || email !== null
        ? { ...(name !== null ? { name } : {}), ...(email !== null ? { email } : {}) }
        : null,
    receivedAt: record.receivedAt,
  });
  if (!parsed.ok) throw new InputError(parsed.issues[0]?.message ?? 'the report is empty');
  return parsed.value;
}
