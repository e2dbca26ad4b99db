import { describe, expect, it } from 'vitest';
import { buildFact, buildReport } from '../../../test/support/build-fact.js';
import { buildReportDocument } from './build-report-document.js';

describe('buildReportDocument', () => {
  it('carries its own ids (not those it mentions), versions, CWEs, paths and functions', () => {
    const report = {
      ...buildReport(
        'CVE: CVE-2024-12345, ghsa-vp9c-fpxx-744v\n\nAn incomplete fix for CVE-2023-1111; see cve-2024-12345.',
      ),
      receivedAt: '2026-11-02T10:00:00Z',
    };
    const facts = [
      buildFact('version', '2.4.1'),
      buildFact('cwe', 'CWE-787'),
      buildFact('file-path', 'src/http/chunked.c'),
      buildFact('function', 'http_read_chunked'),
      buildFact('function', 'http_read_chunked'),
    ];
    expect(buildReportDocument(report, facts, 'tinyhttpd')).toEqual({
      id: 'test.md',
      kind: 'report',
      title: 'Test report',
      text: report.body,
      packages: [{ ecosystem: '', name: 'tinyhttpd', versions: ['2.4.1'] }],
      aliases: ['CVE-2024-12345', 'GHSA-vp9c-fpxx-744v'],
      cwes: ['CWE-787'],
      paths: ['src/http/chunked.c'],
      functions: ['http_read_chunked'],
      published: '2026-11-02T10:00:00Z',
    });
  });

  // Two bugs of one Ruby sanitizer both pass their input through `CGI.unescapeHTML`.
  it("leaves out Ruby's standard library called the Ruby way", () => {
    const facts = [
      buildFact('function', 'CGI.unescapeHTML'),
      buildFact('function', 'Shellwords.escape'),
      buildFact('function', 'Scrub.scrub_attributes'),
    ];
    expect(buildReportDocument(buildReport('text'), facts, 'scrubby').functions).toEqual([
      'Scrub.scrub_attributes',
    ]);
  });

  it("leaves out Python's object protocol names, which every payload walks", () => {
    const facts = [
      buildFact('function', '__import__'),
      buildFact('function', 'cycler.__init__'),
      buildFact('function', 'do_attr'),
    ];
    expect(buildReportDocument(buildReport('text'), facts, 'jinja').functions).toEqual(['do_attr']);
  });
});
