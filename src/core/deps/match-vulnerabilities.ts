// Says which known advisories affect one version of a package: npm's bulk advisory answers
// (semver ranges) and OSV advisories (SEMVER and ECOSYSTEM ranges, listed versions; PyPI
// versions compared by PEP 440).

import { compare as comparePep440, valid as isValidPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import type {
  Dependency,
  DependencyFinding,
  DependencySeverity,
  Ecosystem,
} from '../model/dependency.js';
import type { AffectedRange, DuplicateDocument } from '../model/duplicate.js';
import type { NpmAdvisory } from '../model/package-record.js';
import { normalizeForRegistry } from './fold-package-name.js';

export type AdvisoryIndex = ReadonlyMap<
  string,
  Array<{ document: DuplicateDocument; ranges: AffectedRange[]; listed: string[] }>
>;

const osvEcosystems: Readonly<Record<string, Ecosystem>> = { npm: 'npm', pypi: 'pypi' };

/** Indexes OSV advisories by ecosystem and normalised package name. */
export function createAdvisoryIndex(documents: readonly DuplicateDocument[]): AdvisoryIndex {
  const index = new Map<
    string,
    Array<{ document: DuplicateDocument; ranges: AffectedRange[]; listed: string[] }>
  >();
  for (const document of documents) {
    for (const affected of document.packages) {
      const ecosystem = osvEcosystems[affected.ecosystem.toLowerCase()];
      if (ecosystem === undefined) continue;
      const key = `${ecosystem}:${normalizeForRegistry(ecosystem, affected.name)}`;
      const list = index.get(key) ?? [];
      list.push({ document, ranges: affected.ranges ?? [], listed: affected.listedVersions ?? [] });
      index.set(key, list);
    }
  }
  return index;
}

function compareVersions(ecosystem: Ecosystem, a: string, b: string): number | null {
  if (ecosystem === 'npm') {
    const left = semver.valid(a, { loose: true }) ?? (a === '0' ? '0.0.0' : null);
    const right = semver.valid(b, { loose: true }) ?? (b === '0' ? '0.0.0' : null);
    return left === null || right === null ? null : semver.compare(left, right, { loose: true });
  }
  if (a === '0') return isValidPep440(b) ? -1 : null;
  if (b === '0') return isValidPep440(a) ? 1 : null;
  return isValidPep440(a) && isValidPep440(b) ? comparePep440(a, b) : null;
}

/** OSV's evaluation: events in version order switch "affected" on (introduced) and off (fixed, after last_affected). */
function isInRange(ecosystem: Ecosystem, version: string, range: AffectedRange): boolean {
  let isAffected = false;
  const events = [...range.events].sort(
    (a, b) => compareVersions(ecosystem, a.version, b.version) ?? 0,
  );
  for (const event of events) {
    const order = compareVersions(ecosystem, event.version, version);
    if (order === null || order > 0) break;
    if (event.kind === 'introduced') isAffected = true;
    else if (event.kind === 'fixed' || event.kind === 'limit') isAffected = false;
    else if (event.kind === 'last_affected' && order < 0) isAffected = false;
  }
  return isAffected;
}

function toSeverity(rating: string | undefined): DependencySeverity {
  const lower = (rating ?? '').toLowerCase();
  if (lower === 'critical' || lower === 'high' || lower === 'low') return lower;
  if (lower === 'moderate' || lower === 'medium') return 'medium';
  return lower === 'info' ? 'info' : 'medium';
}

function vulnerableFinding(
  dependency: Dependency,
  version: string,
  id: string,
  title: string,
  severity: DependencySeverity,
  evidence: string[],
): DependencyFinding {
  return {
    package: dependency.name,
    version,
    ecosystem: dependency.ecosystem,
    kind: 'vulnerable',
    severity,
    message: `${dependency.name} ${version} is affected by ${id}${title ? `: ${title}` : ''}`,
    evidence,
    location: dependency.location,
    advisories: [id],
  };
}

/** `https://github.com/advisories/GHSA-xxxx` -> `GHSA-xxxx`; otherwise the npm advisory number. */
function npmAdvisoryId(advisory: NpmAdvisory): string {
  return /GHSA-[\w-]+/.exec(advisory.url)?.[0] ?? `npm advisory ${advisory.id}`;
}

export function matchNpmAdvisories(
  dependency: Dependency,
  version: string,
  advisories: readonly NpmAdvisory[],
): DependencyFinding[] {
  return advisories.flatMap((advisory) => {
    const range = semver.validRange(advisory.vulnerableVersions, { loose: true });
    if (range === null || !semver.satisfies(version, range, { loose: true })) return [];
    return [
      vulnerableFinding(
        dependency,
        version,
        npmAdvisoryId(advisory),
        advisory.title,
        toSeverity(advisory.severity),
        [`vulnerable versions: ${advisory.vulnerableVersions}`, advisory.url],
      ),
    ];
  });
}

export function matchOsvAdvisories(
  dependency: Dependency,
  version: string,
  index: AdvisoryIndex,
): DependencyFinding[] {
  const key = `${dependency.ecosystem}:${normalizeForRegistry(dependency.ecosystem, dependency.name)}`;
  const seen = new Set<string>();
  return (index.get(key) ?? []).flatMap(({ document, ranges, listed }) => {
    const isAffected =
      listed.includes(version) ||
      ranges.some((range) => isInRange(dependency.ecosystem, version, range));
    if (!isAffected || seen.has(document.id)) return [];
    seen.add(document.id);
    const ranges_ = document.packages.flatMap((affected) => affected.versions).slice(0, 3);
    const aliases = document.aliases.filter((alias) => alias !== document.id);
    return [
      vulnerableFinding(
        dependency,
        version,
        document.id,
        document.title,
        toSeverity(document.severity),
        [
          ...ranges_.map((range) => `affected: ${range}`),
          ...(aliases.length > 0 ? [`also known as ${aliases.join(', ')}`] : []),
          ...(document.severity ? [] : ['the advisory gives no severity']),
        ],
      ),
    ];
  });
}
