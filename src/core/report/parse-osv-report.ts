// Reads an OSV record (https://ossf.github.io/osv-schema/) as a report: `# summary`, its ids, the
// Markdown `details` as written, then affected packages and ranges, severity, weakness, credits and
// references as `##` sections so facts are found by structure, as for a GitHub advisory.

import type { ParseResult } from '../model/parse-result.js';
import type { Report, Reporter } from '../model/report.js';
import { buildAdvisoryReportBody } from './build-advisory-report-body.js';
import {
  createJsonReader,
  describeJsonType,
  isJsonObject,
  joinPath,
  type JsonObject,
  type JsonReader,
} from './read-json-value.js';

/** Lines of one list kept in the body; an OSV record of a big package can list thousands of versions. */
const maxListedItems = 200;
const rangeEvents = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

export function parseOsvReport(source: string, value: unknown, path = ''): ParseResult<Report> {
  if (!isJsonObject(value)) {
    return {
      ok: false,
      issues: [{ message: `expected an OSV record object, got ${describeJsonType(value)}`, path }],
    };
  }
  const read = createJsonReader({ allowNull: true });
  const at = (key: string): string => joinPath(path, key);
  const id = read.string(value.id, at('id'))?.trim() ?? '';
  const summary = read.string(value.summary, at('summary'))?.trim() ?? '';
  const details = read.string(value.details, at('details')) ?? '';
  const aliases = (read.strings(value.aliases, at('aliases')) ?? []).map((alias) => alias.trim());
  if (summary === '' && details.trim() === '' && read.issues.length === 0)
    read.fail(at('summary'), 'an OSV record needs a summary or details');
  const affected = readAffected(read, value.affected, at('affected'));
  const severity = readSeverity(read, value, path);
  const weaknesses = readWeaknesses(read, value, path);
  const credits = readCredits(read, value.credits, at('credits'));
  const references = readReferences(read, value.references, at('references'));
  const dates = [
    read.string(value.published, at('published')),
    read.string(value.modified, at('modified')),
  ];
  if (read.issues.length > 0) return { ok: false, issues: read.issues };

  const { title, body, sections, receivedAt } = buildAdvisoryReportBody({
    summary,
    identifiers: [id, ...aliases].filter((identifier) => identifier !== ''),
    description: details,
    affected,
    severity,
    weaknesses,
    weaknessSeparator: ', ',
    credits,
    references,
    untitled: id || 'Untitled OSV record',
    dates,
  });
  return {
    ok: true,
    value: {
      source,
      format: 'osv',
      title,
      body,
      sections,
      reporter: readReporter(credits),
      receivedAt,
    },
  };
}

/** `- npm lodash: introduced 0, fixed 4.17.21` per range; listed versions when there is no range. */
function readAffected(read: JsonReader, value: unknown, path: string): string[] {
  const lines: string[] = [];
  read.array(value, path)?.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    const entry = read.object(item, itemPath);
    if (entry === undefined) return;
    const pkg = read.object(entry.package, joinPath(itemPath, 'package'));
    const label =
      [
        read.string(pkg?.ecosystem, joinPath(itemPath, 'package.ecosystem'))?.trim() ?? '',
        read.string(pkg?.name, joinPath(itemPath, 'package.name'))?.trim() ?? '',
      ]
        .filter((part) => part !== '')
        .join(' ') || 'unnamed package';
    const ranges = readRanges(read, entry.ranges, joinPath(itemPath, 'ranges'));
    const versions = read.strings(entry.versions, joinPath(itemPath, 'versions')) ?? [];
    for (const range of ranges) lines.push(`- ${label}: ${range}`);
    if (ranges.length === 0 && versions.length > 0) {
      const shown = versions.slice(0, maxListedItems).join(', ');
      const more =
        versions.length > maxListedItems ? ` and ${versions.length - maxListedItems} more` : '';
      lines.push(`- ${label}: ${shown}${more}`);
    }
  });
  return lines.slice(0, maxListedItems);
}

function readRanges(read: JsonReader, value: unknown, path: string): string[] {
  const ranges: string[] = [];
  read.array(value, path)?.forEach((item, index) => {
    const range = read.object(item, joinPath(path, index));
    if (range === undefined) return;
    const parts: string[] = [];
    const eventsPath = joinPath(joinPath(path, index), 'events');
    read.array(range.events, eventsPath)?.forEach((event, eventIndex) => {
      if (!isJsonObject(event)) return;
      for (const kind of rangeEvents) {
        const version = read.string(event[kind], joinPath(joinPath(eventsPath, eventIndex), kind));
        if (version !== undefined) parts.push(`${kind.replace('_', ' ')} ${version.trim()}`);
      }
    });
    if (parts.length > 0) ranges.push(parts.join(', '));
  });
  return ranges;
}

/** `CVSS: <vector>` per severity entry, and the database's rating when it gives one. */
function readSeverity(read: JsonReader, record: JsonObject, path: string): string[] {
  const lines: string[] = [];
  const databaseSpecific = isJsonObject(record.database_specific) ? record.database_specific : {};
  const rating = databaseSpecific.severity;
  if (typeof rating === 'string' && rating.trim() !== '') lines.push(`Rating: ${rating.trim()}`);
  const severityPath = joinPath(path, 'severity');
  read.array(record.severity, severityPath)?.forEach((item, index) => {
    const entry = read.object(item, joinPath(severityPath, index));
    const score = read.string(entry?.score, joinPath(joinPath(severityPath, index), 'score'));
    if (score !== undefined && score.trim().startsWith('CVSS:'))
      lines.push(`CVSS: ${score.trim()}`);
  });
  return lines;
}

/** `database_specific.cwe_ids`, as GitHub's and most ecosystems' OSV exports give them. */
function readWeaknesses(read: JsonReader, record: JsonObject, path: string): string[] {
  if (!isJsonObject(record.database_specific)) return [];
  const ids =
    read.strings(record.database_specific.cwe_ids, joinPath(path, 'database_specific.cwe_ids')) ??
    [];
  return ids.map((id) => id.trim()).filter((id) => id !== '');
}

interface Credit {
  name: string;
  type: string;
}

function readCredits(read: JsonReader, value: unknown, path: string): Credit[] {
  const credits: Credit[] = [];
  read.array(value, path)?.forEach((item, index) => {
    const entry = read.object(item, joinPath(path, index));
    const name = read.string(entry?.name, joinPath(joinPath(path, index), 'name'))?.trim() ?? '';
    const type = read.string(entry?.type, joinPath(joinPath(path, index), 'type'))?.trim() ?? '';
    if (name !== '') credits.push({ name, type });
  });
  return credits.slice(0, maxListedItems);
}

function readReferences(read: JsonReader, value: unknown, path: string): string[] {
  const urls: string[] = [];
  read.array(value, path)?.forEach((item, index) => {
    const entry = read.object(item, joinPath(path, index));
    const url = read.string(entry?.url, joinPath(joinPath(path, index), 'url'))?.trim() ?? '';
    if (url !== '') urls.push(url);
  });
  return urls.slice(0, maxListedItems);
}

/** The finder or reporter credited, else nobody: OSV records are written by databases. */
function readReporter(credits: readonly Credit[]): Reporter | null {
  const finder = credits.find((credit) => credit.type === 'FINDER' || credit.type === 'REPORTER');
  return finder ? { name: finder.name } : null;
}
