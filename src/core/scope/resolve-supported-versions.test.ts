import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSupportedVersions } from './resolve-supported-versions.js';

describe('resolveSupportedVersions', () => {
  const tags = ['v2.5.0', 'v2.6.0', 'v2.6.1', 'v3.0.0-rc1', 'nightly', 'v1.9.9'];

  it('reads the newest release from the tags, whatever their convention', () => {
    expect(resolveSupportedVersions('latest', tags)).toEqual({
      ranges: ['>=2.6.1'],
      fromTag: 'v2.6.1',
    });
    expect(resolveSupportedVersions('latest-minor', tags)?.ranges).toEqual(['>=2.6.0']);
    expect(resolveSupportedVersions('latest-major', tags)?.ranges).toEqual(['>=2.0.0']);
    expect(resolveSupportedVersions('latest', ['R_2_5_0', 'R_2_6_2', 'R_2_10_0'])).toEqual({
      ranges: ['>=2.10.0'],
      fromTag: 'R_2_10_0',
    });
    expect(resolveSupportedVersions('latest', ['tool-1_7', 'tool-1_7_1'])?.ranges).toEqual([
      '>=1.7.1',
    ]);
    expect(resolveSupportedVersions('latest', ['release-4.2.0', 'REL_4_1_9'])?.fromTag).toBe(
      'release-4.2.0',
    );
  });

  it('says nothing when no tag names a release', () => {
    expect(resolveSupportedVersions('latest', [])).toBeNull();
    expect(resolveSupportedVersions('latest', ['main', 'nightly', 'v3.0.0-rc1'])).toBeNull();
  });

  it('never throws on any tag names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (names) => {
        const resolved = resolveSupportedVersions('latest-minor', names);
        if (resolved !== null) expect(names).toContain(resolved.fromTag);
      }),
    );
  });
});
