// Turns a typosquat match into a finding: what the name imitates, how, and how much more popular
// the target is; an established package (years old, many versions) is reported one step lower.

import type { Dependency, DependencyFinding, DependencySeverity } from '../model/dependency.js';
import type { PackageRecord } from '../model/package-record.js';
import type { PopularityIndex } from './create-popularity-index.js';
import type { TyposquatMatch } from './find-typosquat.js';

const lowerSeverity: Readonly<Record<DependencySeverity, DependencySeverity>> = {
  critical: 'high',
  high: 'medium',
  medium: 'low',
  low: 'info',
  info: 'info',
};

function describePopularity(match: TyposquatMatch, index: PopularityIndex): string {
  const downloads =
    match.target.downloads === undefined
      ? ''
      : `, ${match.target.downloads.toLocaleString('en-US')} downloads in 30 days`;
  return `${match.target.name} is #${match.target.rank.toLocaleString('en-US')} of ${index.size.toLocaleString('en-US')} ${index.listName}${downloads}`;
}

/** Years old with many versions: more likely a real project that happens to look alike. */
function describeEstablished(record: PackageRecord | undefined, now: Date): string | null {
  if (!record?.createdAt) return null;
  const years = (now.getTime() - Date.parse(record.createdAt)) / (365.25 * 24 * 3600 * 1000);
  if (!(years >= 1) || record.versions.length < 10) return null;
  return `but it was first published ${Math.floor(years)} year(s) ago and has ${record.versions.length} versions`;
}

export function describeTyposquat(
  dependency: Dependency,
  match: TyposquatMatch,
  index: PopularityIndex,
  record: PackageRecord | undefined,
  now: Date,
): DependencyFinding {
  const base: DependencySeverity =
    match.technique === 'scope-pattern' ? 'low' : match.strength === 'strong' ? 'high' : 'medium';
  const established = describeEstablished(record, now);
  const evidence = [
    `${match.technique}: ${match.difference}`,
    describePopularity(match, index),
    `${dependency.name} is not among the ${index.listName}`,
    ...(established ? [established] : []),
  ];
  return {
    package: dependency.name,
    version: dependency.version,
    ecosystem: dependency.ecosystem,
    kind: 'typosquat',
    severity: established ? lowerSeverity[base] : base,
    message: `${dependency.name} looks like ${match.target.name} (${match.technique})`,
    evidence,
    location: dependency.location,
    target: match.target.name,
  };
}
