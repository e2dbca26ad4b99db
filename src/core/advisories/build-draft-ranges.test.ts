import { describe, expect, it } from 'vitest';
import { buildDraftRanges } from './build-draft-ranges.js';

describe('buildDraftRanges', () => {
  it('turns stated versions into OSV ranges and single versions', () => {
    expect(
      buildDraftRanges(['>=2.2.0 <=2.4.1', '<=2.4.1', '2.4.1', '2.5.0-rc1', '<3.0'], null),
    ).toEqual({
      ranges: [
        {
          type: 'SEMVER',
          repo: null,
          events: [{ introduced: '2.2.0' }, { lastAffected: '2.4.1' }],
        },
        { type: 'ECOSYSTEM', repo: null, events: [{ introduced: '0' }, { fixed: '3.0' }] },
      ],
      versions: ['2.5.0-rc1'],
      notes: [],
    });
  });

  it('leaves out what OSV cannot say or what does not hold, with a note', () => {
    const drafted = buildDraftRanges(['>1.0.0', '>=2.0.0 <1.0.0', '<2.0.0', '>=2.0.0'], 'npm');
    expect(drafted.ranges).toEqual([
      { type: 'SEMVER', repo: null, events: [{ introduced: '2.0.0' }] },
    ]);
    expect(drafted.notes).toEqual([
      'affected versions ">1.0.0" have no OSV form (">" or "~"): write the range by hand',
      'affected versions ">=2.0.0 <1.0.0" left out: fixed 1.0.0 is not after any "introduced" version',
      'left out "<2.0.0": another range says the bug was introduced in 2.0.0',
    ]);
  });
});
