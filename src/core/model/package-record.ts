// What the dependency guard keeps of a registry's answer about one package (a summary of the
// npm packument), and of an advisory service's answer about vulnerable versions.

export interface PackageVersionRecord {
  version: string;
  /** ISO 8601, from the packument's `time`. */
  publishedAt?: string;
  deprecated?: string;
  /** `preinstall`, `install` and `postinstall` scripts the version runs, as `name: command`. */
  installScripts: string[];
}

export interface PackageRecord {
  name: string;
  createdAt?: string;
  distTags: Record<string, string>;
  versions: PackageVersionRecord[];
  /** ISO 8601 when every version was unpublished (the registry keeps only `time.unpublished`). */
  unpublishedAt?: string;
}

export type RegistryLookup =
  | { status: 'found'; record: PackageRecord }
  | { status: 'not-found' }
  | { status: 'unavailable'; reason: string };

/** One entry of the npm bulk advisory endpoint's answer. */
export interface NpmAdvisory {
  id: string;
  url: string;
  title: string;
  severity: string;
  /** A semver range: `<4.17.21`, `>=1.0.0 <1.2.5`. */
  vulnerableVersions: string;
}
