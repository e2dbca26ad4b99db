// The popular-package lists as the dependency guard ships them: the `rank<TAB>name<TAB>downloads`
// text of a vendored list read into ranked packages, and the npm lists joined. Pure: the adapter
// reads the files.

import type { PopularPackage } from './create-popularity-index.js';

const digits = /^\d+$/;

/**
 * `rank<TAB>name<TAB>downloads_30d` lines after a header (50,000 of them: read in place with
 * `indexOf`, no array per line).
 */
export function parsePopularList(text: string): PopularPackage[] {
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
