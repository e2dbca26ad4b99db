import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/model/report.js';
import { parseEmailReports } from './parse-email-reports.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

function textOf(report: Report, heading: string): string | undefined {
  const section = report.sections.find((candidate) => candidate.heading === heading);
  return section === undefined
    ? undefined
    : report.body.slice(section.span.start, section.span.end);
}

const patch =
  '--- a/src/chunked.c\n+++ b/src/chunked.c\n@@ -10 +10 @@\n-size += n;\n+if (add_overflows(size, n)) return -1;\n';

/** multipart/mixed: a quoted-printable ISO-8859-1 text part and a base64 .patch attachment. */
const multipart = [
  'Return-Path: <joerg@example.org>',
  'From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.org>',
  'To: security@example.com',
  'Subject: =?ISO-8859-1?Q?Heap_overflow_in_chunked_decoding_=28gr=F6=DFer_als_8_KiB=29?=',
  'Date: Tue, 4 Mar 2025 10:15:00 +0100',
  'Message-ID: <1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  'This is a multi-part message in MIME format.',
  '--b1',
  'Content-Type: text/plain; charset=ISO-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '### Summary',
  'Der Parser l=E4uft =FCber, wenn die Chunk-Gr=F6=DFe nahe SIZE_MAX liegt. This line is soft=',
  '-wrapped.',
  '',
  '### Impact',
  'Remote code execution.',
  '--b1',
  'Content-Type: text/x-diff; name="fix.patch"',
  'Content-Disposition: attachment; filename="fix.patch"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from(patch).toString('base64'),
  '--b1',
  'Content-Type: image/png; name="screenshot.png"',
  'Content-Disposition: attachment; filename="screenshot.png"',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--b1--',
  '',
].join('\r\n');

describe('parseEmailReports', () => {
  it('reads a multipart message: charset, quoted-printable, headers and a .patch attachment', async () => {
    const batch = await parseEmailReports('report.eml', latin1(multipart));
    expect(batch.problems).toEqual([]);
    const report = batch.reports[0] as Report;
    expect(report.format).toBe('email');
    expect(report.source).toBe('report.eml');
    expect(report.title).toBe('Heap overflow in chunked decoding (größer als 8 KiB)');
    expect(report.reporter).toEqual({ name: 'Jörg Müller', email: 'joerg@example.org' });
    expect(report.receivedAt).toBe('2025-03-04T09:15:00.000Z');
    expect(report.sections.map(({ heading, field }) => [heading, field])).toEqual([
      ['Summary', 'summary'],
      ['Impact', 'impact'],
      ['Attachment: fix.patch', 'proposed-patch'],
    ]);
    expect(textOf(report, 'Summary')).toBe(
      'Der Parser läuft über, wenn die Chunk-Größe nahe SIZE_MAX liegt. This line is soft-wrapped.',
    );
    expect(textOf(report, 'Impact')).toBe('Remote code execution.');
    expect(textOf(report, 'Attachment: fix.patch')).toBe(`\`\`\`diff\n${patch.trimEnd()}\n\`\`\``);
    expect(report.body).toContain('## Attachment: fix.patch\n\n```diff\n--- a/src/chunked.c');
    expect(report.body).not.toContain('screenshot');
    expect(report.body).not.toContain('\r');
  });

  it("keeps a report's own header fields (Product, Version) as lines of its body", async () => {
    const message = [
      'From: build-bot triage, Mira Oyelaran',
      'Product: libfoo 1.0.0 (the foomux tool)',
      'Date: 2018-07-03',
      '',
      'foomux -info crashes on a tiny truncated file.',
    ].join('\n');
    const report = (await parseEmailReports('t.txt', encode(message))).reports[0] as Report;
    expect(report.body).toContain('Product: libfoo 1.0.0 (the foomux tool)');
    expect(report.body).toContain('foomux -info crashes');
    expect(report.body).not.toContain('Date:');
  });

  it('appends a Markdown attachment whose headings become sections', async () => {
    const message = [
      'From: ana@example.org',
      'Subject: Report attached',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary=x',
      '',
      '--x',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please see the attached report.',
      '--x',
      'Content-Type: text/markdown; charset=utf-8',
      'Content-Disposition: attachment; filename=report.md',
      '',
      '## Affected versions',
      '2.3.1',
      '--x--',
    ].join('\n');
    const report = (await parseEmailReports('a.eml', encode(message))).reports[0] as Report;
    expect(report.sections.map(({ heading }) => heading)).toEqual([
      'Attachment: report.md',
      'Affected versions',
    ]);
    expect(textOf(report, 'Affected versions')).toBe('2.3.1');
    expect(report.reporter).toEqual({ email: 'ana@example.org' });
  });

  it('converts an HTML-only message to text and keeps its headings', async () => {
    const message = [
      'From: Bo <bo@example.org>',
      'Subject: XSS',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>h3 { color: red }</style></head><body>',
      '<h3>Summary</h3><p>The <b>search</b> box reflects &lt;script&gt; &amp; runs it.</p>',
      '<script>alert(1)</script><h3>Impact</h3><ul><li>Session theft</li></ul></body></html>',
    ].join('\n');
    const report = (await parseEmailReports('h.eml', encode(message))).reports[0] as Report;
    expect(textOf(report, 'Summary')).toBe('The search box reflects <script> & runs it.');
    expect(textOf(report, 'Impact')).toBe('- Session theft');
    expect(report.body).not.toContain('alert(1)');
    expect(report.body).not.toContain('color: red');
  });

  it('splits an mbox into messages, unescaping >From lines', async () => {
    const mbox = [
      'From ana@example.org Sat Mar  1 12:00:00 2025',
      'From: ana@example.org',
      'Subject: First',
      '',
      'One.',
      '>From here on it gets worse.',
      '>>From stays quoted once.',
      '',
      'From bo@example.org Sat Mar  1 12:05:00 2025',
      'From: bo@example.org',
      'Subject: Second',
      'Date: Sat, 01 Mar 2025 12:05:00 +0000',
      '',
      'Two.',
      '',
      'From cy@example.org Sat Mar  1 12:10:00 2025',
      'From: cy@example.org',
      'Subject: Third',
      '',
      '## Impact',
      'Three.',
      '',
    ].join('\n');
    const batch = await parseEmailReports('inbox.mbox', encode(mbox));
    expect(batch.problems).toEqual([]);
    expect(batch.reports.map(({ source, title }) => [source, title])).toEqual([
      ['inbox.mbox#1', 'First'],
      ['inbox.mbox#2', 'Second'],
      ['inbox.mbox#3', 'Third'],
    ]);
    expect(batch.reports[0]?.body).toBe(
      'One.\nFrom here on it gets worse.\n>From stays quoted once.',
    );
    expect(batch.reports[1]?.receivedAt).toBe('2025-03-01T12:05:00.000Z');
    expect(batch.reports[2]?.sections[0]?.field).toBe('impact');
  });

  it('turns unreadable messages into problems', async () => {
    expect((await parseEmailReports('e.eml', encode(''))).problems[0]?.message).toMatch(
      /^empty report/,
    );
    expect(
      (await parseEmailReports('b.eml', Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0))).problems,
    ).toEqual([
      { source: 'b.eml', message: 'binary content, not an e-mail message (NUL byte at offset 4)' },
    ]);
    const headersOnly = await parseEmailReports(
      'h.eml',
      encode('From: a@b.c\nSubject: nothing\n\n'),
    );
    expect(headersOnly.problems[0]?.message).toBe(
      'empty report: the message has no text, HTML or text attachment',
    );
  });

  it("reads a Subject that names what the body leaves out as the body's title line", async () => {
    const message = (subject: string, body: string): Uint8Array =>
      encode(
        [
          'From: desk@example.net',
          'To: security@example.org',
          `Subject: ${subject}`,
          'Date: Tue, 20 Jan 2026 14:02:11 +0000',
          '',
          body,
        ].join('\r\n'),
      );
    const subjectOnly = await parseEmailReports(
      'q.eml',
      message(
        '[SECURITY] Werkzeug 2.3.7 - CVE-2023-46136 (multipart parser DoS) - still affected?',
        'Hello,\r\n\r\nsee the subject line. Is there a backport?\r\n',
      ),
    );
    const report = subjectOnly.reports[0]!;
    expect(report.title).toBe(
      '[SECURITY] Werkzeug 2.3.7 - CVE-2023-46136 (multipart parser DoS) - still affected?',
    );
    expect(report.body.startsWith(`# ${report.title}\n\nHello,`)).toBe(true);
    // A body that already names the version keeps its text as it was: spans do not move.
    const restated = await parseEmailReports(
      'r.eml',
      message('Crash in foo 2.4.1', 'Version: 2.4.1\r\n\r\nA long header crashes it.\r\n'),
    );
    expect(restated.reports[0]!.body.startsWith('Version: 2.4.1')).toBe(true);
  });

  it('never throws on arbitrary bytes or text, and keeps spans inside the body', async () => {
    const pieces = fc.constantFrom(
      'From ',
      'From: a@b.c\n',
      'Subject: =?utf-8?B?w6k=?=\n',
      'Subject: [SECURITY] foo 2.3.7 parse_header() DoS?\n',
      'Content-Type: multipart/mixed; boundary=b\n',
      '--b\n',
      '\n',
      '\r\n',
      '>From ',
      '## Impact\n',
      '=E9',
      'Content-Transfer-Encoding: quoted-printable\n',
      'filename="x.patch"\n',
    );
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc
        .array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 40 })
        .map((parts) => encode(parts.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const batch = await parseEmailReports('fuzz.eml', bytes);
        expect(batch.reports.length + batch.problems.length).toBeGreaterThan(0);
        for (const report of batch.reports) {
          for (const { span } of report.sections) {
            expect(span.end).toBeLessThanOrEqual(report.body.length);
            expect(span.start).toBeLessThanOrEqual(span.end);
            expect(span.line).toBe(report.body.slice(0, span.start).split('\n').length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
