// End to end: `thresher triage --format jsonl` through the real binary: one JSON object per line as
// each report is triaged, the same fields as `--format json`, and a summary line with the ranking.
// Progress goes to stderr only when it is a terminal (checked in process, where it can be one).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { runThresher } from './run-thresher.js';

const profile = 'examples/security-profile.yml';
const reports = 'examples/reports';

interface Line {
  kind: 'report' | 'problem' | 'summary';
  [key: string]: unknown;
}

function parseLines(stdout: string): Line[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

describe('thresher triage --format jsonl', () => {
  it('prints each report on its own line, then the ranking the JSON queue has', () => {
    const jsonl = runThresher(['triage', '--profile', profile, '--format', 'jsonl', reports]);
    const json = runThresher(['triage', '--profile', profile, '--format', 'json', reports]);
    expect(jsonl.status).toBe(0);
    expect(jsonl.stderr).toBe('');
    const lines = parseLines(jsonl.stdout);
    const reportLines = lines.filter((line) => line.kind === 'report');
    const summary = lines.at(-1);
    const queue = (JSON.parse(json.stdout) as { reports: Array<Record<string, unknown>> }).reports;
    expect(reportLines).toHaveLength(queue.length);
    expect(reportLines.map((line) => line.arrival)).toEqual(
      reportLines.map((_, index) => index + 1),
    );
    expect(summary).toMatchObject({ kind: 'summary', reports: queue.length, problems: 0 });
    // The ranking lists arrival numbers in queue order: each line then equals its JSON entry.
    const ranking = summary?.ranking as number[];
    ranking.forEach((arrival, index) => {
      const fields: Record<string, unknown> = { ...reportLines[arrival - 1] };
      expect(fields.kind).toBe('report');
      delete fields.kind;
      delete fields.arrival;
      expect({ rank: index + 1, ...fields }).toEqual(queue[index]);
    });
  });

  it('streams problem lines for unreadable reports, exits 2, and prints no progress to a pipe', () => {
    const folder = mkdtempSync(join(tmpdir(), 'thresher-jsonl-'));
    const binary = join(folder, 'binary.md');
    writeFileSync(binary, Uint8Array.of(0x89, 0x50, 0, 0));
    const result = runThresher([
      'triage',
      '--profile',
      profile,
      '--format',
      'jsonl',
      binary,
      `${reports}/01-chunked-size-integer-overflow.md`,
    ]);
    expect(result.status).toBe(2);
    const lines = parseLines(result.stdout);
    expect(lines.map((line) => line.kind)).toEqual(['problem', 'report', 'summary']);
    expect(lines[0]).toMatchObject({
      source: binary,
      message: expect.stringMatching(/^binary file/) as string,
    });
    expect(result.stderr).toBe(
      `thresher: ${binary}: binary file, not a text report (NUL byte at offset 2)\n`,
    );
  });
});

describe('progress on stderr', () => {
  async function run(args: string[], isStderrTerminal: boolean) {
    let stdout = '';
    let stderr = '';
    const status = await runCli(
      ['triage', '--profile', profile, '--format', 'json', ...args, reports],
      {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        isStderrTerminal,
      },
    );
    return { status, stdout, stderr };
  }

  it('counts the batch when stderr is a terminal, and --quiet silences it', async () => {
    const shown = await run([], true);
    expect(shown.status).toBe(0);
    expect(shown.stderr).toMatch(/thresher: triaged \d+ of (\d+) reports\n$/);
    const quiet = await run(['--quiet'], true);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(shown.stdout);
    expect((await run([], false)).stderr).toBe('');
  });
});
