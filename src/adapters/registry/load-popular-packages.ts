// Loads the popular-package lists shipped with Thresher: npm's high-impact packages (the
// `npm-high-impact` package) and the PyPI top list vendored in data/deps (hugovk/top-pypi-packages).

import { readFile } from 'node:fs/promises';
import type { PopularPackage } from '../../core/dependencies.js';
import type { PopularList, PopularPackageSource } from '../../services/ports.js';

const pypiListUrl = new URL('../../../data/deps/popular_pypi_top15000.tsv', import.meta.url);

/** `rank<TAB>project<TAB>downloads_30d` lines after a header. */
function readPypiTopList(text: string): PopularPackage[] {
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const [rank, name, downloads] = line.trim().split('\t');
      if (!rank || !name || !/^\d+$/.test(rank)) return [];
      return [
        {
          name,
          rank: Number(rank),
          ...(downloads && /^\d+$/.test(downloads) ? { downloads: Number(downloads) } : {}),
        },
      ];
    });
}

export const popularPackageSource: PopularPackageSource = {
  async loadPopularPackages(): Promise<Record<'npm' | 'pypi', PopularList>> {
    // Loaded only when dependencies are checked: the list is 17,000 names.
    const [{ npmHighImpact }, pypiText] = await Promise.all([
      import('npm-high-impact'),
      readFile(pypiListUrl, 'utf8'),
    ]);
    return {
      npm: {
        listName: 'npm high-impact packages',
        packages: npmHighImpact.map((name, index) => ({ name, rank: index + 1 })),
      },
      pypi: { listName: 'most downloaded PyPI projects', packages: readPypiTopList(pypiText) },
    };
  },
};
