// Checks an advisory's version ranges the way OSV defines them: an `introduced` event in every
// range, `fixed` and `last_affected` never together, full commit hashes and a repository for GIT
// ranges, SemVer 2.0 for SEMVER ranges (in order), PEP 440 for PyPI and SemVer for npm.

import semver from 'semver';
import type { AdvisoryEventKind, AdvisoryRange, AdvisoryRangeEvent } from '../model/advisory.js';
import type { ParseIssue } from '../model/parse-result.js';

const commitPattern = /^(?:0|[a-f0-9]{40}|[a-f0-9]{64})$/;
// PEP 440's canonical public version, with an optional local part (packaging normalises to it).
const pep440Pattern =
  /^(?:[1-9]\d*!)?(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*(?:(?:a|b|rc)(?:0|[1-9]\d*))?(?:\.post(?:0|[1-9]\d*))?(?:\.dev(?:0|[1-9]\d*))?(?:\+[a-z0-9]+(?:\.[a-z0-9]+)*)?$/;
const eventLabels: Record<AdvisoryEventKind, string> = {
  introduced: 'introduced',
  fixed: 'fixed',
  lastAffected: 'lastAffected',
  limit: 'limit',
};

/** The kind and version of an event (each event holds exactly one). */
export function readRangeEvent(event: AdvisoryRangeEvent): {
  kind: AdvisoryEventKind;
  version: string;
} {
  if ('introduced' in event) return { kind: 'introduced', version: event.introduced };
  if ('fixed' in event) return { kind: 'fixed', version: event.fixed };
  if ('lastAffected' in event) return { kind: 'lastAffected', version: event.lastAffected };
  return { kind: 'limit', version: event.limit };
}

/** Builds the event for a kind. */
export function createRangeEvent(kind: AdvisoryEventKind, version: string): AdvisoryRangeEvent {
  if (kind === 'introduced') return { introduced: version };
  if (kind === 'fixed') return { fixed: version };
  if (kind === 'lastAffected') return { lastAffected: version };
  return { limit: version };
}

/** Every problem of one range; `ecosystem` picks the version syntax of ECOSYSTEM ranges. */
export function checkAdvisoryRange(
  range: AdvisoryRange,
  ecosystem: string | null,
  path: string,
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const events = range.events.map(readRangeEvent);
  if (!events.some((event) => event.kind === 'introduced')) {
    issues.push({
      path: `${path}.events`,
      message: 'a range needs an "introduced" event (use "0" for "from the first version")',
    });
  }
  const kinds = new Set(events.map((event) => event.kind));
  if (kinds.has('fixed') && kinds.has('lastAffected')) {
    issues.push({
      path: `${path}.events`,
      message: '"fixed" and "lastAffected" cannot be in the same range (split it into two ranges)',
    });
  }
  if (range.type === 'GIT' && range.repo === null) {
    issues.push({ path: `${path}.repo`, message: 'a GIT range needs the repository URL' });
  }
  events.forEach((event, index) => {
    const problem = describeVersionProblem(range.type, ecosystem, event.kind, event.version);
    if (problem !== null) issues.push({ path: `${path}.events[${index}]`, message: problem });
  });
  if (range.type === 'SEMVER' && issues.length === 0)
    issues.push(...checkSemverOrder(events, path));
  return issues;
}

function describeVersionProblem(
  type: AdvisoryRange['type'],
  ecosystem: string | null,
  kind: AdvisoryEventKind,
  version: string,
): string | null {
  const label = `${eventLabels[kind]} "${version.slice(0, 80)}"`;
  if (version.trim() === '' || /\s/.test(version)) return `${label}: a version has no spaces`;
  if (version === '0') {
    return kind === 'introduced' ? null : `${label}: only "introduced" may be "0"`;
  }
  if (type === 'GIT') {
    return commitPattern.test(version)
      ? null
      : `${label}: GIT ranges need full 40- or 64-digit lower-case commit hashes`;
  }
  if (type === 'SEMVER' || ecosystem === 'npm') {
    if (semver.valid(version) === version) return null;
    const hint = version.startsWith('v') ? ' (without the "v")' : '';
    return `${label}: not a SemVer 2.0 version${hint}; use an ECOSYSTEM range for other schemes`;
  }
  if (ecosystem === 'PyPI' && !pep440Pattern.test(version)) {
    return `${label}: not a PEP 440 version in canonical form (e.g. 1.2.0, 2.0rc1, 1.0.post2)`;
  }
  return null;
}

/** In version order, every end event must close an open `introduced`. */
function checkSemverOrder(
  events: ReadonlyArray<{ kind: AdvisoryEventKind; version: string }>,
  path: string,
): ParseIssue[] {
  const sorted = [...events].sort((left, right) => {
    if (left.version === '0' || right.version === '0') {
      return left.version === right.version ? 0 : left.version === '0' ? -1 : 1;
    }
    const order = semver.compare(left.version, right.version);
    if (order !== 0 || left.kind === right.kind) return order;
    return left.kind === 'introduced' ? -1 : right.kind === 'introduced' ? 1 : 0;
  });
  let open: string | null = null;
  for (const event of sorted) {
    if (event.kind === 'introduced') {
      open ??= event.version;
      continue;
    }
    if (open === null) {
      return [
        {
          path: `${path}.events`,
          message: `${eventLabels[event.kind]} ${event.version} is not after any "introduced" version`,
        },
      ];
    }
    if (event.kind !== 'lastAffected' && open === event.version) {
      return [
        {
          path: `${path}.events`,
          message: `${eventLabels[event.kind]} ${event.version} equals "introduced" ${open}: the range is empty`,
        },
      ];
    }
    open = null;
  }
  return [];
}
