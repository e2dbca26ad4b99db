import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../test/support/write-zip.js';
import { readAdvisoryCorpus } from './read-advisory-corpus.js';

const advisory = (id: string, alias: string) =>
  JSON.stringify({
    id,
    modified: '2026-10-01T00:00:00Z',
    aliases: [alias],
    summary: `Heap overflow (${id})`,
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'tinyhttpd-py' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.4.2' }] }],
      },
    ],
  });

describe('readAdvisoryCorpus', () => {
  const folder = mkdtempSync(join(tmpdir(), 'thresher-corpus-'));
  mkdirSync(join(folder, 'osv'));
  writeFileSync(
    join(folder, 'osv', 'PYSEC-2026-1.json'),
    advisory('PYSEC-2026-1', 'CVE-2026-1111'),
  );
  writeFileSync(join(folder, 'earlier-report.md'), '# Earlier report\n\nSomething.\n');
  writeFileSync(
    join(folder, 'thresher-report.json'),
    JSON.stringify({ 'thresher-report': 1, title: 'x' }),
  );
  writeFileSync(join(folder, 'broken-osv.json'), JSON.stringify({ id: '', modified: 'x' }));
  writeFileSync(
    join(folder, 'PyPI.zip'),
    writeZip({
      'GHSA-aaaa.json': advisory('GHSA-2222-3333-4444', 'CVE-2026-2222'),
      'README.txt': 'not json',
      'bad.json': '{"id": 1',
    }),
  );
  writeFileSync(join(folder, 'garbage.zip'), 'this is not a zip');

  it('reads OSV files and zips, hands other files to the report reader, and names problems', async () => {
    const corpus = await readAdvisoryCorpus([folder, join(folder, 'missing')]);
    expect(corpus.advisories.map((document) => document.id).sort()).toEqual([
      'GHSA-2222-3333-4444',
      'PYSEC-2026-1',
    ]);
    expect(corpus.reportPaths.map((path) => path.slice(folder.length + 1))).toEqual([
      'earlier-report.md',
      'thresher-report.json',
    ]);
    const sources = corpus.problems.map((problem) => problem.source.slice(folder.length + 1));
    expect(sources).toEqual(
      expect.arrayContaining(['broken-osv.json', 'garbage.zip', 'PyPI.zip#bad.json', 'missing']),
    );
    for (const problem of corpus.problems) expect(problem.message.length).toBeGreaterThan(3);
  });

  it('reads a whole feed of OSV entries from one JSON array, naming each bad entry', async () => {
    const feedFolder = mkdtempSync(join(tmpdir(), 'thresher-feed-'));
    const feed = join(feedFolder, 'all.json');
    writeFileSync(
      feed,
      `[${advisory('PYSEC-2026-7', 'CVE-2026-7777')},${advisory('PYSEC-2026-8', 'CVE-2026-8888')},{"nope":1}]`,
    );
    const corpus = await readAdvisoryCorpus([feed]);
    expect(corpus.advisories.map((document) => document.id)).toEqual([
      'PYSEC-2026-7',
      'PYSEC-2026-8',
    ]);
    expect(corpus.problems.map((problem) => problem.source)).toEqual([`${feed}[2]`]);
    expect(corpus.problems[0]?.message).toContain('not an OSV advisory');
    expect(corpus.reportPaths).toEqual([]);
  });
});
