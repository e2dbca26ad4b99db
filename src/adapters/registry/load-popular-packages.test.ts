import { describe, expect, it } from 'vitest';
import { joinNpmLists, popularPackageSource } from './load-popular-packages.js';

describe('joinNpmLists', () => {
  it('keeps the most downloaded in their order and appends the high-impact names they leave out', () => {
    const joined = joinNpmLists(
      [
        { name: 'semver', rank: 1, downloads: 900 },
        { name: 'debug', rank: 2, downloads: 800 },
      ],
      ['debug', 'left-pad', 'semver', 'is-odd', 'left-pad'],
    );
    expect(joined).toEqual([
      { name: 'semver', rank: 1, downloads: 900 },
      { name: 'debug', rank: 2, downloads: 800 },
      { name: 'left-pad', rank: 3 },
      { name: 'is-odd', rank: 4 },
    ]);
  });
});

describe('the shipped lists', () => {
  it('rank every npm name once, with last month’s downloads for the 50,000 most downloaded', async () => {
    const { npm, pypi } = await popularPackageSource.loadPopularPackages();
    expect(npm.packages.length).toBeGreaterThan(50_000);
    expect(npm.packages.slice(0, 50_000).every((entry) => entry.downloads! > 0)).toBe(true);
    expect(npm.packages.map((entry) => entry.rank)).toEqual(
      npm.packages.map((_, index) => index + 1),
    );
    expect(new Set(npm.packages.map((entry) => entry.name)).size).toBe(npm.packages.length);
    expect(npm.packages.find((entry) => entry.name === 'lodash')?.downloads).toBeGreaterThan(0);
    expect(pypi.packages).toHaveLength(15_000);
  });
});
