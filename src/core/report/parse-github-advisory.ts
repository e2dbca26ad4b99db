// Reads a GitHub security advisory as the REST API returns it (repository or global advisory)
// into a Report: `# summary`, the description as written, then affected versions, severity,
// weakness, credits and references as `##` sections so facts are found by structure.

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

const shapeKeys = ['vulnerabilities', 'cve_id', 'cvss', 'cvss_severities', 'cwes', 'cwe_ids'];

/** Whether a parsed JSON value looks like a GitHub advisory (has `ghsa_id`, or a summary plus advisory fields). */
export function isGithubAdvisoryJson(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return 'ghsa_id' in value || ('summary' in value && shapeKeys.some((key) => key in value));
}

export function parseGithubAdvisory(
  source: string,
  value: unknown,
  path = '',
): ParseResult<Report> {
  if (!isJsonObject(value)) {
    return {
      ok: false,
      issues: [
        { message: `expected a GitHub advisory object, got ${describeJsonType(value)}`, path },
      ],
    };
  }
  const read = createJsonReader({ allowNull: true });
  const at = (key: string): string => joinPath(path, key);
  const summary = read.string(value.summary, at('summary'))?.trim() ?? '';
  const description = read.string(value.description, at('description')) ?? '';
  if (summary === '' && description.trim() === '' && read.issues.length === 0)
    read.fail(at('summary'), 'an advisory needs a summary or a description');
  const identifiers = [
    read.string(value.ghsa_id, at('ghsa_id')),
    read.string(value.cve_id, at('cve_id')),
  ]
    .map((id) => id?.trim() ?? '')
    .filter((id) => id !== '');
  const affected = readVulnerabilities(read, value.vulnerabilities, at('vulnerabilities'));
  const severity = readSeverity(read, value, path);
  const weaknesses = readWeaknesses(read, value, path);
  const credits = readCredits(read, value, path);
  const references = readReferences(read, value, path);
  const reporter = readReporter(read, value, credits, path);
  const dates = [
    read.string(value.created_at, at('created_at')),
    read.string(value.published_at, at('published_at')),
  ];
  if (read.issues.length > 0) return { ok: false, issues: read.issues };

  const { title, body, sections, receivedAt } = buildAdvisoryReportBody({
    summary,
    identifiers,
    description,
    affected,
    severity,
    weaknesses,
    weaknessSeparator: '\n',
    credits: credits.map(({ login, type }) => ({ name: login, type })),
    references,
    untitled: 'Untitled advisory',
    dates,
  });
  return {
    ok: true,
    value: {
      source,
      format: 'github-advisory',
      title,
      body,
      sections,
      reporter,
      receivedAt,
      channel: { kind: 'github-advisory' },
    },
  };
}

function readVulnerabilities(read: JsonReader, value: unknown, path: string): string[] {
  const lines: string[] = [];
  read.array(value, path)?.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    const vulnerability = read.object(item, itemPath);
    if (vulnerability === undefined) return;
    const pkg = read.object(vulnerability.package, joinPath(itemPath, 'package'));
    const ecosystem =
      read.string(pkg?.ecosystem, joinPath(itemPath, 'package.ecosystem'))?.trim() ?? '';
    const name = read.string(pkg?.name, joinPath(itemPath, 'package.name'))?.trim() ?? '';
    const range = read
      .string(
        vulnerability.vulnerable_version_range,
        joinPath(itemPath, 'vulnerable_version_range'),
      )
      ?.trim();
    const patched = readPatched(read, vulnerability, itemPath);
    const label = [ecosystem, name].filter((part) => part !== '').join(' ') || 'unnamed package';
    lines.push(`- ${label}: ${range || 'all versions'}${patched ? ` (patched: ${patched})` : ''}`);
  });
  return lines;
}

/** Repository advisories say `patched_versions`; global ones `first_patched_version` (a string or `{identifier}`). */
function readPatched(read: JsonReader, vulnerability: JsonObject, path: string): string {
  const patched = read
    .string(vulnerability.patched_versions, joinPath(path, 'patched_versions'))
    ?.trim();
  if (patched) return patched;
  const first = vulnerability.first_patched_version;
  if (isJsonObject(first))
    return (
      read.string(first.identifier, joinPath(path, 'first_patched_version.identifier'))?.trim() ??
      ''
    );
  return read.string(first, joinPath(path, 'first_patched_version'))?.trim() ?? '';
}

function readSeverity(read: JsonReader, advisory: JsonObject, path: string): string[] {
  const lines: string[] = [];
  const rating = read.string(advisory.severity, joinPath(path, 'severity'))?.trim();
  if (rating) lines.push(`Rating: ${rating}`);
  const vectors: { vector: string; score: number | undefined }[] = [];
  const addVector = (value: unknown, vectorPath: string): void => {
    const cvss = read.object(value, vectorPath);
    if (cvss === undefined) return;
    const vector = read.string(cvss.vector_string, joinPath(vectorPath, 'vector_string'))?.trim();
    const score = cvss.score;
    if (score !== undefined && score !== null && typeof score !== 'number') {
      read.fail(joinPath(vectorPath, 'score'), `expected a number, got ${describeJsonType(score)}`);
    }
    if (vector && !vectors.some((known) => known.vector === vector)) {
      vectors.push({ vector, score: typeof score === 'number' ? score : undefined });
    }
  };
  addVector(advisory.cvss, joinPath(path, 'cvss'));
  const severities = read.object(advisory.cvss_severities, joinPath(path, 'cvss_severities'));
  addVector(severities?.cvss_v3, joinPath(path, 'cvss_severities.cvss_v3'));
  addVector(severities?.cvss_v4, joinPath(path, 'cvss_severities.cvss_v4'));
  for (const { vector, score } of vectors) {
    lines.push(`CVSS: ${vector}${score !== undefined && score > 0 ? ` (score ${score})` : ''}`);
  }
  return lines;
}

function readWeaknesses(read: JsonReader, advisory: JsonObject, path: string): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  read.array(advisory.cwes, joinPath(path, 'cwes'))?.forEach((item, index) => {
    const cwe = read.object(item, joinPath(joinPath(path, 'cwes'), index));
    const id = read
      .string(cwe?.cwe_id, joinPath(joinPath(path, 'cwes'), index) + '.cwe_id')
      ?.trim();
    const name = read.string(cwe?.name, joinPath(joinPath(path, 'cwes'), index) + '.name')?.trim();
    if (id && !seen.has(id)) {
      seen.add(id);
      lines.push(`- ${id}${name ? `: ${name}` : ''}`);
    }
  });
  for (const id of read.strings(advisory.cwe_ids, joinPath(path, 'cwe_ids')) ?? []) {
    if (id.trim() !== '' && !seen.has(id.trim())) {
      seen.add(id.trim());
      lines.push(`- ${id.trim()}`);
    }
  }
  return lines;
}

interface Credit {
  login: string;
  type: string;
}

/** `credits` is `[{login, type}]` (repository) or `[{user: {login}, type}]` (global); `credits_detailed` the latter. */
function readCredits(read: JsonReader, advisory: JsonObject, path: string): Credit[] {
  const credits: Credit[] = [];
  for (const key of ['credits', 'credits_detailed']) {
    read.array(advisory[key], joinPath(path, key))?.forEach((item, index) => {
      const creditPath = joinPath(joinPath(path, key), index);
      const credit = read.object(item, creditPath);
      if (credit === undefined) return;
      const user = read.object(credit.user, joinPath(creditPath, 'user'));
      const login = (
        read.string(credit.login, joinPath(creditPath, 'login')) ??
        read.string(user?.login, joinPath(creditPath, 'user.login'))
      )?.trim();
      const type = read.string(credit.type, joinPath(creditPath, 'type'))?.trim() ?? '';
      if (login && !credits.some((known) => known.login === login)) credits.push({ login, type });
    });
  }
  return credits;
}

function readReferences(read: JsonReader, advisory: JsonObject, path: string): string[] {
  const urls = [
    read.string(advisory.html_url, joinPath(path, 'html_url')),
    ...(read.strings(advisory.references, joinPath(path, 'references')) ?? []),
  ];
  return [...new Set(urls.map((url) => url?.trim() ?? '').filter((url) => url !== ''))];
}

/** The credited reporter or finder; else, for a private report (`submission` set), its author. */
function readReporter(
  read: JsonReader,
  advisory: JsonObject,
  credits: Credit[],
  path: string,
): Reporter | null {
  const credited = credits.find(({ type }) => type === 'reporter' || type === 'finder');
  if (credited !== undefined) return { name: credited.login };
  const author = read.object(advisory.author, joinPath(path, 'author'));
  const login = read.string(author?.login, joinPath(path, 'author.login'))?.trim();
  return advisory.submission !== undefined && advisory.submission !== null && login
    ? { name: login }
    : null;
}
