// Reads one published advisory in the OSV format (https://ossf.github.io/osv-schema/) into the
// document the duplicate index holds: ids and aliases, packages with their version ranges, CWEs,
// and the text. Only the fields matching needs are read; unknown fields are ignored, as OSV asks.

import { findCodeNames } from '../duplicates/find-code-names.js';
import type { AffectedPackage, AffectedRange, DuplicateDocument } from '../model/duplicate.js';
import { parseCvssVector, scoreCvssVector } from '../severity/score-cvss-vector.js';
import type { ParseIssue, ParseResult } from '../model/parse-result.js';

const maxTextLength = 200_000;
const maxAffected = 500;
const maxAliases = 100;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(object: JsonObject, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' ? value : null;
}

function readStrings(value: unknown, limit: number): string[] {
  return Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string').slice(0, limit)
    : [];
}

/** "introduced 0, fixed 2.4.1" per range, in event order, as OSV lists them. */
function describeRanges(ranges: unknown): string[] {
  if (!Array.isArray(ranges)) return [];
  return ranges.filter(isObject).flatMap((range) => {
    const events = Array.isArray(range.events) ? range.events.filter(isObject) : [];
    const parts = events.flatMap((event) =>
      (['introduced', 'fixed', 'last_affected', 'limit'] as const).flatMap((key) => {
        const value = readString(event, key);
        return value === null ? [] : [`${key.replace('_', ' ')} ${value}`];
      }),
    );
    return parts.length > 0 ? [parts.join(', ')] : [];
  });
}

const eventKinds = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

/** SEMVER and ECOSYSTEM ranges with their events; GIT ranges name commits, not versions. */
function readRanges(ranges: unknown): AffectedRange[] {
  if (!Array.isArray(ranges)) return [];
  return ranges.filter(isObject).flatMap((range) => {
    const type = readString(range, 'type') ?? '';
    if (type !== 'SEMVER' && type !== 'ECOSYSTEM') return [];
    const events = (Array.isArray(range.events) ? range.events.filter(isObject) : []).flatMap(
      (event) =>
        eventKinds.flatMap((kind) => {
          const version = readString(event, kind);
          return version === null ? [] : [{ kind, version }];
        }),
    );
    return events.length > 0 ? [{ type, events }] : [];
  });
}

function readSeverity(advisory: JsonObject): DuplicateDocument['severity'] {
  const specific = isObject(advisory.database_specific) ? advisory.database_specific : {};
  const named = (readString(specific, 'severity') ?? '').toLowerCase();
  if (named === 'moderate') return 'medium';
  if (named === 'critical' || named === 'high' || named === 'medium' || named === 'low')
    return named;
  const scores = Array.isArray(advisory.severity) ? advisory.severity.filter(isObject) : [];
  for (const entry of scores) {
    const vector = parseCvssVector(readString(entry, 'score') ?? '');
    const rating = vector ? scoreCvssVector(vector)?.rating : undefined;
    if (rating && rating !== 'none') return rating;
  }
  return undefined;
}

function readAffected(value: unknown): AffectedPackage[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .slice(0, maxAffected)
    .flatMap((affected) => {
      const pkg = isObject(affected.package) ? affected.package : null;
      const name = pkg ? readString(pkg, 'name') : null;
      if (!pkg || !name) return [];
      const versions = [...describeRanges(affected.ranges), ...readStrings(affected.versions, 200)];
      const ranges = readRanges(affected.ranges);
      const listedVersions = readStrings(affected.versions, 5000);
      return [
        {
          ecosystem: readString(pkg, 'ecosystem') ?? '',
          name,
          versions,
          ...(ranges.length > 0 ? { ranges } : {}),
          ...(listedVersions.length > 0 ? { listedVersions } : {}),
        },
      ];
    });
}

function readCwes(advisory: JsonObject): string[] {
  const specific = isObject(advisory.database_specific) ? advisory.database_specific : {};
  return [...new Set(readStrings(specific.cwe_ids, 50).map((cwe) => cwe.toUpperCase()))];
}

/** True for a JSON value shaped like an OSV advisory (an `id` and `modified`, or `affected`). */
export function parseOsvAdvisory(value: unknown): ParseResult<DuplicateDocument> {
  const issues: ParseIssue[] = [];
  if (!isObject(value))
    return { ok: false, issues: [{ message: 'an OSV advisory must be a JSON object', path: '' }] };
  const id = readString(value, 'id');
  if (!id || id.trim() === '')
    issues.push({ message: 'an OSV advisory needs a string "id"', path: 'id' });
  const summary = readString(value, 'summary') ?? '';
  const details = readString(value, 'details') ?? '';
  const affected = readAffected(value.affected);
  if (summary === '' && details === '' && affected.length === 0) {
    issues.push({
      message: 'an OSV advisory needs a "summary", "details" or "affected" entry',
      path: '',
    });
  }
  if (issues.length > 0 || !id) return { ok: false, issues };
  const aliases = [
    ...new Set([
      id,
      ...readStrings(value.aliases, maxAliases),
      ...readStrings(value.upstream, maxAliases),
    ]),
  ];
  return {
    ok: true,
    value: {
      id,
      kind: 'advisory',
      // The database is the id's prefix (GHSA, PYSEC, GO, RUSTSEC...): one database never
      // publishes the same vulnerability twice under different ids.
      source: id.split('-', 1)[0]!.toLowerCase(),
      title: summary.slice(0, 500),
      text: details.slice(0, maxTextLength),
      packages: affected,
      aliases,
      cwes: readCwes(value),
      ...findCodeNames(`${summary}\n${details}`),
      published: readString(value, 'published'),
      ...(readSeverity(value) ? { severity: readSeverity(value) } : {}),
    },
  };
}
