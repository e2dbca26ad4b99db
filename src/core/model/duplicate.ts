// What the duplicate index holds and returns: documents (earlier reports and published
// advisories) and ranked candidates with the evidence for each match.

export interface AffectedPackage {
  /** OSV ecosystem name as written (npm, PyPI, Go, crates.io, RubyGems, Packagist, ...), or '' when unknown. */
  ecosystem: string;
  name: string;
  /** Version ranges or versions as text ("introduced 0, fixed 2.4.1", ">=1.0 <1.2", "2.4.1"). */
  versions: string[];
  /** OSV ranges as published (SEMVER and ECOSYSTEM types), for checking a version. */
  ranges?: AffectedRange[];
  /** Versions an OSV advisory lists one by one. */
  listedVersions?: string[];
}

export interface AffectedRange {
  type: string;
  events: Array<{ kind: 'introduced' | 'fixed' | 'last_affected' | 'limit'; version: string }>;
}

export interface DuplicateDocument {
  /** Unique in the index: a report source, or an advisory id such as GHSA-xxxx or PYSEC-2024-1. */
  id: string;
  kind: 'report' | 'advisory';
  title: string;
  text: string;
  packages: AffectedPackage[];
  /** CVE, GHSA, OSV and other ids the document names or is known by. */
  aliases: string[];
  cwes: string[];
  /** File paths and function names the document cites. */
  paths: string[];
  functions: string[];
  /** ISO 8601 date, when known. */
  published: string | null;
  /**
   * Where the document comes from: an advisory database (`ghsa`, `pypa`, `go`) or a report
   * channel. Two advisories from the same database are taken to be different bugs.
   */
  source?: string;
  /**
   * A report that asks about an already published CVE or GHSA id and brings no finding of its own
   * (a scanner result, "is version X affected?"): it reports no bug, so it is never the original
   * another report duplicates, and two such questions are not duplicates of each other.
   */
  isPublishedIdQuestion?: boolean;
  /** The advisory's own rating (GHSA `database_specific.severity`, or its CVSS vector), when given. */
  severity?: 'critical' | 'high' | 'medium' | 'low';
}

export interface DuplicateCandidate {
  id: string;
  kind: DuplicateDocument['kind'];
  title: string;
  /** 0..1, higher is more likely the same bug; comparable across queries. */
  score: number;
  /** True when the evidence is strong enough to call it the same bug (verdict `duplicate`). */
  isStrong: boolean;
  /**
   * Set when the two are two bugs whatever else they share: different kinds of bug, different
   * CVEs, or one says it is not the other's id (docs/duplicates.md, "Two bugs in one place").
   */
  isDistinctBug?: boolean;
  /**
   * Set when the match is strong only through a second finder's own words (rule 3h: one report
   * cites no code, rare words only the two use): a cluster's second finder belongs to its
   * original, so a report that meets its words and not the original is another bug
   * (`keep-clusters-apart.ts`).
   */
  isByFinderWordsOnly?: boolean;
  /** Human-readable reasons: "same function `parse_header`", "same package npm/foo", "text 0.71". */
  evidence: string[];
  /** For a published advisory: the versions that fix it, when it says. */
  fixedIn?: string[];
}
