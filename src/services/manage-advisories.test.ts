import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createStandardValidator,
  createWeaknessCatalog,
} from '../adapters/standards/create-standard-validator.js';
import { loadSecurityProfile } from '../config/load-security-profile.js';
import { parseReportText } from '../core/report/parse-report.js';
import { createServices } from '../create-services.js';
import { createDefaultConfig } from '../config/load-config.js';
import { createAdvisoryService } from './manage-advisories.js';

const root = resolve(import.meta.dirname, '../..');
const reports = resolve(root, 'examples/reports');
const profile = await loadSecurityProfile(resolve(root, 'examples/security-profile.yml'));
const services = createServices(createDefaultConfig());
const readReports = async (paths: readonly string[]) =>
  (await services.intake.readFiles(paths)).reports;
const service = createAdvisoryService({
  triage: services.triage,
  validator: createStandardValidator(),
  weaknesses: createWeaknessCatalog(),
  clock: { now: () => new Date('2026-12-01T12:00:00Z') },
  version: '0.1.0',
});

describe('advisory draft', () => {
  it('drafts one advisory from an original and its duplicate: both credited, earliest date, facts', async () => {
    const outcome = await service.draft({
      profile,
      cveId: 'CVE-2026-41001',
      reports: await readReports([
        resolve(reports, '01-chunked-size-integer-overflow.md'),
        resolve(reports, '21-ghsa-chunked-body-heap-overflow.json'),
      ]),
    });
    if (outcome.kind !== 'drafted') throw new Error(JSON.stringify(outcome));
    const { advisory, notes } = outcome;
    expect(advisory).toMatchObject({
      id: 'GHSA-p6fv-hj83-2wcq',
      modified: '2026-12-01T12:00:00Z',
      summary: 'Heap buffer overflow in http_read_chunked() via chunk-size integer overflow',
      aliases: ['CVE-2026-41001'],
      cwes: ['CWE-190', 'CWE-122'],
      credits: [{ name: 'fenna-oduya', type: 'FINDER', contact: [] }],
      timeline: {
        reported: '2026-11-09T07:15:48Z',
        acknowledged: null,
        fixed: null,
        published: null,
      },
      // The profile's 90 disclosure days from the first report.
      embargoUntil: '2027-02-07T07:15:48Z',
      publisher: { name: 'tinyhttpd', url: 'https://example.org/tinyhttpd.git' },
      cna: null,
    });
    expect(advisory.affected[0]).toMatchObject({
      package: { ecosystem: null, name: 'tinyhttpd', purl: null },
      ranges: [
        {
          type: 'SEMVER',
          repo: null,
          events: [{ introduced: '2.2.0' }, { lastAffected: '2.4.1' }],
        },
      ],
      components: ['http-parser'],
    });
    expect(advisory.affected[0]!.functions).toContain('http_read_chunked');
    expect(advisory.severity.cvss).toEqual([
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    ]);
    expect(advisory.details).toContain('`http_read_chunked()` in `src/http/chunked.c`');
    expect(notes).toContain(
      'left out "<2.2.0": another range says the bug was introduced in 2.2.0',
    );
  });

  it('refuses reports of different bugs unless told to merge them', async () => {
    const paths = [
      resolve(reports, '01-chunked-size-integer-overflow.md'),
      resolve(reports, '10-double-slash-auth-bypass.md'),
    ];
    const read = await readReports(paths);
    const refused = await service.draft({ profile, reports: read });
    expect(refused).toMatchObject({ kind: 'several-bugs', clusters: [[paths[0]], [paths[1]]] });
    const merged = await service.draft({ profile, reports: read, merge: true });
    expect(merged.kind === 'drafted' && merged.notes[0]).toBe(
      'merged 2 bugs that duplicate matching tells apart, as asked',
    );
  });

  it('drafts from report content (as the inbox will), crediting every finder and escaping raw HTML', async () => {
    const report = (name: string, date: string) =>
      JSON.stringify({
        'thresher-report': 1,
        title: 'Stack overflow in th_log_request() via a long Host header',
        summary:
          '`th_log_request()` in `src/log/access.c` copies the Host header into a 256-byte stack buffer with `strcpy()`. A Host header of 300 bytes overwrites the return address. <img src=x onerror=alert(1)>',
        'affected-versions': ['2.3.0 up to and including 2.4.1'],
        reporter: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.net` },
        'received-at': date,
      });
    const parsed = [
      ['Jon Berg', '2026-11-05T09:00:00Z'],
      ['Mira Kovacs', '2026-11-03T09:00:00Z'],
    ].map(([name, date], index) => {
      const result = parseReportText(`inbox/${index}.json`, report(name!, date!));
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.value[0]!;
    });
    const outcome = await service.draft({ profile, reports: parsed });
    if (outcome.kind !== 'drafted') throw new Error(JSON.stringify(outcome));
    expect(outcome.advisory.credits.map((credit) => `${credit.name} ${credit.type}`)).toEqual([
      'Mira Kovacs FINDER',
      'Jon Berg FINDER',
    ]);
    expect(outcome.advisory.timeline.reported).toBe('2026-11-03T09:00:00Z');
    expect(outcome.advisory.details).toContain('&lt;img src=x onerror=alert(1)>');
    expect(outcome.advisory.details).not.toContain('<img');
    expect(outcome.notes).toContain(
      "reporters' e-mail addresses are not published: add a contact only with their consent",
    );
  });
});

describe('advisory export', () => {
  const advisory = {
    thresherAdvisory: 1,
    id: 'x_tinyhttpd-2026-0001',
    modified: '2026-11-20T00:00:00Z',
    summary: 'Overflow',
    details: '',
    aliases: [],
    affected: [],
    severity: { cvss: [], rating: null, text: null },
    cwes: [],
    references: [],
    credits: [],
    timeline: { reported: null, acknowledged: null, fixed: null, published: null },
    embargoUntil: '2027-01-15T00:00:00Z',
    publisher: { name: 'tinyhttpd', url: null },
    cna: null,
  };

  it('refuses a public export before the embargo ends, saying until when', async () => {
    const outcome = await service.exportAdvisory({ text: JSON.stringify(advisory), format: 'osv' });
    expect(outcome).toEqual({ kind: 'embargoed', until: '2027-01-15T00:00:00Z' });
  });

  it('names what a format needs before anything is written', async () => {
    const outcome = await service.exportAdvisory({
      text: JSON.stringify(advisory),
      format: 'cve5',
      force: true,
    });
    expect(
      outcome.kind === 'invalid' && [outcome.stage, outcome.issues.map((issue) => issue.path)],
    ).toEqual(['format', ['aliases', 'cna', 'affected', 'references']]);
  });

  it('exports OSV after the embargo', async () => {
    const outcome = await service.exportAdvisory({
      text: JSON.stringify({ ...advisory, embargoUntil: '2026-11-30T00:00:00Z' }),
      format: 'osv',
    });
    expect(outcome).toMatchObject({
      kind: 'exported',
      isEmbargoed: false,
      document: { id: 'x_tinyhttpd-2026-0001' },
    });
  });
});
