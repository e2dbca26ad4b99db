// End to end: `thresher duplicates` and `thresher triage --against` with OSV advisories (files and
// a zip), earlier reports, a persistent store, and hostile input.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../support/write-zip.js';
import { runThresher } from './run-thresher.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-duplicates-'));
const write = (name: string, content: string | Uint8Array): string => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

const osvAdvisory = {
  schema_version: '1.6.0',
  id: 'GHSA-4f3x-9q2c-7m5p',
  modified: '2026-10-02T00:00:00Z',
  published: '2026-10-01T00:00:00Z',
  aliases: ['CVE-2026-41234'],
  summary: 'tinyhttpd: heap overflow in http_read_chunked on oversized chunk sizes',
  details:
    'An integer overflow in the chunk-size parser of tinyhttpd lets a remote client overflow a heap buffer.',
  affected: [
    {
      package: { ecosystem: 'GIT', name: 'tinyhttpd' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.4.2' }] }],
    },
  ],
  database_specific: { cwe_ids: ['CWE-190'] },
};

mkdirSync(join(folder, 'published'));
writeFileSync(join(folder, 'published', 'GHSA-4f3x-9q2c-7m5p.json'), JSON.stringify(osvAdvisory));
const zip = write(
  'GIT.zip',
  writeZip({
    'GHSA-4f3x-9q2c-7m5p.json': JSON.stringify(osvAdvisory),
    'GHSA-8a8a-8a8a-8a8a.json': JSON.stringify({
      ...osvAdvisory,
      id: 'GHSA-8a8a-8a8a-8a8a',
      aliases: ['CVE-2026-49999'],
      summary: 'tinyhttpd: log injection in log_request',
    }),
  }),
);

const citesCve = write(
  'cites-cve.md',
  '# Chunked overflow\n\nThis looks like CVE-2026-41234 again: `http_read_chunked()` in 2.4.1 overflows the heap.\n',
);
const namesCve = write(
  'names-cve.md',
  '# Crash in the request reader\n\nCVE: CVE-2026-41234\n\nThe server crashes on some uploads.\n',
);
const original = write(
  'original.md',
  [
    '# Heap overflow in http_read_chunked() via chunk size',
    '',
    'Received: 2026-11-02',
    '',
    'The chunk size parsed in `http_read_chunked()` (`src/http/chunked.c:88`) is added to the buffer',
    'length without an overflow check, so a chunk size of ffffffffffffffff wraps the allocation size',
    'and the following memcpy writes past the end of a small heap buffer. An unauthenticated remote',
    'client triggers it with a single request. Tested on tinyhttpd 2.4.1 with AddressSanitizer.',
  ].join('\n'),
);
const pasted = write(
  'pasted.md',
  [
    '# [Security] heap overflow',
    '',
    'The chunk size parsed in `http_read_chunked()` (`src/http/chunked.c:88`) is added to the buffer',
    'length without an overflow check, so a chunk size of ffffffffffffffff wraps the allocation size',
    'and the following memcpy writes past the end of a small heap buffer. An unauthenticated remote',
    'client triggers it with a single request. Tested on tinyhttpd 2.4.1 with AddressSanitizer.',
  ].join('\n'),
);
const unrelated = write(
  'unrelated.md',
  '# Log injection\n\n`log_request()` in `src/log/log.c` writes CR LF from the path into the access log.\n',
);

interface DuplicatesJson {
  reports: {
    source: string;
    duplicateOf: string | null;
    candidates: {
      id: string;
      kind: string;
      score: number;
      isStrong: boolean;
      evidence: string[];
    }[];
  }[];
  indexSize: number;
  problems: { source: string; message: string }[];
}

function findDuplicates(args: string[]): {
  status: number | null;
  json: DuplicatesJson;
  stderr: string;
} {
  const result = runThresher(['duplicates', '--format', 'json', ...args]);
  return {
    status: result.status,
    json: JSON.parse(result.stdout) as DuplicatesJson,
    stderr: result.stderr,
  };
}

describe('thresher duplicates', () => {
  it('matches a report to the published advisory it repeats, and a pasted copy to its original', () => {
    const { status, json, stderr } = findDuplicates([
      '--against',
      join(folder, 'published'),
      citesCve,
      namesCve,
      original,
      pasted,
      unrelated,
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const bySource = (path: string) => json.reports.find((report) => report.source === path)!;
    expect(bySource(citesCve).duplicateOf).toBe('GHSA-4f3x-9q2c-7m5p');
    // The id in its prose is related, not its own: the shared function and words make it the bug.
    expect(bySource(citesCve).candidates[0]?.evidence).toEqual(
      expect.arrayContaining([
        'both cite CVE-2026-41234 (a related id, not an alias)',
        'same function `http_read_chunked`',
      ]),
    );
    expect(bySource(namesCve).duplicateOf).toBe('GHSA-4f3x-9q2c-7m5p');
    expect(bySource(namesCve).candidates[0]?.evidence).toContain('same alias CVE-2026-41234');
    expect(bySource(pasted).duplicateOf).toBe(original);
    expect(
      bySource(pasted).candidates[0]?.evidence.some((reason) => reason.startsWith('near-copy')),
    ).toBe(true);
    expect(bySource(unrelated).duplicateOf).toBeNull();
    for (const report of json.reports) {
      const scores = report.candidates.map((candidate) => candidate.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('reads OSV advisories from a zip as the OSV project ships them', () => {
    const { json } = findDuplicates(['--against', zip, citesCve]);
    expect(json.reports[0]?.duplicateOf).toBe('GHSA-4f3x-9q2c-7m5p');
    expect(json.indexSize).toBe(3);
  });

  it('remembers checked reports in a store for later runs', () => {
    const store = join(folder, 'store.jsonl');
    findDuplicates(['--store', store, original]);
    const { json } = findDuplicates(['--store', store, pasted]);
    expect(json.reports[0]?.duplicateOf).toBe(original);
  });

  it('keys stored reports by content: a re-run neither adds them again nor matches them to themselves', () => {
    const store = join(folder, 'rerun-store.jsonl');
    const first = findDuplicates(['--store', store, original, unrelated]);
    expect(first.json.reports.map((report) => report.duplicateOf)).toEqual([null, null]);
    const again = findDuplicates(['--store', store, original, unrelated]);
    expect(again.json.reports.map((report) => report.duplicateOf)).toEqual([null, null]);
    expect(again.json.indexSize).toBe(2);
    const moved = write('original-moved.md', readFileSync(original, 'utf8'));
    const third = findDuplicates(['--store', store, moved]);
    expect(third.json.reports[0]?.duplicateOf).toBeNull();
    expect(third.json.indexSize).toBe(2);
  });

  it('prints candidates with their evidence as text', () => {
    const result = runThresher(['duplicates', '--against', join(folder, 'published'), citesCve]);
    expect(result.stdout).toContain('DUPLICATE of GHSA-4f3x-9q2c-7m5p');
    expect(result.stdout).toContain('both cite CVE-2026-41234');
  });

  it('names unreadable inputs, keeps going, and exits 2', () => {
    const garbage = write('garbage.zip', 'not a zip at all');
    const empty = write('empty.md', '');
    const huge = write('huge.md', `# Huge\n\n${'parse_header overflow '.repeat(60_000)}`);
    const result = runThresher([
      'duplicates',
      '--format',
      'json',
      '--against',
      garbage,
      '--against',
      join(folder, 'published'),
      empty,
      huge,
      citesCve,
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: .*garbage\.zip: not a readable zip/m);
    expect(result.stderr).toMatch(/^thresher: .*empty\.md: /m);
    const json = JSON.parse(result.stdout) as DuplicatesJson;
    expect(json.reports.map((report) => report.source)).toEqual([huge, citesCve]);
  });

  it('exits 2 on usage errors', () => {
    expect(runThresher(['duplicates', citesCve]).status).toBe(2);
    expect(runThresher(['duplicates', '--against', folder, '--limit', '0', citesCve]).status).toBe(
      2,
    );
  });
});

describe('thresher triage --against', () => {
  it('gives the verdict duplicate with the advisory it repeats, and a reply that points there', () => {
    const result = runThresher([
      'triage',
      '--profile',
      'examples/security-profile.yml',
      '--against',
      zip,
      '--format',
      'json',
      citesCve,
    ]);
    const [report] = (
      JSON.parse(result.stdout) as {
        reports: { disposition: string; duplicateOf: string; reply: string }[];
      }
    ).reports;
    expect(report?.disposition).toBe('duplicate');
    expect(report?.duplicateOf).toBe('GHSA-4f3x-9q2c-7m5p');
    expect(report?.reply).toContain('already published as GHSA-4f3x-9q2c-7m5p');
    expect(report?.reply).toContain('fixed in 2.4.2');
  });
});

describe('thresher triage: a question about a published bug against an earlier report', () => {
  const smuggling = [
    '# Request smuggling through chunked trailer lines in the parser',
    '',
    'tinyhttpd 2.6.1 ends the trailer section of a chunked body at a bare LF in',
    '`src/http/chunked.c`, so the bytes after it are read as a second request while the front',
    'proxy sees one. Send `0\\r\\nX: y\\nGET /admin HTTP/1.1` after a chunked POST and the log shows',
    'a second request to /admin. A client smuggles requests past the proxy.',
  ].join('\n');
  // The scanner's table names the published bug's fix in its FIXED-IN column.
  const question = (fixedIn: string): string =>
    [
      'Subject: scanner flags tinyhttpd 2.6.1 for request smuggling',
      '',
      'Our image scan prints:',
      '',
      'NAME       INSTALLED  FIXED-IN  TYPE    VULNERABILITY',
      `tinyhttpd  2.6.1      ${fixedIn}     binary  CVE-2026-40001`,
      '',
      'CVE-2026-40001 is request smuggling in the parser through chunked trailer lines.',
      'Is 2.6.1 still affected?',
    ].join('\n');
  const triageBatch = (name: string, fixedIn: string) => {
    const batch = join(folder, name);
    mkdirSync(batch);
    writeFileSync(join(batch, '01-smuggling.md'), smuggling);
    writeFileSync(join(batch, '02-scanner-question.txt'), question(fixedIn));
    const result = runThresher([
      'triage',
      '--profile',
      'examples/security-profile.yml',
      '--format',
      'json',
      batch,
    ]);
    expect(result.status).toBe(0);
    const reports = (
      JSON.parse(result.stdout) as {
        reports: {
          source: string;
          disposition: string;
          duplicates: { isStrong: boolean; isDistinctBug?: boolean; evidence: string[] }[];
        }[];
      }
    ).reports;
    return reports.find((report) => report.source.endsWith('02-scanner-question.txt'))!;
  };

  it('does not call it a duplicate when the earlier report is found on a version with the fix', () => {
    const asked = triageBatch('fixed-before', '2.4.2');
    expect(asked.disposition).not.toBe('duplicate');
    expect(asked.duplicates[0]?.isStrong).toBe(false);
    expect(asked.duplicates[0]?.isDistinctBug).toBe(true);
    expect(asked.duplicates[0]?.evidence).toContain(
      'one asks about a published bug fixed in 2.4.2; the other is found on 2.6.1, which has that fix (two bugs)',
    );
  });

  it('still calls it a duplicate when the fix came after the version the report is found on', () => {
    const asked = triageBatch('fixed-after', '2.6.2');
    expect(asked.disposition).toBe('duplicate');
    expect(asked.duplicates[0]?.isStrong).toBe(true);
  });
});
