// Loads the popular-package lists shipped with Thresher: for npm, the 50,000 most downloaded
// packages vendored in data/deps (the `download-counts` package's monthly counts) joined with the
// high-impact packages (the `npm-high-impact` package: over 1M weekly downloads or 500
// dependents); for PyPI, the top list vendored in data/deps (hugovk/top-pypi-packages).

import { readFile } from 'node:fs/promises';
import { joinNpmLists, parsePopularList } from '../../core/dependencies.js';
import type { PopularList, PopularPackageSource } from '../../services/ports.js';

const npmListUrl = new URL('../../../data/deps/popular_npm_top50000.tsv', import.meta.url);
const pypiListUrl = new URL('../../../data/deps/popular_pypi_top15000.tsv', import.meta.url);

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
        packages: joinNpmLists(parsePopularList(npmText), npmHighImpact),
      },
      pypi: { listName: 'most downloaded PyPI projects', packages: parsePopularList(pypiText) },
    };
  },
};
