// Writes an advisory as a CVE JSON 5 record (CVE_RECORD, state PUBLISHED, the CNA container):
// products with OSV ranges as CVE version ranges, CWE problem types, CVSS metrics (or the
// project's own words as an `other` metric), credits with their roles, and the timeline.

import type {
  Advisory,
  AdvisoryAffected,
  AdvisoryCreditType,
  AdvisoryRange,
  AdvisoryReferenceType,
} from '../model/advisory.js';
import type { ParseIssue } from '../model/parse-result.js';
import { scoreCvssBase } from '../severity/score-cvss-base.js';
import { readRangeEvent } from './check-advisory-ranges.js';

const cveIdPattern = /^CVE-\d{4}-\d{4,19}$/;
const descriptionLimit = 4096;
const supportingMediaLimit = 16_384;

/** Where each OSV ecosystem's packages live, as CVE's `collectionURL` examples name them. */
const collectionUrls: Record<string, string> = {
  npm: 'https://registry.npmjs.org',
  PyPI: 'https://pypi.python.org',
  Go: 'https://golang.org/pkg',
  'crates.io': 'https://crates.io',
  RubyGems: 'https://rubygems.org',
  Packagist: 'https://packagist.org',
  Maven: 'https://repo.maven.apache.org/maven2',
  NuGet: 'https://nuget.org/packages',
  Hex: 'https://repo.hex.pm',
  Pub: 'https://pub.dev',
  Hackage: 'https://hackage.haskell.org',
  CRAN: 'https://cran.r-project.org',
};

const referenceTags: Partial<Record<AdvisoryReferenceType, string>> = {
  ADVISORY: 'vendor-advisory',
  ARTICLE: 'technical-description',
  REPORT: 'issue-tracking',
  FIX: 'patch',
  PACKAGE: 'product',
  EVIDENCE: 'exploit',
  DISCUSSION: 'related',
  INTRODUCED: 'related',
};

const timelineValues = {
  reported: 'Reported to the maintainers',
  acknowledged: 'Acknowledged by the maintainers',
  fixed: 'Fix released',
  published: 'Advisory published',
} as const;

type Json = Record<string, unknown>;

/** The advisory's CVE id: its own id, else its first CVE alias. */
export function findCveId(advisory: Advisory): string | null {
  if (cveIdPattern.test(advisory.id)) return advisory.id;
  return advisory.aliases.find((alias) => cveIdPattern.test(alias)) ?? null;
}

/** What a CVE record needs that the advisory lacks, naming the advisory's field. */
export function checkCve5Export(advisory: Advisory): ParseIssue[] {
  const issues: ParseIssue[] = [];
  if (findCveId(advisory) === null) {
    issues.push({
      path: 'aliases',
      message: 'a CVE record needs a CVE id: add CVE-YYYY-NNNN to aliases (or draft with --cve)',
    });
  }
  if (advisory.cna === null) {
    issues.push({
      path: 'cna',
      message:
        'a CVE record names the CNA that assigned the id: set cna.orgId (its UUID) and cna.shortName',
    });
  }
  if (advisory.affected.length === 0) {
    issues.push({ path: 'affected', message: 'a CVE record needs at least one affected product' });
  }
  if (advisory.references.length === 0) {
    issues.push({ path: 'references', message: 'a CVE record needs at least one reference' });
  }
  return issues;
}

/** `cweNames` maps `CWE-122` to its name in the CWE catalogue, where known. */
export function convertAdvisoryToCve5(
  advisory: Advisory,
  cweNames: ReadonlyMap<string, string>,
): Json {
  const cna = advisory.cna ?? { orgId: '', shortName: null };
  const provider = {
    orgId: cna.orgId,
    ...(cna.shortName === null ? {} : { shortName: cna.shortName }),
    dateUpdated: advisory.modified,
  };
  const published = advisory.timeline.published;
  const container: Json = {
    providerMetadata: provider,
    title: advisory.summary,
    ...(published === null ? {} : { datePublic: published }),
    descriptions: [describe(advisory)],
    affected: advisory.affected.map((affected) =>
      convertAffected(affected, advisory.publisher.name),
    ),
    ...convertProblemTypes(advisory.cwes, cweNames),
    ...convertMetrics(advisory),
    references: dedupe(
      advisory.references.map((reference) => {
        const tag = referenceTags[reference.type];
        return { url: reference.url, ...(tag === undefined ? {} : { tags: [tag] }) };
      }),
    ),
    ...convertCredits(advisory),
    ...convertTimeline(advisory),
  };
  return {
    dataType: 'CVE_RECORD',
    dataVersion: '5.1',
    cveMetadata: {
      cveId: findCveId(advisory) ?? '',
      assignerOrgId: cna.orgId,
      ...(cna.shortName === null ? {} : { assignerShortName: cna.shortName }),
      state: 'PUBLISHED',
      ...(published === null ? {} : { datePublished: published }),
      dateUpdated: advisory.modified,
    },
    containers: { cna: container },
  };
}

/** Plain text up to CVE's 4096 characters; the Markdown in full as supporting media when it fits. */
function describe(advisory: Advisory): Json {
  const text = advisory.details.trim() === '' ? advisory.summary : advisory.details;
  const value = text.length <= descriptionLimit ? text : `${text.slice(0, descriptionLimit - 1)}…`;
  const hasMarkdown =
    advisory.details.trim() !== '' && advisory.details.length <= supportingMediaLimit;
  return {
    lang: 'en',
    value,
    ...(hasMarkdown
      ? { supportingMedia: [{ type: 'text/markdown', base64: false, value: advisory.details }] }
      : {}),
  };
}

function convertAffected(affected: AdvisoryAffected, vendor: string): Json {
  const { ecosystem, name } = affected.package;
  const collectionUrl =
    ecosystem === null ? undefined : collectionUrls[ecosystem.split(':', 1)[0]!];
  const repo = affected.ranges.find((range) => range.repo !== null)?.repo ?? null;
  const versions = dedupe([
    ...affected.ranges.flatMap((range) => convertRange(range, ecosystem)),
    ...affected.versions.map((version) => ({ version, status: 'affected' })),
    ...affected.fixedVersions.map((version) => ({ version, status: 'unaffected' })),
  ]);
  return {
    vendor,
    product: name,
    ...(collectionUrl === undefined ? {} : { collectionURL: collectionUrl, packageName: name }),
    ...(repo === null ? {} : { repo }),
    ...(affected.components.length > 0 ? { modules: affected.components } : {}),
    ...(affected.files.length > 0 ? { programFiles: affected.files } : {}),
    ...(affected.functions.length > 0
      ? { programRoutines: affected.functions.map((routine) => ({ name: routine })) }
      : {}),
    ...(versions.length > 0 ? { versions } : {}),
    defaultStatus: versions.length > 0 ? 'unaffected' : 'unknown',
  };
}

/** Each introduced..end pair becomes one CVE range: `version` <= V < `lessThan` (or <= `lessThanOrEqual`). */
function convertRange(range: AdvisoryRange, ecosystem: string | null): Json[] {
  const versionType =
    range.type === 'GIT'
      ? 'git'
      : range.type === 'SEMVER'
        ? 'semver'
        : ecosystemVersionType(ecosystem);
  const entries: Json[] = [];
  let start: string | null = null;
  for (const event of range.events.map(readRangeEvent)) {
    if (event.kind === 'introduced') {
      if (start !== null)
        entries.push({ version: start, status: 'affected', versionType, lessThan: '*' });
      start = event.version;
      continue;
    }
    const bound = event.kind === 'lastAffected' ? 'lessThanOrEqual' : 'lessThan';
    entries.push({
      version: start ?? '0',
      status: 'affected',
      versionType,
      [bound]: event.version,
    });
    start = null;
  }
  if (start !== null)
    entries.push({ version: start, status: 'affected', versionType, lessThan: '*' });
  return entries;
}

function ecosystemVersionType(ecosystem: string | null): string {
  if (ecosystem === 'PyPI') return 'python';
  if (ecosystem === 'Maven') return 'maven';
  if (ecosystem === 'npm' || ecosystem === 'Go' || ecosystem === 'crates.io') return 'semver';
  return 'custom';
}

function convertProblemTypes(cwes: readonly string[], cweNames: ReadonlyMap<string, string>): Json {
  if (cwes.length === 0) return {};
  return {
    problemTypes: [
      {
        descriptions: cwes.map((cwe) => {
          const name = cweNames.get(cwe);
          return {
            lang: 'en',
            type: 'CWE',
            cweId: cwe,
            description: name ? `${cwe} ${name}` : cwe,
          };
        }),
      },
    ],
  };
}

function convertMetrics(advisory: Advisory): Json {
  const metrics: Json[] = advisory.severity.cvss.flatMap((vector) => {
    const scored = scoreCvssBase(vector);
    if (scored === null) return [];
    const key =
      scored.version === '4.0' ? 'cvssV4_0' : scored.version === '3.1' ? 'cvssV3_1' : 'cvssV3_0';
    return [
      {
        format: 'CVSS',
        scenarios: [{ lang: 'en', value: 'GENERAL' }],
        [key]: {
          version: scored.version,
          vectorString: vector,
          baseScore: scored.baseScore,
          baseSeverity: scored.rating.toUpperCase(),
        },
      },
    ];
  });
  const { rating, text } = advisory.severity;
  if (rating !== null || text !== null) {
    metrics.push({
      other: {
        type: 'Textual description of severity',
        content: { ...(rating === null ? {} : { rating }), ...(text === null ? {} : { text }) },
      },
    });
  }
  return metrics.length > 0 ? { metrics } : {};
}

const creditTypes: Record<AdvisoryCreditType, string> = {
  FINDER: 'finder',
  REPORTER: 'reporter',
  ANALYST: 'analyst',
  COORDINATOR: 'coordinator',
  REMEDIATION_DEVELOPER: 'remediation developer',
  REMEDIATION_REVIEWER: 'remediation reviewer',
  REMEDIATION_VERIFIER: 'remediation verifier',
  TOOL: 'tool',
  SPONSOR: 'sponsor',
  OTHER: 'other',
};

function convertCredits(advisory: Advisory): Json {
  if (advisory.credits.length === 0) return {};
  return {
    credits: dedupe(
      advisory.credits.map((credit) => ({
        lang: 'en',
        value: credit.name,
        type: creditTypes[credit.type],
      })),
    ),
  };
}

function convertTimeline(advisory: Advisory): Json {
  const entries = (Object.keys(timelineValues) as Array<keyof typeof timelineValues>).flatMap(
    (key) => {
      const time = advisory.timeline[key];
      return time === null ? [] : [{ time, lang: 'en', value: timelineValues[key] }];
    },
  );
  return entries.length > 0 ? { timeline: entries } : {};
}

/** CVE arrays are `uniqueItems`: the same entry twice is dropped. */
function dedupe<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
