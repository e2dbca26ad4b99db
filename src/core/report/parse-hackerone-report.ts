// Reads a HackerOne report as its API returns it (`{ "data": { "type": "report", "attributes",
// "relationships" } }`, or the report object itself, as an export holds it) into a Report:
// `# title`, the Markdown `vulnerability_information` as written, then the structured scope,
// severity (with a CVSS 3.1 vector rebuilt from its metrics), weakness and reporter as sections.

import type { ParseResult } from '../model/parse-result.js';
import type { Report, Reporter } from '../model/report.js';
import { createReportBodyBuilder } from './create-report-body-builder.js';
import { cutTitle, deriveReportTitle } from './derive-report-title.js';
import {
  createJsonReader,
  describeJsonType,
  isJsonObject,
  joinPath,
  normaliseIsoDate,
  type JsonObject,
  type JsonReader,
} from './read-json-value.js';

/** Whether a parsed JSON value is a HackerOne report (wrapped in `data`, or bare). */
export function isHackerOneReportJson(value: unknown): boolean {
  const report = unwrap(value);
  return report !== null && report.type === 'report' && isJsonObject(report.attributes);
}

function unwrap(value: unknown): JsonObject | null {
  if (!isJsonObject(value)) return null;
  return isJsonObject(value.data) ? value.data : value;
}

/** The `data.attributes` of a relationship such as `reporter` or `severity`. */
function readRelated(
  read: JsonReader,
  relationships: JsonObject | undefined,
  name: string,
  path: string,
): JsonObject | undefined {
  const relationship = read.object(relationships?.[name], joinPath(path, name));
  const data = read.object(relationship?.data, joinPath(path, `${name}.data`));
  return read.object(data?.attributes, joinPath(path, `${name}.data.attributes`));
}

// HackerOne writes CVSS 3.x metrics as words; the vector uses their initials.
const metricKeys: ReadonlyArray<readonly [string, string]> = [
  ['attack_vector', 'AV'],
  ['attack_complexity', 'AC'],
  ['privileges_required', 'PR'],
  ['user_interaction', 'UI'],
  ['scope', 'S'],
  ['confidentiality', 'C'],
  ['integrity', 'I'],
  ['availability', 'A'],
];
const metricValues: Readonly<Record<string, string>> = {
  network: 'N',
  adjacent: 'A',
  adjacent_network: 'A',
  local: 'L',
  physical: 'P',
  low: 'L',
  high: 'H',
  none: 'N',
  required: 'R',
  unchanged: 'U',
  changed: 'C',
};

function rebuildVector(read: JsonReader, severity: JsonObject, path: string): string | null {
  const parts: string[] = [];
  for (const [key, abbreviation] of metricKeys) {
    const word = read.string(severity[key], joinPath(path, key))?.trim().toLowerCase();
    const value = word === undefined ? undefined : metricValues[word];
    if (value === undefined) return null;
    parts.push(`${abbreviation}:${value}`);
  }
  return `CVSS:3.1/${parts.join('/')}`;
}

function readSeverity(read: JsonReader, severity: JsonObject | undefined, path: string): string[] {
  if (severity === undefined) return [];
  const lines: string[] = [];
  const rating = read.string(severity.rating, joinPath(path, 'rating'))?.trim();
  const score = severity.score;
  if (rating) lines.push(`Rating: ${rating}${typeof score === 'number' ? ` (${score})` : ''}`);
  const vector = rebuildVector(read, severity, path);
  if (vector !== null) lines.push(vector);
  return lines;
}

function readReporter(
  read: JsonReader,
  reporter: JsonObject | undefined,
  path: string,
): Reporter | null {
  if (reporter === undefined) return null;
  const name = read.string(reporter.name, joinPath(path, 'name'))?.trim();
  const username = read.string(reporter.username, joinPath(path, 'username'))?.trim();
  const shown = name || username;
  return shown ? { name: shown } : null;
}

export function parseHackerOneReport(
  source: string,
  value: unknown,
  path = '',
): ParseResult<Report> {
  const report = unwrap(value);
  if (report === null) {
    return {
      ok: false,
      issues: [
        { message: `expected a HackerOne report object, got ${describeJsonType(value)}`, path },
      ],
    };
  }
  const read = createJsonReader({ allowNull: true });
  const base = isJsonObject(value) && isJsonObject(value.data) ? joinPath(path, 'data') : path;
  const at = (key: string): string => joinPath(base, key);
  const attributes = read.object(report.attributes, at('attributes')) ?? {};
  const attribute = (key: string): string =>
    read.string(attributes[key], joinPath(at('attributes'), key))?.trim() ?? '';
  const title = attribute('title');
  const information = read.string(
    attributes.vulnerability_information,
    joinPath(at('attributes'), 'vulnerability_information'),
  );
  const impact = attribute('impact');
  if (title === '' && (information ?? '').trim() === '' && read.issues.length === 0)
    read.fail(
      at('attributes.title'),
      'a HackerOne report needs a title or vulnerability_information',
    );
  const relationships = read.object(report.relationships, at('relationships'));
  const relationshipsPath = at('relationships');
  const scope = readRelated(read, relationships, 'structured_scope', relationshipsPath);
  const severity = readRelated(read, relationships, 'severity', relationshipsPath);
  const weakness = readRelated(read, relationships, 'weakness', relationshipsPath);
  const reporter = readReporter(
    read,
    readRelated(read, relationships, 'reporter', relationshipsPath),
    joinPath(relationshipsPath, 'reporter.data.attributes'),
  );
  const asset = scope
    ? (read
        .string(
          scope.asset_identifier,
          joinPath(relationshipsPath, 'structured_scope.asset_identifier'),
        )
        ?.trim() ?? '')
    : '';
  const severityLines = readSeverity(read, severity, joinPath(relationshipsPath, 'severity'));
  const weaknessId = weakness
    ? (read
        .string(weakness.external_id, joinPath(relationshipsPath, 'weakness.external_id'))
        ?.trim() ??
      read.string(weakness.name, joinPath(relationshipsPath, 'weakness.name'))?.trim() ??
      '')
    : '';
  const created = attribute('created_at');
  if (read.issues.length > 0) return { ok: false, issues: read.issues };

  const builder = createReportBodyBuilder();
  const headingTitle = cutTitle(title);
  if (headingTitle !== '') builder.appendText(`# ${headingTitle}`);
  const structure = builder.appendMarkdown(information ?? '');
  builder.appendSection('Impact', 'impact', impact);
  builder.appendSection('Asset', 'affected-component', asset);
  builder.appendSection('Severity', 'severity', severityLines.join('\n'));
  builder.appendSection('Weakness', 'weakness', weaknessId.toUpperCase());
  const { body, sections } = builder.finish();
  return {
    ok: true,
    value: {
      source,
      format: 'hackerone',
      title:
        headingTitle ||
        (structure === null ? 'Untitled report' : deriveReportTitle(information ?? '', structure)),
      body,
      sections,
      reporter,
      receivedAt: created === '' ? null : (normaliseIsoDate(created) ?? null),
      channel: { kind: 'hackerone' },
    },
  };
}
