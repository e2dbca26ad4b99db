// Reads and checks the advisory JSON that `thresher advisory draft` writes and people edit: every
// field of the model, with one issue per problem naming the field (`affected[0].ranges[1].events`).
// Text stays text: nothing is rendered, control characters are refused, sizes are capped.

import {
  advisoryCreditTypes,
  advisoryLimits,
  advisoryReferenceTypes,
  type Advisory,
  type AdvisoryAffected,
  type AdvisoryCna,
  type AdvisoryCredit,
  type AdvisoryRange,
  type AdvisoryRangeEvent,
  type AdvisoryRating,
  type AdvisoryReference,
  type AdvisorySeverity,
  type AdvisoryTimeline,
} from '../model/advisory.js';
import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import { parseJsonText } from '../report/parse-json-text.js';
import { describeJsonType, isJsonObject, joinPath } from '../report/read-json-value.js';
import { parseCvssVector, scoreCvssVector } from '../severity/score-cvss-vector.js';
import { checkAdvisoryRange } from './check-advisory-ranges.js';
import { createFieldReader, type FieldReader } from './create-advisory-field-reader.js';

/** Largest advisory JSON text read, in characters. */
const maxAdvisoryTextLength = 4 * 1024 * 1024;

const topKeys = [
  'thresherAdvisory',
  'id',
  'modified',
  'summary',
  'details',
  'aliases',
  'affected',
  'severity',
  'cwes',
  'references',
  'credits',
  'timeline',
  'embargoUntil',
  'publisher',
  'cna',
] as const;
const ratings: readonly AdvisoryRating[] = ['critical', 'high', 'medium', 'low', 'none'];
const cwePattern = /^CWE-[1-9]\d{0,4}$/;
const uuidPattern =
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/;

/** Parses advisory JSON text (size and nesting checked first). */
export function parseAdvisoryJson(text: string): ParseResult<Advisory> {
  if (text.length > maxAdvisoryTextLength) {
    return {
      ok: false,
      issues: [
        { message: `too large (${text.length} characters; at most ${maxAdvisoryTextLength})` },
      ],
    };
  }
  const json = parseJsonText(text);
  return json.ok ? parseAdvisory(json.value) : json;
}

export function parseAdvisory(value: unknown): ParseResult<Advisory> {
  const issues: ParseIssue[] = [];
  if (!isJsonObject(value)) {
    return {
      ok: false,
      issues: [
        { message: `expected an advisory object, got ${describeJsonType(value)}`, path: '' },
      ],
    };
  }
  const read = createFieldReader(issues);
  if (value.thresherAdvisory !== 1) {
    read.fail('thresherAdvisory', 'must be 1 (this is how Thresher knows the file is an advisory)');
  }
  for (const key of Object.keys(value)) {
    if (!(topKeys as readonly string[]).includes(key)) read.fail(key, 'unknown field');
  }
  const id = read.identifier(value.id, 'id');
  const advisory: Advisory = {
    thresherAdvisory: 1,
    id: id ?? '',
    modified: read.timestamp(value.modified, 'modified') ?? '',
    summary: read.line(value.summary, 'summary', advisoryLimits.summary) ?? '',
    details: read.text(value.details, 'details', advisoryLimits.details) ?? '',
    aliases: read.list(value.aliases, 'aliases', (item, path) => read.identifier(item, path)),
    affected: readAffectedList(read, value.affected),
    severity: readSeverity(read, value.severity),
    cwes: read.list(value.cwes, 'cwes', (item, path) => readCwe(read, item, path)),
    references: read.list(value.references, 'references', (item, path) =>
      readReference(read, item, path),
    ),
    credits: read.list(value.credits, 'credits', (item, path) => readCredit(read, item, path)),
    timeline: readTimeline(read, value.timeline),
    embargoUntil: read.nullable(value.embargoUntil, 'embargoUntil', (item, path) =>
      read.timestamp(item, path),
    ),
    publisher: readPublisher(read, value.publisher),
    cna: read.nullable(value.cna, 'cna', (item, path) => readCna(read, item, path)),
  };
  if (advisory.summary.trim() === '' && issues.every((issue) => issue.path !== 'summary')) {
    read.fail('summary', 'must not be empty');
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: advisory };
}

function readAffectedList(read: FieldReader, value: unknown): AdvisoryAffected[] {
  return read.list(
    value,
    'affected',
    (item, path) => {
      const object = read.object(item, path, [
        'package',
        'ranges',
        'versions',
        'fixedVersions',
        'components',
        'functions',
        'files',
      ]);
      if (object === undefined) return undefined;
      const pkg = read.object(object.package, joinPath(path, 'package'), [
        'ecosystem',
        'name',
        'purl',
      ]);
      const ecosystem =
        read.nullable(pkg?.ecosystem, joinPath(path, 'package.ecosystem'), (entry, at) =>
          read.identifierText(entry, at),
        ) ?? null;
      const affected: AdvisoryAffected = {
        package: {
          ecosystem,
          name: read.line(pkg?.name, joinPath(path, 'package.name'), 500) ?? '',
          purl: read.nullable(pkg?.purl, joinPath(path, 'package.purl'), (entry, at) =>
            readPurl(read, entry, at),
          ),
        },
        ranges: read.list(object.ranges, joinPath(path, 'ranges'), (entry, at) =>
          readRange(read, entry, at, ecosystem),
        ),
        versions: readVersions(read, object.versions, joinPath(path, 'versions')),
        fixedVersions: readVersions(read, object.fixedVersions, joinPath(path, 'fixedVersions')),
        components: readNames(read, object.components, joinPath(path, 'components')),
        functions: readNames(read, object.functions, joinPath(path, 'functions')),
        files: readNames(read, object.files, joinPath(path, 'files')),
      };
      return affected;
    },
    advisoryLimits.affected,
  );
}

function readVersions(read: FieldReader, value: unknown, path: string): string[] {
  return read.list(value, path, (item, at) => read.line(item, at, 200), advisoryLimits.versions);
}

function readNames(read: FieldReader, value: unknown, path: string): string[] {
  return read.list(value, path, (item, at) => read.line(item, at, 1000));
}

function readRange(
  read: FieldReader,
  value: unknown,
  path: string,
  ecosystem: string | null,
): AdvisoryRange | undefined {
  const before = read.issues.length;
  const object = read.object(value, path, ['type', 'repo', 'events']);
  if (object === undefined) return undefined;
  const type = read.choice(object.type, joinPath(path, 'type'), ['SEMVER', 'ECOSYSTEM', 'GIT']);
  const repo = read.nullable(object.repo, joinPath(path, 'repo'), (item, at) => read.url(item, at));
  const events = read.list(object.events, joinPath(path, 'events'), (item, at) =>
    readEvent(read, item, at),
  );
  if (type === undefined || read.issues.length > before) return undefined;
  const range: AdvisoryRange = { type, repo, events };
  const problems = checkAdvisoryRange(range, ecosystem, path);
  read.issues.push(...problems);
  return problems.length === 0 ? range : undefined;
}

function readEvent(
  read: FieldReader,
  value: unknown,
  path: string,
): AdvisoryRangeEvent | undefined {
  const object = read.object(value, path, ['introduced', 'fixed', 'lastAffected', 'limit']);
  if (object === undefined) return undefined;
  const keys = Object.keys(object);
  if (keys.length !== 1) {
    read.fail(path, 'an event has exactly one of "introduced", "fixed", "lastAffected", "limit"');
    return undefined;
  }
  const key = keys[0] as 'introduced' | 'fixed' | 'lastAffected' | 'limit';
  const version = read.line(object[key], joinPath(path, key), 200);
  if (version === undefined) return undefined;
  return { [key]: version } as AdvisoryRangeEvent;
}

function readSeverity(read: FieldReader, value: unknown): AdvisorySeverity {
  const object = read.object(value, 'severity', ['cvss', 'rating', 'text']) ?? {};
  const cvss = read.list(object.cvss, 'severity.cvss', (item, path) => {
    const vector = read.line(item, path, 300);
    if (vector === undefined) return undefined;
    const parsed = parseCvssVector(vector);
    if (parsed === null || scoreCvssVector(parsed) === null) {
      read.fail(
        path,
        `"${vector.slice(0, 120)}" is not a complete, valid CVSS 3.0, 3.1 or 4.0 vector`,
      );
      return undefined;
    }
    return vector;
  });
  const majors = cvss.map((vector) => vector.slice(0, 6));
  if (new Set(majors).size !== majors.length) {
    read.fail('severity.cvss', 'at most one CVSS 3.x vector and one CVSS 4.0 vector');
  }
  return {
    cvss,
    rating: read.nullable(object.rating, 'severity.rating', (item, path) =>
      read.choice(item, path, ratings),
    ),
    text: read.nullable(object.text, 'severity.text', (item, path) =>
      read.text(item, path, advisoryLimits.text),
    ),
  };
}

function readCwe(read: FieldReader, value: unknown, path: string): string | undefined {
  const cwe = read.line(value, path, 20)?.toUpperCase();
  if (cwe !== undefined && !cwePattern.test(cwe)) {
    read.fail(path, `"${cwe}" is not a CWE id like CWE-79`);
    return undefined;
  }
  return cwe;
}

function readReference(
  read: FieldReader,
  value: unknown,
  path: string,
): AdvisoryReference | undefined {
  const object = read.object(value, path, ['type', 'url']);
  if (object === undefined) return undefined;
  const type = read.choice(object.type, joinPath(path, 'type'), advisoryReferenceTypes);
  const url = read.url(object.url, joinPath(path, 'url'));
  return type === undefined || url === undefined ? undefined : { type, url };
}

function readCredit(read: FieldReader, value: unknown, path: string): AdvisoryCredit | undefined {
  const object = read.object(value, path, ['name', 'type', 'contact']);
  if (object === undefined) return undefined;
  const name = read.line(object.name, joinPath(path, 'name'), 200);
  if (name !== undefined && name.trim() === '')
    read.fail(joinPath(path, 'name'), 'must not be empty');
  const type = read.choice(object.type, joinPath(path, 'type'), advisoryCreditTypes);
  const contact = read.list(object.contact, joinPath(path, 'contact'), (item, at) =>
    read.line(item, at, 500),
  );
  return name === undefined || type === undefined ? undefined : { name, type, contact };
}

function readTimeline(read: FieldReader, value: unknown): AdvisoryTimeline {
  const keys = ['reported', 'acknowledged', 'fixed', 'published'] as const;
  const object = read.object(value, 'timeline', keys) ?? {};
  const [reported, acknowledged, fixed, published] = keys.map((key) =>
    read.nullable(object[key], `timeline.${key}`, (item, path) => read.timestamp(item, path)),
  );
  return {
    reported: reported ?? null,
    acknowledged: acknowledged ?? null,
    fixed: fixed ?? null,
    published: published ?? null,
  };
}

function readPublisher(read: FieldReader, value: unknown): Advisory['publisher'] {
  const object = read.object(value, 'publisher', ['name', 'url']) ?? {};
  const name = read.line(object.name, 'publisher.name', 200) ?? '';
  if (name.trim() === '' && object.name !== undefined)
    read.fail('publisher.name', 'must not be empty');
  return {
    name,
    url: read.nullable(object.url, 'publisher.url', (item, path) => read.url(item, path)),
  };
}

function readCna(read: FieldReader, value: unknown, path: string): AdvisoryCna | undefined {
  const object = read.object(value, path, ['orgId', 'shortName']);
  if (object === undefined) return undefined;
  const orgId = read.line(object.orgId, joinPath(path, 'orgId'), 36);
  if (orgId !== undefined && !uuidPattern.test(orgId)) {
    read.fail(joinPath(path, 'orgId'), "must be the CNA's UUID (version 4) from the CVE program");
  }
  const shortName = read.nullable(object.shortName, joinPath(path, 'shortName'), (item, at) => {
    const text = read.line(item, at, 32);
    if (text !== undefined && text.length < 2) read.fail(at, 'must have 2 to 32 characters');
    return text;
  });
  return orgId === undefined ? undefined : { orgId, shortName };
}

function readPurl(read: FieldReader, value: unknown, path: string): string | undefined {
  const purl = read.line(value, path, 1000);
  if (purl !== undefined && !/^pkg:[A-Za-z.+-]+\/\S+$/.test(purl)) {
    read.fail(path, 'a package URL starts with pkg:TYPE/ (e.g. pkg:npm/left-pad)');
    return undefined;
  }
  return purl;
}
