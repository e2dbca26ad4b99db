import { describe, expect, it } from 'vitest';
import { keepBackportLines } from './keep-backport-lines.js';

const named = (...values: string[]) => values.map((value) => ({ value }));
const never = (): boolean => false;
const valuesOf = (versions: ReadonlyArray<{ value: string }>): string[] =>
  versions.map((version) => version.value);

describe('keepBackportLines', () => {
  it('keeps only the asked line when a later release on the line in use is asked for', () => {
    expect(valuesOf(keepBackportLines(named('5.22.5', '6.28.0'), named('5.22.6'), never))).toEqual([
      '5.22.5',
    ]);
    expect(
      valuesOf(
        keepBackportLines(named('0.10.x', '0.10.0', '1.x', '1.3.2'), named('0.10.1'), never),
      ),
    ).toEqual(['0.10.x', '0.10.0']);
    expect(valuesOf(keepBackportLines(named('5.22.5', '6.28.0'), named('5.x'), never))).toEqual([
      '5.22.5',
    ]);
  });

  it('keeps a version elsewhere whose clause says it is affected', () => {
    const affirmed = (version: { value: string }): boolean => version.value === '6.28.0';
    expect(
      valuesOf(keepBackportLines(named('5.22.5', '6.28.0'), named('5.22.6'), affirmed)),
    ).toEqual(['5.22.5', '6.28.0']);
  });

  it('changes nothing without a backport request on a line in use', () => {
    // Nothing asked for.
    expect(valuesOf(keepBackportLines(named('5.22.5', '6.28.0'), [], never))).toEqual([
      '5.22.5',
      '6.28.0',
    ]);
    // The release asked for is on a line the report does not say it runs.
    expect(valuesOf(keepBackportLines(named('5.22.5', '6.28.0'), named('4.9.1'), never))).toEqual([
      '5.22.5',
      '6.28.0',
    ]);
    // An earlier release on the line is no backport of the version in use.
    expect(valuesOf(keepBackportLines(named('5.22.5', '6.28.0'), named('5.22.4'), never))).toEqual([
      '5.22.5',
      '6.28.0',
    ]);
  });
});
