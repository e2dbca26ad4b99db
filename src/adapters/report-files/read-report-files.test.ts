import fc from 'fast-check';
import { mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postalMimeMailReader } from '../mail/parse-email-reports.js';
import { readReportFiles as readWithMail } from './read-report-files.js';

const readReportFiles = (paths: readonly string[]) => readWithMail(paths, postalMimeMailReader);

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'thresher-read-reports-'));
  await mkdir(join(folder, 'nested'));
  await mkdir(join(folder, '.hidden'));
  await writeFile(
    join(folder, 'a-good.md'),
    '\uFEFF# Overflow in parser\r\n\r\n## Impact\r\nRCE\r\n',
  );
  await writeFile(
    join(folder, 'b-binary.md'),
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d),
  );
  await writeFile(join(folder, 'c-latin1.md'), Buffer.from('# Caf\xe9 crash\n', 'latin1'));
  await writeFile(
    join(folder, 'd-report.json'),
    JSON.stringify({ 'thresher-report': 1, title: 'From JSON', impact: 'DoS' }),
  );
  await writeFile(join(folder, 'e-bad.json'), '{"thresher-report": 1, "title": 5}');
  await writeFile(
    join(folder, 'f-mail.eml'),
    'From: ana@example.org\nSubject: By mail\n\n## Impact\nbad\n',
  );
  await writeFile(join(folder, 'g-notes.pdf'), 'not a report extension');
  await writeFile(join(folder, 'nested', 'h-deeper.markdown'), 'Deeper report\n');
  await writeFile(
    join(folder, 'nested', 'i-mail.txt'),
    'Received: from mx.example.org\nFrom: bo@example.org\nSubject: Sniffed mail\n\nbody\n',
  );
  await writeFile(join(folder, '.hidden', 'j-secret.md'), '# hidden');
  await writeFile(join(folder, '.dotfile.md'), '# hidden');
  await symlink(folder, join(folder, 'nested', 'loop'));
  // A sparse 50 MB file: its size is refused before any byte is read.
  const huge = await open(join(folder, 'k-huge.md'), 'w');
  await huge.truncate(52_428_800);
  await huge.close();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readReportFiles', () => {
  it('reads a folder recursively in name order, skipping dotfiles and other extensions', async () => {
    const batch = await readReportFiles([folder]);
    expect(
      batch.reports.map(({ source, title, format }) => [
        source.slice(folder.length + 1),
        title,
        format,
      ]),
    ).toEqual([
      ['a-good.md', 'Overflow in parser', 'markdown'],
      ['d-report.json', 'From JSON', 'thresher-json'],
      ['f-mail.eml', 'By mail', 'email'],
      ['nested/h-deeper.markdown', 'Deeper report', 'markdown'],
      ['nested/i-mail.txt', 'Sniffed mail', 'email'],
    ]);
    expect(
      batch.problems.map(({ source, message }) => [source.slice(folder.length + 1), message]),
    ).toEqual([
      ['b-binary.md', 'binary file, not a text report (NUL byte at offset 8)'],
      ['c-latin1.md', 'not valid UTF-8 (byte 0xe9 at offset 5); save the file as UTF-8'],
      ['e-bad.json', 'title: expected a string, got a number'],
      ['k-huge.md', 'too large (52.4 MB > 10 MiB)'],
    ]);
  });

  it('strips the BOM and CRLF before building the body', async () => {
    const batch = await readReportFiles([join(folder, 'a-good.md')]);
    const report = batch.reports[0];
    expect(report?.body).toBe('# Overflow in parser\n\n## Impact\nRCE\n');
    const impact = report?.sections.find(({ field }) => field === 'impact');
    expect(report?.body.slice(impact?.span.start, impact?.span.end)).toBe('RCE');
  });

  it('reports missing paths and keeps going', async () => {
    const missing = join(folder, 'missing.md');
    const batch = await readReportFiles([missing, join(folder, 'd-report.json')]);
    expect(batch.reports).toHaveLength(1);
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]?.source).toBe(missing);
    expect(batch.problems[0]?.message).toMatch(/^cannot read: ENOENT/);
  });

  it('reads an explicitly named file whatever its extension', async () => {
    const batch = await readReportFiles([join(folder, 'g-notes.pdf')]);
    expect(batch.reports.map(({ title }) => title)).toEqual(['not a report extension']);
  });

  it('never throws on arbitrary file content', async () => {
    const extensions = fc.constantFrom('.md', '.json', '.txt', '.eml', '.mbox', '');
    let count = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), extensions, async (bytes, extension) => {
        count += 1;
        const path = join(folder, `fuzz-${count}${extension}`);
        await writeFile(path, bytes);
        const batch = await readReportFiles([path]);
        expect(batch.reports.length + batch.problems.length).toBeGreaterThan(0);
        await rm(path);
      }),
      { numRuns: 100 },
    );
  });
});
