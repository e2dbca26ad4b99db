// Refreshes the popular-package lists the dependency guard ships (see docs/deps.md):
// data/deps/popular_pypi_top15000.tsv from hugovk/top-pypi-packages' JSON (a saved file or its
// URL), and says how to update the npm list, which is the `npm-high-impact` dependency.
// Usage: npm run refresh:popular -- --pypi FILE_OR_URL [--top 15000]
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { pypi: { type: 'string' }, top: { type: 'string', default: '15000' } },
});
if (!values.pypi) {
  console.error('Usage: npm run refresh:popular -- --pypi FILE_OR_URL [--top 15000]');
  console.error(
    '  FILE_OR_URL: top-pypi-packages.min.json from https://hugovk.github.io/top-pypi-packages/',
  );
  process.exit(2);
}
const text = /^https?:\/\//.test(values.pypi)
  ? await (await fetch(values.pypi)).text()
  : await readFile(values.pypi, 'utf8');
interface TopPypiRow {
  project: unknown;
  download_count: unknown;
}
const { rows, last_update: lastUpdate } = JSON.parse(text) as {
  rows?: TopPypiRow[];
  last_update?: string;
};
if (!Array.isArray(rows)) throw new Error('expected {"rows": [{"project", "download_count"}]}');
const top = rows
  .flatMap((row) =>
    typeof row.project === 'string' && typeof row.download_count === 'number'
      ? [{ project: row.project, downloads: row.download_count }]
      : [],
  )
  .sort((a, b) => b.downloads - a.downloads)
  .slice(0, Number(values.top));
const lines = [
  'rank\tproject\tdownloads_30d',
  ...top.map((row, index) => `${index + 1}\t${row.project}\t${row.downloads}`),
];
await writeFile(
  new URL('../data/deps/popular_pypi_top15000.tsv', import.meta.url),
  `${lines.join('\n')}\n`,
);
console.log(
  `Wrote ${top.length} PyPI projects (data of ${lastUpdate ?? 'unknown date'}) to data/deps/popular_pypi_top15000.tsv.`,
);
console.log(
  'Source: hugovk/top-pypi-packages by Hugo van Kemenade; keep the attribution in data/deps/README.md.',
);
console.log(
  'The npm list is the npm-high-impact package: run `npm update npm-high-impact` and commit package-lock.json.',
);
