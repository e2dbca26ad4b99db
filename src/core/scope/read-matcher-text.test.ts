import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../report/parse-report.js';
import { readMatcherText } from './read-matcher-text.js';

function parseOne(text: string) {
  const parsed = parseReportText('report.md', text);
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
  return parsed.value[0]!;
}

describe('readMatcherText', () => {
  const content = [
    'The debug endpoint returns the session store to any visitor.',
    'Send GET /debug/sessions to a server started with --debug.',
    'Anyone on the network reads every session token.',
  ];

  it('reads the same words from headings, bold labels and plain labels', () => {
    const headings = parseOne(
      `Session dump through the debug endpoint\n\nHello team,\n\n## Summary\n\n${content[0]}\n\n## Steps to reproduce\n\n${content[1]}\n\n## Impact\n\n${content[2]}\n\nThanks,\nAlex\n`,
    );
    const boldLabels = parseOne(
      `Session dump through the debug endpoint\n\n**Summary:** ${content[0]}\n\n**Steps to reproduce:** ${content[1]}\n\n**Impact:** ${content[2]}\n`,
    );
    const words = (text: string) =>
      text
        .toLowerCase()
        .match(/[a-z]+/g)!
        .sort();
    const fromHeadings = readMatcherText(headings);
    const fromLabels = readMatcherText(boldLabels);
    expect(fromHeadings.title).toBe('Session dump through the debug endpoint');
    expect(fromLabels.title).toBe('Session dump through the debug endpoint');
    expect(words(fromHeadings.text)).toEqual(words(fromLabels.text));
    for (const dropped of ['hello', 'summary', 'impact', 'thanks', 'alex'])
      expect(words(fromHeadings.text)).not.toContain(dropped);
  });

  it('keeps a long heading as the reporter words and cuts a title run into the text', () => {
    const report = parseOne(
      `Heap overflow in the row decoder. A crafted file writes past the row buffer\n\n## Heap overflow in png_read_row with a wide image\n\n${content[0]}\n`,
    );
    const read = readMatcherText(report);
    expect(read.title).toBe('Heap overflow in the row decoder');
    expect(read.text).toContain('png_read_row');
  });

  it('never throws and returns no more text than the report holds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              '## Impact\n',
              '**Summary:** ',
              'Steps:',
              '\n\n',
              'Thanks,\nBob\n',
              '📌 **Scope**\n',
            ),
            fc.string({ maxLength: 40 }),
          ),
          { maxLength: 30 },
        ),
        (pieces) => {
          const parsed = parseReportText('report.md', `Title\n\n${pieces.join('')}`);
          if (!parsed.ok) return;
          for (const report of parsed.value) {
            const read = readMatcherText(report);
            expect(read.title.length).toBeLessThanOrEqual(report.title.length);
            expect(read.text.length).toBeLessThanOrEqual(
              report.body.length + report.sections.length,
            );
          }
        },
      ),
    );
  });
});
