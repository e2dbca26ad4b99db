// Reads an OSV record (any database's, GitHub's OSV files included, and Thresher's own exports)
// into the advisory model. Fields OSV lacks come back from `database_specific.thresher` when
// Thresher wrote the record; GitHub's `database_specific.severity` and `cwe_ids` are read too.
// The result is checked by the same parser as a hand-edited advisory.

import type { Advisory, AdvisoryRating } from '../model/advisory.js';
import { advisoryLimits, advisoryReferenceTypes } from '../model/advisory.js';
import type { ParseResult } from '../model/parse-result.js';
import { isJsonObject, type JsonObject } from '../report/read-json-value.js';
import { githubSeverityWords } from './convert-advisory-to-osv.js';
import { parseAdvisory } from './parse-advisory.js';

export interface ImportedAdvisory {
  advisory: Advisory;
  /** What was read differently from the source, for a human to check. */
  notes: string[];
}

const ratingOfGithubWord = new Map<string, AdvisoryRating>(
  Object.entries(githubSeverityWords).map(([rating, word]) => [word, rating as AdvisoryRating]),
);
const referenceTypes: ReadonlySet<string> = new Set(advisoryReferenceTypes);

function objectOr(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

function arrayOr(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Keeps a present value as it is (so the parser names a wrong type), else the fallback. */
function presentOr(value: unknown, fallback: unknown): unknown {
  return value === undefined || value === null ? fallback : value;
}

/** One line of at most `advisoryLimits.summary` characters, cut at a word where it can be. */
export function shortenSummary(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= advisoryLimits.summary) return line;
  const cut = line.slice(0, advisoryLimits.summary - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > advisoryLimits.summary / 2 ? cut.slice(0, space) : cut}…`;
}

export function importOsvAdvisory(value: unknown, now: string): ParseResult<ImportedAdvisory> {
  if (!isJsonObject(value) || typeof value.id !== 'string') {
    return { ok: false, issues: [{ path: 'id', message: 'an OSV record needs a string "id"' }] };
  }
  const notes: string[] = [];
  const databaseSpecific = objectOr(value.database_specific);
  const thresher = objectOr(databaseSpecific.thresher);
  const details = typeof value.details === 'string' ? value.details : '';
  const summary = readSummary(value, details, notes);
  const published = presentOr(value.published, null);
  const modified = presentOr(value.modified, published ?? now);
  if (value.modified === undefined)
    notes.push('no "modified" date: used the published date or now');
  const savedTimeline = objectOr(thresher.timeline);
  const savedSeverity = isJsonObject(thresher.severity) ? thresher.severity : null;
  const raw = {
    thresherAdvisory: 1,
    id: value.id,
    modified,
    summary,
    details: presentOr(value.details, ''),
    aliases: presentOr(value.aliases, []),
    affected: arrayOr(value.affected).map((affected) => readAffected(affected)),
    severity: {
      cvss: readCvssVectors(value, notes),
      rating: savedSeverity
        ? savedSeverity.rating
        : typeof databaseSpecific.severity === 'string'
          ? (ratingOfGithubWord.get(databaseSpecific.severity.toUpperCase()) ?? null)
          : null,
      text: savedSeverity ? savedSeverity.text : null,
    },
    cwes: presentOr(databaseSpecific.cwe_ids, []),
    references: arrayOr(value.references).map((reference) => {
      const object = objectOr(reference);
      const type =
        typeof object.type === 'string' && referenceTypes.has(object.type) ? object.type : 'WEB';
      return { type, url: object.url };
    }),
    credits: arrayOr(value.credits).map((credit) => {
      const object = objectOr(credit);
      return {
        name: object.name,
        type: presentOr(object.type, 'OTHER'),
        contact: presentOr(object.contact, []),
      };
    }),
    timeline: {
      reported: presentOr(savedTimeline.reported, null),
      acknowledged: presentOr(savedTimeline.acknowledged, null),
      fixed: presentOr(savedTimeline.fixed, null),
      published,
    },
    embargoUntil: presentOr(thresher.embargoUntil, null),
    publisher: presentOr(thresher.publisher, derivePublisher(value)),
    cna: presentOr(thresher.cna, null),
  };
  const parsed = parseAdvisory(raw);
  return parsed.ok ? { ok: true, value: { advisory: parsed.value, notes } } : parsed;
}

function readSummary(value: JsonObject, details: string, notes: string[]): unknown {
  if (value.summary !== undefined && typeof value.summary !== 'string') return value.summary;
  const written = typeof value.summary === 'string' ? value.summary : '';
  const isOneLine = !/[\r\n\u2028\u2029]/.test(written) && written.length <= advisoryLimits.summary;
  if (isOneLine && written.trim() !== '') return written;
  const source = written.trim() !== '' ? written : (details.split(/\n\s*\n/, 1)[0] ?? '');
  const summary = shortenSummary(source) || (typeof value.id === 'string' ? value.id : '');
  if (summary !== written) {
    notes.push(
      written.trim() === ''
        ? 'no summary: took the first paragraph of the details'
        : 'summary shortened to one line',
    );
  }
  return summary;
}

/** CVSS v3 and v4 vectors, from the record or (when it has none) from its packages. */
function readCvssVectors(value: JsonObject, notes: string[]): unknown[] {
  const entries = [
    ...arrayOr(value.severity),
    ...arrayOr(value.affected).flatMap((affected) => arrayOr(objectOr(affected).severity)),
  ];
  const vectors: unknown[] = [];
  for (const entry of entries) {
    const { type, score } = objectOr(entry);
    if (type === 'CVSS_V3' || type === 'CVSS_V4') {
      if (!vectors.includes(score)) vectors.push(score);
    } else {
      // `type` is whatever the file holds: an object whose toString is not a function must not throw.
      const named = typeof type === 'string' ? type : (JSON.stringify(type) ?? 'unknown');
      notes.push(`severity of type ${named} not kept (only CVSS v3 and v4 are)`);
    }
  }
  return vectors;
}

function readAffected(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const saved = objectOr(objectOr(value.database_specific).thresher);
  const ranges = arrayOr(value.ranges).map((range) => {
    if (!isJsonObject(range)) return range;
    return {
      type: range.type,
      repo: presentOr(range.repo, null),
      events: arrayOr(range.events).map((event) => {
        if (!isJsonObject(event) || !('last_affected' in event)) return event;
        const { last_affected: lastAffected, ...rest } = event;
        return { ...rest, lastAffected };
      }),
    };
  });
  const pkg = isJsonObject(value.package)
    ? {
        ecosystem: value.package.ecosystem,
        name: value.package.name,
        purl: presentOr(value.package.purl, null),
      }
    : { ecosystem: null, ...deriveUnnamedPackage(saved.package, ranges) };
  return {
    package: pkg,
    ranges,
    versions: presentOr(value.versions, []),
    fixedVersions: presentOr(saved.fixedVersions, deriveFixedVersions(ranges)),
    components: presentOr(saved.components, []),
    functions: readFunctions(objectOr(value.ecosystem_specific)),
    files: presentOr(saved.files, []),
  };
}

/** Without a package, the name Thresher saved, else the repository's last path segment. */
function deriveUnnamedPackage(saved: unknown, ranges: unknown[]): { name: unknown; purl: unknown } {
  if (isJsonObject(saved)) return { name: saved.name, purl: presentOr(saved.purl, null) };
  const repo = ranges.map((range) => objectOr(range).repo).find((url) => typeof url === 'string');
  const name =
    typeof repo === 'string'
      ? (repo
          .replace(/\.git$/, '')
          .split('/')
          .pop() ?? '')
      : '';
  return { name: name || 'unnamed', purl: null };
}

function deriveFixedVersions(ranges: unknown[]): string[] {
  const fixed = ranges
    .map(objectOr)
    .filter((range) => range.type !== 'GIT')
    .flatMap((range) => arrayOr(range.events))
    .map((event) => objectOr(event).fixed)
    .filter((version): version is string => typeof version === 'string');
  return [...new Set(fixed)];
}

/** GitHub's `affected_functions`, or the Go database's `imports[].symbols`. */
function readFunctions(ecosystemSpecific: JsonObject): unknown {
  if (ecosystemSpecific.affected_functions !== undefined)
    return ecosystemSpecific.affected_functions;
  const symbols = arrayOr(ecosystemSpecific.imports).flatMap((entry) =>
    arrayOr(objectOr(entry).symbols),
  );
  return [...new Set(symbols.filter((symbol) => typeof symbol === 'string'))];
}

function derivePublisher(value: JsonObject): { name: string; url: null } {
  const named = arrayOr(value.affected)
    .map((affected) => objectOr(objectOr(affected).package).name)
    .find((name): name is string => typeof name === 'string' && name.trim() !== '');
  const id = typeof value.id === 'string' ? value.id : '';
  return { name: named ?? id.split('-', 1)[0]!, url: null };
}
