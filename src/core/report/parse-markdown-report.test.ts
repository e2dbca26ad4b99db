import { describe, expect, it } from 'vitest';
import type { Report, ReportField } from '../model/report.js';
import { parseMarkdownReport } from './parse-markdown-report.js';
import { measureGrowth } from '../../../test/support/measure-work.js';

function parse(text: string): Report {
  const result = parseMarkdownReport('report.md', text);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
  return result.value;
}

/** The text of every section with this field, in order. */
function textsOf(report: Report, field: ReportField): string[] {
  return report.sections
    .filter((section) => section.field === field)
    .map(({ span }) => report.body.slice(span.start, span.end));
}

function lineAt(body: string, offset: number): number {
  return body.slice(0, offset).split('\n').length;
}

describe('parseMarkdownReport', () => {
  it('reads GitHub private vulnerability reporting form sections', () => {
    const report = parse(
      [
        '### Summary',
        'A crafted `Transfer-Encoding` header overflows the chunk size in `src/chunked.c`.',
        '',
        '### Details',
        'The size is parsed with `strtol` and added to the buffer length without a check.',
        '',
        '### PoC',
        '```sh',
        'printf "GET / HTTP/1.1\\r\\n" | nc localhost 8080',
        '```',
        '',
        '### Impact',
        'Remote code execution as the server user.',
        '',
      ].join('\n'),
    );
    expect(report.format).toBe('markdown');
    expect(report.title).toBe(
      'A crafted `Transfer-Encoding` header overflows the chunk size in `src/chunked.c`.',
    );
    expect(report.sections.map(({ heading, field }) => [heading, field])).toEqual([
      ['Summary', 'summary'],
      ['Details', 'details'],
      ['PoC', 'reproduction'],
      ['Impact', 'impact'],
    ]);
    expect(textsOf(report, 'reproduction')).toEqual([
      '```sh\nprintf "GET / HTTP/1.1\\r\\n" | nc localhost 8080\n```',
    ]);
    expect(textsOf(report, 'impact')).toEqual(['Remote code execution as the server user.']);
    for (const { span } of report.sections) expect(span.line).toBe(lineAt(report.body, span.start));
    expect(report.sections[2]?.span.line).toBe(8);
  });

  it('reads the HackerOne template with colons in headings', () => {
    const report = parse(
      [
        '# Open redirect in /login',
        '',
        '## Summary:',
        'The `next` parameter is not validated.',
        '',
        '## Steps To Reproduce:',
        '  1. Visit `/login?next=//evil.example`',
        '  2. Log in',
        '',
        '## Supporting Material/References:',
        '  * https://example.com/video.mp4',
        '',
        '## Impact',
        'Phishing.',
      ].join('\n'),
    );
    expect(report.title).toBe('Open redirect in /login');
    expect(report.sections.map(({ field }) => field)).toEqual([
      null,
      'summary',
      'reproduction',
      'references',
      'impact',
    ]);
    expect(textsOf(report, 'reproduction')).toEqual([
      '  1. Visit `/login?next=//evil.example`\n  2. Log in',
    ]);
    expect(textsOf(report, 'references')).toEqual(['  * https://example.com/video.mp4']);
    // The title section spans everything after the `#` line.
    const top = report.sections[0];
    expect(report.body.slice(top?.span.start, top?.span.end)).toMatch(
      /^## Summary:[\s\S]*Phishing\.$/,
    );
  });

  it('ends a section at the next heading of the same or a higher level only', () => {
    const report = parse('## Details\nintro\n### Root cause\ncause\n## Impact\nbad\n');
    expect(textsOf(report, 'details')).toEqual(['intro\n### Root cause\ncause', 'cause']);
    expect(textsOf(report, 'impact')).toEqual(['bad']);
  });

  it('keeps free prose as one body without sections and titles it by its first line after the greeting', () => {
    const text =
      'Hi team,\n\nI found that the server crashes when sent a 9000-byte header.\nThanks, Sam\n';
    const report = parse(text);
    expect(report.title).toBe('I found that the server crashes when sent a 9000-byte header.');
    expect(report.body).toBe(text);
    expect(report.sections).toEqual([]);
    expect(report.reporter).toBeNull();
  });

  it('reads bold pseudo-headings, with a value on the line or content below', () => {
    const report = parse(
      [
        'Heap overflow in the chunk parser.',
        '',
        '**Affected version:** 2.3.1',
        '**Component**: src/chunked.c',
        '',
        '**Steps to reproduce**',
        '1. Build with ASan',
        '2. Send the request',
        '',
        '**Note** this is bold prose, not a heading.',
        '',
        '- **Impact:** memory corruption',
      ].join('\n'),
    );
    expect(textsOf(report, 'affected-version')).toEqual(['2.3.1']);
    expect(textsOf(report, 'affected-component')).toEqual(['src/chunked.c']);
    // A pseudo-heading section runs to the next heading of any kind, here the bold `Impact:`.
    expect(textsOf(report, 'reproduction')).toEqual([
      '1. Build with ASan\n2. Send the request\n\n**Note** this is bold prose, not a heading.',
    ]);
    expect(textsOf(report, 'impact')).toEqual(['memory corruption']);
    expect(report.sections.find(({ field }) => field === 'affected-version')?.heading).toBe(
      'Affected version:',
    );
  });

  it('reads Key: value front lines, a Title line and the reporter', () => {
    const report = parse(
      'Title: SQL injection in search\nSeverity: High\nReporter: Ana Lima <ana@example.org>\nVersion: 1.4.0\n\nThe `q` parameter is concatenated.\n',
    );
    expect(report.title).toBe('SQL injection in search');
    expect(textsOf(report, 'severity')).toEqual(['High']);
    expect(textsOf(report, 'affected-version')).toEqual(['1.4.0']);
    expect(textsOf(report, 'credits')).toEqual(['Ana Lima <ana@example.org>']);
    expect(report.reporter).toEqual({ name: 'Ana Lima', email: 'ana@example.org' });
  });

  it('reads a block of Key: value lines anywhere, but not a single one in prose', () => {
    const report = parse(
      'Hi,\n\nI found an overflow.\n\nVersion: tinyhttpd 2.4.1\nFile: src/config/config.c\nAI: none used\n\nNote: one line of prose is not a field.\n',
    );
    expect(textsOf(report, 'affected-version')).toEqual(['tinyhttpd 2.4.1']);
    expect(textsOf(report, 'affected-component')).toEqual(['src/config/config.c']);
    expect(textsOf(report, 'ai-disclosure')).toEqual(['none used']);
    expect(report.sections).toHaveLength(3);
  });

  it('reads a label whose parenthetical wraps onto the next line, its content after the colon', () => {
    const report = parse(
      'Title: crash\n\nThe stack is freed early.\n\nReproducer (ordinary source run with bin/tool; the recursion forces\nseveral growths while the collector runs):\n\n    def f(n)\n      n == 0 ? 0 : f(n - 1)\n    end\n',
    );
    const [reproduction] = textsOf(report, 'reproduction');
    expect(reproduction?.trim().startsWith('def f(n)')).toBe(true);
    // A parenthetical that never closes before a colon ending a line, or a label of no known
    // field, is no label.
    const prose = parse(
      'Title: crash\n\nReproducer (ordinary source run with bin/tool; the recursion forces\nseveral growths: the collector runs.\n\nOur setup (a long remark about the\nmachine):\n\n    make\n',
    );
    expect(textsOf(prose, 'reproduction')).toEqual([]);
  });

  it('reads YAML-style front matter without mistaking it for a setext heading', () => {
    const report = parse(
      '---\ntitle: Crash on empty header\naffected-versions: 2.0.0\n---\n\n## Impact\nDenial of service.\n',
    );
    expect(report.title).toBe('Crash on empty header');
    expect(textsOf(report, 'affected-version')).toEqual(['2.0.0']);
    expect(textsOf(report, 'impact')).toEqual(['Denial of service.']);
  });

  it('ignores headings inside code fences and indented code', () => {
    const report = parse(
      [
        '## PoC',
        '````markdown',
        '## Impact',
        '```',
        'still inside the outer fence',
        '```',
        '````',
        '',
        '    # not a heading either',
        '',
        '~~~',
        '### Summary',
        '~~~',
        '## Impact',
        'real impact',
      ].join('\n'),
    );
    expect(report.sections.map(({ heading }) => heading)).toEqual(['PoC', 'Impact']);
    expect(textsOf(report, 'impact')).toEqual(['real impact']);
    expect(textsOf(report, 'reproduction')[0]).toContain('still inside the outer fence');
  });

  it('reads setext headings and headings with closing hashes', () => {
    const report = parse(
      'Summary\n=======\n\nshort\n\nImpact ##\n---\nbad\n\n## Fix ##\npatch it\n',
    );
    expect(report.sections.map(({ heading, field }) => [heading, field])).toEqual([
      ['Summary', 'summary'],
      ['Impact ##', 'impact'],
      ['Fix', 'proposed-patch'],
    ]);
    expect(textsOf(report, 'summary')[0]).toContain('short');
    expect(textsOf(report, 'proposed-patch')).toEqual(['patch it']);
  });

  it('gives an empty section an empty span at its end', () => {
    const report = parse('## Impact\n\n## Fix\nx');
    const impact = report.sections[0];
    expect(impact?.span.start).toBe(impact?.span.end);
    expect(report.body.slice(impact?.span.start, impact?.span.end)).toBe('');
  });

  it('normalises CRLF and a byte-order mark, and counts UTF-16 offsets', () => {
    const report = parse('\uFEFF## Summary\r\nEmoji 🐛 crash\r\n## Impact\r\nbad\r\n');
    expect(report.body).toBe('## Summary\nEmoji 🐛 crash\n## Impact\nbad\n');
    expect(textsOf(report, 'summary')).toEqual(['Emoji 🐛 crash']);
    expect(textsOf(report, 'impact')).toEqual(['bad']);
  });

  it('cuts long titles to 200 characters', () => {
    const report = parse(`# ${'A'.repeat(300)}\n`);
    expect(report.title).toHaveLength(200);
  });

  it('refuses empty and binary text', () => {
    expect(parseMarkdownReport('x.md', ' \n\t\n')).toEqual({
      ok: false,
      issues: [{ message: 'empty report' }],
    });
    const binary = parseMarkdownReport('x.md', 'PK\u0003\u0004\0\0');
    expect(binary.ok).toBe(false);
    expect(!binary.ok && binary.issues[0]?.message).toMatch(/^binary content.*offset 4/);
  });

  it('works linearly and finds no headings past the structure limit on hostile input', () => {
    const growth = measureGrowth(
      (size) => '# a\n'.repeat(size / 4),
      (text) => parse(text),
    );
    expect(growth.ratio).toBeLessThan(5);
    const report = parse('# a\n'.repeat(2_500_000));
    const last = report.sections[report.sections.length - 1];
    expect(report.sections.length).toBeLessThan(200_000);
    expect(last?.span.end).toBe(report.body.length - 1);
  });
});

describe('titles of free prose', () => {
  it('skips a greeting line', () => {
    const parsed = parseMarkdownReport(
      'mail.md',
      'hello team,\n\nyour server is vulnerable to XSS!!! please fix\n',
    );
    expect(parsed.ok && parsed.value.title).toBe('your server is vulnerable to XSS!!! please fix');
  });

  it('does not take a metadata table for the title, except its Title row', () => {
    const table = '| field | value |\n|---|---|\n| Version | 25.3.0 |\n| File | `lib/body.py` |\n';
    const untitled = parseMarkdownReport(
      'table.md',
      `${table}\n### Description\n\nThe chunk-size line is read with int().\n`,
    );
    expect(untitled.ok && untitled.value.title).toBe('The chunk-size line is read with int().');
    const titled = parseMarkdownReport(
      'titled.md',
      `| **Title** | Chunk sizes with underscores accepted |\n|---|---|\n| Version | 25.3.0 |\n\nText.\n`,
    );
    expect(titled.ok && titled.value.title).toBe('Chunk sizes with underscores accepted');
  });
});
