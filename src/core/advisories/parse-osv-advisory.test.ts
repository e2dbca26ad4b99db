import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOsvAdvisory } from '../report/is-osv-advisory.js';
import { parseOsvAdvisory } from './parse-osv-advisory.js';

const ghsa = {
  schema_version: '1.6.0',
  id: 'GHSA-vp9c-fpxx-744v',
  modified: '2024-03-01T00:00:00Z',
  published: '2023-11-14T20:00:00Z',
  aliases: ['CVE-2023-47627'],
  summary: 'AIOHTTP has problems in HTTP parser (the python one, not llhttp)',
  details: 'The HTTP parser in AIOHTTP has numerous problems with header parsing...',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'aiohttp' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.8.6' }] }],
      versions: ['3.8.5'],
    },
  ],
  database_specific: { cwe_ids: ['CWE-444'], severity: 'MODERATE' },
};

describe('parseOsvAdvisory', () => {
  it('reads ids, aliases, packages with ranges, CWEs and text', () => {
    const parsed = parseOsvAdvisory(ghsa);
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: 'GHSA-vp9c-fpxx-744v',
        kind: 'advisory',
        source: 'ghsa',
        title: 'AIOHTTP has problems in HTTP parser (the python one, not llhttp)',
        text: 'The HTTP parser in AIOHTTP has numerous problems with header parsing...',
        packages: [
          {
            ecosystem: 'PyPI',
            name: 'aiohttp',
            versions: ['introduced 0, fixed 3.8.6', '3.8.5'],
            ranges: [
              {
                type: 'ECOSYSTEM',
                events: [
                  { kind: 'introduced', version: '0' },
                  { kind: 'fixed', version: '3.8.6' },
                ],
              },
            ],
            listedVersions: ['3.8.5'],
          },
        ],
        aliases: ['GHSA-vp9c-fpxx-744v', 'CVE-2023-47627'],
        cwes: ['CWE-444'],
        paths: [],
        functions: [],
        published: '2023-11-14T20:00:00Z',
        severity: 'medium',
      },
    });
    expect(isOsvAdvisory(ghsa)).toBe(true);
  });

  it('names what is missing and ignores fields of the wrong type', () => {
    expect(parseOsvAdvisory({ modified: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: 'id' }, { path: '' }],
    });
    expect(parseOsvAdvisory([1, 2])).toMatchObject({ ok: false });
    const odd = parseOsvAdvisory({
      id: 'OSV-1',
      summary: 's',
      aliases: 'CVE-1',
      affected: [{ package: 7 }, null],
    });
    expect(odd.ok && odd.value.aliases).toEqual(['OSV-1']);
    expect(odd.ok && odd.value.packages).toEqual([]);
    expect(isOsvAdvisory({ id: 'x', title: 'a Thresher report' })).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const parsed = parseOsvAdvisory(value);
        expect(parsed.ok || parsed.issues.length > 0).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string({ minLength: 1 }),
          summary: fc.string({ minLength: 1 }),
          affected: fc.array(fc.jsonValue()),
          aliases: fc.jsonValue(),
        }),
        (value) => {
          expect(parseOsvAdvisory(value).ok).toBe(value.id.trim() !== '');
        },
      ),
    );
  });
});
