import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import { measureGrowth } from '../../../test/support/measure-work.js';

function expectWellFormed(report: Report): void {
  const { body } = report;
  for (const fact of extractFacts(report)) {
    expect(fact.span.start).toBeGreaterThanOrEqual(0);
    expect(fact.span.end).toBeGreaterThan(fact.span.start);
    expect(fact.span.end).toBeLessThanOrEqual(body.length);
    expect(fact.quote).toBe(body.slice(fact.span.start, fact.span.end).slice(0, 200));
    expect(fact.span.line).toBe(body.slice(0, fact.span.start).split('\n').length);
    expect(fact.value).not.toBe('');
  }
}

// Text that hits the extractors: words they look for, Markdown structure and odd characters.
const fragments = fc.constantFrom(
  'requires root',
  'does not require root',
  'DEBUG=1',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'src/http/parser.c:120',
  '`parse_header()`',
  'version 2.3.1',
  '<= 2.4.0',
  'CWE-79',
  'remote attacker',
  '\n```diff\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n',
  '\n```\n',
  '\n# Severity\n',
  '\n## Affected versions\n',
  '\n1. step\n2. step\n',
  '<!--',
  '-->',
  '$ curl x',
  'Severity: High',
  'I used ChatGPT',
  '  ',
  '\t',
  '/',
  '`',
  '\u{1F600}',
  '\u0130',
  '\r\n',
);
const markdown = fc
  .array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fragments), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('extractFacts on arbitrary input', () => {
  it('never throws and keeps every span inside the body, with its quote and line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (body) => {
        expectWellFormed(buildTestReport(body));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps spans right on Markdown-shaped input', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        expectWellFormed(buildTestReport(body));
      }),
      { numRuns: 400 },
    );
  });

  it('finds "requires root" where it is inserted into unrelated text', () => {
    const filler = fc.stringMatching(/^[a-z ]{0,60}$/);
    fc.assert(
      fc.property(filler, filler, (before, after) => {
        const body = `${before}. The attack requires root. ${after}`;
        const at = body.indexOf('requires root');
        const facts = extractFacts(buildTestReport(body)).filter(
          (fact) => fact.kind === 'privileges-required',
        );
        expect(facts.map((fact) => [fact.value, fact.span.start, fact.quote])).toContainEqual([
          'high',
          at,
          'requires root',
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractFacts on pathological input', () => {
  // Each case grows with `n`; the work must grow about as fast (see test/linear-work.property.test.ts).
  const cases: Array<[string, (n: number) => string]> = [
    ['runs of "a"', (n) => 'a'.repeat(n)],
    ['runs of slashes', (n) => '/'.repeat(n)],
    ['long runs of spaces', (n) => `remote ${' '.repeat(n)}attacker requires ${' '.repeat(n)}x`],
    ['long runs of backticks', (n) => '`'.repeat(n) + '\n' + '```'.repeat(n / 3)],
    ['dotted numbers', (n) => '1.2.3 '.repeat(n / 6)],
    ['a huge path', (n) => `${'a/'.repeat(n / 2)}x.c:1`],
    ['repeated phrase starts', (n) => 'does not '.repeat(n / 9)],
    ['many headings and list items', (n) => '# a\n1. x\n2. y\n'.repeat(n / 14)],
    ['a long hunk header', (n) => `\`\`\`diff\n+++ b/x\n@@ -1 +1 @@ ${'a '.repeat(n / 2)}\n\`\`\``],
    ['metric runs', (n) => 'AV:N/'.repeat(n / 5)],
  ];

  it.each(cases)('%s: work grows linearly', (_label, build) => {
    const growth = measureGrowth(build, (body) => extractFacts(buildTestReport(body)), {
      size: 25_000,
    });
    expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(5);
  });
});
