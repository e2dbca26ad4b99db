// Benchmark: start-up cost of the `thresher` binary against a bare `node -e 0`, paired in one run
// (each round runs the three commands in turn, rotating the order), medians over the rounds.
// Issue 11's targets: --help at most 2x, a one-report triage at most 3x. Prints figures; asserts
// nothing. Usage: npm run bench:startup [-- --rounds 30]  (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '30' } } });
const rounds = Number(values.rounds);
const root = resolve(import.meta.dirname, '..');
const binary = resolve(root, 'dist/cli/main.js');
if (!existsSync(binary)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');

const commands: Array<{ label: string; args: string[] }> = [
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

function timeOnce(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const times = commands.map((): number[] => []);
for (let round = 0; round < rounds + 3; round += 1) {
  for (let step = 0; step < commands.length; step += 1) {
    const index = (round + step) % commands.length;
    const elapsed = timeOnce(commands[index]!.args);
    if (round >= 3) times[index]!.push(elapsed); // three warm-up rounds
  }
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const baseline = median(times[0]!);
console.log(`start-up, median of ${rounds} paired rounds, node ${process.version}:`);
commands.forEach((command, index) => {
  const ms = median(times[index]!);
  const target = index === 1 ? ' (target <= 2x)' : index === 2 ? ' (target <= 3x)' : '';
  console.log(
    `  ${command.label.padEnd(30)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseline).toFixed(2)}x${target}`,
  );
});
