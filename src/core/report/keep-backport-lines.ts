// A backport request names the line the reporter runs: "we run 5.22.5 … could you publish a
// 5.22.6?" asks for a release on the 5.22 line, so 5.22.5 is the version in use. The other
// releases such a report names are the lines the reporter compares with or cannot move to ("the
// same test as 6.28.0", "the jump from 0.10 to 1.x", "upgrading to 3.4.0 needs Python 3.8"), not
// versions in use, unless their own clause says they are affected.

import { compareVersions } from '../evidence/learn-tag-convention.js';

interface NamedVersion {
  value: string;
}

/** The numeric parts of a plain version or an x-range ("5.22.5" -> [5, 22, 5], "0.10.x" -> [0, 10]); null for ranges with operators. */
function numericParts(value: string): number[] | null {
  const match = /^v?(\d{1,6}(?:\.\d{1,6}){0,3})(?:\.[xX*])?(?:-[\w.]+)?(?:\+[\w.]+)?$/.exec(
    value.trim(),
  );
  return match === null ? null : match[1]!.split('.').map(Number);
}

/**
 * The line a release asked for belongs to: all its parts but the last ("5.22.6" -> 5.22,
 * "5.23" -> 5), or the parts before an `x` ("5.x" -> 5, "0.13.x" -> 0.13).
 */
function lineOf(value: string): { line: number[]; release: number[] | null } | null {
  const parts = numericParts(value);
  if (parts === null) return null;
  if (/\.[xX*]$/.test(value.trim())) return { line: parts, release: null };
  if (parts.length < 2) return null;
  return { line: parts.slice(0, -1), release: parts };
}

function startsWith(parts: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((part, index) => parts[index] === part);
}

/**
 * The versions in use among `affected`, given the releases the report asks for (`asked`): when
 * one of them is a later release on the line of a version in use (a backport request), only the
 * versions on the asked lines are kept, and those elsewhere whose clause says they are affected
 * (`isAffirmed`). Otherwise `affected` is returned as it is.
 */
export function keepBackportLines<T extends NamedVersion>(
  affected: readonly T[],
  asked: readonly NamedVersion[],
  isAffirmed: (version: T) => boolean,
): T[] {
  const lines = asked.flatMap((release) => {
    const line = lineOf(release.value);
    return line === null ? [] : [line];
  });
  const isOnAskedLine = (version: T): boolean => {
    const parts = numericParts(version.value);
    return parts !== null && lines.some(({ line }) => startsWith(parts, line));
  };
  const isBackport = affected.some((version) => {
    const parts = numericParts(version.value);
    if (parts === null) return false;
    return lines.some(
      ({ line, release }) =>
        parts.length > line.length &&
        startsWith(parts, line) &&
        (release === null || compareVersions(parts, release) < 0),
    );
  });
  if (!isBackport) return [...affected];
  return affected.filter((version) => isOnAskedLine(version) || isAffirmed(version));
}
