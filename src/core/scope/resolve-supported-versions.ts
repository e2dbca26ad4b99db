// Turns a profile's `supported-versions: latest | latest-minor | latest-major` into semver ranges
// from the repository's release tags, read with the evidence check's tag parser (any of the usual
// conventions: `v1.2.3`, `name-1_2_3`, `REL_1_2_3` ...); pre-releases are not releases. Pure: the
// caller lists the tags.

import type { SupportedVersionsKeyword } from '../model/security-profile.js';
import { compareVersions, parseTag, type ParsedTag } from '../evidence/learn-tag-convention.js';

export interface ResolvedSupportedVersions {
  ranges: string[];
  /** The newest release tag the ranges were read from. */
  fromTag: string;
}

/** Null when no tag names a release. */
export function resolveSupportedVersions(
  keyword: SupportedVersionsKeyword,
  tagNames: readonly string[],
): ResolvedSupportedVersions | null {
  let newest: ParsedTag | null = null;
  for (const tag of tagNames) {
    const parsed = parseTag(tag);
    // A single number (`v2`, `build-17`) is no release version.
    if (parsed === null || parsed.isPrerelease || parsed.version.length < 2) continue;
    if (newest === null || compareVersions(parsed.version, newest.version) > 0) newest = parsed;
  }
  if (newest === null) return null;
  const [major = 0, minor = 0, patch = 0] = newest.version;
  const lowest =
    keyword === 'latest'
      ? `${major}.${minor}.${patch}`
      : keyword === 'latest-minor'
        ? `${major}.${minor}.0`
        : `${major}.0.0`;
  return { ranges: [`>=${lowest}`], fromTag: newest.tag };
}
