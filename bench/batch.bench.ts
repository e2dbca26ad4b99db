// Benchmark: a 2,000-report batch through the real binary, `--format json` against
// `--format jsonl`: peak resident memory (GNU time's maximum RSS), output size and wall time,
// paired in one run. The reports are advisory texts from ../shared/data/severity (real public
// text, not tuned on), written as Markdown files. Prints figures; asserts nothing.
// Usage: npm run bench:batch [-- --reports 2000 --rounds 2]  (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
  },
});
const count = Number(values.reports);
const rounds = Number(values.rounds);
const root = resolve(import.meta.dirname, '..');
const binary = resolve(root, 'dist/cli/main.js');
const time = '/usr/bin/time';
const source = resolve(root, '../shared/data/severity/advisories.jsonl');
if (!existsSync(binary)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
if (!existsSync(time)) throw new Error(`${time} (GNU time) is needed to read the peak memory`);
if (!existsSync(source)) throw new Error(`${source} is missing (the shared data folder)`);

interface Advisory {
  id: string;
  package: string;
  title: string;
  text: string;
}

const advisories = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Advisory);
const folder = mkdtempSync(join(tmpdir(), 'thresher-batch-bench-'));
let inputBytes = 0;
for (let index = 0; index < count; index += 1) {
  const advisory = advisories[index % advisories.length]!;
  const title = advisory.title || `${advisory.package}: ${advisory.id}`;
  const text = `# ${title}\n\n${advisory.text}\n\n## Affected component\n${advisory.package}\n`;
  inputBytes += Buffer.byteLength(text);
  writeFileSync(join(folder, `${String(index).padStart(5, '0')}.md`), text);
}

interface Run {
  peakMb: number;
  seconds: number;
  outputMb: number;
}

function runOnce(format: string): Run {
  const output = join(folder, `out.${format}`);
  const result = spawnSync(
    'sh',
    [
      '-c',
      `"${time}" -f '%M %e' "${process.execPath}" "${binary}" triage --profile examples/security-profile.yml --format ${format} --quiet "${folder}" > "${output}" 2> "${output}.err"; tail -n 1 "${output}.err"`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const [kilobytes, seconds] = result.stdout.trim().split(' ').map(Number);
  if (!Number.isFinite(kilobytes)) throw new Error(`no figures from time: ${result.stdout}`);
  const outputMb = readFileSync(output).length / 1e6;
  return { peakMb: (kilobytes ?? 0) / 1024, seconds: seconds ?? 0, outputMb };
}

const runs: Record<string, Run[]> = { json: [], jsonl: [] };
for (let round = 0; round < rounds; round += 1) {
  const order = round % 2 === 0 ? ['json', 'jsonl'] : ['jsonl', 'json'];
  for (const format of order) runs[format]!.push(runOnce(format));
}
rmSync(folder, { recursive: true, force: true });

const median = (numbers: number[]): number =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
console.log(
  `\nthresher triage, ${count} Markdown reports (${(inputBytes / 1e6).toFixed(1)} MB of advisory text), ${rounds} paired rounds, medians:`,
);
console.log('format   peak RSS   output     wall time');
for (const format of ['json', 'jsonl']) {
  const list = runs[format]!;
  console.log(
    `${format.padEnd(8)} ${median(list.map((run) => run.peakMb))
      .toFixed(0)
      .padStart(5)} MiB ${median(list.map((run) => run.outputMb))
      .toFixed(1)
      .padStart(6)} MB ${median(list.map((run) => run.seconds))
      .toFixed(1)
      .padStart(7)} s`,
  );
}
