import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findNearestOlderTag,
  findVersionTags,
  learnTagConvention,
  parseTag,
  pickFirstRelease,
  sampleReleaseTags,
} from './learn-tag-convention.js';

describe('parseTag', () => {
  it.each([
    ['v1.2.3', 'v', '.', [1, 2, 3], false],
    ['1.2.3', '', '.', [1, 2, 3], false],
    ['name-1.2.3', 'name-', '.', [1, 2, 3], false],
    ['name-1_2_3', 'name-', '_', [1, 2, 3], false],
    ['name_1_2_3', 'name_', '_', [1, 2, 3], false],
    ['release-1.2.3', 'release-', '.', [1, 2, 3], false],
    ['REL_1_2_3', 'REL_', '_', [1, 2, 3], false],
    ['R_2_6_2', 'R_', '_', [2, 6, 2], false],
    ['jq-1.7.1', 'jq-', '.', [1, 7, 1], false],
    ['1.6rc2', '', '.', [1, 6], true],
    ['v1.2.0-alpha.1', 'v', '.', [1, 2, 0], true],
    ['refs/tags/v3.0', 'v', '.', [3, 0], false],
  ])('reads %s', (tag, prefix, separator, version, isPrerelease) => {
    expect(parseTag(tag)).toEqual({
      tag,
      prefix,
      separator,
      version,
      portableRelease: 0,
      isPrerelease,
    });
  });

  it.each([
    ['V_9_9_P1', 'V_', '_', [9, 9], 1],
    ['V_10_0_P2', 'V_', '_', [10, 0], 2],
    ['V_7_6_P1_RC1', 'V_', '_', [7, 6], 1],
    ['9.9p1', '', '.', [9, 9], 1],
  ])('reads the portable release of %s', (tag, prefix, separator, version, portableRelease) => {
    expect(parseTag(tag)).toMatchObject({ prefix, separator, version, portableRelease });
  });

  it('rejects names that are not version tags', () => {
    expect(parseTag('start')).toBeNull();
    expect(parseTag('abc2')).toBeNull();
    expect(parseTag('1.2_3')).toBeNull();
  });

  it('never throws and keeps the numbers it read (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tag) => {
        const parsed = parseTag(tag);
        if (parsed !== null) expect(parsed.version.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('v', '', 'proj-', 'proj_', 'REL_', 'release-'),
        fc.constantFrom('.', '_'),
        fc.array(fc.nat(999), { minLength: 2, maxLength: 4 }),
        (prefix, separator, numbers) => {
          const parsed = parseTag(`${prefix}${numbers.join(separator)}`);
          expect(parsed?.version).toEqual(numbers);
          expect(parsed?.prefix).toBe(prefix);
        },
      ),
    );
  });
});

describe('learnTagConvention', () => {
  it('learns the convention most release tags follow', () => {
    expect(learnTagConvention(['R_2_6_2', 'R_2_6_3', 'REC1_0', 'start', 'v1.0'])).toMatchObject({
      prefix: 'R_',
      separator: '_',
      pattern: 'R_{major}_{minor}_{patch}',
      tagCount: 2,
    });
    expect(learnTagConvention(['jq-1.6', 'jq-1.7', 'jq-1.7.1', '1.6rc2'])?.prefix).toBe('jq-');
    expect(learnTagConvention(['latest', 'stable'])).toBeNull();
  });
});

describe('version to tag', () => {
  const tags = ['R_2_6_2', 'R_2_6_3', 'R_2_7_0', 'v2.6.3', 'R_2_8_0rc1'];
  const convention = learnTagConvention(tags);

  it('finds the tags of a version, the convention first', () => {
    expect(findVersionTags([2, 6, 3], tags, convention)).toEqual(['R_2_6_3', 'v2.6.3']);
    expect(findVersionTags([2, 7], tags, convention)).toEqual(['R_2_7_0']);
    expect(findVersionTags([2, 6, 4], tags, convention)).toEqual([]);
  });

  it('finds the nearest older release and the first release of a change', () => {
    expect(findNearestOlderTag([2, 6, 9], tags, convention)).toBe('R_2_6_3');
    expect(findNearestOlderTag([2, 9], tags, convention)).toBe('R_2_7_0');
    expect(findNearestOlderTag([1, 0], tags, convention)).toBeNull();
    expect(pickFirstRelease(['R_2_7_0', 'R_2_8_0rc1', 'v2.6.3', 'R_2_6_3'], convention)).toBe(
      'R_2_6_3',
    );
    expect(pickFirstRelease(['R_2_8_0rc1'], convention)).toBeNull();
  });
});

describe('version to tag with portable releases (OpenSSH)', () => {
  const tags = ['V_2_1_0', 'V_9_8_P1', 'V_9_9_P1', 'V_9_9_P2', 'V_10_0_P1', 'V_7_6_P1_RC1'];
  const convention = learnTagConvention(tags);

  it('learns the convention and maps a version to its first portable release', () => {
    expect(convention?.prefix).toBe('V_');
    expect(findVersionTags([9, 9], tags, convention)).toEqual(['V_9_9_P1', 'V_9_9_P2']);
    expect(findNearestOlderTag([9, 10], tags, convention)).toBe('V_9_9_P2');
    expect(findNearestOlderTag([10, 1], tags, convention)).toBe('V_10_0_P1');
  });
});

describe('sampleReleaseTags', () => {
  it('spreads the sample over the releases, oldest and newest included', () => {
    const tags = Array.from({ length: 20 }, (_, index) => `R_2_${index}_0`).concat([
      'R_3_0_0rc1',
      'v9.9',
    ]);
    const convention = learnTagConvention(tags);
    expect(sampleReleaseTags(tags, convention, 4)).toEqual([
      'R_2_0_0',
      'R_2_6_0',
      'R_2_13_0',
      'R_2_19_0',
    ]);
    expect(sampleReleaseTags(['v1.0', 'v1.1'], null, 6)).toEqual(['v1.0', 'v1.1']);
  });
});
