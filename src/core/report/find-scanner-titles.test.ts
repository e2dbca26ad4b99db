import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findScannerTitles } from './find-scanner-titles.js';
import { maskNonProse } from './mask-non-prose.js';

const titlesOf = (text: string): string[] =>
  findScannerTitles(text).map(([start, end]) => text.slice(start, end));

describe('findScannerTitles', () => {
  it('finds a govulncheck title run into a paragraph and on its own line', () => {
    expect(
      titlesOf(
        'our CI fails on: Vulnerability #1: GO-2031-0101 Unbounded memory use when decoding crafted archives in archive/zip Standard library Found in: archive/zip@go1.30.0',
      ),
    ).toEqual(['Unbounded memory use when decoding crafted archives in archive/zip']);
    expect(
      titlesOf(
        'Vulnerability #2: GO-2031-0202\n    Panic on crafted input in encoding/pem\n  More info: https://pkg.go.dev/vuln/GO-2031-0202',
      ),
    ).toEqual(['Panic on crafted input in encoding/pem']);
  });

  it('finds an npm audit title before its advisory link', () => {
    expect(
      titlesOf(
        'npm audit says: fetchlib <2.3.1 Severity: high Server-side request forgery via absolute URLs - https://github.com/advisories/GHSA-aaaa-bbbb-cccc fix available',
      ),
    ).toEqual(['Server-side request forgery via absolute URLs']);
  });

  it('finds nothing in the reporter’s own words', () => {
    expect(titlesOf('Severity: high. An attacker exhausts the CPU with crafted queries.')).toEqual(
      [],
    );
    expect(titlesOf('The vulnerability #1 in our list crashes the server.')).toEqual([]);
  });

  it('blanks the titles in the prose copy, keeping every offset', () => {
    const text = 'Vulnerability #1: GO-2031-0101 Denial of service in net/http Found in: x';
    const prose = maskNonProse(text, []);
    expect(prose).toHaveLength(text.length);
    expect(prose).not.toContain('Denial of service');
    expect(prose).toContain('Found in: x');
  });

  it('returns ranges inside the text for any input', () => {
    const piece = fc.constantFrom(
      'Vulnerability #1: GO-2031-0101 ',
      'Severity: high ',
      ' - https://github.com/advisories/GHSA-',
      'Found in:',
      '\n',
      ' ',
      'title words',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        for (const [start, end] of findScannerTitles(text)) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(end).toBeGreaterThan(start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
