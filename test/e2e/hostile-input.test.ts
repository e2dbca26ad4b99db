// End to end: what an attacker or a careless user hands the real `thresher` binary never stalls,
// blinds or corrupts it (issue 7). Each case is one defect that was found, met the way a user
// would meet it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceRepo, type EvidenceRepo } from '../fixtures/evidence/build-evidence-repo.js';
import { writeZip } from '../support/write-zip.js';
import { runThresher } from './run-thresher.js';

const profile = 'examples/security-profile.yml';
const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-hostile-'));
const ordinary = 'examples/reports/01-chunked-size-integer-overflow.md';
let repo: EvidenceRepo;

beforeAll(async () => {
  repo = await buildEvidenceRepo();
});
afterAll(async () => {
  await repo.fixture.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const escape = '\u001b';

describe('reports built to stall the scanners', () => {
  it('triages a megabyte of dots, of "a@" and of path-like text, and says what it did not read', () => {
    const dots = write('dots.md', `${'.'.repeat(1_000_000)}x`);
    const at = write('at.md', 'a@'.repeat(500_000));
    const paths = write('paths.md', `src/${'.'.repeat(1_000_000)}`);
    const result = runThresher([
      'triage',
      '--profile',
      profile,
      '--format',
      'json',
      dots,
      at,
      paths,
    ]);
    expect(result.status).toBe(0);
    const { reports } = JSON.parse(result.stdout) as {
      reports: { source: string; limits: { scope: string; message: string }[] }[];
    };
    expect(reports).toHaveLength(3);
    for (const report of reports) {
      expect(report.limits.map((limit) => limit.scope)).toEqual(['structure', 'matching']);
    }
  });
});

describe('one report never aborts the batch', () => {
  it('checks a report naming more than 64 functions, and the others beside it', () => {
    const names = Array.from({ length: 120 }, (_, index) => `\`invented_function_${index}()\``);
    const many = write('many-functions.md', `# Many functions\n\n${names.join(', ')}\n`);
    const result = runThresher([
      'evidence',
      '--repo',
      repo.fixture.dir,
      '--format',
      'json',
      many,
      ordinary,
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { reports } = JSON.parse(result.stdout) as {
      reports: { source: string; claims: { kind: string; status: string }[] }[];
    };
    expect(reports).toHaveLength(2);
    const symbols = reports[0]!.claims.filter((claim) => claim.kind === 'symbol');
    expect(symbols.length).toBeGreaterThan(64);
    const triage = runThresher(['triage', '--profile', profile, '--repo', repo.fixture.dir, many]);
    expect(triage.status).toBe(0);
  });
});

describe('--store never destroys what it did not write', () => {
  it('refuses a text file, leaves it as it was, and exits 2', () => {
    const text = Array.from({ length: 150 }, (_, index) => `notes line ${index}`).join('\n');
    const notes = write('notes.txt', text);
    for (const command of [
      ['triage', '--profile', profile, '--store', notes, ordinary],
      ['duplicates', '--store', notes, ordinary],
    ]) {
      const result = runThresher(command);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/is not a Thresher duplicate store/);
      expect(result.stdout).toBe('');
      expect(readFileSync(notes, 'utf8')).toBe(text);
    }
  });

  it('names the corrupt line of a store, and refuses a store in a missing folder before any work', () => {
    const store = join(folder, 'store.jsonl');
    expect(runThresher(['duplicates', '--store', store, ordinary]).status).toBe(0);
    const lines = readFileSync(store, 'utf8').split('\n');
    writeFileSync(store, [lines[0], '{"put": 7}', ...lines.slice(1)].join('\n'));
    const corrupt = runThresher(['duplicates', '--store', store, ordinary]);
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr).toMatch(/store\.jsonl:2: corrupt duplicate store line/);
    const missing = runThresher([
      'triage',
      '--profile',
      profile,
      '--store',
      join(folder, 'no-such-folder', 'store.jsonl'),
      ordinary,
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/folder .*no-such-folder does not exist/);
  });

  it('keeps one copy of a report however often a batch is triaged again', () => {
    const store = join(folder, 'again.jsonl');
    for (let run = 0; run < 3; run += 1) {
      expect(runThresher(['triage', '--profile', profile, '--store', store, ordinary]).status).toBe(
        0,
      );
    }
    expect(readFileSync(store, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('nothing from a report reaches the terminal raw', () => {
  const hostileTitle = `# Fine${escape}[1A${escape}[2K1  100  in-scope  critical${escape}]0;owned\u0007 \u202eevil\n\nReporter: Mallory${escape}[31m <m@example.org>\n\nText.\n`;

  it('shows escape sequences and bidi overrides visibly in text and Markdown output', () => {
    const report = write(`title${escape}[2J.md`, hostileTitle);
    for (const format of ['text', 'markdown']) {
      const result = runThresher(['triage', '--profile', profile, '--format', format, report]);
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain(escape);
      expect(result.stdout).not.toContain('\u0007');
      expect(result.stdout).not.toContain('\u202e');
      expect(result.stdout).toContain('\\x1b[1A');
    }
    const duplicates = runThresher(['duplicates', report]);
    expect(duplicates.stdout).not.toContain(escape);
  });

  it('escapes file names in error lines and zip entry names in duplicate output', () => {
    const missing = runThresher([
      'triage',
      '--profile',
      profile,
      join(folder, `gone${escape}[2J.md`),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toContain(escape);
    expect(missing.stderr).toContain('\\x1b[2J');
    const advisory = {
      id: 'GHSA-xxxx-yyyy-zzzz',
      summary: 'Heap overflow in chunked size parsing',
      details: 'parse_chunk_size overflows on a huge chunk size',
      affected: [{ package: { ecosystem: 'npm', name: 'tinyhttpd' } }],
    };
    const zip = join(folder, 'osv.zip');
    writeFileSync(
      zip,
      writeZip({
        [`evil${escape}[2J.json`]: JSON.stringify({ ...advisory, id: 'GHSA-aaaa-bbbb-cccc' }),
        '../../escape.json': JSON.stringify(advisory),
      }),
    );
    const result = runThresher(['duplicates', '--against', zip, '--format', 'json', ordinary]);
    expect(result.stderr).toBe('');
    const { reports } = JSON.parse(result.stdout) as {
      reports: { candidates: { id: string }[] }[];
    };
    // The entry named `../../escape.json` is read like any other, not the end of the zip.
    expect(reports[0]!.candidates.map((candidate) => candidate.id).sort()).toEqual([
      'GHSA-aaaa-bbbb-cccc',
      'GHSA-xxxx-yyyy-zzzz',
    ]);
  });
});

describe('devices and FIFOs are refused, never read', () => {
  it('names a FIFO and a symlink to /dev/zero in --against, and finishes', () => {
    const corpus = join(folder, 'corpus');
    mkdirSync(corpus);
    execFileSync('mkfifo', [join(corpus, 'pipe.json')]);
    symlinkSync('/dev/zero', join(corpus, 'zero.json'));
    symlinkSync('/dev/zero', join(corpus, 'zero.md'));
    const result = runThresher(['duplicates', '--against', corpus, ordinary]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/pipe\.json: not a regular file/);
    expect(result.stderr).toMatch(/zero\.json: not a regular file/);
    expect(result.stderr).toMatch(/zero\.md: not a regular file/);
  });
});

describe('exit codes and statements', () => {
  it('exits 2 with one line for a missing profile', () => {
    const result = runThresher(['triage', '--profile', join(folder, 'nope.yml'), ordinary]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: .*nope\.yml: no such file\n$/);
  });

  it('says the history is shallow instead of "never existed" in a shallow clone', async () => {
    const shallow = join(folder, 'shallow');
    await repo.fixture.git(['clone', '-q', '--depth', '1', `file://${repo.fixture.dir}`, shallow]);
    const report = write(
      'deleted-file.md',
      '# Overflow\n\nAffected version: HEAD. The bug is in `src/http/never_here_before.c`.\n',
    );
    const result = runThresher(['evidence', '--repo', shallow, '--format', 'json', report]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('shallow clone');
    expect(result.stdout).not.toContain('never existed');
  });

  it('refuses duplicate JSON keys and names a non-finite version', () => {
    const twice = write(
      'twice.json',
      '{"thresher-report": 1, "title": "A", "title": "B", "body": "x"}',
    );
    const huge = write('huge.json', '{"thresher-report": 1e400, "title": "A", "body": "text"}');
    const result = runThresher(['triage', '--profile', profile, twice, huge]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/twice\.json.*duplicate key "title"/);
    expect(result.stderr).toMatch(/huge\.json.*unsupported version Infinity/);
  });

  it('points at a tab in a profile indentation first', () => {
    const tabbed = write(
      'tabbed.yml',
      'version: 1\nproject:\n\tname: x\npolicy:\n  contact: [{ type: github-pvr }]\n',
    );
    const result = runThresher(['triage', '--profile', tabbed, ordinary]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/tabbed\.yml:3:1: a tab is used for indentation/);
  });
});
