// Learns how a repository names its release tags (`v1.2.3`, `1.2.3`, `name-1.2.3`, `name-1_2_3`,
// `name_1_2_3`, `release-1.2.3`, `REL_1_2_3`, `R_2_6_2`) from the tags themselves, once, and maps
// a version onto its tag, or onto the nearest older release when it has none.

export interface TagConvention {
  /** What comes before the numbers: `v`, ``, `jq-`, `R_`, `release-`. */
  prefix: string;
  /** Between the numbers: `.`, `_` or `-`. */
  separator: string;
  /** How the convention reads: `R_{major}_{minor}_{patch}`. */
  pattern: string;
  /** How many tags follow it. */
  tagCount: number;
}

export interface ParsedTag {
  tag: string;
  prefix: string;
  separator: string;
  version: number[];
  /** The portable release of that version (`V_9_9_P2` → 2), 0 without one. */
  portableRelease: number;
  isPrerelease: boolean;
}

// The numbers of a tag from its first digit on, with an optional portable release (`V_9_9_P1`,
// `9.9p1`: OpenSSH's) and an optional pre-release suffix.
const numbersShape =
  /^(\d{1,6})(?:([._-])(\d{1,6}))?(?:([._-])(\d{1,6}))?(?:([._-])(\d{1,6}))?(?:[-._]?p(\d{1,3}))?([-._]?(?:rc|alpha|beta|pre|a|b|dev|preview)[-._]?\d{0,6})?$/i;
const maxTagLength = 200;

/** Splits a tag into prefix, separator and numbers: `R_2_6_2` → `R_`, `_`, [2, 6, 2]. */
export function parseTag(tag: string): ParsedTag | null {
  const name = tag.slice(tag.lastIndexOf('/') + 1);
  if (name.length > maxTagLength) return null;
  for (let at = 0; at < name.length; at += 1) {
    const code = name.charCodeAt(at);
    if (code < 48 || code > 57) continue;
    const prefix = name.slice(0, at);
    // The prefix ends in a separator (`jq-`, `R_`), is `v`, or is empty: `abc2` is no version tag.
    if (prefix !== '' && !/[._/-]$/.test(prefix) && !/^v$/i.test(prefix)) continue;
    const match = numbersShape.exec(name.slice(at));
    if (match === null) continue;
    const separators = [match[2], match[4], match[6]].filter((part) => part !== undefined);
    if (separators.some((part) => part !== separators[0])) return null;
    const version = [match[1], match[3], match[5], match[7]]
      .filter((part): part is string => part !== undefined)
      .map((part) => Number.parseInt(part, 10));
    return {
      tag,
      prefix,
      separator: separators[0] ?? '.',
      version,
      portableRelease: match[8] === undefined ? 0 : Number.parseInt(match[8], 10),
      isPrerelease: match[9] !== undefined,
    };
  }
  return null;
}

/** The convention most release tags follow, or null when the repository has no version tags. */
export function learnTagConvention(tagNames: readonly string[]): TagConvention | null {
  const counts = new Map<string, { prefix: string; separator: string; count: number }>();
  for (const tag of tagNames) {
    const parsed = parseTag(tag);
    if (parsed === null || parsed.isPrerelease || parsed.version.length < 2) continue;
    const key = `${parsed.prefix}\u0000${parsed.separator}`;
    const entry = counts.get(key) ?? {
      prefix: parsed.prefix,
      separator: parsed.separator,
      count: 0,
    };
    entry.count += 1;
    counts.set(key, entry);
  }
  let best: { prefix: string; separator: string; count: number } | null = null;
  for (const entry of counts.values()) if (best === null || entry.count > best.count) best = entry;
  if (best === null) return null;
  const { prefix, separator, count } = best;
  return {
    prefix,
    separator,
    pattern: `${prefix}{major}${separator}{minor}${separator}{patch}`,
    tagCount: count,
  };
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function followsConvention(parsed: ParsedTag, convention: TagConvention | null): boolean {
  return (
    convention !== null &&
    parsed.prefix === convention.prefix &&
    parsed.separator === convention.separator
  );
}

/**
 * The tags of exactly this version (2.6 = 2.6.0), release tags before pre-releases, the learnt
 * convention's first, then the first portable release (9.9 → `V_9_9_P1` before `V_9_9_P2`): `2.6.2` → `R_2_6_2` in libexpat, `jq-1.7.1` in jq. A tag is never matched by
 * its tail alone, so `1.0` never maps to `curl-8_1_0`.
 */
export function findVersionTags(
  version: readonly number[],
  tagNames: readonly string[],
  convention: TagConvention | null,
): string[] {
  const found: Array<{ parsed: ParsedTag; rank: number }> = [];
  for (const tag of tagNames) {
    const parsed = parseTag(tag);
    if (parsed === null || compareVersions(parsed.version, version) !== 0) continue;
    const rank = (parsed.isPrerelease ? 2 : 0) + (followsConvention(parsed, convention) ? 0 : 1);
    found.push({ parsed, rank });
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.parsed.portableRelease - b.parsed.portableRelease)
    .map((entry) => entry.parsed.tag);
}

/**
 * The newest release tag older than `version` (pre-releases left out), preferring the learnt
 * convention: what to check when the named version has no tag.
 */
export function findNearestOlderTag(
  version: readonly number[],
  tagNames: readonly string[],
  convention: TagConvention | null,
): string | null {
  let best: ParsedTag | null = null;
  for (const tag of tagNames) {
    const parsed = parseTag(tag);
    if (parsed === null || parsed.isPrerelease || parsed.version.length < 2) continue;
    if (compareVersions(parsed.version, version) >= 0) continue;
    if (convention !== null && !followsConvention(parsed, convention)) continue;
    const order = best === null ? 1 : compareVersions(parsed.version, best.version);
    if (order > 0 || (order === 0 && parsed.portableRelease > best!.portableRelease)) best = parsed;
  }
  return best?.tag ?? null;
}

/** The oldest release tag among these (pre-releases left out, the convention's first): where a change first shipped. */
export function pickFirstRelease(
  tagNames: readonly string[],
  convention: TagConvention | null,
): string | null {
  let best: ParsedTag | null = null;
  let bestFollows = false;
  for (const tag of tagNames) {
    const parsed = parseTag(tag);
    if (parsed === null || parsed.isPrerelease || parsed.version.length < 2) continue;
    const follows = followsConvention(parsed, convention);
    if (
      best === null ||
      (follows && !bestFollows) ||
      (follows === bestFollows && compareVersions(parsed.version, best.version) < 0)
    ) {
      best = parsed;
      bestFollows = follows;
    }
  }
  return best?.tag ?? null;
}

/**
 * Up to `count` release tags spread over the history (the oldest, the newest and evenly between,
 * the convention's only): where a name missing at the checked revision is looked for, to tell a
 * wrong version from an invented name without walking every commit.
 */
export function sampleReleaseTags(
  tagNames: readonly string[],
  convention: TagConvention | null,
  count: number,
): string[] {
  const releases = tagNames
    .map((tag) => parseTag(tag))
    .filter(
      (parsed): parsed is ParsedTag =>
        parsed !== null &&
        !parsed.isPrerelease &&
        parsed.version.length >= 2 &&
        (convention === null || followsConvention(parsed, convention)),
    )
    .sort((a, b) => compareVersions(a.version, b.version));
  if (releases.length <= count) return releases.map((parsed) => parsed.tag);
  const picked = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    picked.add(releases[Math.round((index * (releases.length - 1)) / (count - 1))]!.tag);
  }
  return [...picked];
}
