// Report text in a text format: detects the format (Thresher JSON, GitHub advisory JSON,
// HackerOne JSON, OSV JSON or Markdown) and parses it into reports. The intake
// (`core/intake/read-report-input.ts`) calls it; bytes and e-mail go through the intake.

import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import type { Report, ReportFormat } from '../model/report.js';
import { checkReportSize, checkReportText } from './check-report-text.js';
import { looksLikeEmail } from './looks-like-email.js';
import { normaliseReportText } from './normalise-report-text.js';
import { parseGithubAdvisory, isGithubAdvisoryJson } from './parse-github-advisory.js';
import { isHackerOneReportJson, parseHackerOneReport } from './parse-hackerone-report.js';
import { parseJsonText } from './parse-json-text.js';
import { isOsvAdvisory } from './is-osv-advisory.js';
import { parseMarkdownReport } from './parse-markdown-report.js';
import { parseOsvReport } from './parse-osv-report.js';
import { parseThresherReport, isThresherReportJson } from './parse-thresher-report.js';
import { describeJsonType, joinPath } from './read-json-value.js';

/** JSON starts with an object or an array of values; Markdown may start with `[link](...)`. */
const jsonStart = /^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{["\]\d-]|true|false|null|$))/;

/**
 * Parses report text in any text format. A JSON array yields one report per element (sources
 * `file#1`, `file#2`...). `hint` skips detection; e-mail text yields an issue pointing to the
 * intake (`readReportInput`), which decodes MIME parts and charsets through its mail reader.
 */
export function parseReportText(
  source: string,
  text: string,
  hint?: ReportFormat,
): ParseResult<Report[]> {
  // The size is checked first: normalising 50 MB only to refuse them would waste the work.
  const tooLarge = checkReportSize(text.length);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  const normalised = normaliseReportText(text);
  const problem = checkReportText(normalised);
  if (problem !== null) return { ok: false, issues: [problem] };
  const format =
    hint ??
    (jsonStart.test(normalised.slice(0, 1024))
      ? 'thresher-json'
      : looksLikeEmail(normalised)
        ? 'email'
        : 'markdown');
  if (format === 'email') {
    return {
      ok: false,
      issues: [
        {
          message:
            'this is an e-mail message; read it through the intake (readReportInput), which decodes MIME parts and charsets',
          line: 1,
        },
      ],
    };
  }
  if (format === 'markdown') {
    const parsed = parseMarkdownReport(source, normalised);
    return parsed.ok ? { ok: true, value: [parsed.value] } : parsed;
  }
  const json = parseJsonText(normalised);
  if (!json.ok) return json;
  return parseJsonReports(source, json.value, hint);
}

function parseJsonReports(
  source: string,
  value: unknown,
  hint: ReportFormat | undefined,
): ParseResult<Report[]> {
  const isArray = Array.isArray(value);
  const items: unknown[] = isArray ? value : [value];
  if (items.length === 0)
    return { ok: false, issues: [{ message: 'empty array: no reports', path: '' }] };
  const reports: Report[] = [];
  const issues: ParseIssue[] = [];
  items.forEach((item, index) => {
    const itemSource = isArray ? `${source}#${index + 1}` : source;
    const path = isArray ? joinPath('', index) : '';
    const parsed = parseJsonReport(itemSource, item, path, hint);
    if (parsed.ok) reports.push(parsed.value);
    else issues.push(...parsed.issues);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: reports };
}

function parseJsonReport(
  source: string,
  item: unknown,
  path: string,
  hint: ReportFormat | undefined,
): ParseResult<Report> {
  if (hint === 'github-advisory') return parseGithubAdvisory(source, item, path);
  if (hint === 'thresher-json' || isThresherReportJson(item))
    return parseThresherReport(source, item, path);
  if (isGithubAdvisoryJson(item)) return parseGithubAdvisory(source, item, path);
  if (hint === 'hackerone' || isHackerOneReportJson(item))
    return parseHackerOneReport(source, item, path);
  if (hint === 'osv' || isOsvAdvisory(item)) return parseOsvReport(source, item, path);
  return {
    ok: false,
    issues: [
      {
        message: `unrecognised JSON report (${describeJsonType(item)}): expected a Thresher report ("thresher-report": 1), a GitHub security advisory ("ghsa_id"), a HackerOne report ("type": "report") or an OSV record ("id" with "modified" or "affected")`,
        path,
      },
    ],
  };
}
