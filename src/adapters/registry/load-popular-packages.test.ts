import { describe, expect, it } from 'vitest';
import { popularPackageSource } from './load-popular-packages.js';

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
