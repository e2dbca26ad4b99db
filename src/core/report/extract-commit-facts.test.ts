import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

function commitsOf(markdown: string): Array<[string, string]> {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === 'commit')
    .map((fact) => [fact.value, fact.quote]);
}

describe('commit facts', () => {
  it('reads hashes named as commits, revisions or checkouts', () => {
    expect(commitsOf('Reproduced at commit 9cbfe00 (HEAD).')).toEqual([['9cbfe00', '9cbfe00']]);
    expect(commitsOf('Tested on revision: `3F2A9C1D7E`.')).toEqual([['3f2a9c1d7e', '3F2A9C1D7E']]);
    expect(
      commitsOf('```sh\ngit checkout a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0\nmake\n```'),
    ).toEqual([
      ['a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0', 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'],
    ]);
    expect(
      commitsOf('See https://github.com/x/tinyhttpd/commit/6d8412c for the regression.'),
    ).toEqual([['6d8412c', '6d8412c']]);
    expect(commitsOf('SHA: be66727, introduced in 714c3c0')).toEqual([
      ['be66727', 'be66727'],
      ['714c3c0', '714c3c0'],
    ]);
  });

  it('skips colours, addresses, UUIDs, checksums, words and bare numbers', () => {
    expect(commitsOf('The header colour is #c0ffee1 at commit level.')).toEqual([]);
    expect(commitsOf('    #1 0x55d1c3a8e1c4 in http_read_chunked src/http/chunked.c:88:9')).toEqual(
      [],
    );
    expect(commitsOf('Request id at 123e4567-e89b-12d3-a456-426614174000 failed.')).toEqual([]);
    expect(
      commitsOf(
        'sha256 of the tarball: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      ),
    ).toEqual([]);
    expect(commitsOf('SHA-256 checksum at 9f86d081884c7d65')).toEqual([]);
    expect(commitsOf('commit deadbeef and commit 12345678 and hash 0xdeadbee1')).toEqual([]);
    expect(commitsOf('I ran it 3f2a9c1d times.')).toEqual([]);
  });
});
