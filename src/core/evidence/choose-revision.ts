// Works out which revision a report is about from its revision claims: a commit it names, a tag
// it names verbatim, or a version mapped onto the repository's tag names.

import type { CodeClaim } from '../model/evidence.js';
import {
  compareVersions,
  findNearestOlderTag,
  findVersionTags,
  learnTagConvention,
  parseTag,
  type TagConvention,
} from './learn-tag-convention.js';

export interface RevisionChoice {
  /** The revision as the report names it (`9cbfe00`, `v2.4.1`, `<=2.4.1`), or null for none. */
  requested: string | null;
  /** Revision strings to try in order; empty when the report names none (check HEAD). */
  candidates: string[];
  /** The repository's tag convention, learnt from its tags (null without version tags). */
  convention: TagConvention | null;
  /**
   * When the named version has no tag: the nearest older release tag, to check instead of HEAD
   * (after the candidates), with the version it stands for.
   */
  nearestOlder: { tag: string; version: string; isNewerThanEveryTag: boolean } | null;
}

type VersionKind = 'exact' | 'upper-inclusive' | 'upper-exclusive' | 'lower' | 'series';

interface VersionTarget {
  kind: VersionKind;
  version: number[];
  /** The version as written, without `v`, for building tag names (`2.4.1`, `2.x`). */
  text: string;
}

const commitShape = /^[0-9a-f]{7,40}$/i;
const versionShape = /^v?(\d{1,6}(?:[._]\d{1,6}){0,3})(-[A-Za-z][\w.]*)?$/;
const seriesShape = /^v?(\d{1,6}(?:\.\d{1,6}){0,2})\.x$/i;
const rangePart = /^(<=|>=|<|>|=|~>?|\^)?v?(\d{1,6}(?:\.\d{1,6}){0,3}(?:-[A-Za-z][\w.]*)?)$/;
const tagVersion = /(\d{1,6}(?:[._]\d{1,6}){1,3})(?:[-.]?(?:rc|alpha|beta|pre|a|b)\.?\d*)?$/i;
const bareVersion = /^\d+(?:\.\d+)*$/;

const kindOrder: readonly VersionKind[] = [
  'exact',
  'upper-inclusive',
  'upper-exclusive',
  'series',
  'lower',
];

function parseNumbers(text: string): number[] {
  return text.split(/[._]/).map((part) => Number.parseInt(part, 10));
}

/** `2.4.1`, `v2.4.1`, `tinyhttpd-2.4.1`, `<=2.4.1`, `>=2.0.0 <=2.4.1`, `2.x` → what to look for. */
function readVersionTarget(text: string): VersionTarget | null {
  const trimmed = text.trim();
  const series = seriesShape.exec(trimmed);
  if (series !== null)
    return { kind: 'series', version: parseNumbers(series[1]!), text: series[1]! };
  const parts = trimmed.split(/\s+/);
  if (parts.length === 1) {
    const plain = versionShape.exec(trimmed);
    if (plain !== null) {
      const version = plain[1]!.replace(/_/g, '.');
      return { kind: 'exact', version: parseNumbers(version), text: `${version}${plain[2] ?? ''}` };
    }
    const tagged = tagVersion.exec(trimmed);
    if (tagged !== null && /^[A-Za-z][\w.-]*[-_]v?\d/.test(trimmed)) {
      const version = tagged[1]!.replace(/_/g, '.');
      return { kind: 'exact', version: parseNumbers(version), text: version };
    }
  }
  let upper: VersionTarget | null = null;
  let lower: VersionTarget | null = null;
  for (const part of parts) {
    const match = rangePart.exec(part);
    if (match === null) return null;
    const operator = match[1] ?? '=';
    const version = match[2]!;
    const preRelease = version.indexOf('-');
    const numbers = parseNumbers(preRelease === -1 ? version : version.slice(0, preRelease));
    if (operator === '<=' || operator === '=')
      upper = {
        kind: operator === '=' ? 'exact' : 'upper-inclusive',
        version: numbers,
        text: version,
      };
    else if (operator === '<') upper = { kind: 'upper-exclusive', version: numbers, text: version };
    else lower ??= { kind: 'lower', version: numbers, text: version };
  }
  return upper ?? lower;
}

/** Conventional tag names of a version, for a repository whose tags are not known. */
function proposeTags(version: string): string[] {
  const underscored = version.replace(/\./g, '_');
  return [
    `v${version}`,
    version,
    `release-${version}`,
    `rel_${underscored}`,
    `release_${underscored}`,
    `rel-${version}`,
    `REL_${underscored}`,
  ];
}

/** Release tags (no pre-releases), newest first. */
function listTagVersions(tagNames: readonly string[]): Array<{ tag: string; version: number[] }> {
  const versions: Array<{ tag: string; version: number[] }> = [];
  for (const tag of tagNames) {
    const parsed = parseTag(tag);
    if (parsed !== null && !parsed.isPrerelease && parsed.version.length >= 2)
      versions.push({ tag, version: parsed.version });
  }
  return versions.sort((a, b) => compareVersions(b.version, a.version) || (a.tag < b.tag ? -1 : 1));
}

function mapVersion(
  target: VersionTarget,
  tagNames: readonly string[],
  convention: TagConvention | null,
): string[] {
  if (target.kind === 'exact' || target.kind === 'upper-inclusive' || target.kind === 'lower') {
    if (tagNames.length === 0) return proposeTags(target.text);
    return findVersionTags(target.version, tagNames, convention);
  }
  const versions = listTagVersions(tagNames);
  if (target.kind === 'series') {
    // `2.x`: the newest release of that series.
    const newest = versions.find((entry) =>
      target.version.every((part, index) => entry.version[index] === part),
    );
    return newest === undefined ? [] : [newest.tag];
  }
  // `<2.5.0`: 2.5.0 is the fixed release; the newest tag below it is the last affected one.
  const below = versions.find((entry) => compareVersions(entry.version, target.version) < 0);
  return below === undefined ? [] : [below.tag];
}

/**
 * The revision to check: the first commit hash the report names, else a tag it names verbatim,
 * else its versions mapped onto tag names (exact versions first, then upper bounds — `<=2.4.1` and
 * `>=2.0.0 <=2.4.1` mean 2.4.1, `<2.5.0` the newest tag below 2.5.0 — then `2.x` series and lower
 * bounds). With no tag names known, conventional names (`v2.4.1`, `2.4.1`, `release-2.4.1`,
 * `rel_2_4_1`) are proposed. `requested` is null when the report names no revision.
 */
export function chooseRevision(
  claims: readonly CodeClaim[],
  tagNames: readonly string[],
): RevisionChoice {
  const revisions = claims
    .filter((claim) => claim.kind === 'revision')
    .map((claim) => claim.text.trim());
  const convention = learnTagConvention(tagNames);
  if (revisions.length === 0)
    return { requested: null, candidates: [], convention, nearestOlder: null };
  const existing = new Set(tagNames);
  const commits = revisions.filter(
    (text) => commitShape.test(text) && /[a-f]/i.test(text) && /\d/.test(text),
  );
  // A bare version that happens to be a tag (`1.0.0`) keeps its place among the versions: a
  // dependency's version said after the project's (`5.1.0 (parser 1.0.0)`) must not win because
  // the project's own tags gained a `v` later.
  const verbatim = revisions.filter((text) => existing.has(text) && !bareVersion.test(text));
  const targets = revisions
    .map((text, order) => ({ text, order, target: readVersionTarget(text) }))
    .filter(
      (entry): entry is { text: string; order: number; target: VersionTarget } =>
        entry.target !== null,
    )
    .sort(
      (a, b) =>
        kindOrder.indexOf(a.target.kind) - kindOrder.indexOf(b.target.kind) || a.order - b.order,
    );

  const candidates: string[] = [];
  const add = (name: string): void => {
    if (!candidates.includes(name)) candidates.push(name);
  };
  commits.forEach(add);
  verbatim.forEach(add);
  let mappedFrom: string | null = null;
  for (const { text, target } of targets) {
    const names = mapVersion(target, tagNames, convention);
    if (names.length > 0) mappedFrom ??= text;
    names.forEach(add);
  }
  const bareTags = revisions.filter((text) => existing.has(text) && bareVersion.test(text));
  bareTags.forEach(add);
  const requested =
    commits[0] ?? verbatim[0] ?? mappedFrom ?? bareTags[0] ?? targets[0]?.text ?? revisions[0]!;
  // No tag for the version: the newest release before it is the closest code the report can mean.
  const unmapped =
    mappedFrom === null ? targets.find((entry) => entry.target.kind !== 'lower') : undefined;
  const older =
    unmapped !== undefined && tagNames.length > 0
      ? findNearestOlderTag(unmapped.target.version, tagNames, convention)
      : null;
  const newest = listTagVersions(tagNames)[0];
  return {
    requested,
    candidates,
    convention,
    nearestOlder:
      older !== null
        ? {
            tag: older,
            version: unmapped!.target.text,
            isNewerThanEveryTag:
              newest !== undefined && compareVersions(unmapped!.target.version, newest.version) > 0,
          }
        : null,
  };
}
