// Benchmark: typosquat detection on shared/data/deps (labelled real typosquats, split by a fixed
// hash into a tuning half and a measuring half), false alarms on popular packages and on popular
// close pairs, throughput, and a 2,000-dependency lockfile checked offline against parsing it
// alone; each next to the plain one-edit baseline. Prints figures; asserts nothing.
// Usage: npm run bench:deps [-- --data ../shared/data/deps --runs 100 --names FILE --misses]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { popularPackageSource } from '../src/adapters/registry/load-popular-packages.js';
import {
  assessDependencies,
  createPopularityIndexes,
  dedupeDependencies,
  findTyposquat,
  parseDependencyFile,
  type Ecosystem,
  type PopularityIndex,
} from '../src/core/index.js';
import { describeOneEdit } from '../src/core/deps/describe-one-edit.js';
import { normalizeForRegistry } from '../src/core/deps/fold-package-name.js';
import { generateLockfile } from './support/generate-lockfile.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(process.cwd(), '..', 'shared', 'data', 'deps') },
    runs: { type: 'string', default: '100' },
    // Lists the tuning half's misses (name, labelled target, technique): what to study when tuning.
    misses: { type: 'boolean', default: false },
    // Optional: a TSV of less popular but honest package names (name<TAB>...), for a further false-alarm figure.
    names: { type: 'string' },
    // With --names: keep rows whose third column (monthly downloads) is at least this.
    'min-downloads': { type: 'string', default: '0' },
  },
});

const readTsv = (file: string): string[][] =>
  readFileSync(join(values.data, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
const percent = (part: number, whole: number): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};

let start = performance.now();
const lists = await popularPackageSource.loadPopularPackages();
const indexes: Record<Ecosystem, PopularityIndex> = createPopularityIndexes(lists);
const loadMs = performance.now() - start;
start = performance.now();
indexes.npm.buildNearMatchMaps();
indexes.pypi.buildNearMatchMaps();
console.log(
  `Popular lists: ${indexes.npm.size} npm, ${indexes.pypi.size} PyPI; loaded in ${loadMs.toFixed(0)} ms, near-match maps built in ${(performance.now() - start).toFixed(0)} ms (once per process, on first use)\n`,
);

/** The baseline: flag a name one insertion, deletion or substitution from a popular name that it is not. */
function flagsPlainOneEdit(ecosystem: Ecosystem, name: string, unlisted = false): boolean {
  const key = normalizeForRegistry(ecosystem, name);
  if (!unlisted && indexes[ecosystem].byKey.has(key)) return false;
  for (const entry of indexes[ecosystem].byKey.values()) {
    if (entry.key === key) continue;
    const edit = describeOneEdit(key, entry.key);
    if (edit && edit.kind !== 'transposition') return true;
  }
  return false;
}

// Labelled typosquats: a fixed hash split, the same on every machine.
const half = (ecosystem: string, name: string): 'tuning' | 'measuring' =>
  (createHash('sha256').update(`${ecosystem}\t${name}`).digest()[0]! & 1) === 0
    ? 'tuning'
    : 'measuring';
const labelled = readTsv('typosquats_labeled.tsv').filter(
  ([ecosystem]) => ecosystem === 'npm' || ecosystem === 'pypi',
);
console.log(
  'Recall on labelled typosquats (a finding of kind typosquat; "high" = at severity high)',
);
console.log(
  '| half | ecosystem | names | labelled target on the lists | recall | recall at high | recall, target listed | recall, target not listed | plain one-edit baseline |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
const misses: string[][] = [];
for (const part of ['tuning', 'measuring'] as const) {
  for (const ecosystem of ['npm', 'pypi'] as const) {
    const rows = labelled.filter(([eco, name]) => eco === ecosystem && half(eco, name!) === part);
    const names = rows.map(([, name]) => name!);
    const matches = names.map((name) => findTyposquat(ecosystem, name, indexes[ecosystem]));
    const found = matches.filter((match) => match !== null).length;
    const strong = matches.filter((match) => match?.strength === 'strong').length;
    const baseline = names.filter((name) => flagsPlainOneEdit(ecosystem, name)).length;
    const isTargetListed = ([, , target]: string[]): boolean =>
      (target ?? '').split('|').some((each) => indexes[ecosystem].find(each) !== undefined);
    const listed = rows.filter(isTargetListed).length;
    // What limits recall: the names whose target the lists hold, and the others (counts only).
    const foundListed = rows.filter((row, index) => isTargetListed(row) && matches[index]).length;
    const foundUnlisted = found - foundListed;
    console.log(
      `| ${part} | ${ecosystem} | ${names.length} | ${percent(listed, names.length)} | ${percent(found, names.length)} | ${percent(strong, names.length)} | ${percent(foundListed, listed)} (${foundListed}/${listed}) | ${percent(foundUnlisted, names.length - listed)} (${foundUnlisted}/${names.length - listed}) | ${percent(baseline, names.length)} |`,
    );
    if (part === 'tuning')
      rows.forEach(([, name, target, technique], index) => {
        if (matches[index] !== null) return;
        const isListed = isTargetListed(rows[index]!);
        misses.push([ecosystem, name!, target ?? '', technique ?? '', isListed ? 'listed' : '']);
      });
  }
}
if (values.misses) {
  console.log(
    '\nMisses on the tuning half (ecosystem, name, labelled target, technique, target listed)',
  );
  for (const miss of misses) console.log(miss.join('\t'));
}

// False alarms on popular packages.
const pairs = readTsv('popular_close_pairs.tsv');
console.log('\nFalse alarms on popular packages (each name checked as a dependency)');
console.log(
  '| set | names | as shipped | as if the name were not in the lists | plain one-edit baseline |',
);
console.log('|---|---:|---:|---:|---:|');
for (const ecosystem of ['npm', 'pypi'] as const) {
  const names = pairs.filter(([eco]) => eco === ecosystem).flatMap(([, a, , b]) => [a!, b!]);
  const shipped = names.filter((name) => findTyposquat(ecosystem, name, indexes[ecosystem])).length;
  const unlisted = names.filter((name) =>
    findTyposquat(ecosystem, name, indexes[ecosystem], { asIfUnlisted: true }),
  ).length;
  const baseline = names.filter((name) => flagsPlainOneEdit(ecosystem, name, true)).length;
  console.log(
    `| close pairs ${ecosystem} | ${names.length} | ${percent(shipped, names.length)} | ${percent(unlisted, names.length)} | ${percent(baseline, names.length)} |`,
  );
}
for (const ecosystem of ['npm', 'pypi'] as const) {
  const names = lists[ecosystem].packages.map((entry) => entry.name);
  const shipped = names.filter((name) => findTyposquat(ecosystem, name, indexes[ecosystem])).length;
  const [unlisted, unlistedMs] = time(
    () =>
      names.filter((name) =>
        findTyposquat(ecosystem, name, indexes[ecosystem], { asIfUnlisted: true }),
      ).length,
  );
  console.log(
    `| popular list ${ecosystem} | ${names.length} | ${percent(shipped, names.length)} | ${percent(unlisted, names.length)} | (not run: ${names.length}² comparisons) |`,
  );
  if (ecosystem === 'pypi')
    console.log(
      `\nThroughput: ${Math.round(names.length / (unlistedMs / 1000)).toLocaleString('en-US')} names/s judged as unknown names (the slow path; a listed name is one map look-up)`,
    );
}
if (values.names) {
  const minimum = Number(values['min-downloads']);
  const honest = readFileSync(values.names, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(
      ([name, , downloads]) => name && Number(downloads ?? 0) >= minimum && !indexes.npm.find(name),
    )
    .map(([name]) => name!);
  const flagged = honest.filter((name) => findTyposquat('npm', name, indexes.npm));
  console.log(
    `\nLess popular npm names from ${values.names}: ${flagged.length} of ${honest.length} flagged (${percent(flagged.length, honest.length)})`,
  );
}

// A 2,000-dependency lockfile: parsing alone against the offline check (parse + every offline signal).
const lockfile = generateLockfile(
  lists.npm.packages.map((entry) => entry.name),
  2000,
);
const runs = Number(values.runs);
const median = (samples: readonly number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const parseOnly = (): void => {
  if (!parseDependencyFile('package-lock.json', lockfile).ok)
    throw new Error('generated lockfile does not parse');
};
let findings = 0;
const parseAndCheck = (): void => {
  const parsed = parseDependencyFile('package-lock.json', lockfile);
  if (!parsed.ok) throw new Error('generated lockfile does not parse');
  findings = assessDependencies({
    dependencies: dedupeDependencies(parsed.value.dependencies),
    popularity: indexes,
    registry: new Map(),
    npmAdvisories: new Map(),
    osv: null,
    now: new Date(),
  }).length;
};
// Paired and interleaved: each run times both, in alternating order, after a warm-up, so a
// preemption or a garbage collection on a busy machine hits both sides alike; medians throughout.
// Both wall-clock and the process's CPU time (user + system, which leaves out the time spent
// waiting for a core on a shared machine) are measured.
const cpuMilliseconds = (work: () => void): [number, number] => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
};
const samples = {
  parse: [] as number[],
  check: [] as number[],
  parseCpu: [] as number[],
  checkCpu: [] as number[],
};
const pairRatios: number[] = [];
const warmup = Math.max(5, Math.floor(runs / 5));
for (let run = 0; run < warmup + runs; run += 1) {
  const first = run % 2 === 0 ? 'parse' : 'check';
  const measured: Record<string, [number, number]> = {};
  for (const side of first === 'parse' ? ['parse', 'check'] : ['check', 'parse'])
    measured[side] = cpuMilliseconds(side === 'parse' ? parseOnly : parseAndCheck);
  if (run < warmup) continue;
  samples.parse.push(measured.parse![0]);
  samples.check.push(measured.check![0]);
  samples.parseCpu.push(measured.parse![1]);
  samples.checkCpu.push(measured.check![1]);
  pairRatios.push(measured.check![0] / measured.parse![0]);
}
const ratio = (check: number[], parse: number[]): string =>
  (median(check) / median(parse)).toFixed(2);
console.log(
  `\n2,000-dependency package-lock.json (${(lockfile.length / 1024).toFixed(0)} KiB; 1,900 popular names, 100 unknown ones), ${runs} paired runs after ${warmup} warm-up runs, medians:`,
);
console.log(`| step | wall-clock | ratio to parsing | CPU time | ratio to parsing |`);
console.log(`|---|---:|---:|---:|---:|`);
console.log(
  `| parse alone | ${median(samples.parse).toFixed(1)} ms | 1.00 | ${median(samples.parseCpu).toFixed(1)} ms | 1.00 |`,
);
console.log(
  `| parse + offline check (${findings} findings) | ${median(samples.check).toFixed(1)} ms | ${ratio(samples.check, samples.parse)} (paired: ${median(pairRatios).toFixed(2)}) | ${median(samples.checkCpu).toFixed(1)} ms | ${ratio(samples.checkCpu, samples.parseCpu)} |`,
);
console.log(
  '(target: at most 1.20; the lists are loaded and indexed once per process, shown above)',
);
