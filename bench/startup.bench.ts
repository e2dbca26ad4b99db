// Benchmark: start-up cost of the `thresher` binary against a bare `node -e 0`, paired in one run
// (each round runs the three commands in turn, rotating the order), medians over the rounds.
// Issue 11's targets: --help at most 2x, a one-report triage at most 3x. Prints figures; asserts
// nothing. Usage: npm run bench:startup [-- --rounds 30]  (run `npm run build` first)
// On Linux it also prints each command's mean CPU time (user + system, from /proc/self/stat's
// children counters), which a busy machine inflates far less than wall time.
// `--compare DIR` adds a fourth command, the same triage run by another build's binary
// (DIR/dist/cli/main.js, e.g. main's built in a scratch copy), for before/after in one run.
// The triage takes its profile from Thresher's profile cache (a folder of this run's own, filled
// in the warm-up rounds), as every run after the first with an unchanged profile does; the row
// "triage, profile not cached" runs it with an empty cache folder each round (a first run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '30' }, compare: { type: 'string' } },
});
const rounds = Number(values.rounds);
const root = resolve(import.meta.dirname, '..');
const binary = resolve(root, 'dist/cli/main.js');
if (!existsSync(binary)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');

const cacheFolder = mkdtempSync(join(tmpdir(), 'thresher-startup-cache-'));
process.on('exit', () => rmSync(cacheFolder, { recursive: true, force: true }));
let emptyCacheRuns = 0;
/** A cache folder that does not exist yet: the run parses the profile. */
const emptyCacheFolder = (): string => join(cacheFolder, `empty-${(emptyCacheRuns += 1)}`);

const commands: Array<{ label: string; args: string[]; cacheDir?: () => string }> = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'thresher --help', args: [binary, '--help'] },
  {
    label: 'thresher triage (one report)',
    args: [
      binary,
      'triage',
      '--profile',
      'examples/security-profile.yml',
      'examples/reports/01-chunked-size-integer-overflow.md',
    ],
  },
];
commands.push({
  label: 'triage, profile not cached',
  args: commands[2]!.args,
  cacheDir: emptyCacheFolder,
});
if (values.compare !== undefined) {
  const other = resolve(values.compare, 'dist/cli/main.js');
  if (!existsSync(other)) throw new Error(`${other} is missing: build that copy first`);
  commands.push({
    label: 'triage, --compare build',
    args: [other, ...commands[2]!.args.slice(1)],
  });
}

/** CPU milliseconds used by this process's finished children, or null off Linux. */
function readChildrenCpuMs(): number | null {
  if (process.platform !== 'linux') return null;
  // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
}

function timeOnce(args: string[], cacheDir: string): { wall: number; cpu: number | null } {
  const env = { ...process.env, THRESHER_CACHE_DIR: cacheDir };
  const cpuBefore = readChildrenCpuMs();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuAfter = readChildrenCpuMs();
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return {
    wall: elapsed,
    cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

/** The 1, 5 and 15 minute load averages, or null off Linux: the figures move with the load. */
function readLoadAverage(): string | null {
  if (process.platform !== 'linux') return null;
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

const loadAtStart = readLoadAverage();
const times = commands.map((): number[] => []);
const cpuTimes = commands.map((): number[] => []);
for (let round = 0; round < rounds + 3; round += 1) {
  for (let step = 0; step < commands.length; step += 1) {
    const index = (round + step) % commands.length;
    const command = commands[index]!;
    const { wall, cpu } = timeOnce(command.args, command.cacheDir?.() ?? cacheFolder);
    if (round < 3) continue; // three warm-up rounds
    times[index]!.push(wall);
    if (cpu !== null) cpuTimes[index]!.push(cpu);
  }
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const mean = (values: number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
const baseline = median(times[0]!);
const cpuBaseline = cpuTimes[0]!.length > 0 ? mean(cpuTimes[0]!) : null;
console.log(`start-up, median of ${rounds} paired rounds, node ${process.version}:`);
if (loadAtStart !== null)
  console.log(
    `  load average (1, 5, 15 min): ${loadAtStart} at the start, ${readLoadAverage()} at the end`,
  );
commands.forEach((command, index) => {
  const ms = median(times[index]!);
  const target = index === 1 ? ' (target <= 2x)' : index >= 2 ? ' (target <= 3x)' : '';
  const cpu =
    cpuBaseline === null
      ? ''
      : `  cpu ${mean(cpuTimes[index]!).toFixed(0).padStart(5)} ms ${(mean(cpuTimes[index]!) / cpuBaseline).toFixed(2)}x`;
  console.log(
    `  ${command.label.padEnd(30)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseline).toFixed(2)}x${cpu}${target}`,
  );
});
