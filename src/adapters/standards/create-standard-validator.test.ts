import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAdvisory } from '../../../test/support/advisory-arbitraries.js';
import {
  parseAdvisory,
  prepareAdvisoryExport,
  type Advisory,
  type AdvisoryFormat,
} from '../../core/index.js';
import { createStandardValidator, createWeaknessCatalog } from './create-standard-validator.js';

const fixtureFolder = resolve(import.meta.dirname, '../../../test/fixtures/advisories');
const formats: AdvisoryFormat[] = ['osv', 'cve5', 'csaf'];
const validator = createStandardValidator();
const catalog = createWeaknessCatalog();

function readAdvisory(name: string): Advisory {
  const parsed = parseAdvisory(JSON.parse(readFileSync(join(fixtureFolder, name), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

async function exportDocument(
  advisory: Advisory,
  format: AdvisoryFormat,
): Promise<Record<string, unknown>> {
  const prepared = prepareAdvisoryExport(advisory, format, {
    cweNames: await catalog.findNames(advisory.cwes),
    generatorVersion: '0.1.0',
    now: '2026-12-01T00:00:00Z',
    force: true,
  });
  if (prepared.kind !== 'document') throw new Error(JSON.stringify(prepared));
  return prepared.document;
}

// The first CSAF check loads BSI's mandatory tests, which compile their schemas: seconds on a busy machine.
const slow = { timeout: 180_000 };

describe('exports of realistic advisories', slow, () => {
  const cases = readdirSync(fixtureFolder).flatMap((name) =>
    formats.map((format) => [name, format] as const),
  );

  it.each(cases)(
    '%s as %s passes the official schema (and CSAF mandatory tests)',
    async (name, format) => {
      const document = await exportDocument(readAdvisory(name), format);
      expect(await validator.validate(format, document)).toEqual([]);
    },
  );

  it('writes the severity each format can hold: CVSS 3.1 and 4.0 scored, or the own words', async () => {
    const go = readAdvisory('go-router-dos.json');
    const cve = (await exportDocument(go, 'cve5')) as {
      containers: { cna: { metrics: unknown[] } };
    };
    expect(cve.containers.cna.metrics).toMatchObject([
      { cvssV3_1: { baseScore: 7.5, baseSeverity: 'HIGH' } },
      { cvssV4_0: { baseScore: 8.7, baseSeverity: 'HIGH' } },
    ]);
    const c = readAdvisory('c-library-git-ranges.json');
    const words = (await exportDocument(c, 'cve5')) as {
      containers: { cna: { metrics: unknown[] } };
    };
    expect(words.containers.cna.metrics).toEqual([
      {
        other: {
          type: 'Textual description of severity',
          content: { rating: 'high', text: c.severity.text },
        },
      },
    ]);
    const csaf = (await exportDocument(c, 'csaf')) as {
      document: { aggregate_severity: unknown; distribution: unknown };
    };
    expect(csaf.document.aggregate_severity).toEqual({ text: 'high' });
    // Exported with --force during the embargo: marked for restricted sharing.
    expect(csaf.document.distribution).toMatchObject({ tlp: { label: 'AMBER' } });
  });

  it('credits every finder in every format', async () => {
    const c = readAdvisory('c-library-git-ranges.json');
    const osv = (await exportDocument(c, 'osv')) as {
      credits: Array<{ name: string; type: string }>;
    };
    expect(
      osv.credits.filter((credit) => credit.type === 'FINDER').map((credit) => credit.name),
    ).toEqual(['Ada Lindqvist', 'fenna-oduya']);
    const cve = (await exportDocument(c, 'cve5')) as {
      containers: { cna: { credits: Array<{ value: string; type: string }> } };
    };
    expect(cve.containers.cna.credits.map((credit) => `${credit.value}/${credit.type}`)).toContain(
      'Chen Wei/remediation developer',
    );
    const csaf = (await exportDocument(c, 'csaf')) as {
      vulnerabilities: Array<{ acknowledgments: unknown }>;
    };
    expect(csaf.vulnerabilities[0]!.acknowledgments).toContainEqual({
      names: ['Ada Lindqvist', 'fenna-oduya'],
      summary: 'finder',
    });
  });
});

describe('schema validation', slow, () => {
  it('names the failing field of an invalid OSV record', async () => {
    const document = await exportDocument(readAdvisory('npm-markdown-sanitizer.json'), 'osv');
    const affected = (document.affected as Array<{ ranges: Array<{ events: unknown[] }> }>)[0]!;
    affected.ranges[0]!.events.push({ last_affected: '3.4.1' });
    expect(await validator.validate('osv', { ...document, modified: 'yesterday' })).toEqual([
      { path: '/modified', message: "does not match the schema's pattern for this field" },
      { path: '/modified', message: 'must match format "date-time"' },
      {
        path: '/affected/0/ranges/0',
        message: 'breaks the rule "last_affected and fixed events are mutually exclusive"',
      },
    ]);
  });

  it('explains a bad CVE record by the published-record schema alone', async () => {
    const document = (await exportDocument(readAdvisory('go-router-dos.json'), 'cve5')) as {
      containers: { cna: Record<string, unknown> };
    };
    document.containers.cna.title = '';
    expect(await validator.validate('cve5', document)).toEqual([
      { path: '/containers/cna/title', message: 'must NOT have fewer than 1 characters' },
    ]);
  });

  it('runs the CSAF mandatory tests (CWE name, CVSS computation)', async () => {
    const document = (await exportDocument(
      readAdvisory('npm-markdown-sanitizer.json'),
      'csaf',
    )) as {
      vulnerabilities: Array<{
        cwe: { name: string };
        scores: Array<{ cvss_v3: { baseScore: number } }>;
      }>;
    };
    document.vulnerabilities[0]!.cwe.name = 'Cross-site scripting';
    document.vulnerabilities[0]!.scores[0]!.cvss_v3.baseScore = 9.9;
    const issues = await validator.validate('csaf', document);
    expect(issues.map((issue) => issue.path)).toEqual([
      '/vulnerabilities/0/cwe/name',
      '/vulnerabilities/0/scores/0/cvss_v3/baseScore',
    ]);
    expect(issues[0]!.message).toMatch(/^CSAF mandatory test 6\.1\.11: /);
  });

  it('exports any valid advisory to documents the official schemas accept', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryAdvisory({ exportable: true }), async (advisory) => {
        for (const format of formats) {
          const issues = await validator.validate(format, await exportDocument(advisory, format));
          expect({ format, issues }).toEqual({ format, issues: [] });
        }
      }),
      { numRuns: 40 },
    );
  });
});
