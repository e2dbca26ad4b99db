import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReportIdentifiers } from './find-report-identifiers.js';

describe('findReportIdentifiers', () => {
  it('takes ids from identifier lines, the title and assigning sentences as the report’s own', () => {
    const body = [
      'CVE: CVE-2024-45491',
      '**GHSA ID:** GHSA-c2gh-fjmp-w2pq',
      '---',
      'aliases: [PYSEC-2024-12]',
      'This issue has been assigned CVE-2024-9999 by MITRE.',
    ].join('\n');
    const found = findReportIdentifiers('Heap overflow (CVE-2024-11111)', body);
    expect(found.own.sort()).toEqual(
      [
        'CVE-2024-11111',
        'CVE-2024-45491',
        'CVE-2024-9999',
        'GHSA-c2gh-fjmp-w2pq',
        'PYSEC-2024-12',
      ].sort(),
    );
    expect(found.related).toEqual([]);
  });

  it('keeps ids in prose as related, with the relation the words give', () => {
    const body = [
      'This is an incomplete fix for CVE-2023-1000: the check added there misses the 32-bit case.',
      'It is similar to CVE-2022-2000 but reaches a different function.',
      'A regression of CVE-2021-3000 reintroduced the unchecked length.',
      'See https://nvd.nist.gov/vuln/detail/CVE-2020-4000 for background.',
    ].join('\n');
    const found = findReportIdentifiers('Overflow in dtdCopy', body);
    expect(found.own).toEqual([]);
    expect(found.related).toEqual([
      { id: 'CVE-2023-1000', relation: 'incomplete fix for' },
      { id: 'CVE-2022-2000', relation: 'similar to' },
      { id: 'CVE-2021-3000', relation: 'regression of' },
      { id: 'CVE-2020-4000', relation: 'mentioned' },
    ]);
  });

  it('reads a related id in the title as related', () => {
    const found = findReportIdentifiers(
      'Bypass of the fix for CVE-2024-1234 in the URL parser',
      '',
    );
    expect(found).toEqual({ own: [], related: [{ id: 'CVE-2024-1234', relation: 'bypass of' }] });
  });

  it('reads an id the words after it call back again as a regression, not the report’s own', () => {
    expect(
      findReportIdentifiers(
        'I think the old close_notify hang (RUSTSEC-2024-0336) is back in a different shape',
        'Seen again: CVE-2023-1111 has returned on 2.1.',
      ),
    ).toEqual({
      own: [],
      related: [
        { id: 'RUSTSEC-2024-0336', relation: 'regression of' },
        { id: 'CVE-2023-1111', relation: 'regression of' },
      ],
    });
    expect(findReportIdentifiers('CVE-2024-1234: heap overflow in the parser', '').own).toEqual([
      'CVE-2024-1234',
    ]);
  });

  it('never throws and never lists an id as both own and related', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 2000 }), (title, body) => {
        const found = findReportIdentifiers(title, `${body}\nCVE-2024-1234 ${body}`);
        const own = new Set(found.own);
        for (const related of found.related) expect(own.has(related.id)).toBe(false);
      }),
    );
  });
});
