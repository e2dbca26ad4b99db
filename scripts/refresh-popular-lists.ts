// Refreshes the popular-package lists the dependency guard ships (see docs/deps.md):
// data/deps/popular_pypi_top15000.tsv from hugovk/top-pypi-packages' JSON (a saved file or its
// URL), data/deps/popular_npm_top50000.tsv from the `download-counts` package's counts.json (the
// last month's downloads of every npm package: `npm pack download-counts`, then its
// package/counts.json), and says how to update the other npm list, the `npm-high-impact`
// dependency.
// Usage: npm run refresh:popular -- [--pypi FILE_OR_URL [--top 15000]] [--npm FILE [--npm-top 50000]]
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    pypi: { type: 'string' },
    top: { type: 'string', default: '15000' },
    npm: { type: 'string' },
    'npm-top': { type: 'string', default: '50000' },
  },
});
if (!values.pypi && !values.npm) {
  console.error(
    'Usage: npm run refresh:popular -- [--pypi FILE_OR_URL [--top 15000]] [--npm FILE [--npm-top 50000]]',
  );
  console.error(
    '  --pypi: top-pypi-packages.min.json from https://hugovk.github.io/top-pypi-packages/',
  );
  console.error(
    '  --npm: counts.json of the download-counts package (`npm pack download-counts`, then package/counts.json)',
  );
  process.exit(2);
}

const readText = async (source: string): Promise<string> =>
  /^https?:\/\//.test(source) ? await (await fetch(source)).text() : await readFile(source, 'utf8');

/** `rank<TAB>name<TAB>downloads` lines, most downloaded first (ties in the source's order). */
async function writeTopList(
  file: string,
  header: string,
  rows: Array<{ name: string; downloads: number }>,
  top: number,
): Promise<number> {
  const ranked = rows.sort((a, b) => b.downloads - a.downloads).slice(0, top);
  const lines = [
    header,
    ...ranked.map((row, index) => `${index + 1}\t${row.name}\t${row.downloads}`),
  ];
  await writeFile(new URL(`../data/deps/${file}`, import.meta.url), `${lines.join('\n')}\n`);
  return ranked.length;
}

if (values.pypi) {
  interface TopPypiRow {
    project: unknown;
    download_count: unknown;
  }
  const { rows, last_update: lastUpdate } = JSON.parse(await readText(values.pypi)) as {
    rows?: TopPypiRow[];
    last_update?: string;
  };
  if (!Array.isArray(rows)) throw new Error('expected {"rows": [{"project", "download_count"}]}');
  const written = await writeTopList(
    'popular_pypi_top15000.tsv',
    'rank\tproject\tdownloads_30d',
    rows.flatMap((row) =>
      typeof row.project === 'string' && typeof row.download_count === 'number'
        ? [{ name: row.project, downloads: row.download_count }]
        : [],
    ),
    Number(values.top),
  );
  console.log(
    `Wrote ${written} PyPI projects (data of ${lastUpdate ?? 'unknown date'}) to data/deps/popular_pypi_top15000.tsv.`,
  );
  console.log(
    'Source: hugovk/top-pypi-packages by Hugo van Kemenade; keep the attribution in data/deps/README.md.',
  );
}

if (values.npm) {
  const counts = JSON.parse(await readText(values.npm)) as unknown;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts))
    throw new Error('expected {"package-name": monthly downloads, ...}');
  const rows: Array<{ name: string; downloads: number }> = [];
  for (const [name, downloads] of Object.entries(counts))
    if (typeof downloads === 'number' && Number.isSafeInteger(downloads) && downloads > 0)
      rows.push({ name, downloads });
  const written = await writeTopList(
    'popular_npm_top50000.tsv',
    'rank\tpackage\tdownloads_30d',
    rows,
    Number(values['npm-top']),
  );
  console.log(
    `Wrote the ${written} most downloaded of ${rows.length} npm packages to data/deps/popular_npm_top50000.tsv.`,
  );
  console.log(
    'Source: the download-counts package (nice-registry/download-counts, MIT); write its version in data/deps/README.md.',
  );
}
console.log(
  'The other npm list is the npm-high-impact package: run `npm update npm-high-impact` and commit package-lock.json.',
);
