import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAdvisories } from './import-advisories.js';

const root = resolve(import.meta.dirname, '../../..');
const now = '2026-12-01T00:00:00Z';

function read(path: string): string {
  return readFileSync(resolve(root, path), 'utf8');
}

function importOne(text: string) {
  const result = importAdvisories(text, now);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.advisories[0]!;
}

describe('importAdvisories', () => {
  it('reads an OSV file of github/advisory-database, with GitHub severity words and CWEs', () => {
    const { advisory } = importOne(read('test/fixtures/advisory-import/ghsa-osv-npm.json'));
    expect(advisory).toMatchObject({
      id: 'GHSA-c3m8-x2q4-9p7v',
      aliases: ['CVE-2026-22410'],
      summary: 'deep-assign-lite allows prototype pollution through __proto__ keys',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'deep-assign-lite', purl: null },
          ranges: [
            { type: 'ECOSYSTEM', repo: null, events: [{ introduced: '0' }, { fixed: '1.2.3' }] },
          ],
          fixedVersions: ['1.2.3'],
        },
      ],
      severity: {
        cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:L'],
        rating: 'high',
        text: null,
      },
      cwes: ['CWE-1321'],
      credits: [{ name: 'kwame-asante', type: 'FINDER', contact: [] }],
      timeline: {
        reported: null,
        acknowledged: null,
        fixed: null,
        published: '2026-02-09T21:05:13Z',
      },
      publisher: { name: 'deep-assign-lite', url: null },
    });
  });

  it('reads a GitHub REST global advisory: pip -> PyPI, GitHub ranges -> OSV events, credits with roles', () => {
    const { advisory } = importOne(
      read('test/fixtures/advisory-import/github-rest-global-pip.json'),
    );
    expect(advisory).toMatchObject({
      id: 'GHSA-8v4r-6w2j-qh5c',
      modified: '2026-03-05T10:00:00Z',
      aliases: ['CVE-2026-24019'],
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'yamlconf' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0' }, { fixed: '2.3.1' }] }],
          fixedVersions: ['2.3.1'],
          functions: ['yamlconf.safe_load_file'],
        },
      ],
      severity: { cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H'], rating: null },
      cwes: ['CWE-502'],
      credits: [
        { name: 'sara-lindgren', type: 'REPORTER', contact: ['https://github.com/sara-lindgren'] },
        { name: 'ops-bot', type: 'REMEDIATION_DEVELOPER', contact: ['https://github.com/ops-bot'] },
      ],
      publisher: { name: 'yamlconf', url: 'https://github.com/example/yamlconf' },
    });
    expect(advisory.references.map((reference) => reference.type)).toEqual([
      'ADVISORY',
      'WEB',
      'WEB',
    ]);
  });

  it('reads a repository advisory that came in as a private report: its creation is the report date', () => {
    const { advisory } = importOne(
      read('examples/reports/21-ghsa-chunked-body-heap-overflow.json'),
    );
    expect(advisory.timeline.reported).toBe('2026-11-09T07:15:48Z');
    expect(advisory.affected[0]).toMatchObject({
      package: { ecosystem: null, name: 'tinyhttpd' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '2.2.0' }, { lastAffected: '2.4.1' }] }],
    });
    expect(advisory.severity.cvss).toHaveLength(2);
  });

  it('reads a list, and names the entry of each problem', () => {
    const good = JSON.parse(read('test/fixtures/advisory-import/ghsa-osv-npm.json')) as Record<
      string,
      unknown
    >;
    const list = importAdvisories(JSON.stringify([good, good]), now);
    expect(list.ok && [list.value.isList, list.value.advisories.length]).toEqual([true, 2]);
    const bad = {
      ...good,
      affected: [
        {
          package: { ecosystem: 'npm', name: 'x' },
          ranges: [{ type: 'SEMVER', events: [{ fixed: '1.0.0' }] }],
        },
      ],
    };
    const result = importAdvisories(JSON.stringify([good, bad, 42]), now);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      '[1].affected[0].ranges[0].events',
      '[2]',
    ]);
  });

  it('takes the first paragraph of the details when an OSV record has no summary', () => {
    const { advisory, notes } = importOne(
      JSON.stringify({
        id: 'PYSEC-2026-7',
        modified: '2026-01-01T00:00:00Z',
        details: 'First  line\nsame paragraph.\n\nSecond.',
      }),
    );
    expect(advisory.summary).toBe('First line same paragraph.');
    expect(notes).toEqual(['no summary: took the first paragraph of the details']);
  });

  it('names a severity of an unexpected shape instead of throwing on it', () => {
    const { advisory, notes } = importOne(
      JSON.stringify({
        id: 'PYSEC-2026-8',
        modified: '2026-01-01T00:00:00Z',
        summary: 'Overflow',
        severity: [{ type: { toString: 0 }, score: 'x' }],
        database_specific: { severity: { toString: 0 } },
      }),
    );
    expect(advisory.severity.rating).toBeNull();
    expect(notes).toContain('severity of type {"toString":0} not kept (only CVSS v3 and v4 are)');
  });

  it('keeps HTML in an imported summary as text and refuses 1 MB of details', () => {
    const html = { id: 'x_html', modified: now, summary: '<img src=x onerror=alert(1)>' };
    expect(importOne(JSON.stringify(html)).advisory.summary).toBe('<img src=x onerror=alert(1)>');
    const huge = importAdvisories(JSON.stringify({ ...html, details: 'a'.repeat(1_048_576) }), now);
    expect(huge.ok ? [] : huge.issues.map((issue) => issue.path)).toEqual(['details']);
  });

  it('refuses what is neither OSV nor a GitHub advisory', () => {
    const result = importAdvisories('{"title": "a report"}', now);
    expect(result.ok ? [] : result.issues[0]!.message).toMatch(/neither an OSV record/);
  });
});
