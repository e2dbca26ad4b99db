import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../model/parse-result.js';
import type { Report } from '../model/report.js';
import { cutTitle } from './derive-report-title.js';
import { normaliseReportText } from './normalise-report-text.js';
import { parseGithubAdvisory } from './parse-github-advisory.js';
import { parseMarkdownReport } from './parse-markdown-report.js';
import { parseReportText } from './parse-report.js';
import { parseThresherReport, type ThresherReportJson } from './parse-thresher-report.js';

/** Pieces that exercise Markdown structure: headings, fences, bold labels, front lines, CRLF. */
const markdownPiece = fc.oneof(
  fc.constantFrom(
    '# ',
    '## Impact',
    '### Summary:',
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    '```',
    '~~~',
    '    ',
    '\t',
    '> ',
    '- ',
    '1. ',
  ),
  fc.constantFrom(
    '**Impact:** ',
    '**Steps to reproduce**',
    '__PoC__',
    'Title: ',
    'Version: ',
    '---',
    '===',
    ':',
    '*',
    '_',
    '`',
  ),
  fc.constantFrom(
    '\uFEFF',
    '🐛',
    'é',
    '\u2028',
    '\0',
    '{',
    '[',
    '"',
    '<pre>',
    '</pre>',
    '<!--',
    'From: a@b.c\n',
    'Subject: x\n',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const markdownText = fc.array(markdownPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  markdownText,
);

function expectWellFormed<T>(result: ParseResult<T>): void {
  if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
}

/** Every span lies within the body and its `line` is the line its start is on. */
function expectValidSpans(report: Report): void {
  for (const { span } of report.sections) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(report.body.length);
    expect(span.line).toBe(report.body.slice(0, span.start).split('\n').length);
  }
  expect(report.title.length).toBeLessThanOrEqual(200);
}

const textFields = [
  'summary',
  'details',
  'environment',
  'reproduction',
  'impact',
  'proposed-patch',
  'test-case',
  'ai-disclosure',
] as const;
const fieldValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), markdownText);
const nonBlank = fieldValue.filter((text) => cutTitle(text) !== '');

const thresherReport: fc.Arbitrary<ThresherReportJson> = fc
  .record(
    {
      title: nonBlank,
      summary: fieldValue,
      details: fieldValue,
      environment: fieldValue,
      reproduction: fieldValue,
      impact: fieldValue,
      'proposed-patch': fieldValue,
      'test-case': fieldValue,
      'ai-disclosure': fieldValue,
      'affected-versions': fc.oneof(
        fc.array(fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/), { maxLength: 4 }),
        fc.stringMatching(/^<= ?\d\.\d$/),
      ),
      cwe: fc.array(
        fc.nat({ max: 2000 }).map((id) => `CWE-${id}`),
        { maxLength: 3 },
      ),
      severity: fc.record(
        { rating: fc.constantFrom('critical', 'high', 'low') },
        { requiredKeys: [] },
      ),
      reporter: fc.record(
        { name: fc.string({ maxLength: 20 }), email: fc.emailAddress() },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['title'] },
  )
  .map((fields) => ({ 'thresher-report': 1 as const, ...fields }));

describe('report parsers on arbitrary input', () => {
  it('parseReportText never throws and always returns reports or issues', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseReportText('input', text);
        expectWellFormed(result);
        if (result.ok) {
          expect(result.value.length).toBeGreaterThan(0);
          result.value.forEach(expectValidSpans);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parseMarkdownReport keeps every span inside the body on its own line', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseMarkdownReport('input.md', text);
        expectWellFormed(result);
        if (result.ok) {
          expect(result.value.body).toBe(normaliseReportText(text));
          expectValidSpans(result.value);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('JSON parsers never throw on arbitrary JSON values', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const shaped = fc.dictionary(
      fc.constantFrom(
        'thresher-report',
        'title',
        'summary',
        'affected-versions',
        'severity',
        'cwe',
        'reporter',
        'received-at',
        'x-a',
        'other',
      ),
      fc.oneof(json, anyText),
    );
    const advisory = fc.dictionary(
      fc.constantFrom(
        'ghsa_id',
        'summary',
        'description',
        'severity',
        'cvss',
        'cvss_severities',
        'cwes',
        'cwe_ids',
        'vulnerabilities',
        'credits',
        'credits_detailed',
        'author',
        'submission',
        'published_at',
        'references',
      ),
      fc.oneof(
        json,
        anyText,
        fc.constant([{ package: { ecosystem: 'npm', name: 'x' }, vulnerable_version_range: '<1' }]),
      ),
    );
    fc.assert(
      fc.property(fc.oneof(json, shaped, advisory), (value) => {
        const results: ParseResult<Report | Report[]>[] = [
          parseReportText('input.json', JSON.stringify(value) ?? 'null'),
          parseThresherReport('input.json', value),
          parseGithubAdvisory('input.json', value),
        ];
        for (const result of results) {
          expectWellFormed(result);
          if (result.ok)
            (Array.isArray(result.value) ? result.value : [result.value]).forEach(expectValidSpans);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips valid Thresher reports: title and every present field come back', () => {
    fc.assert(
      fc.property(thresherReport, (json) => {
        const result = parseReportText('report.json', JSON.stringify(json));
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const report = result.value[0] as Report;
        expectValidSpans(report);
        expect(report.title).toBe(cutTitle(json.title));
        const textsOf = (field: string): string[] =>
          report.sections
            .filter((section) => section.field === field)
            .map(({ span }) => report.body.slice(span.start, span.end));
        for (const key of textFields) {
          const cleaned = normaliseReportText(json[key] ?? '')
            .replace(/^(?:[ \t]*\n)+/, '')
            .trimEnd();
          if (cleaned === '') continue;
          // A value may hold headings of its own, so look for the field's section among several.
          const raw = json[key] ?? '';
          const isBareDiff =
            /^(?:diff --git |--- |\+\+\+ |@@ |Index: )/m.test(raw) &&
            !/^ {0,3}(?:```|~~~)/m.test(raw);
          // A bare diff is fenced with more backticks than any run inside it.
          const isExpected = (text: string): boolean =>
            key === 'proposed-patch' && isBareDiff
              ? /^`{3,}diff\n/.test(text) && text.includes(cleaned)
              : text.startsWith(cleaned);
          expect(textsOf(key).some(isExpected), key).toBe(true);
        }
        const versions = json['affected-versions'];
        const versionList = (typeof versions === 'string' ? [versions] : (versions ?? [])).filter(
          (version) => version.trim() !== '',
        );
        if (versionList.length > 0) {
          expect(textsOf('affected-version')).toContain(versionList.join(', '));
        }
        const cwes = [json.cwe ?? []].flat();
        if (cwes.length > 0) expect(textsOf('weakness')).toContain(cwes.join(', '));
        if (json.severity?.rating !== undefined)
          expect(textsOf('severity')).toContain(`Rating: ${json.severity.rating}`);
      }),
      { numRuns: 300 },
    );
  });
});
