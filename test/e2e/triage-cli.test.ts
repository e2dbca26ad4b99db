// End to end: the real `thresher` binary triaging the example reports and refusing bad input.
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runThresher } from './run-thresher.js';

const profile = 'examples/security-profile.yml';

interface JsonReport {
  rank: number;
  source: string;
  title: string;
  disposition: string;
  rules: string[];
  missing: string[];
  severity: {
    claimed: { rating: string } | null;
    assessed: { rating: string; score?: number; reasons: string[] };
    comparison: string;
  };
  priority: number;
  reply: string;
  facts: { kind: string; value: string; line: number; quote: string }[];
}

let reports: JsonReport[] = [];
const bySource = (fragment: string): JsonReport => {
  const found = reports.find((report) => report.source.includes(fragment));
  if (!found) throw new Error(`no report from ${fragment}`);
  return found;
};

beforeAll(() => {
  const result = runThresher([
    'triage',
    '--profile',
    profile,
    '--format',
    'json',
    'examples/reports',
  ]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  reports = (JSON.parse(result.stdout) as { reports: JsonReport[] }).reports;
});

describe('thresher triage on the examples', () => {
  it('triages every example report, mbox messages included, into a ranked queue', () => {
    expect(reports).toHaveLength(26);
    const priorities = reports.map((report) => report.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(reports.map((report) => report.rank)).toEqual(reports.map((_, index) => index + 1));
    for (const report of reports) {
      expect(report.reply.length).toBeGreaterThan(100);
      expect(['in-scope', 'out-of-scope', 'needs-info', 'undetermined', 'duplicate']).toContain(
        report.disposition,
      );
    }
  });

  it('cites the out-of-scope rule a report falls under', () => {
    expect(bySource('04-').rules).toContain('OOS-DEBUG');
    expect(bySource('05-').rules).toContain('OOS-PRIV');
    expect(bySource('06-').rules).toContain('OOS-ENV');
    expect(bySource('07-').rules).toEqual(['OOS-TEST']);
    expect(bySource('08-').rules).toContain('OOS-UNSUPPORTED');
    expect(bySource('09-').rules).toContain('OOS-DOS-SMALL');
    for (const fragment of ['04-', '05-', '06-', '07-', '08-', '09-']) {
      const report = bySource(fragment);
      expect(report.disposition).toBe('out-of-scope');
      expect(report.reply).toContain(report.rules[0]);
    }
  });

  it('answers the same bug once: a later advisory export duplicates the first report', () => {
    const advisory = bySource('21-') as JsonReport & {
      duplicateOf: string | null;
      duplicates: { id: string; evidence: string[] }[];
    };
    expect(advisory.disposition).toBe('duplicate');
    expect(advisory.duplicateOf).toBe('examples/reports/01-chunked-size-integer-overflow.md');
    expect(advisory.duplicates[0]?.evidence).toContain('same function `http_read_chunked`');
    expect(advisory.reply).toContain('same issue a little earlier');
    const inbox = bySource('mbox#1') as JsonReport & { duplicates: { id: string }[] };
    expect(inbox.duplicates[0]?.id).toBe('examples/reports/01-chunked-size-integer-overflow.md');
  });

  it('asks for what a slop one-liner lacks', () => {
    const xss = bySource('12-');
    expect(xss.disposition).toBe('needs-info');
    expect(xss.missing).toEqual(
      expect.arrayContaining(['affected-version', 'affected-component', 'reproduction']),
    );
    expect(xss.reply).toContain('step-by-step');
  });

  it('puts a complete, in-scope remote heap overflow at the top', () => {
    const model = bySource('01-');
    expect(model.disposition).toBe('in-scope');
    expect(model.rules).toContain('IN-NET');
    expect(model.rank).toBeLessThanOrEqual(3);
    expect(
      model.facts.some((fact) => fact.kind === 'function' && fact.value === 'http_read_chunked'),
    ).toBe(true);
  });

  it('lowers an inflated claim and says why', () => {
    const root = bySource('05-');
    expect(root.severity.comparison).toBe('overstated');
    expect(root.severity.assessed.reasons.join('\n')).toMatch(/OOS-PRIV|PR:N -> PR:H/);
  });

  it('keeps the text table readable and ranked', () => {
    const result = runThresher(['triage', '--profile', profile, 'examples/reports']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+PRIO\s+VERDICT/);
    expect(lines.filter((line) => /^\d+\s+\d+\s+/.test(line))).toHaveLength(26);
    expect(result.stdout).toMatch(/26 reports: /);
  });

  it('writes Markdown with the draft replies', () => {
    const result = runThresher([
      'triage',
      '--profile',
      profile,
      '--format',
      'markdown',
      'examples/reports/01-chunked-size-integer-overflow.md',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('# Thresher triage queue');
    expect(result.stdout).toContain('### Draft reply');
  });
});

describe('thresher on bad input', () => {
  const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-'));
  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  it('prints help and the version', () => {
    expect(runThresher(['--help']).stdout).toContain('Usage: thresher');
    expect(runThresher(['triage', '--help']).stdout).toContain('--profile FILE');
    expect(runThresher(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is reachable as `npx thresher`', () => {
    const output = execFileSync('npx', ['--no-install', 'thresher', '--help'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(output).toContain('Usage: thresher');
  });

  it('exits 2 with one clear line for a bad profile', () => {
    const bad = write(
      'bad-profile.yml',
      'version: 1\nproject: { name: x }\nthreat-model:\n  out-of-scop: []\n',
    );
    const result = runThresher(['triage', '--profile', bad, 'examples/reports/12-xss-bounty.md']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^thresher: .*bad-profile\.yml:\d+:\d+: /);
  });

  it('refuses a YAML bomb profile quickly', () => {
    const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level += 1)
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    const result = runThresher(
      ['triage', '--profile', write('bomb.yml', bomb.join('\n')), 'examples/reports'],
      { timeoutMs: 20_000 },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: /);
  });

  it('names each unreadable report, still triages the rest, and exits 2', () => {
    const binary = write('binary.md', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    const invalid = write('latin1.md', new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x0a]));
    const nested = write('nested.json', '['.repeat(200_000));
    const truncated = write('truncated.json', '{"thresher-report": 1, "title": "x", ');
    const empty = write('empty.md', '');
    const huge = join(folder, 'huge.md');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024);
    const paths = [
      binary,
      invalid,
      nested,
      truncated,
      empty,
      huge,
      join(folder, 'missing.md'),
      'examples/reports/12-xss-bounty.md',
    ];
    const result = runThresher(['triage', '--profile', profile, '--format', 'json', ...paths], {
      timeoutMs: 120_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line).toMatch(/^thresher: /);
    const parsed = JSON.parse(result.stdout) as { reports: JsonReport[]; problems: unknown[] };
    expect(parsed.reports).toHaveLength(1);
    expect(parsed.problems).toHaveLength(7);
  });

  it('exits 2 on usage errors', () => {
    expect(runThresher(['triage', 'examples/reports']).status).toBe(2);
    expect(
      runThresher(['triage', '--profile', profile, '--format', 'xml', 'examples/reports']).status,
    ).toBe(2);
    expect(
      runThresher(['triage', '--profile', profile, '--bogus', 'examples/reports']).status,
    ).toBe(2);
    expect(runThresher(['frobnicate']).status).toBe(2);
  });
});

describe('the profile cache', () => {
  const args = [
    'triage',
    '--profile',
    profile,
    '--format',
    'json',
    'examples/reports/01-chunked-size-integer-overflow.md',
  ];

  it('gives the same output from a parsed and from a cached profile, and shrugs off a damaged entry', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'thresher-profile-cache-'));
    const env = { THRESHER_CACHE_DIR: cacheDir };
    const parsed = runThresher(args, { env });
    expect(parsed.status, parsed.stderr).toBe(0);
    const entries = readdirSync(join(cacheDir, 'profiles'));
    expect(entries).toHaveLength(1);
    const cached = runThresher(args, { env });
    expect(cached.stdout).toBe(parsed.stdout);
    const entry = join(cacheDir, 'profiles', entries[0]!);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('"name"', '"nome"'));
    const damaged = runThresher(args, { env });
    expect(damaged.status, damaged.stderr).toBe(0);
    expect(damaged.stdout).toBe(parsed.stdout);
  });

  it('still rejects an invalid profile after a valid one was cached', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'thresher-profile-cache-'));
    const dir = mkdtempSync(join(tmpdir(), 'thresher-profile-'));
    const path = join(dir, 'security-profile.yml');
    const valid = readFileSync(join(projectRoot, profile), 'utf8');
    writeFileSync(path, valid);
    const env = { THRESHER_CACHE_DIR: cacheDir };
    const report = join(projectRoot, 'examples/reports/01-chunked-size-integer-overflow.md');
    expect(runThresher(['triage', '--profile', path, report], { env }).status).toBe(0);
    writeFileSync(path, valid.replace(/^version: 1$/m, 'version: 99'));
    const edited = runThresher(['triage', '--profile', path, report], { env });
    expect(edited.status).toBe(2);
    expect(edited.stderr).toMatch(/security-profile\.yml:\d+:\d+: version/);
  });
});
