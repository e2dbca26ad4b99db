// Drafts an advisory from triaged reports of one bug (an original and its duplicates): the
// original's title and description, affected versions, components, code and CWEs from the facts,
// the assessed severity, every finder credited, the earliest report date, and an embargo that
// ends when the project's disclosure deadline does. A human edits the draft before exporting it.

import { trimEndCharacters } from '../text/trim-characters.js';
import type {
  Advisory,
  AdvisoryCredit,
  AdvisoryCreditType,
  AdvisoryReference,
} from '../model/advisory.js';
import { advisoryCreditTypes, advisoryLimits } from '../model/advisory.js';
import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { SecurityProfile } from '../model/security-profile.js';
import type { TriageResult } from '../model/triage-result.js';
import { buildReportDocument } from '../report/build-report-document.js';
import { parseCvssVector, scoreCvssVector } from '../severity/score-cvss-vector.js';
import { buildDraftRanges } from './build-draft-ranges.js';
import { escapeRawHtml } from './escape-raw-html.js';
import { shortenSummary } from './import-osv-advisory.js';
import {
  formatAdvisoryTimestamp,
  normaliseAdvisoryTimestamp,
} from './normalise-advisory-timestamp.js';
import { isWebUrl } from './create-advisory-field-reader.js';
import { parseAdvisory } from './parse-advisory.js';

export interface DraftRequest {
  /** One bug's reports in arrival order: the first is the original. */
  results: readonly TriageResult[];
  profile: SecurityProfile;
  /** The current time, as a canonical advisory timestamp. */
  now: string;
  id?: string;
  cveId?: string;
  /** The package's OSV ecosystem (npm, PyPI...), when the project is published in one. */
  ecosystem?: string;
}

export interface AdvisoryDraft {
  advisory: Advisory;
  /** What a human should check or complete. */
  notes: string[];
}

const descriptionFields = new Set(['summary', 'details', 'impact']);
const urlPattern = /https?:\/\/[^\s<>"'`()[\]{}]+/g;
const dayMs = 24 * 60 * 60 * 1000;

export function draftAdvisory(request: DraftRequest): AdvisoryDraft {
  const { results, profile, now } = request;
  const original = results[0];
  if (original === undefined) throw new RangeError('draftAdvisory needs at least one report');
  const notes: string[] = [];
  const facts = results.flatMap((result) => result.facts);
  const documents = results.map((result) => buildReportDocument(result.report, result.facts, ''));
  const aliases = collectAliases(
    results.map((result) => result.report),
    request.cveId,
  );
  const ghsa = aliases.find((alias) => alias.startsWith('GHSA-'));
  const id = request.id ?? ghsa ?? createLocalId(profile.project.name, results, now);
  const ecosystem = request.ecosystem ?? null;
  const ranges = buildDraftRanges(valuesOf(facts, 'version'), ecosystem);
  notes.push(...ranges.notes);
  const reported = findEarliest(results.map((result) => result.report.receivedAt));
  // Without a disclosure day count in the profile, the maintainer sets the embargo by hand.
  const disclosureDays = profile.policy.response.disclosureDays;
  const deadline =
    disclosureDays === undefined ? null : Date.parse(reported ?? now) + disclosureDays * dayMs;
  const draft: Advisory = {
    thresherAdvisory: 1,
    id,
    modified: now,
    summary: shortenSummary(original.report.title) || 'Untitled advisory',
    details: composeDetails(original.report, notes),
    aliases: aliases.filter((alias) => alias !== id),
    affected: [
      {
        package: { ecosystem, name: profile.project.name, purl: null },
        ranges: ranges.ranges,
        versions: ranges.versions,
        fixedVersions: [],
        components: unique(results.flatMap((result) => result.components)),
        functions: unique(documents.flatMap((document) => document.functions)).slice(0, 50),
        files: unique(documents.flatMap((document) => document.paths)).slice(0, 50),
      },
    ],
    severity: chooseSeverity(original, facts),
    cwes: unique(valuesOf(facts, 'cwe').map((cwe) => cwe.toUpperCase())),
    references: collectReferences(
      results.map((result) => result.report),
      profile,
    ),
    credits: collectCredits(results, notes),
    timeline: { reported, acknowledged: null, fixed: null, published: null },
    embargoUntil: deadline === null ? null : formatAdvisoryTimestamp(new Date(deadline)),
    publisher: { name: profile.project.name, url: readWebUrl(profile.project.repository) },
    cna: null,
  };
  noteVerdicts(results, notes);
  if (ranges.ranges.length === 0 && ranges.versions.length === 0) {
    notes.push('no affected versions found in the reports: add ranges to affected[0]');
  }
  notes.push(
    'fill in fixedVersions, and the fix commit as a FIX reference, once the fix is released',
  );
  // The draft is held to the same rules as an edited advisory; a failure here is a bug.
  const checked = parseAdvisory(draft);
  if (!checked.ok) {
    const issue = checked.issues[0]!;
    throw new RangeError(`draft advisory does not hold: ${issue.path ?? ''}: ${issue.message}`);
  }
  return { advisory: checked.value, notes };
}

function valuesOf(facts: readonly Fact[], kind: Fact['kind']): string[] {
  return unique(facts.filter((fact) => fact.kind === kind).map((fact) => fact.value));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** GHSA and CVE ids a GitHub advisory states about itself (not every id a report mentions), and --cve. */
function collectAliases(reports: readonly Report[], cveId: string | undefined): string[] {
  const ids = reports
    .filter((report) => report.format === 'github-advisory')
    .flatMap((report) => {
      const line = report.body.split('\n', 4).find((text) => text.startsWith('Identifiers: '));
      return line === undefined ? [] : line.slice('Identifiers: '.length).split(', ');
    })
    .filter((id) => /^(?:GHSA(?:-[0-9a-z]{4}){3}|CVE-\d{4}-\d{4,19})$/.test(id));
  return unique([...(cveId === undefined ? [] : [cveId]), ...ids]);
}

/** `x_tinyhttpd-2026-3f09a1`: OSV's prefix for a project's own id, the year, and a hash of the reports. */
function createLocalId(projectName: string, results: readonly TriageResult[], now: string): string {
  const slug = projectName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  let hash = 0x811c9dc5;
  for (const character of results
    .map((result) => result.report.source)
    .sort()
    .join('\n')) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `x_${slug || 'project'}-${now.slice(0, 4)}-${hash.toString(16).padStart(8, '0').slice(0, 6)}`;
}

function findEarliest(dates: ReadonlyArray<string | null>): string | null {
  const normalised = dates
    .map((date) => (date === null ? null : normaliseAdvisoryTimestamp(date)))
    .filter((date): date is string => date !== null)
    .sort();
  return normalised[0] ?? null;
}

/** The original's summary, details and impact sections (else its body), raw HTML escaped. */
function composeDetails(report: Report, notes: string[]): string {
  const parts = report.sections
    .filter((section) => section.field !== null && descriptionFields.has(section.field))
    .map((section) => {
      const content = report.body.slice(section.span.start, section.span.end).trim();
      return content === '' ? '' : `### ${section.heading.trim()}\n\n${content}`;
    })
    .filter((part) => part !== '');
  const body = parts.length > 0 ? parts.join('\n\n') : report.body.replace(/^# .*\n+/, '').trim();
  const details = escapeRawHtml(body);
  if (details.length <= advisoryLimits.details) return details;
  notes.push(`details cut to ${advisoryLimits.details} characters: shorten them by hand`);
  return details.slice(0, advisoryLimits.details - 1) + '…';
}

/**
 * The assessed vector (the project's view, else the reporter's); when the assessment did not change
 * the claim, a vector of the other CVSS version that a report states in a structured field (a
 * GitHub advisory's CVSS 4.0) too. Without a vector, the assessed rating.
 */
function chooseSeverity(original: TriageResult, facts: readonly Fact[]): Advisory['severity'] {
  const { claimed, assessed } = original.severity;
  const main = assessed.vector ?? claimed?.vector ?? null;
  if (main === null) {
    return { cvss: [], rating: assessed.rating === 'unknown' ? null : assessed.rating, text: null };
  }
  const vectors = [main];
  if (claimed?.vector === main) {
    for (const fact of facts) {
      if (fact.kind !== 'cvss-vector' || fact.origin !== 'structure') continue;
      const parsed = parseCvssVector(fact.value);
      const scored = parsed === null ? null : scoreCvssVector(parsed);
      const major = (vector: string): string => vector.slice(0, 6);
      if (scored && !vectors.some((vector) => major(vector) === major(scored.vector))) {
        vectors.push(scored.vector);
      }
    }
  }
  return { cvss: vectors, rating: null, text: null };
}

function collectReferences(
  reports: readonly Report[],
  profile: SecurityProfile,
): AdvisoryReference[] {
  const urls = reports.flatMap((report) =>
    report.sections
      .filter((section) => section.field === 'references')
      .flatMap((section) => [
        ...report.body.slice(section.span.start, section.span.end).matchAll(urlPattern),
      ])
      .map((match) => trimEndCharacters(match[0], '.,;:!?')),
  );
  const references: AdvisoryReference[] = unique(urls)
    .filter(isWebUrl)
    .slice(0, 50)
    .map((url) => ({ type: /\/advisories\/GHSA-/.test(url) ? 'ADVISORY' : 'WEB', url }));
  const repository = readWebUrl(profile.project.repository);
  if (repository !== null) references.push({ type: 'PACKAGE', url: repository });
  return references;
}

function readWebUrl(url: string | undefined): string | null {
  return url !== undefined && isWebUrl(url) ? url : null;
}

/** Every reporter as a finder, and the credits the reports list (GitHub's roles), once each. */
function collectCredits(results: readonly TriageResult[], notes: string[]): AdvisoryCredit[] {
  const credits: AdvisoryCredit[] = [];
  const add = (name: string, type: AdvisoryCreditType): void => {
    const clean = name.replace(/\s+/g, ' ').trim().slice(0, 200);
    if (
      clean !== '' &&
      !credits.some((credit) => credit.name.toLowerCase() === clean.toLowerCase())
    ) {
      credits.push({ name: clean, type, contact: [] });
    }
  };
  for (const { report } of results) {
    const listed = readCreditLines(report);
    for (const credit of listed) add(credit.name, credit.type);
    if (report.reporter?.name) add(report.reporter.name, 'FINDER');
    else if (listed.length === 0) {
      notes.push(`${report.source}: no reporter name to credit; add the finder by hand`);
    }
  }
  if (results.some((result) => result.report.reporter?.email)) {
    notes.push(
      "reporters' e-mail addresses are not published: add a contact only with their consent",
    );
  }
  return credits;
}

/** Lines such as `- fenna-oduya (finder)` in a Credits section. */
function readCreditLines(report: Report): Array<{ name: string; type: AdvisoryCreditType }> {
  return report.sections
    .filter((section) => section.field === 'credits')
    .flatMap((section) => report.body.slice(section.span.start, section.span.end).split('\n'))
    .map((line) => /^\s*[-*]\s+([^()\n]{1,200}?)\s*(?:\(([A-Za-z _-]{1,40})\))?\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const role = (match[2] ?? 'finder').trim().toUpperCase().replace(/[ -]+/g, '_');
      const type = (advisoryCreditTypes as readonly string[]).includes(role)
        ? (role as AdvisoryCreditType)
        : 'OTHER';
      return { name: match[1]!, type };
    });
}

function noteVerdicts(results: readonly TriageResult[], notes: string[]): void {
  for (const result of results) {
    if (result.verdict === 'out-of-scope' || result.verdict === 'needs-info') {
      const why = result.rules.length > 0 ? ` (${result.rules.join(', ')})` : '';
      notes.push(
        `${result.report.source}: triage says ${result.verdict}${why}; check it belongs in an advisory`,
      );
    }
  }
}
