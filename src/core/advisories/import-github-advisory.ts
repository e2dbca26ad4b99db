// Reads a GitHub security advisory as the REST API returns it (global `/advisories` or repository
// `/security-advisories`) into the advisory model: ecosystems mapped to OSV's names, GitHub's
// range syntax (">= 2.2.0, < 2.4.2") turned into OSV events, credits with their roles.

import semver from 'semver';
import type { AdvisoryRangeEvent } from '../model/advisory.js';
import type { ParseResult } from '../model/parse-result.js';
import { isJsonObject, type JsonObject } from '../report/read-json-value.js';
import { createRangeEvent, readRangeEvent } from './check-advisory-ranges.js';
import { shortenSummary, type ImportedAdvisory } from './import-osv-advisory.js';
import { parseAdvisory } from './parse-advisory.js';

/** GitHub's ecosystem names to OSV's. */
const osvEcosystems: Record<string, string> = {
  npm: 'npm',
  pip: 'PyPI',
  go: 'Go',
  maven: 'Maven',
  nuget: 'NuGet',
  rubygems: 'RubyGems',
  composer: 'Packagist',
  rust: 'crates.io',
  erlang: 'Hex',
  actions: 'GitHub Actions',
  pub: 'Pub',
  swift: 'SwiftURL',
};
const ratings = new Set(['critical', 'high', 'medium', 'low']);

function objectOr(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

function arrayOr(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function importGithubAdvisory(value: unknown, now: string): ParseResult<ImportedAdvisory> {
  if (!isJsonObject(value)) {
    return {
      ok: false,
      issues: [{ path: '', message: 'a GitHub advisory must be a JSON object' }],
    };
  }
  const notes: string[] = [];
  const ghsaId = stringOr(value.ghsa_id);
  const cveId = stringOr(value.cve_id);
  const id = ghsaId ?? cveId;
  if (id === null) {
    return {
      ok: false,
      issues: [{ path: 'ghsa_id', message: 'a GitHub advisory needs a "ghsa_id"' }],
    };
  }
  const identifiers = arrayOr(value.identifiers)
    .map((identifier) => stringOr(objectOr(identifier).value))
    .filter((identifier): identifier is string => identifier !== null);
  const aliases = [
    ...new Set([cveId, ...identifiers].filter((alias) => alias !== null && alias !== id)),
  ];
  const description = typeof value.description === 'string' ? value.description : '';
  const summary =
    shortenSummary(stringOr(value.summary) ?? description.split(/\n\s*\n/, 1)[0] ?? id) || id;
  const published = stringOr(value.published_at);
  const affected = arrayOr(value.vulnerabilities).map((entry) => readVulnerability(entry, notes));
  const raw = {
    thresherAdvisory: 1,
    id,
    modified: stringOr(value.updated_at) ?? published ?? stringOr(value.created_at) ?? now,
    summary,
    details: description,
    aliases,
    affected,
    severity: readSeverity(value),
    cwes: readCwes(value),
    references: readReferences(value),
    credits: readCredits(value),
    timeline: {
      // A repository advisory that came in as a private report was created by the report.
      reported:
        value.submission !== undefined && value.submission !== null
          ? stringOr(value.created_at)
          : null,
      acknowledged: null,
      fixed: null,
      published,
    },
    embargoUntil: null,
    publisher: {
      name: affected.map((entry) => entry.package.name).find((name) => name !== '') ?? 'GitHub',
      url: stringOr(value.source_code_location),
    },
    cna: null,
  };
  const parsed = parseAdvisory(raw);
  return parsed.ok ? { ok: true, value: { advisory: parsed.value, notes } } : parsed;
}

interface RawAffected {
  package: { ecosystem: string | null; name: string; purl: null };
  ranges: Array<{ type: string; repo: null; events: AdvisoryRangeEvent[] }>;
  versions: string[];
  fixedVersions: string[];
  components: string[];
  functions: string[];
  files: string[];
}

function readVulnerability(value: unknown, notes: string[]): RawAffected {
  const entry = objectOr(value);
  const pkg = objectOr(entry.package);
  const githubEcosystem = stringOr(pkg.ecosystem)?.toLowerCase() ?? 'other';
  const ecosystem = osvEcosystems[githubEcosystem] ?? null;
  const first = entry.first_patched_version;
  const patched =
    stringOr(entry.patched_versions) ??
    (isJsonObject(first) ? stringOr(first.identifier) : stringOr(first));
  const fixedVersions =
    patched === null
      ? []
      : patched
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
  const rangeText = stringOr(entry.vulnerable_version_range);
  const { events, versions } = convertGithubRange(rangeText, notes);
  return {
    package: { ecosystem, name: stringOr(pkg.name) ?? '', purl: null },
    ranges:
      events.length > 0 ? [{ type: chooseRangeType(ecosystem, events), repo: null, events }] : [],
    versions,
    fixedVersions,
    components: [],
    functions: arrayOr(entry.vulnerable_functions).filter(
      (name): name is string => typeof name === 'string',
    ),
    files: [],
  };
}

/** GitHub's ranges are in the ecosystem's order; outside any ecosystem, SemVer when every version is. */
function chooseRangeType(ecosystem: string | null, events: AdvisoryRangeEvent[]): string {
  if (ecosystem !== null) return 'ECOSYSTEM';
  const versions = events
    .map((event) => readRangeEvent(event).version)
    .filter((version) => version !== '0');
  return versions.every((version) => semver.valid(version) === version) ? 'SEMVER' : 'ECOSYSTEM';
}

/**
 * ">= 2.2.0, < 2.4.2" -> introduced 2.2.0, fixed 2.4.2; "<= 1.0.3" -> introduced 0, last affected
 * 1.0.3; "= 1.2.0" -> the single version 1.2.0. A bound GitHub's syntax cannot say becomes a note.
 */
function convertGithubRange(
  text: string | null,
  notes: string[],
): { events: AdvisoryRangeEvent[]; versions: string[] } {
  if (text === null) return { events: [{ introduced: '0' }], versions: [] };
  const events: AdvisoryRangeEvent[] = [];
  const versions: string[] = [];
  let introduced: string | null = null;
  for (const part of text.split(',')) {
    const match = /^(>=|<=|>|<|=)?\s*(\S+)$/.exec(part.trim());
    if (!match) {
      notes.push(`range "${text.slice(0, 80)}" not understood; kept no events for it`);
      return { events: [], versions: [] };
    }
    const [, operator = '=', version = ''] = match;
    if (operator === '>=') introduced = version;
    else if (operator === '<') events.push(createRangeEvent('fixed', version));
    else if (operator === '<=') events.push(createRangeEvent('lastAffected', version));
    else if (operator === '=') versions.push(version);
    else {
      notes.push(`"> ${version}" has no OSV event: read as introduced ${version}, check it`);
      introduced = version;
    }
  }
  if (events.length === 0 && versions.length > 0 && introduced === null)
    return { events: [], versions };
  return { events: [createRangeEvent('introduced', introduced ?? '0'), ...events], versions };
}

function readSeverity(value: JsonObject): { cvss: unknown[]; rating: string | null; text: null } {
  const severities = objectOr(value.cvss_severities);
  const vectors = [objectOr(value.cvss), objectOr(severities.cvss_v3), objectOr(severities.cvss_v4)]
    .map((cvss) => stringOr(cvss.vector_string))
    .filter((vector): vector is string => vector !== null);
  const cvss = [...new Set(vectors)];
  const word = stringOr(value.severity)?.toLowerCase() ?? null;
  const rating = cvss.length === 0 && word !== null && ratings.has(word) ? word : null;
  return { cvss, rating, text: null };
}

function readCwes(value: JsonObject): string[] {
  const ids = [
    ...arrayOr(value.cwes).map((cwe) => stringOr(objectOr(cwe).cwe_id)),
    ...arrayOr(value.cwe_ids).map(stringOr),
  ].filter((cwe): cwe is string => cwe !== null);
  return [...new Set(ids.map((cwe) => cwe.toUpperCase()))];
}

function readReferences(value: JsonObject): Array<{ type: string; url: string }> {
  const urls = [
    stringOr(value.html_url),
    ...arrayOr(value.references).map((reference) =>
      isJsonObject(reference) ? stringOr(reference.url) : stringOr(reference),
    ),
  ].filter((url): url is string => url !== null);
  return [...new Set(urls)].map((url) => ({
    type: /\/advisories\/GHSA-|\/security\/advisories\//.test(url) ? 'ADVISORY' : 'WEB',
    url,
  }));
}

function readCredits(value: JsonObject): Array<{ name: string; type: string; contact: string[] }> {
  const credits: Array<{ name: string; type: string; contact: string[] }> = [];
  for (const key of ['credits', 'credits_detailed']) {
    for (const item of arrayOr(value[key])) {
      const credit = objectOr(item);
      const login = stringOr(credit.login) ?? stringOr(objectOr(credit.user).login);
      const type = (stringOr(credit.type) ?? 'other').toUpperCase();
      if (login !== null && !credits.some((known) => known.name === login && known.type === type)) {
        credits.push({
          name: login,
          type,
          contact: [`https://github.com/${encodeURIComponent(login)}`],
        });
      }
    }
  }
  return credits;
}
