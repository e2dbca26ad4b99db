// Benchmark: hostile and careless input through the real triage service, each case at two sizes,
// printing the time and the ratio between sizes next to the ratio of the sizes (linear growth
// keeps them equal), then every single-report shape at 10 MiB against the 5 s target.
// Prints figures; asserts nothing. Usage: npm run bench:hostile [-- --quick]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTriageJson } from '../src/cli/output/render-triage-json.js';
import { renderTriageText } from '../src/cli/output/render-triage-text.js';
import { loadSecurityProfile } from '../src/config/load-security-profile.js';
import { createServices } from '../src/create-services.js';
import { createDefaultConfig } from '../src/config/load-config.js';
import { buildEvidenceRepo } from '../test/fixtures/evidence/build-evidence-repo.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const root = resolve(import.meta.dirname, '..');
const profile = await loadSecurityProfile(join(root, 'examples/security-profile.yml'));
const services = createServices(createDefaultConfig({ PATH: process.env.PATH }));
const folder = mkdtempSync(join(tmpdir(), 'thresher-bench-hostile-'));
const mebibyte = 1024 * 1024;

const repeat = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length));
const prose =
  'The server reads the request line and the headers into a fixed buffer in src/http/parser.c; ' +
  'when a client sends a header longer than 8 KiB, parse_header() copies it without a length ' +
  'check and the heap is corrupted (CWE-787). Affected version: 2.4.1. ';

/** One report of about `size` characters per shape (the cases and their relatives). */
const shapes: Record<string, (size: number) => string> = {
  'dots then x': (size) => `${'.'.repeat(size)}x`,
  'a@ run': (size) => repeat('a@', size),
  'a- run': (size) => repeat('a-', size),
  '@ run': (size) => repeat('@', size),
  '- run': (size) => repeat('-', size),
  '~ run': (size) => repeat('~', size),
  '-. run': (size) => repeat('-.', size),
  'src/.... path': (size) => `src/${'.'.repeat(size)}`,
  'DEBUG_ run': (size) => repeat('DEBUG_', size),
  'BIT- run': (size) => repeat('BIT-', size),
  fences: (size) => repeat('```\n', size),
  headings: (size) => repeat('# Impact\n', size),
  'ordinary prose': (size) => repeat(prose, size),
};

/** Seconds to triage and render; checks that every report was triaged (none refused). */
async function timeTriage(paths: string[], expectedReports = 1): Promise<number> {
  const started = process.hrtime.bigint();
  const input = await services.intake.readFiles(paths);
  const triaged = await services.triage.triage({ profile, reports: input.reports });
  const outcome = { ...triaged, problems: [...input.problems, ...triaged.problems] };
  renderTriageJson(outcome);
  renderTriageText(outcome);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (outcome.queue.length !== expectedReports || outcome.problems.length > 0) {
    const problem = outcome.problems[0]?.message ?? 'none';
    throw new Error(
      `expected ${expectedReports} reports, triaged ${outcome.queue.length} (problem: ${problem})`,
    );
  }
  return seconds;
}

function writeReport(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

function printGrowth(
  label: string,
  small: number,
  large: number,
  sizes: [string, string],
  factor: number,
): void {
  const ratio = large / small;
  const verdict = ratio <= factor * 1.5 ? 'linear' : 'FASTER THAN LINEAR';
  console.log(
    `${label.padEnd(34)} ${sizes[0].padStart(8)} ${small.toFixed(2).padStart(7)} s  ${sizes[1].padStart(8)} ${large.toFixed(2).padStart(7)} s  ratio ${ratio.toFixed(2).padStart(5)} (sizes x${factor}) ${verdict}`,
  );
}

console.log(`node ${process.version}, one process; times include reading, triage and rendering\n`);
console.log('single reports, 1 MiB and 4 MiB:');
const single = values.quick ? [256 * 1024, mebibyte] : [mebibyte, 4 * mebibyte];
for (const [name, build] of Object.entries(shapes)) {
  const times: number[] = [];
  for (const size of single) times.push(await timeTriage([writeReport('shape.md', build(size))]));
  printGrowth(
    name,
    times[0]!,
    times[1]!,
    single.map((size) => `${size / 1024} KiB`) as [string, string],
    4,
  );
}

console.log('\nbatches:');
const batchSizes = values.quick ? [1_000, 2_000] : [5_000, 10_000];
const arrayTimes: number[] = [];
for (const count of batchSizes) {
  const reports = Array.from({ length: count }, (_, index) => ({
    'thresher-report': 1,
    title: `Crash ${index} in the request parser`,
    details: `${prose} Report number ${index}.`,
  }));
  arrayTimes.push(await timeTriage([writeReport('batch.json', JSON.stringify(reports))], count));
}
printGrowth(
  'reports in one JSON array',
  arrayTimes[0]!,
  arrayTimes[1]!,
  batchSizes.map(String) as [string, string],
  2,
);
const mailSizes = values.quick ? [2_000, 4_000] : [20_000, 40_000];
const mailTimes: number[] = [];
for (const count of mailSizes) {
  const messages = Array.from(
    { length: count },
    (_, index) =>
      `From reporter${index}@example.org Mon Jan  1 00:00:00 2024\nFrom: reporter${index}@example.org\nSubject: Crash ${index}\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nThe parser crashes on input ${index}.\n`,
  );
  mailTimes.push(await timeTriage([writeReport('inbox.mbox', messages.join('\n'))], count));
}
printGrowth(
  'small messages in one mbox',
  mailTimes[0]!,
  mailTimes[1]!,
  mailSizes.map(String) as [string, string],
  2,
);

console.log('\nevidence, many function names in one report:');
const repo = await buildEvidenceRepo();
const nameCounts = [200, 800];
const evidenceTimes: number[] = [];
for (const count of nameCounts) {
  const names = Array.from({ length: count }, (_, index) => `\`invented_function_${index}()\``);
  const path = writeReport('names.md', `# Many names\n\n${names.join(', ')}\n`);
  const started = process.hrtime.bigint();
  const opened = await services.openRepository(repo.fixture.dir);
  const input = await services.intake.readFiles([path]);
  await services.evidence.check({ repo: opened, reports: input.reports });
  opened.close();
  evidenceTimes.push(Number(process.hrtime.bigint() - started) / 1e9);
}
printGrowth(
  'function names (claims capped at 200)',
  evidenceTimes[0]!,
  evidenceTimes[1]!,
  nameCounts.map(String) as [string, string],
  4,
);
await repo.fixture.cleanup();

if (!values.quick) {
  console.log('\n10 MiB reports (target: under 5 s each):');
  for (const [name, build] of Object.entries(shapes)) {
    const seconds = await timeTriage([writeReport('huge.md', build(10 * mebibyte - 16))]);
    console.log(
      `${name.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s ${seconds < 5 ? 'ok' : 'OVER TARGET'}`,
    );
  }
}
rmSync(folder, { recursive: true, force: true });
