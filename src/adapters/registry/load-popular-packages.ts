// Loads the popular-package lists shipped with Thresher: for npm, the 50,000 most downloaded
// packages vendored in data/deps (the `download-counts` package's monthly counts) joined with the
// high-impact packages (the `npm-high-impact` package: over 1M weekly downloads or 500
// dependents); for PyPI, the top list vendored in data/deps (hugovk/top-pypi-packages).

import { readFile } from 'node:fs/promises';
import type { PopularPackage } from '../../core/dependencies.js';
import type { PopularList, PopularPackageSource } from '../../services/ports.js';

const npmListUrl = new URL('../../../data/deps/popular_npm_top50000.tsv', import.meta.url);
const pypiListUrl = new URL('../../../data/deps/popular_pypi_top15000.tsv', import.meta.url);

const digits = /^\d+$/;

/**
 * `rank<TAB>name<TAB>downloads_30d` lines after a header (50,000 of them: read in place with
 * `indexOf`, no array per line).
 */
function readTopList(text: string): PopularPackage[] {
  const packages: PopularPackage[] = [];
  for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    const nameStart = line.indexOf('\t') + 1;
    if (nameStart <= 1) continue;
    const rank = line.slice(0, nameStart - 1);
    const nameEnd = line.indexOf('\t', nameStart);
    const name = nameEnd === -1 ? line.slice(nameStart) : line.slice(nameStart, nameEnd);
    if (name === '' || !digits.test(rank)) continue;
    const downloadsEnd = nameEnd === -1 ? -1 : line.indexOf('\t', nameEnd + 1);
    const downloads =
      nameEnd === -1
        ? ''
        : line.slice(nameEnd + 1, downloadsEnd === -1 ? line.length : downloadsEnd);
    packages.push(
      digits.test(downloads)
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
  // The high-impact names not yet listed (17,000 of them, a smaller set than the 50,000 listed).
  const missing = new Set(highImpact);
  for (const entry of mostDownloaded) missing.delete(entry.name);
  for (const name of highImpact)
    if (missing.delete(name)) packages.push({ name, rank: packages.length + 1 });
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
