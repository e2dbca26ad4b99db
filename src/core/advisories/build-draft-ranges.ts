// Turns the affected versions a report states (version facts: ">=2.2.0 <=2.4.1", "<2.5.0",
// "2.4.1") into OSV ranges and a list of single versions for the draft advisory. Ranges that do
// not hold (not SemVer where it must be, an end before its start) are left out with a note.

import semver from 'semver';
import type { AdvisoryRange, AdvisoryRangeEvent } from '../model/advisory.js';
import { checkAdvisoryRange, createRangeEvent } from './check-advisory-ranges.js';

export interface DraftRanges {
  ranges: AdvisoryRange[];
  versions: string[];
  notes: string[];
}

const boundPattern = /^(>=|<=|>|<|=)?v?(\S+)$/;

export function buildDraftRanges(values: readonly string[], ecosystem: string | null): DraftRanges {
  const notes: string[] = [];
  const candidates: AdvisoryRange[] = [];
  const singles: string[] = [];
  for (const value of values) {
    const parts = value
      .trim()
      .split(/\s+/)
      .map((part) => boundPattern.exec(part));
    if (parts.some((part) => part === null)) continue;
    const bounds = parts.map((part) => ({ operator: part![1] ?? '=', version: part![2]! }));
    if (bounds.length === 1 && bounds[0]!.operator === '=') {
      singles.push(bounds[0]!.version);
      continue;
    }
    const events = convertBounds(bounds);
    if (events === null) {
      notes.push(
        `affected versions "${value}" have no OSV form (">" or "~"): write the range by hand`,
      );
      continue;
    }
    const versions = bounds.map((bound) => bound.version);
    const type = versions.every((version) => semver.valid(version) === version)
      ? 'SEMVER'
      : 'ECOSYSTEM';
    const range: AdvisoryRange = { type, repo: null, events };
    const problems = checkAdvisoryRange(range, ecosystem, 'range');
    if (problems.length > 0) {
      notes.push(`affected versions "${value}" left out: ${problems[0]!.message}`);
      continue;
    }
    candidates.push(range);
  }
  const ranges = dropContradictedRanges(dropLooserRanges(dedupeRanges(candidates)), notes);
  const endpoints = new Set(
    ranges.flatMap((range) => range.events.map((event) => Object.values(event)[0] as string)),
  );
  const versions = [...new Set(singles)].filter((version) => !endpoints.has(version));
  return { ranges, versions, notes };
}

function convertBounds(
  bounds: ReadonlyArray<{ operator: string; version: string }>,
): AdvisoryRangeEvent[] | null {
  let introduced = '0';
  const ends: AdvisoryRangeEvent[] = [];
  for (const { operator, version } of bounds) {
    if (operator === '>=') introduced = version;
    else if (operator === '<') ends.push(createRangeEvent('fixed', version));
    else if (operator === '<=') ends.push(createRangeEvent('lastAffected', version));
    else return null;
  }
  return [createRangeEvent('introduced', introduced), ...ends];
}

function dedupeRanges(ranges: readonly AdvisoryRange[]): AdvisoryRange[] {
  const seen = new Set<string>();
  return ranges.filter((range) => {
    const key = JSON.stringify(range);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "<=2.4.1" says less than ">=2.2.0 <=2.4.1": keep the range that also names its start. */
function dropLooserRanges(ranges: readonly AdvisoryRange[]): AdvisoryRange[] {
  const endKey = (range: AdvisoryRange): string => JSON.stringify(range.events.slice(1));
  const started = new Set(
    ranges.filter((range) => JSON.stringify(range.events[0]) !== '{"introduced":"0"}').map(endKey),
  );
  return ranges.filter(
    (range) =>
      JSON.stringify(range.events[0]) !== '{"introduced":"0"}' ||
      range.events.length === 1 ||
      !started.has(endKey(range)),
  );
}

/**
 * "Introduced in 2.2.0" and "before 2.2.0 it used another parser" cannot both describe the bug: a
 * range from the first version that ends where another range starts is left out, with a note.
 */
function dropContradictedRanges(
  ranges: readonly AdvisoryRange[],
  notes: string[],
): AdvisoryRange[] {
  const starts = new Set(
    ranges
      .map((range) => (range.events[0] as { introduced?: string }).introduced)
      .filter((start) => start !== '0'),
  );
  return ranges.filter((range) => {
    const isOpenStart = JSON.stringify(range.events[0]) === '{"introduced":"0"}';
    const end = range.events.slice(1).map((event) => Object.values(event)[0] as string);
    if (isOpenStart && end.length === 1 && starts.has(end[0])) {
      notes.push(`left out "<${end[0]}": another range says the bug was introduced in ${end[0]}`);
      return false;
    }
    return true;
  });
}
