// Every scanner over report text does work linear in its input, whatever the text: adversarial
// shapes at two sizes, and the operation count (characters examined by regexes and string
// searches, see support/measure-work.ts) may grow only about as fast as the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCodeClaims } from '../src/core/evidence/extract-code-claims.js';
import { pickSnippetProbes } from '../src/core/evidence/match-snippet.js';
import {
  buildReportDocument,
  createDuplicateIndex,
  extractFacts,
  sanitizeForTerminal,
} from '../src/core/index.js';
import { parseReportText } from '../src/core/report/parse-report.js';
import { tokenizeForMatching } from '../src/core/duplicates/tokenize-for-matching.js';
import { adversarialUnits, measureGrowth } from './support/measure-work.js';

/** Linear work quadruples when the text does; allow for fixed costs and caps, never a square. */
const maxRatio = 5;

/** The report, or null for text that is no report at all (blank): nothing further to scan. */
function parseOne(text: string) {
  const parsed = parseReportText('hostile.md', text, 'markdown');
  return parsed.ok ? parsed.value[0]! : null;
}

const scanners: Record<string, (text: string) => void> = {
  'report parsing': (text) => {
    parseReportText('hostile.md', text, 'markdown');
  },
  'fact extraction': (text) => {
    const report = parseOne(text);
    if (report) extractFacts(report);
  },
  'code claims': (text) => {
    const report = parseOne(text);
    if (report) extractCodeClaims(report, extractFacts(report));
  },
  'duplicate matching': (text) => {
    const report = parseOne(text);
    if (!report) return;
    const document = buildReportDocument(report, [], 'project');
    const index = createDuplicateIndex();
    index.add({ ...document, id: 'earlier' });
    index.query(document);
  },
  'matching tokens': (text) => {
    tokenizeForMatching(text);
  },
  'snippet probes': (text) => {
    pickSnippetProbes(text);
  },
  'terminal sanitiser': (text) => {
    sanitizeForTerminal(text);
  },
};

const repeatTo = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

describe.each(Object.entries(scanners))('%s', (_name, scan) => {
  it.each(adversarialUnits.map((unit) => [JSON.stringify(unit), unit]))(
    'works linearly on a run of %s',
    (_label, unit) => {
      for (const build of [repeatTo(unit), (size: number) => `${repeatTo(unit)(size)}x!`]) {
        const growth = measureGrowth(build, scan, { size: 8_000 });
        expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(maxRatio);
      }
    },
  );

  it('works linearly on a one-line report of many calls (the line of each name found through one index)', () => {
    const growth = measureGrowth(repeatTo('privileges required _()'), scan, { size: 8_000 });
    expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(maxRatio);
  });

  it('works linearly on a run of claims about one short file name, past the start-up step', () => {
    const growth = measureGrowth(repeatTo('privileges required a.c:'), scan, { size: 16_000 });
    expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(maxRatio);
  });

  it('works linearly on many short code blocks (nothing re-reads the whole report per block)', () => {
    const growth = measureGrowth(repeatTo('# a\n```\n.'), scan, { size: 8_000 });
    expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(maxRatio);
  });

  it('works linearly on mixtures of adversarial shapes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...adversarialUnits), { minLength: 1, maxLength: 4 }),
        (units) => {
          const unit = units.join('');
          // From 16,000 characters: below that, code-claim extraction has a step (on
          // 'privileges required a.c:' its work grows 2.95x from 8,000 to 16,000 characters, then
          // exactly 2x per doubling), so 8,000 to 32,000 read 5.04x on a linear scanner. A square
          // still shows as 16x here.
          const growth = measureGrowth(repeatTo(unit), scan, { size: 16_000 });
          expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(maxRatio);
        },
      ),
      { numRuns: 25 },
    );
  });
});
