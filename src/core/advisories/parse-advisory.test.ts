import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAdvisory, parseAdvisoryJson } from './parse-advisory.js';

const fixtureFolder = resolve(import.meta.dirname, '../../../test/fixtures/advisories');

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(fixtureFolder, name), 'utf8')) as Record<string, unknown>;
}

function issuesOf(value: unknown): string[] {
  const result = parseAdvisory(value);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('parseAdvisory', () => {
  it.each(readdirSync(fixtureFolder))('reads the realistic advisory %s', (name) => {
    const result = parseAdvisory(readFixture(name));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('keeps HTML in the summary and details as text, unchanged', () => {
    const advisory = readFixture('c-library-git-ranges.json');
    advisory.summary = '<script>alert(1)</script> in <b>parser</b>';
    const result = parseAdvisory(advisory);
    expect(result.ok && result.value.summary).toBe('<script>alert(1)</script> in <b>parser</b>');
    expect(result.ok && result.value.details).toContain('<img src=x onerror=alert(1)>');
  });

  it('refuses 1 MB of details with the limit in the message', () => {
    const advisory = { ...readFixture('go-router-dos.json'), details: 'x'.repeat(1024 * 1024) };
    expect(issuesOf(advisory)).toEqual([
      'details: 1048576 characters is over the limit of 65536; shorten it (link a longer write-up in references)',
    ]);
  });

  it('names each bad field: unknown keys, a two-line summary, a control character, a bad CWE', () => {
    const advisory = {
      ...readFixture('go-router-dos.json'),
      embargo: '2027-01-01',
      summary: 'one\ntwo',
      details: 'bell \u0007 here',
      cwes: ['CWE-79', 'XSS'],
    };
    expect(issuesOf(advisory)).toEqual([
      'embargo: unknown field',
      'summary: must be one line',
      'details: control character U+0007 at offset 5',
      'cwes[1]: "XSS" is not a CWE id like CWE-79',
    ]);
  });

  it('explains invalid ranges', () => {
    const advisory = readFixture('npm-markdown-sanitizer.json');
    const affected = (advisory.affected as Array<Record<string, unknown>>)[0]!;
    affected.ranges = [
      { type: 'SEMVER', repo: null, events: [{ fixed: '1.0.0' }] },
      { type: 'SEMVER', repo: null, events: [{ introduced: 'v1.2' }] },
      { type: 'SEMVER', repo: null, events: [{ introduced: '2.0.0' }, { fixed: '1.0.0' }] },
      { type: 'GIT', repo: null, events: [{ introduced: 'abc123' }] },
      {
        type: 'SEMVER',
        repo: null,
        events: [{ introduced: '1.0.0' }, { fixed: '2.0.0' }, { lastAffected: '1.5.0' }],
      },
      { type: 'SEMVER', repo: null, events: [{ introduced: '1.0.0', fixed: '2.0.0' }] },
    ];
    expect(issuesOf(advisory)).toEqual([
      'affected[0].ranges[0].events: a range needs an "introduced" event (use "0" for "from the first version")',
      'affected[0].ranges[1].events[0]: introduced "v1.2": not a SemVer 2.0 version (without the "v"); use an ECOSYSTEM range for other schemes',
      'affected[0].ranges[2].events: fixed 1.0.0 is not after any "introduced" version',
      'affected[0].ranges[3].repo: a GIT range needs the repository URL',
      'affected[0].ranges[3].events[0]: introduced "abc123": GIT ranges need full 40- or 64-digit lower-case commit hashes',
      'affected[0].ranges[4].events: "fixed" and "lastAffected" cannot be in the same range (split it into two ranges)',
      'affected[0].ranges[5].events[0]: an event has exactly one of "introduced", "fixed", "lastAffected", "limit"',
    ]);
  });

  it('checks PEP 440 versions of PyPI packages and CVSS vectors', () => {
    const advisory = readFixture('pypi-archive-extract.json');
    const affected = (advisory.affected as Array<Record<string, unknown>>)[0]!;
    affected.ranges = [
      { type: 'ECOSYSTEM', repo: null, events: [{ introduced: '1.4' }, { fixed: '1.8-final!' }] },
    ];
    advisory.severity = { cvss: ['CVSS:3.1/AV:N/AC:L'], rating: 'severe', text: null };
    expect(issuesOf(advisory)).toEqual([
      'affected[0].ranges[0].events[1]: fixed "1.8-final!": not a PEP 440 version in canonical form (e.g. 1.2.0, 2.0rc1, 1.0.post2)',
      'severity.cvss[0]: "CVSS:3.1/AV:N/AC:L" is not a complete, valid CVSS 3.0, 3.1 or 4.0 vector',
      'severity.rating: "severe" is not one of critical, high, medium, low, none',
    ]);
  });

  it('normalises dates to UTC timestamps and refuses dates that do not exist', () => {
    const advisory = {
      ...readFixture('go-router-dos.json'),
      modified: '2026-06-11T17:45:00+02:00',
    };
    const result = parseAdvisory({ ...advisory, embargoUntil: '2026-07-01' });
    expect(result.ok && [result.value.modified, result.value.embargoUntil]).toEqual([
      '2026-06-11T15:45:00Z',
      '2026-07-01T00:00:00Z',
    ]);
    expect(issuesOf({ ...advisory, embargoUntil: '2026-02-30' })).toEqual([
      'embargoUntil: "2026-02-30" is not a date or an ISO 8601 date-time such as 2026-11-09T07:15:48Z',
    ]);
  });

  it('reports malformed and deeply nested JSON with a position, never throwing', () => {
    const truncated = parseAdvisoryJson('{"thresherAdvisory": 1, "id": "x');
    expect(truncated.ok).toBe(false);
    const nested = parseAdvisoryJson('['.repeat(100_000));
    expect(!nested.ok && nested.issues[0]!.message).toMatch(/nested too deeply/);
    expect(issuesOf([])).toEqual([': expected an advisory object, got an array']);
  });
});
