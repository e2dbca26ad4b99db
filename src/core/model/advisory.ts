// The advisory Thresher drafts from accepted reports and exports as OSV, CVE JSON 5 and CSAF 2.0:
// what downstream tools need to know about one vulnerability, with everyone who helped credited.

/** OSV's credit types (CVE JSON 5 and GitHub use the same roles in lower case). */
export const advisoryCreditTypes = [
  'FINDER',
  'REPORTER',
  'ANALYST',
  'COORDINATOR',
  'REMEDIATION_DEVELOPER',
  'REMEDIATION_REVIEWER',
  'REMEDIATION_VERIFIER',
  'TOOL',
  'SPONSOR',
  'OTHER',
] as const;
export type AdvisoryCreditType = (typeof advisoryCreditTypes)[number];

/** OSV's reference types. */
export const advisoryReferenceTypes = [
  'ADVISORY',
  'ARTICLE',
  'DETECTION',
  'DISCUSSION',
  'REPORT',
  'FIX',
  'INTRODUCED',
  'GIT',
  'PACKAGE',
  'EVIDENCE',
  'WEB',
] as const;
export type AdvisoryReferenceType = (typeof advisoryReferenceTypes)[number];

/**
 * How a range's versions are ordered: `SEMVER` (SemVer 2.0, no `v` prefix), `ECOSYSTEM` (the
 * package ecosystem's own order, e.g. PEP 440 for PyPI) or `GIT` (full commit hashes in `repo`).
 */
export type AdvisoryRangeType = 'SEMVER' | 'ECOSYSTEM' | 'GIT';

/** A qualitative rating, FIRST's words; the project's own when it does not use CVSS. */
export type AdvisoryRating = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** One OSV range event; `introduced: "0"` means "from the first version". */
export type AdvisoryRangeEvent =
  { introduced: string } | { fixed: string } | { lastAffected: string } | { limit: string };

export type AdvisoryEventKind = 'introduced' | 'fixed' | 'lastAffected' | 'limit';

export interface AdvisoryRange {
  type: AdvisoryRangeType;
  /** The repository URL; required for GIT ranges. */
  repo: string | null;
  events: AdvisoryRangeEvent[];
}

export interface AdvisoryPackage {
  /** OSV ecosystem (npm, PyPI, Go, crates.io, ...); null for software outside any ecosystem (a C library). */
  ecosystem: string | null;
  name: string;
  /** Package URL (`pkg:npm/foo`), when known. */
  purl: string | null;
}

export interface AdvisoryAffected {
  package: AdvisoryPackage;
  ranges: AdvisoryRange[];
  /** Affected versions listed one by one. */
  versions: string[];
  /** Releases that contain the fix (for GIT ranges the `fixed` events are commits, these are releases). */
  fixedVersions: string[];
  /** Parts of the project affected (the profile's threat-model components, modules). */
  components: string[];
  /** Affected functions, methods or symbols. */
  functions: string[];
  /** Affected source files. */
  files: string[];
}

export interface AdvisorySeverity {
  /** CVSS vectors (v3.0, v3.1 or v4.0), at most one per major version; scored when exported. */
  cvss: string[];
  /** The project's own rating, for projects that do not use CVSS (or to overrule it). */
  rating: AdvisoryRating | null;
  /** The project's own words on the severity. */
  text: string | null;
}

export interface AdvisoryReference {
  type: AdvisoryReferenceType;
  url: string;
}

export interface AdvisoryCredit {
  name: string;
  type: AdvisoryCreditType;
  /** URLs, e-mail addresses or handles the person agreed to publish. */
  contact: string[];
}

/** ISO 8601 UTC timestamps (`2026-11-09T07:15:48Z`), or null when not reached yet. */
export interface AdvisoryTimeline {
  reported: string | null;
  acknowledged: string | null;
  fixed: string | null;
  published: string | null;
}

/** Who publishes the advisory: the project (CSAF publisher, CVE vendor). */
export interface AdvisoryPublisher {
  name: string;
  /** The project's home or repository URL (CSAF's publisher namespace). */
  url: string | null;
}

/** The CVE Numbering Authority that assigned the CVE id (a CVE record must name it). */
export interface AdvisoryCna {
  /** The CNA's UUID in the CVE program. */
  orgId: string;
  shortName: string | null;
}

export interface Advisory {
  thresherAdvisory: 1;
  /** The advisory's own id: a GHSA, CVE or the project's id (`x_` prefixed for OSV). */
  id: string;
  /** When the advisory last changed. */
  modified: string;
  /** One line of plain text. */
  summary: string;
  /** Markdown. */
  details: string;
  /** CVE, GHSA and other ids of the same vulnerability. */
  aliases: string[];
  affected: AdvisoryAffected[];
  severity: AdvisorySeverity;
  /** `CWE-<n>` ids. */
  cwes: string[];
  references: AdvisoryReference[];
  credits: AdvisoryCredit[];
  timeline: AdvisoryTimeline;
  /** Until then the advisory must not be exported in a public format (without --force). */
  embargoUntil: string | null;
  publisher: AdvisoryPublisher;
  cna: AdvisoryCna | null;
}

/** The standard formats an advisory is exported to. */
export const advisoryFormats = ['osv', 'cve5', 'csaf'] as const;
export type AdvisoryFormat = (typeof advisoryFormats)[number];

/** Whether a name (a flag's or a query's value) is one of the export formats. */
export function isAdvisoryFormat(name: string | undefined): name is AdvisoryFormat {
  return (advisoryFormats as readonly string[]).includes(name ?? '');
}

/** Limits every advisory keeps to, so that hostile input stays small and every format can hold it. */
export const advisoryLimits = {
  summary: 256,
  details: 65_536,
  text: 4_096,
  listItems: 200,
  versions: 10_000,
  affected: 100,
  identifier: 200,
} as const;
