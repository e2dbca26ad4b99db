// Reads Thresher's own JSON report format (`"thresher-report": 1`, see docs/report-formats.md)
// into a Report whose body has one `## Heading` section per present field.

import type { ParseResult } from '../model/parse-result.js';
import type { Report, ReportField, Reporter } from '../model/report.js';
import { createReportBodyBuilder } from './create-report-body-builder.js';
import { cutTitle } from './derive-report-title.js';
import { fenceCode } from './fence-code.js';
import {
  createJsonReader,
  isJsonObject,
  joinPath,
  normaliseIsoDate,
  describeJsonType,
} from './read-json-value.js';

/** The Thresher JSON report format, version 1. */
export interface ThresherReportJson {
  'thresher-report': 1;
  title: string;
  summary?: string;
  details?: string;
  'affected-versions'?: string[] | string;
  'affected-component'?: string[] | string;
  environment?: string;
  reproduction?: string;
  impact?: string;
  severity?: { cvss?: string; rating?: string };
  cwe?: string[] | string;
  'proposed-patch'?: string;
  'test-case'?: string;
  references?: string[] | string;
  'ai-disclosure'?: string;
  reporter?: { name?: string; email?: string };
  'received-at'?: string;
}

type ListStyle = 'comma' | 'bullets';

/** Field key, heading written into the body, report field; in body order. */
const textFields: readonly {
  key: string;
  heading: string;
  field: ReportField;
  list?: ListStyle;
}[] = [
  { key: 'summary', heading: 'Summary', field: 'summary' },
  { key: 'details', heading: 'Details', field: 'details' },
  {
    key: 'affected-versions',
    heading: 'Affected versions',
    field: 'affected-version',
    list: 'comma',
  },
  {
    key: 'affected-component',
    heading: 'Affected component',
    field: 'affected-component',
    list: 'bullets',
  },
  { key: 'environment', heading: 'Environment', field: 'environment' },
  { key: 'reproduction', heading: 'Steps to reproduce', field: 'reproduction' },
  { key: 'impact', heading: 'Impact', field: 'impact' },
  { key: 'severity', heading: 'Severity', field: 'severity' },
  { key: 'cwe', heading: 'Weakness', field: 'weakness', list: 'comma' },
  { key: 'proposed-patch', heading: 'Proposed patch', field: 'proposed-patch' },
  { key: 'test-case', heading: 'Test case', field: 'test-case' },
  { key: 'references', heading: 'References', field: 'references', list: 'bullets' },
  { key: 'ai-disclosure', heading: 'AI disclosure', field: 'ai-disclosure' },
];

const knownKeys = new Set([
  'thresher-report',
  'title',
  'reporter',
  'received-at',
  ...textFields.map(({ key }) => key),
]);
const ratings = ['critical', 'high', 'medium', 'moderate', 'low', 'none'];

/** Whether a parsed JSON value claims to be a Thresher report. */
export function isThresherReportJson(value: unknown): boolean {
  return isJsonObject(value) && 'thresher-report' in value;
}

/**
 * Validates one Thresher report object and renders it. `path` prefixes issue paths (`[2]` for
 * the third report of an array).
 */
export function parseThresherReport(
  source: string,
  value: unknown,
  path = '',
): ParseResult<Report> {
  const read = createJsonReader({ allowNull: false });
  if (!isJsonObject(value)) {
    return {
      ok: false,
      issues: [
        { message: `expected a Thresher report object, got ${describeJsonType(value)}`, path },
      ],
    };
  }
  const version = value['thresher-report'];
  if (version === undefined)
    read.fail(joinPath(path, 'thresher-report'), 'missing; expected "thresher-report": 1');
  else if (version !== 1)
    read.fail(
      joinPath(path, 'thresher-report'),
      `unsupported version ${typeof version === 'number' ? String(version) : JSON.stringify(version)}; expected 1`,
    );
  for (const key of Object.keys(value)) {
    if (!knownKeys.has(key) && !key.startsWith('x-')) {
      read.fail(joinPath(path, key), 'unknown field (extension fields must start with "x-")');
    }
  }

  const titleText =
    value.title === undefined
      ? read.fail(joinPath(path, 'title'), 'missing; a title is required')
      : read.string(value.title, joinPath(path, 'title'));
  const title = cutTitle(titleText ?? '');
  if (titleText !== undefined && title === '')
    read.fail(joinPath(path, 'title'), 'must not be empty');

  const contents = new Map<string, string>();
  for (const { key, list } of textFields) {
    const fieldPath = joinPath(path, key);
    if (key === 'severity') {
      const severity = readSeverity(read, value.severity, fieldPath);
      if (severity !== undefined) contents.set(key, severity);
    } else if (key === 'cwe') {
      const cwes = read.strings(value.cwe, fieldPath)?.flatMap((cwe, index) => {
        const id = /^(?:CWE-)?(\d{1,5})$/i.exec(cwe.trim());
        if (id === null)
          read.fail(
            joinPath(fieldPath, index),
            `expected a CWE id such as CWE-79, got ${JSON.stringify(cwe.slice(0, 40))}`,
          );
        return id === null ? [] : [`CWE-${id[1]}`];
      });
      if (cwes !== undefined) contents.set(key, cwes.join(', '));
    } else if (list !== undefined) {
      const items = read
        .strings(value[key], fieldPath)
        ?.map((item) => item.trim())
        .filter((item) => item !== '');
      if (items !== undefined)
        contents.set(
          key,
          list === 'comma' ? items.join(', ') : items.map((item) => `- ${item}`).join('\n'),
        );
    } else {
      const text = read.string(value[key], fieldPath);
      if (text !== undefined) contents.set(key, key === 'proposed-patch' ? fenceDiff(text) : text);
    }
  }
  const reporter = readReporter(read, value.reporter, joinPath(path, 'reporter'));
  const receivedText = read.string(value['received-at'], joinPath(path, 'received-at'));
  const receivedAt = receivedText === undefined ? null : (normaliseIsoDate(receivedText) ?? null);
  if (receivedText !== undefined && receivedAt === null) {
    read.fail(
      joinPath(path, 'received-at'),
      `expected an ISO 8601 date-time such as 2025-03-01T12:00:00Z, got ${JSON.stringify(receivedText.slice(0, 40))}`,
    );
  }
  if (read.issues.length > 0) return { ok: false, issues: read.issues };

  const builder = createReportBodyBuilder();
  builder.appendText(`# ${title}`);
  for (const { key, heading, field } of textFields) {
    const content = contents.get(key);
    if (content !== undefined) builder.appendSection(heading, field, content);
  }
  const { body, sections } = builder.finish();
  return {
    ok: true,
    value: { source, format: 'thresher-json', title, body, sections, reporter, receivedAt },
  };
}

function readSeverity(
  read: ReturnType<typeof createJsonReader>,
  value: unknown,
  path: string,
): string | undefined {
  const severity = read.object(value, path);
  if (severity === undefined) return undefined;
  const lines: string[] = [];
  for (const key of Object.keys(severity)) {
    if (key !== 'cvss' && key !== 'rating')
      read.fail(joinPath(path, key), 'unknown field (expected cvss or rating)');
  }
  const rating = read.string(severity.rating, joinPath(path, 'rating'));
  if (rating !== undefined) {
    if (ratings.includes(rating.trim().toLowerCase()))
      lines.push(`Rating: ${rating.trim().toLowerCase()}`);
    else
      read.fail(
        joinPath(path, 'rating'),
        `expected one of ${ratings.join(', ')}, got ${JSON.stringify(rating.slice(0, 40))}`,
      );
  }
  const cvss = read.string(severity.cvss, joinPath(path, 'cvss'));
  if (cvss !== undefined) {
    if (/^CVSS:[2-4]\.\d\/\S+$/.test(cvss.trim())) lines.push(`CVSS: ${cvss.trim()}`);
    else
      read.fail(
        joinPath(path, 'cvss'),
        `expected a CVSS vector such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, got ${JSON.stringify(cvss.slice(0, 60))}`,
      );
  }
  return lines.join('\n');
}

function readReporter(
  read: ReturnType<typeof createJsonReader>,
  value: unknown,
  path: string,
): Reporter | null {
  const object = read.object(value, path);
  if (object === undefined) return null;
  for (const key of Object.keys(object)) {
    if (key !== 'name' && key !== 'email')
      read.fail(joinPath(path, key), 'unknown field (expected name or email)');
  }
  const name = read.string(object.name, joinPath(path, 'name'))?.trim();
  const email = read.string(object.email, joinPath(path, 'email'))?.trim();
  const reporter: Reporter = {};
  if (name) reporter.name = name;
  if (email) reporter.email = email;
  return reporter.name === undefined && reporter.email === undefined ? null : reporter;
}

/** A bare unified diff goes into a ```diff fence, so its `---` lines are not read as Markdown. */
function fenceDiff(text: string): string {
  const isBareDiff =
    /^(?:diff --git |--- |\+\+\+ |@@ |Index: )/m.test(text) && !/^ {0,3}(?:```|~~~)/m.test(text);
  return isBareDiff ? fenceCode(text, 'diff') : text;
}
