// The intake on every supported format and on hostile bytes: binary, truncated, wrong encodings,
// huge and deeply nested input. Every outcome is data (reports or problems), never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postalMimeMailReader } from '../../adapters/mail/parse-email-reports.js';
import {
  intakeLimits,
  readReportInput,
  type IntakeResult,
  type ReportInput,
} from './read-report-input.js';

const read = (input: ReportInput) => readReportInput(input, postalMimeMailReader);
const bytesOf = (text: string) => new TextEncoder().encode(text);
const formats = (result: IntakeResult) => result.reports.map((report) => report.format);
const messages = (result: IntakeResult) => result.problems.map((problem) => problem.message);

const osvRecord = {
  schema_version: '1.6.0',
  id: 'GHSA-aaaa-bbbb-cccc',
  modified: '2025-03-02T00:00:00Z',
  published: '2025-03-01T00:00:00Z',
  aliases: ['CVE-2025-1234'],
  summary: 'Heap overflow in chunked decoding',
  details: '`parse_chunk()` in `src/http/chunked.c` adds the size without an overflow check.',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'tiny-http' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.4.1' }] }],
    },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  database_specific: { cwe_ids: ['CWE-122'], severity: 'CRITICAL' },
  credits: [{ name: 'Ana Lima', type: 'FINDER' }],
  references: [{ type: 'WEB', url: 'https://example.org/advisory' }],
};

describe('readReportInput: formats', () => {
  it('reads Markdown and plain text, by name, media type or content', async () => {
    expect(formats(await read({ content: '# Crash\n\n## Impact\nDoS\n', name: 'a.md' }))).toEqual([
      'markdown',
    ]);
    expect(formats(await read({ content: bytesOf('The server crashes.\n') }))).toEqual([
      'markdown',
    ]);
    expect(
      formats(await read({ content: '{"x": 1} is how it starts', mediaType: 'text/markdown' })),
    ).toEqual(['markdown']);
  });

  it('reads Thresher, GitHub advisory, HackerOne and OSV JSON, one object or an array', async () => {
    const thresher = { 'thresher-report': 1, title: 'From JSON', impact: 'DoS' };
    const github = { ghsa_id: 'GHSA-xxxx-yyyy-zzzz', summary: 'Overflow', description: 'Bad.' };
    const hackerone = {
      data: { type: 'report', attributes: { title: 'XSS', vulnerability_information: 'Bad.' } },
    };
    const text = JSON.stringify([thresher, github, hackerone, osvRecord]);
    const result = await read({ content: bytesOf(text), name: 'export.json' });
    expect(messages(result)).toEqual([]);
    expect(formats(result)).toEqual(['thresher-json', 'github-advisory', 'hackerone', 'osv']);
    expect(result.reports.map((report) => report.source)).toEqual([
      'export.json#1',
      'export.json#2',
      'export.json#3',
      'export.json#4',
    ]);
  });

  it('turns an OSV record into a report with its ids, ranges, severity, weakness and finder', async () => {
    const result = await read({ content: JSON.stringify(osvRecord), name: 'osv.json' });
    const [report] = result.reports;
    expect(report).toMatchObject({
      format: 'osv',
      title: 'Heap overflow in chunked decoding',
      reporter: { name: 'Ana Lima' },
      receivedAt: '2025-03-01T00:00:00.000Z',
    });
    expect(report?.body).toContain('Identifiers: GHSA-aaaa-bbbb-cccc, CVE-2025-1234');
    const section = (field: string) => {
      const found = report?.sections.find((candidate) => candidate.field === field);
      return found && report?.body.slice(found.span.start, found.span.end);
    };
    expect(section('affected-version')).toBe('- npm tiny-http: introduced 0, fixed 2.4.1');
    expect(section('severity')).toBe(
      'Rating: CRITICAL\nCVSS: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    );
    expect(section('weakness')).toBe('CWE-122');
  });

  it('names the field of an OSV record of the wrong shape', async () => {
    const result = await read({
      content: JSON.stringify({ ...osvRecord, aliases: 'CVE-1', references: [{ url: 5 }] }),
      name: 'bad.json',
    });
    expect(messages(result)).toEqual(['references[0].url: expected a string, got a number']);
  });

  it('reads e-mail through the mail reader, by extension, media type or headers', async () => {
    const mail = 'From: ana@example.org\nSubject: By mail\n\n## Impact\nbad\n';
    for (const input of [
      { content: bytesOf(mail), name: 'a.eml' },
      { content: bytesOf(mail), mediaType: 'message/rfc822' },
      { content: `Received: from mx\n${mail}` },
    ]) {
      const result = await read(input);
      expect(formats(result)).toEqual(['email']);
      expect(result.reports[0]?.title).toBe('By mail');
    }
  });

  it('says e-mail needs a mail reader when it has none, naming no adapter', async () => {
    const result = await readReportInput({ content: 'From: a@b\nSubject: x\n\nbody\n' }, null);
    expect(messages(result)).toEqual([
      'an e-mail message, and this intake was given no mail reader',
    ]);
  });

  it('names the source after the input, or "input" without a name', async () => {
    const problems = (await read({ content: '' })).problems;
    expect(problems).toEqual([{ source: 'input', message: 'empty report' }]);
  });
});

describe('readReportInput: hostile bytes', () => {
  it('refuses binary content, naming the first NUL byte', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(messages(await read({ content: png, name: 'x.md' }))).toEqual([
      'binary file, not a text report (NUL byte at offset 8)',
    ]);
  });

  it('refuses Latin-1 bytes as UTF-8, naming the byte, and reads them when the charset says so', async () => {
    const latin1 = Uint8Array.from([...'# Caf\xe9 crash\n'].map((c) => c.charCodeAt(0)));
    expect(messages(await read({ content: latin1, name: 'c.md' }))).toEqual([
      'not valid UTF-8 (byte 0xe9 at offset 5); save the file as UTF-8',
    ]);
    const declared = await read({ content: latin1, mediaType: 'text/plain; charset=ISO-8859-1' });
    expect(declared.reports[0]?.title).toBe('Café crash');
    expect(
      messages(await read({ content: latin1, mediaType: 'text/plain; charset=x-nope' })),
    ).toEqual(['unknown charset "x-nope"; send the report as UTF-8']);
  });

  it('reads UTF-16 with a byte-order mark, either byte order', async () => {
    const text = '# Überlauf im Parser\n\n## Impact\nRCE\n';
    const little = new Uint8Array(2 + text.length * 2);
    const big = new Uint8Array(2 + text.length * 2);
    little.set([0xff, 0xfe]);
    big.set([0xfe, 0xff]);
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      little.set([code & 0xff, code >> 8], 2 + index * 2);
      big.set([code >> 8, code & 0xff], 2 + index * 2);
    }
    for (const content of [little, big]) {
      const result = await read({ content, name: 'utf16.md' });
      expect(result.reports[0]?.title).toBe('Überlauf im Parser');
    }
    // A BOM followed by an odd byte count is truncated UTF-16: a problem, not garbage.
    expect(messages(await read({ content: little.subarray(0, 7) }))).toEqual([
      'not valid utf-16le text; send the report as UTF-8',
    ]);
  });

  it('refuses truncated UTF-8 and truncated JSON with their positions', async () => {
    const cut = bytesOf('# Bug 🐛').subarray(0, 8);
    expect(messages(await read({ content: cut }))[0]).toMatch(
      /^not valid UTF-8 \(byte 0xf0 at offset 6\)/,
    );
    const json = await read({ content: '{"thresher-report": 1, "title": "x', name: 'r.json' });
    expect(messages(json)[0]).toMatch(/line 1/);
  });

  it('refuses input over the size limit before decoding it', async () => {
    const huge = new Uint8Array(intakeLimits.maxInputBytes + 1).fill(0x61);
    expect(messages(await read({ content: huge }))).toEqual(['too large (10.5 MB > 10 MiB)']);
  });

  it('refuses JSON nested deeper than the limit', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = await read({ content: deep, name: 'deep.json' });
    expect(result.reports).toEqual([]);
    expect(messages(result)[0]).toMatch(/deep|nest/i);
  });

  it('never throws, and every report keeps its spans inside its body (fast-check)', async () => {
    const names = fc.constantFrom(undefined, 'a.md', 'a.json', 'a.txt', 'a.eml', 'a.mbox', 'a');
    const mediaTypes = fc.constantFrom(
      undefined,
      'text/markdown',
      'application/json',
      'message/rfc822',
      'text/plain; charset=iso-8859-1',
      'text/plain; charset=utf-16le',
    );
    const contents = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 400 }),
      fc.string({ maxLength: 400 }).map((text) => bytesOf(text)),
      fc.json({ maxDepth: 6 }),
      fc.json({ maxDepth: 6 }).map((text) => bytesOf(`\ufeff${text}`)),
    );
    await fc.assert(
      fc.asyncProperty(contents, names, mediaTypes, async (content, name, mediaType) => {
        const result = await read({
          content,
          ...(name === undefined ? {} : { name }),
          ...(mediaType === undefined ? {} : { mediaType }),
        });
        expect(result.reports.length + result.problems.length).toBeGreaterThan(0);
        for (const report of result.reports) {
          expect(report.source.startsWith(name ?? 'input')).toBe(true);
          for (const { span } of report.sections) {
            expect(0 <= span.start && span.start <= span.end).toBe(true);
            expect(span.end).toBeLessThanOrEqual(report.body.length);
          }
        }
        for (const problem of result.problems)
          expect(problem.message).not.toMatch(/parseEmail|adapter/);
      }),
      { numRuns: 300 },
    );
  });
});
