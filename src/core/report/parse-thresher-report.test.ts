import { describe, expect, it } from 'vitest';
import type { Report, ReportField } from '../model/report.js';
import { parseReportText } from './parse-report.js';
import type { ThresherReportJson } from './parse-thresher-report.js';

function parseOne(json: unknown): Report {
  const result = parseReportText('report.json', JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(result.value).toHaveLength(1);
  return result.value[0] as Report;
}

function textOf(report: Report, field: ReportField): string | undefined {
  const section = report.sections.find((candidate) => candidate.field === field);
  return section === undefined
    ? undefined
    : report.body.slice(section.span.start, section.span.end);
}

const complete: ThresherReportJson = {
  'thresher-report': 1,
  title: 'Integer overflow in chunked decoding',
  summary: 'A large chunk size wraps `size_t`.',
  details: 'See `parse_chunk` in src/chunked.c.',
  'affected-versions': ['2.3.1', '2.4.0'],
  'affected-component': 'src/chunked.c',
  reproduction: '1. Send `ffffffffffffffff` as the chunk size.\n2. Watch it crash.',
  impact: 'Heap overflow; likely remote code execution.',
  severity: { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', rating: 'critical' },
  cwe: ['CWE-190', '122'],
  'proposed-patch':
    '--- a/src/chunked.c\n+++ b/src/chunked.c\n@@ -10 +10 @@\n-size += n;\n+if (add_overflows(size, n)) return -1;',
  'test-case': 'test/chunked-overflow.c',
  'ai-disclosure': 'No AI tools were used.',
  reporter: { name: 'Ana Lima', email: 'ana@example.org' },
  'received-at': '2025-03-01T12:00:00+01:00',
};

describe('Thresher JSON reports', () => {
  it('renders every field as a headed section the spans point into', () => {
    const report = parseOne(complete);
    expect(report.format).toBe('thresher-json');
    expect(report.title).toBe('Integer overflow in chunked decoding');
    expect(report.reporter).toEqual({ name: 'Ana Lima', email: 'ana@example.org' });
    expect(report.receivedAt).toBe('2025-03-01T11:00:00.000Z');
    expect(report.body).toContain('## Affected versions\n\n2.3.1, 2.4.0');
    expect(report.body.startsWith('# Integer overflow in chunked decoding\n\n## Summary\n\n')).toBe(
      true,
    );
    expect(textOf(report, 'affected-version')).toBe('2.3.1, 2.4.0');
    expect(textOf(report, 'summary')).toBe('A large chunk size wraps `size_t`.');
    expect(textOf(report, 'weakness')).toBe('CWE-190, CWE-122');
    expect(textOf(report, 'severity')).toBe(
      'Rating: critical\nCVSS: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    );
    expect(textOf(report, 'proposed-patch')).toMatch(
      /^```diff\n--- a\/src\/chunked.c\n[\s\S]*\n```$/,
    );
    expect(textOf(report, 'ai-disclosure')).toBe('No AI tools were used.');
    expect(report.sections.map(({ field }) => field)).toEqual([
      'summary',
      'details',
      'affected-version',
      'affected-component',
      'reproduction',
      'impact',
      'severity',
      'weakness',
      'proposed-patch',
      'test-case',
      'ai-disclosure',
    ]);
    for (const { span } of report.sections) {
      expect(span.line).toBe(report.body.slice(0, span.start).split('\n').length);
    }
  });

  it('accepts a minimal report and a single version string', () => {
    const report = parseOne({ 'thresher-report': 1, title: 'Crash', 'affected-versions': '1.0.0' });
    expect(report.body).toBe('# Crash\n\n## Affected versions\n\n1.0.0');
    expect(report.reporter).toBeNull();
    expect(report.receivedAt).toBeNull();
  });

  it('keeps sections apart when a field leaves a code fence open', () => {
    const report = parseOne({
      'thresher-report': 1,
      title: 'x',
      reproduction: '```sh\ncurl -d @big localhost',
      impact: 'DoS',
    });
    expect(textOf(report, 'reproduction')).toBe('```sh\ncurl -d @big localhost\n```');
    expect(textOf(report, 'impact')).toBe('DoS');
  });

  it('reports wrong types with JSON paths', () => {
    const result = parseReportText(
      'bad.json',
      JSON.stringify({
        'thresher-report': 1,
        title: 42,
        'affected-versions': ['1.0', 2],
        severity: { rating: 'urgent', cvss: '9.8', score: 9.8 },
        cwe: ['XSS'],
        reporter: 'ana',
        'received-at': 'last Tuesday',
        sumary: 'typo',
        'x-tracker': 'ok',
      }),
    );
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map(({ path }) => path)).toEqual([
      'sumary',
      'title',
      'affected-versions[1]',
      'severity.score',
      'severity.rating',
      'severity.cvss',
      'cwe[0]',
      'reporter',
      'received-at',
    ]);
    expect(issues.find(({ path }) => path === 'title')?.message).toBe(
      'expected a string, got a number',
    );
  });

  it('requires the version marker and a title', () => {
    const result = parseReportText('bad.json', '{"thresher-report": 2, "title": "  "}');
    expect(result.ok ? [] : result.issues).toEqual([
      { message: 'unsupported version 2; expected 1', path: 'thresher-report' },
      { message: 'must not be empty', path: 'title' },
    ]);
    const missing = parseReportText('bad.json', '{"thresher-report": 1}', 'thresher-json');
    expect(missing.ok ? [] : missing.issues).toEqual([
      { message: 'missing; a title is required', path: 'title' },
    ]);
  });

  it('reads an array as several reports, with issues prefixed by index', () => {
    const good = parseReportText(
      'many.json',
      JSON.stringify([
        { 'thresher-report': 1, title: 'a' },
        { 'thresher-report': 1, title: 'b' },
      ]),
    );
    expect(good.ok && good.value.map(({ source, title }) => [source, title])).toEqual([
      ['many.json#1', 'a'],
      ['many.json#2', 'b'],
    ]);
    const bad = parseReportText(
      'many.json',
      JSON.stringify([{ 'thresher-report': 1, title: 'a' }, { 'thresher-report': 1 }]),
    );
    expect(bad.ok ? [] : bad.issues.map(({ path }) => path)).toEqual(['[1].title']);
  });
});
