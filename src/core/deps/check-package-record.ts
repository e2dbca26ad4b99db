// The signals a registry's record of a package gives about one dependency: taken down for
// malware (npm's `0.0.1-security` placeholder), unpublished, no such version, very new package
// or version, install scripts, deprecation. Pure: the clock's reading is passed in.

import semver from 'semver';
import type { Dependency, DependencyFinding, DependencySeverity } from '../model/dependency.js';
import type { PackageRecord, PackageVersionRecord } from '../model/package-record.js';

export interface RecordCheckOptions {
  now: Date;
  /** A package first published fewer days ago than this is new (default 30). */
  newPackageDays?: number;
  /** A version published fewer days ago than this is new (default 7). */
  newVersionDays?: number;
  /** Popular packages' install scripts are well known (esbuild, sharp): a lower severity. */
  isPopular: boolean;
}

const placeholderVersion = '0.0.1-security';
const dayInMs = 24 * 60 * 60 * 1000;

function daysSince(iso: string | undefined, now: Date): number | null {
  if (iso === undefined) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : Math.floor((now.getTime() - time) / dayInMs);
}

function finding(
  dependency: Dependency,
  version: string,
  kind: DependencyFinding['kind'],
  severity: DependencySeverity,
  message: string,
  evidence: string[],
): DependencyFinding {
  return {
    package: dependency.name,
    version,
    ecosystem: dependency.ecosystem,
    kind,
    severity,
    message,
    evidence,
    location: dependency.location,
  };
}

/** The version an install would take: the exact one, the best match of a range, or a tag. */
export function resolveNpmVersion(
  record: PackageRecord,
  wanted: string,
): PackageVersionRecord | null {
  const versions = record.versions;
  const spec = wanted.trim();
  const tag = spec === '' || spec === '*' ? 'latest' : spec;
  if (Object.hasOwn(record.distTags, tag)) {
    const tagged = record.distTags[tag];
    return versions.find((entry) => entry.version === tagged) ?? null;
  }
  const exact = versions.find((entry) => entry.version === spec.replace(/^[=v]+/, ''));
  if (exact) return exact;
  const range = semver.validRange(spec, { loose: true });
  if (range === null) return null;
  const best = semver.maxSatisfying(
    versions.map((entry) => entry.version),
    range,
    { loose: true },
  );
  return best === null ? null : (versions.find((entry) => entry.version === best) ?? null);
}

function checkPlaceholder(dependency: Dependency, record: PackageRecord): DependencyFinding | null {
  const isPlaceholder =
    record.distTags.latest === placeholderVersion ||
    record.versions.some((entry) => entry.version === placeholderVersion);
  if (!isPlaceholder) return null;
  return finding(
    dependency,
    dependency.version,
    'placeholder',
    'critical',
    `${dependency.name} was taken down by npm for malicious code; only the security placeholder ${placeholderVersion} remains`,
    [
      `the registry lists version ${placeholderVersion}, which npm publishes in place of removed malware`,
    ],
  );
}

export function checkPackageRecord(
  dependency: Dependency,
  record: PackageRecord,
  options: RecordCheckOptions,
): { findings: DependencyFinding[]; resolved: PackageVersionRecord | null } {
  const placeholder = checkPlaceholder(dependency, record);
  if (placeholder) return { findings: [placeholder], resolved: null };
  const findings: DependencyFinding[] = [];
  const resolved = resolveNpmVersion(record, dependency.version);
  const version = resolved?.version ?? dependency.version;
  if (resolved === null && record.versions.length > 0) {
    const latest = record.distTags.latest;
    findings.push(
      finding(
        dependency,
        dependency.version,
        'version-not-found',
        'medium',
        `${dependency.name} has no version matching "${dependency.version}"`,
        [
          `the registry lists ${record.versions.length} versions${latest ? `, the latest ${latest}` : ''}`,
        ],
      ),
    );
  }
  const packageAge = daysSince(record.createdAt, options.now);
  const versionAge = daysSince(resolved?.publishedAt, options.now);
  if (packageAge !== null && packageAge < (options.newPackageDays ?? 30)) {
    findings.push(
      finding(
        dependency,
        version,
        'new-package',
        'medium',
        `${dependency.name} was first published ${packageAge} days ago`,
        [`created ${record.createdAt}`, `${record.versions.length} versions published`],
      ),
    );
  } else if (resolved && versionAge !== null && versionAge < (options.newVersionDays ?? 7)) {
    findings.push(
      finding(
        dependency,
        version,
        'new-package',
        'low',
        `${dependency.name} ${version} was published ${versionAge} days ago`,
        [
          `published ${resolved.publishedAt}`,
          'a compromised maintainer account shows up as a sudden new version',
        ],
      ),
    );
  }
  if (resolved && resolved.installScripts.length > 0) {
    findings.push(
      finding(
        dependency,
        version,
        'install-script',
        options.isPopular ? 'low' : 'medium',
        `${dependency.name} ${version} runs code when installed`,
        resolved.installScripts,
      ),
    );
  }
  if (resolved?.deprecated) {
    findings.push(
      finding(
        dependency,
        version,
        'deprecated',
        'low',
        `${dependency.name} ${version} is deprecated`,
        [`deprecation message: ${resolved.deprecated}`],
      ),
    );
  }
  return { findings, resolved };
}
