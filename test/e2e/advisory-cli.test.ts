// End to end: `thresher advisory draft | export | import` through the real binary: drafts from
// duplicate reports, exports to stdout and --out, exit 2 naming the field, exit 3 under embargo,
// imports of OSV and GitHub advisories, and hostile text kept inert.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runThresher } from './run-thresher.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-advisory-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const fixtures = join(projectRoot, 'test/fixtures/advisories');
const profile = join(projectRoot, 'examples/security-profile.yml');
const report = (name: string): string => join(projectRoot, 'examples/reports', name);
const readFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown>;
const write = (name: string, value: unknown): string => {
  const path = join(folder, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
// CSAF exports load BSI's mandatory tests once per run: allow for a busy machine.
const slow = { timeoutMs: 170_000 };

describe('thresher advisory draft', () => {
  it('drafts one advisory from a report and its duplicate', () => {
    const result = runThresher([
      'advisory',
      'draft',
      '--profile',
      profile,
      '--cve',
      'CVE-2026-41001',
      report('01-chunked-size-integer-overflow.md'),
      report('21-ghsa-chunked-body-heap-overflow.json'),
    ]);
    expect(result.stderr).toContain('thresher: note: ');
    expect(result.status).toBe(0);
    const draft = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(draft).toMatchObject({
      thresherAdvisory: 1,
      id: 'GHSA-p6fv-hj83-2wcq',
      aliases: ['CVE-2026-41001'],
      credits: [{ name: 'fenna-oduya', type: 'FINDER' }],
      timeline: { reported: '2026-11-09T07:15:48Z' },
    });
  });

  it('refuses reports of different bugs with exit 2, naming the clusters', () => {
    const result = runThresher([
      'advisory',
      'draft',
      '--profile',
      profile,
      report('01-chunked-size-integer-overflow.md'),
      report('10-double-slash-auth-bypass.md'),
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /the reports are 2 different bugs by duplicate matching: .*add --merge/,
    );
  });

  it('refuses a malformed --cve', () => {
    const result = runThresher([
      'advisory',
      'draft',
      '--profile',
      profile,
      '--cve',
      '2026-1',
      report('01-chunked-size-integer-overflow.md'),
    ]);
    expect([result.status, result.stderr]).toEqual([
      2,
      'thresher: --cve "2026-1" is not a CVE id like CVE-2026-12345\n',
    ]);
  });
});

describe('thresher advisory export', { timeout: 180_000 }, () => {
  it('writes OSV to stdout and the same document to --out', () => {
    const path = join(fixtures, 'go-router-dos.json');
    const toStdout = runThresher(['advisory', 'export', '--format', 'osv', path]);
    expect([toStdout.status, toStdout.stderr]).toEqual([0, '']);
    expect(JSON.parse(toStdout.stdout)).toMatchObject({
      id: 'GO-2026-3391',
      aliases: ['CVE-2026-33104'],
    });
    const out = join(folder, 'go.osv.json');
    const toFile = runThresher(['advisory', 'export', '--format', 'osv', '--out', out, path]);
    expect([toFile.status, toFile.stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
  });

  it('writes CVE JSON 5 and CSAF 2.0 that passed their schemas', () => {
    const path = join(fixtures, 'npm-markdown-sanitizer.json');
    const cve = runThresher(['advisory', 'export', '-f', 'cve5', path]);
    expect(cve.status).toBe(0);
    expect(JSON.parse(cve.stdout)).toMatchObject({
      cveMetadata: { cveId: 'CVE-2026-21877', state: 'PUBLISHED' },
    });
    const csaf = runThresher(['advisory', 'export', '-f', 'csaf', path], slow);
    expect([csaf.status, csaf.stderr]).toEqual([0, '']);
    expect(JSON.parse(csaf.stdout)).toMatchObject({
      document: { tracking: { id: 'GHSA-7q2f-m4xw-9c3r', status: 'final' } },
    });
  });

  it('exits 2 naming the failing field, and writes nothing', () => {
    const advisory = readFixture('go-router-dos.json');
    (advisory.affected as Array<Record<string, unknown>>)[0]!.ranges = [
      { type: 'SEMVER', repo: null, events: [{ introduced: '2.0.0' }, { fixed: '1.0.0' }] },
    ];
    const out = join(folder, 'never.json');
    const result = runThresher([
      'advisory',
      'export',
      '--format',
      'osv',
      '--out',
      out,
      write('bad-range.json', advisory),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the advisory is invalid; nothing was written');
    expect(result.stderr).toContain(
      'thresher: affected[0].ranges[0].events: fixed 1.0.0 is not after any "introduced" version\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when the format needs a field the advisory lacks', () => {
    const advisory = { ...readFixture('go-router-dos.json'), id: 'SWIFTROUTE-7', cna: null };
    const osv = runThresher([
      'advisory',
      'export',
      '--format',
      'osv',
      write('own-id.json', advisory),
    ]);
    expect(osv.status).toBe(2);
    expect(osv.stderr).toMatch(/thresher: id: OSV ids start with a registered database prefix/);
    const cve = runThresher([
      'advisory',
      'export',
      '--format',
      'cve5',
      write('no-cna.json', advisory),
    ]);
    expect(cve.stderr).toMatch(/thresher: cna: a CVE record names the CNA/);
  });

  it('exits 3 under embargo, saying from when it may be exported; --force exports a TLP:AMBER copy', () => {
    const path = join(fixtures, 'c-library-git-ranges.json');
    const out = join(folder, 'embargoed.csaf.json');
    const refused = runThresher(['advisory', 'export', '--format', 'csaf', '--out', out, path]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain(
      'embargoed until 2099-01-31T00:00:00Z; it may be exported from then on',
    );
    expect(existsSync(out)).toBe(false);
    const forced = runThresher(
      ['advisory', 'export', '--format', 'csaf', '--force', '--out', out, path],
      slow,
    );
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('exported during the embargo');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      document: { distribution: { tlp: { label: 'AMBER' } } },
    });
  });

  it('keeps hostile text inert: HTML stays text, terminal controls are refused or escaped', () => {
    const advisory = {
      ...readFixture('go-router-dos.json'),
      summary: '<script>alert(1)</script> \u202egnp.exe',
    };
    const result = runThresher([
      'advisory',
      'export',
      '--format',
      'osv',
      write('hostile.json', advisory),
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('"summary": "<script>alert(1)</script> \\u202egnp.exe"');
    expect(result.stdout).not.toContain('\u202e');
    expect((JSON.parse(result.stdout) as { summary: string }).summary).toBe(advisory.summary);
    const escape = runThresher([
      'advisory',
      'export',
      '--format',
      'osv',
      write('escape.json', { ...advisory, summary: 'red \u001b[31m' }),
    ]);
    expect(escape.status).toBe(2);
    expect(escape.stderr).toContain('thresher: summary: control character U+001B at offset 4\n');
  });

  it('refuses 1 MB of details with a clear message', () => {
    const advisory = { ...readFixture('go-router-dos.json'), details: 'A'.repeat(1_048_576) };
    const result = runThresher([
      'advisory',
      'export',
      '--format',
      'osv',
      write('huge.json', advisory),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('details: 1048576 characters is over the limit of 65536');
  });
});

describe('thresher advisory import', () => {
  it('imports a GitHub OSV file and exports it back to the same OSV record', () => {
    const source = join(projectRoot, 'test/fixtures/advisory-import/ghsa-osv-npm.json');
    const out = join(folder, 'imported.json');
    const imported = runThresher(['advisory', 'import', '--out', out, source]);
    expect(imported.status).toBe(0);
    const exported = runThresher(['advisory', 'export', '--format', 'osv', out]);
    expect(exported.status).toBe(0);
    const original = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
    expect(JSON.parse(exported.stdout)).toMatchObject({
      id: original.id,
      aliases: original.aliases,
      summary: original.summary,
      details: original.details,
      severity: original.severity,
      credits: original.credits,
      database_specific: { cwe_ids: ['CWE-1321'], severity: 'HIGH' },
    });
  });

  it('imports a GitHub REST advisory and a list, and names what it cannot read', () => {
    const rest = runThresher([
      'advisory',
      'import',
      join(projectRoot, 'test/fixtures/advisory-import/github-rest-global-pip.json'),
    ]);
    expect(rest.status).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({
      id: 'GHSA-8v4r-6w2j-qh5c',
      affected: [{ package: { ecosystem: 'PyPI' } }],
    });
    const osv = readFixture('../advisory-import/ghsa-osv-npm.json');
    const list = runThresher([
      'advisory',
      'import',
      write('list.json', [osv, { ...osv, id: 'GHSA-aaaa-bbbb-cccc' }]),
    ]);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(2);
    const bad = runThresher([
      'advisory',
      'import',
      write('bad.json', [osv, { id: 'x_1', modified: 'soon' }]),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('thresher: [1].modified: "soon" is not a date');
    const folderInput = runThresher(['advisory', 'import', folder]);
    expect([folderInput.status, folderInput.stderr]).toEqual([
      2,
      `thresher: ${folder}: not a regular file\n`,
    ]);
  });
});
