// Loads the popular-package lists shipped with Thresher: for npm, the 50,000 most downloaded
// packages vendored in data/deps (the `download-counts` package's monthly counts) joined with the
// high-impact packages (the `npm-high-impact` package: over 1M weekly downloads or 500
// dependents); for PyPI, the top list vendored in data/deps (hugovk/top-pypi-packages).

import { readFile } from 'node:fs/promises';
import type { PopularPackage } from '../../core/dependencies.js';
import type { PopularList, PopularPackageSource } from '../../services/ports.js';

const npmListUrl = new URL('../../../data/deps/popular_npm_top50000.tsv', import.meta.url);
const pypiListUrl = new URL('../../../data/deps/popular_pypi_top15000.tsv', import.meta.url);

/** `rank<TAB>name<TAB>downloads_30d` lines after a header (50,000 of them: a plain loop). */
function readTopList(text: string): PopularPackage[] {
  const packages: PopularPackage[] = [];
  const lines = text.split('\n');
  for (let index = 1; index < lines.length; index += 1) {
    const [rank, name, downloads] = lines[index]!.trim().split('\t');
    if (!rank || !name || !/^\d+$/.test(rank)) continue;
    packages.push(
      downloads && /^\d+$/.test(downloads)
        ? { name, rank: Number(rank), downloads: Number(downloads) }
        : { name, rank: Number(rank) },
    );
  }
  return packages;
}

/**
 * The most downloaded npm packages in their order, then the high-impact packages they leave out
 * (depended on by many, downloaded less) in theirs.
 */
export function joinNpmLists(
  mostDownloaded: readonly PopularPackage[],
  highImpact: readonly string[],
): PopularPackage[] {
  const packages = [...mostDownloaded];
  const listed = new Set(packages.map((entry) => entry.name));
  for (const name of highImpact)
    if (!listed.has(name)) {
      listed.add(name);
      packages.push({ name, rank: packages.length + 1 });
    }
  return packages;
}

export const popularPackageSource: PopularPackageSource = {
  async loadPopularPackages(): Promise<Record<'npm' | 'pypi', PopularList>> {
    // Loaded only when dependencies are checked: the lists are 65,000 names.
    const [{ npmHighImpact }, npmText, pypiText] = await Promise.all([
      import('npm-high-impact'),
      readFile(npmListUrl, 'utf8'),
      readFile(pypiListUrl, 'utf8'),
    ]);
    return {
      npm: {
        listName: 'popular npm packages',
        packages: joinNpmLists(readTopList(npmText), npmHighImpact),
      },
      pypi: { listName: 'most downloaded PyPI projects', packages: readTopList(pypiText) },
    };
  },
};
