// `npm run build:severity-supplement -- --cve-records DIR --exclude-ids-from DIR ... --out FILE`:
// writes supplementary training advisories for the severity model (JSON lines in the format of
// ../shared/data/severity/advisories.jsonl) from a folder of CVE JSON 5 records, such as a checkout
// of cisagov/vulnrichment. Every CVE named anywhere under an `--exclude-ids-from` folder (give the
// checkouts of the development data's sources, bitnami/vulndb and rustsec/advisory-db, at the
// commits its README names), every text of the development file and every record naming an
// `--exclude-project` (default: curl, kept apart for independent evaluation) is left out.
// See docs/severity.md, "Supplementary advisories".

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  collectCveIds,
  normaliseAdvisoryText,
  readCveRecordAdvisory,
  selectSupplementAdvisories,
  type SupplementAdvisory,
} from '../src/core/severity/read-supplement-advisories.js';

const { values } = parseArgs({
  options: {
    'cve-records': { type: 'string' },
    'exclude-ids-from': { type: 'string', multiple: true, default: [] },
    'exclude-project': { type: 'string', multiple: true, default: ['curl', 'libcurl'] },
    development: {
      type: 'string',
      default: resolve(import.meta.dirname, '../../shared/data/severity/advisories.jsonl'),
    },
    out: { type: 'string' },
  },
});

if (!values['cve-records'] || !values.out) {
  console.error(
    'usage: npm run build:severity-supplement -- --cve-records DIR [--exclude-ids-from DIR ...] ' +
      '[--exclude-project NAME ...] [--development FILE] --out FILE',
  );
  process.exit(2);
}

/** Every file under `folder`, in a fixed order, skipping `.git`. */
function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((left, right) =>
    left.name < right.name ? -1 : 1,
  )) {
    if (entry.name === '.git') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

const excludedIds = new Set<string>();
for (const folder of values['exclude-ids-from']) {
  for (const path of listFiles(folder)) {
    if (statSync(path).size > 5_000_000) continue;
    for (const id of collectCveIds(readFileSync(path, 'utf8'))) excludedIds.add(id);
  }
}

const developmentTexts = new Set(
  readFileSync(values.development, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => normaliseAdvisoryText(String((JSON.parse(line) as { text?: unknown }).text))),
);

function* readAdvisories(folder: string): Generator<SupplementAdvisory> {
  for (const path of listFiles(folder)) {
    if (!path.endsWith('.json')) continue;
    let record: unknown;
    try {
      record = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      continue;
    }
    const advisory = readCveRecordAdvisory(record);
    if (advisory) yield advisory;
  }
}

const selection = selectSupplementAdvisories(readAdvisories(values['cve-records']), {
  cveIds: excludedIds,
  texts: developmentTexts,
  projectWords: values['exclude-project'],
});
writeFileSync(
  values.out,
  selection.kept.map((advisory) => `${JSON.stringify(advisory)}\n`).join(''),
);
const bySource = new Map<string, number>();
for (const advisory of selection.kept)
  bySource.set(advisory.source, (bySource.get(advisory.source) ?? 0) + 1);
console.log(
  `${selection.kept.length} advisories -> ${values.out} (${[...bySource].map(([source, count]) => `${source} ${count}`).join(', ')}); ` +
    `left out: ${excludedIds.size} excluded CVE ids matched ${selection.leftOut.sharedCve}, ` +
    `development texts ${selection.leftOut.sharedText}, excluded projects ${selection.leftOut.excludedProject}, ` +
    `repeated texts ${selection.leftOut.repeatedText}`,
);
