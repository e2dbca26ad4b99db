// Test-only helper: builds a Report from Markdown by splitting it at `#` headings, with a small
// heading table, so fact extraction is tested without depending on the real parser.

import type { Report, ReportField, ReportSection } from '../model/report.js';

const headingFields: ReadonlyArray<[RegExp, ReportField]> = [
  [/^(?:summary|description|overview)$/, 'summary'],
  [/^(?:details|technical details|root cause)$/, 'details'],
  [/^(?:affected versions?|versions?|vulnerable versions?)$/, 'affected-version'],
  [/^(?:affected components?|components?|location)$/, 'affected-component'],
  [/^(?:steps to reproduce|reproduction|reproduce|poc|proof of concept)$/, 'reproduction'],
  [/^impact$/, 'impact'],
  [/^(?:proposed patch|patch|fix|suggested fix)$/, 'proposed-patch'],
  [/^(?:test case|test)$/, 'test-case'],
  [/^(?:severity|cvss)$/, 'severity'],
  [/^(?:weakness|cwe)$/, 'weakness'],
  [/^(?:ai disclosure|ai use|use of ai)$/, 'ai-disclosure'],
  [/^(?:environment|setup)$/, 'environment'],
  [/^references$/, 'references'],
  [/^credits?$/, 'credits'],
];

function mapHeading(heading: string): ReportField | null {
  const key = heading.toLowerCase().replace(/[*:_]/g, '').trim();
  return headingFields.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

export function buildTestReport(body: string, title = 'Test report'): Report {
  const headings: Array<{
    level: number;
    heading: string;
    lineStart: number;
    contentStart: number;
    contentLine: number;
  }> = [];
  let inFence = false;
  let lineStart = 0;
  let lineNumber = 1;
  for (const line of body.split('\n')) {
    if (/^\s*(?:```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (heading) {
      const contentStart = Math.min(body.length, lineStart + line.length + 1);
      headings.push({
        level: heading[1]!.length,
        heading: heading[2]!,
        lineStart,
        contentStart,
        contentLine: contentStart === lineStart + line.length + 1 ? lineNumber + 1 : lineNumber,
      });
    }
    lineStart += line.length + 1;
    lineNumber += 1;
  }
  // A section runs to the next heading of the same or a higher level: found with one backward pass.
  const ends: number[] = [];
  const open: Array<{ level: number; lineStart: number }> = [];
  for (let index = headings.length - 1; index >= 0; index -= 1) {
    const current = headings[index]!;
    while (open.length > 0 && open[open.length - 1]!.level > current.level) open.pop();
    ends[index] = open.length === 0 ? body.length : open[open.length - 1]!.lineStart;
    open.push({ level: current.level, lineStart: current.lineStart });
  }
  const sections: ReportSection[] = headings.map((current, index) => {
    const end = ends[index]!;
    const start = Math.min(current.contentStart, end);
    return {
      heading: current.heading,
      field: mapHeading(current.heading),
      span: { start, end, line: current.contentLine },
    };
  });
  return {
    source: 'test.md',
    format: 'markdown',
    title,
    body,
    sections,
    reporter: null,
    receivedAt: null,
  };
}
