// Turns a profile's `supported-versions: latest | latest-minor | latest-major` into semver ranges
// from the repository's release tags (`v1.2.3`, `1.2.3`, `name-1.2.3`, `name-1_2_3`,
// `REL_1_2_3`, `release-1.2.3`); pre-releases are not releases. Pure: the caller lists the tags.

import semver from 'semver';
import type { SupportedVersionsKeyword } from '../model/security-profile.js';

export interface ResolvedSupportedVersions {
  ranges: string[];
  /** The newest release tag the ranges were read from. */
  fromTag: string;
}

// A version at the end of a tag name, its parts separated by dots or underscores.
const tagVersion = /(?:^|[^0-9A-Za-z])v?(\d{1,6})[._](\d{1,6})(?:[._](\d{1,6}))?$/;

function readTagVersion(tag: string): semver.SemVer | null {
  const match = tagVersion.exec(tag.slice(-64));
  if (match === null) return null;
  return semver.parse(`${match[1]}.${match[2]}.${match[3] ?? '0'}`);
}

/** Null when no tag names a release. */
export function resolveSupportedVersions(
  keyword: SupportedVersionsKeyword,
  tagNames: readonly string[],
): ResolvedSupportedVersions | null {
  let newest: { version: semver.SemVer; tag: string } | null = null;
  for (const tag of tagNames) {
    const version = readTagVersion(tag);
    if (version === null) continue;
    if (newest === null || semver.gt(version, newest.version)) newest = { version, tag };
  }
  if (newest === null) return null;
  const { major, minor, patch } = newest.version;
  const lowest =
    keyword === 'latest'
      ? `${major}.${minor}.${patch}`
      : keyword === 'latest-minor'
        ? `${major}.${minor}.0`
        : `${major}.0.0`;
  return { ranges: [`>=${lowest}`], fromTag: newest.tag };
}
