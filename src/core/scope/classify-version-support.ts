// Decides whether the versions a report names fall inside the project's supported ranges.

import semver from 'semver';
import type { Fact } from '../model/fact.js';

export interface VersionSupport {
  support: 'supported' | 'unsupported' | 'unknown';
  /** The version facts that decided it. */
  facts: Fact[];
}

function toRange(value: string): string | null {
  const cleaned = value.trim().replace(/^v(?=\d)/i, '');
  const coerced = semver.valid(cleaned) ?? semver.validRange(cleaned, { loose: true });
  if (coerced) return coerced;
  const loose = semver.coerce(cleaned);
  return loose ? loose.version : null;
}

// The answer depends on the two strings alone and semver's parsing is the cost; the same
// versions and ranges recur in every report of a batch. Bounded.
const answerCache = new Map<string, boolean | null>();
const maxCachedAnswers = 4096;

function isSupported(value: string, supportedRanges: readonly string[]): boolean | null {
  const key = `${value}\u0000${supportedRanges.join('\u0000')}`;
  const cached = answerCache.get(key);
  if (cached !== undefined) return cached;
  const answer = decideSupport(value, supportedRanges);
  if (answerCache.size >= maxCachedAnswers) answerCache.clear();
  answerCache.set(key, answer);
  return answer;
}

function decideSupport(value: string, supportedRanges: readonly string[]): boolean | null {
  const range = toRange(value);
  if (range === null) return null;
  return supportedRanges.some((supported) => {
    try {
      return semver.intersects(range, supported, { includePrerelease: true });
    } catch {
      return false;
    }
  });
}

/**
 * `supported` when any named version is supported, `unsupported` when every one that can be
 * read is outside all supported ranges, `unknown` when the report names none we can read or
 * the profile supports everything.
 */
export function classifyVersionSupport(
  facts: readonly Fact[],
  supportedRanges: readonly string[],
): VersionSupport {
  const versionFacts = facts.filter((fact) => fact.kind === 'version');
  if (supportedRanges.length === 0 || versionFacts.length === 0) {
    return { support: 'unknown', facts: [] };
  }
  const supported: Fact[] = [];
  const unsupported: Fact[] = [];
  for (const fact of versionFacts) {
    const verdict = isSupported(fact.value, supportedRanges);
    if (verdict === true) supported.push(fact);
    else if (verdict === false) unsupported.push(fact);
  }
  if (supported.length > 0) return { support: 'supported', facts: supported };
  if (unsupported.length > 0) return { support: 'unsupported', facts: unsupported };
  return { support: 'unknown', facts: [] };
}
