import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readCveRecordAdvisory,
  readCvss3BaseVector,
  removeStatedCvss,
  selectSupplementAdvisories,
  type SupplementAdvisory,
} from './read-supplement-advisories.js';
import { readSeverityMetrics } from './severity-metrics.js';

function cveRecord(overrides: {
  id?: string;
  state?: string;
  description?: string;
  lang?: string;
  cnaVector?: string;
  adpVector?: string;
  product?: string;
  title?: string;
}): unknown {
  const metrics = (vector: string | undefined) =>
    vector === undefined ? [] : [{ cvssV3_1: { version: '3.1', vectorString: vector } }];
  return {
    dataType: 'CVE_RECORD',
    cveMetadata: {
      cveId: overrides.id ?? 'CVE-2024-1234',
      state: overrides.state ?? 'PUBLISHED',
      assignerShortName: 'GitHub_M',
    },
    containers: {
      cna: {
        title: overrides.title ?? 'Stored XSS in the wiki',
        affected: [{ vendor: 'acme', product: overrides.product ?? 'wiki' }],
        descriptions: [
          {
            lang: overrides.lang ?? 'en',
            value:
              overrides.description ??
              'An authenticated user can store script in a wiki page that runs in other browsers.',
          },
        ],
        metrics: metrics(overrides.cnaVector ?? 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N'),
      },
      adp: [
        { title: 'CVE Program Container', references: [] },
        ...(overrides.adpVector === undefined
          ? []
          : [{ title: 'CISA ADP Vulnrichment', metrics: metrics(overrides.adpVector) }]),
      ],
    },
  };
}

function advisory(id: string, text: string, extra: Partial<SupplementAdvisory> = {}) {
  return {
    id,
    source: 'cve-cna',
    assigner: 'x',
    package: 'p',
    title: '',
    text,
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    ...extra,
  };
}

describe('readCveRecordAdvisory', () => {
  it("reads a CVE JSON 5 record's English description and the CNA's vector", () => {
    expect(readCveRecordAdvisory(cveRecord({}))).toEqual({
      id: 'CVE-2024-1234',
      source: 'cve-cna',
      assigner: 'GitHub_M',
      package: 'wiki',
      title: 'Stored XSS in the wiki',
      text: 'An authenticated user can store script in a wiki page that runs in other browsers.',
      cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
    });
  });

  it("prefers the ADP's vector and says so", () => {
    const read = readCveRecordAdvisory(
      cveRecord({ adpVector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N' }),
    );
    expect(read?.source).toBe('cve-adp');
    expect(read?.cvss).toBe('CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N');
  });

  it('keeps the base metrics of a vector with temporal metrics or in another order', () => {
    expect(readCvss3BaseVector('CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:N/I:N/A:H/E:P/RL:O/RC:C')).toBe(
      'CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:N/I:N/A:H',
    );
    expect(readCvss3BaseVector('CVSS:3.0/AC:H/AV:N/A:H/C:H/I:H/PR:N/S:C/UI:N')).toBe(
      'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H',
    );
    expect(readCvss3BaseVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H')).toBe('');
    expect(readCvss3BaseVector('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBe('');
    expect(readCvss3BaseVector('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe('');
  });

  it('takes nothing from a rejected record, one without English text or without a CVSS 3 vector', () => {
    expect(readCveRecordAdvisory(cveRecord({ state: 'REJECTED' }))).toBeNull();
    expect(readCveRecordAdvisory(cveRecord({ lang: 'es' }))).toBeNull();
    expect(
      readCveRecordAdvisory(cveRecord({ cnaVector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' })),
    ).toBeNull();
    expect(readCveRecordAdvisory(cveRecord({ description: '   ' }))).toBeNull();
    expect(readCveRecordAdvisory({ cveMetadata: 'x' })).toBeNull();
  });

  it('removes a vector and base score the text states, so the model cannot copy them', () => {
    const text =
      'Easily exploitable vulnerability allows high privileged attacker with network access to compromise MySQL Server. CVSS 3.1 Base Score 3.8 (Confidentiality and Integrity impacts).  CVSS Vector: (CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N).';
    const cleaned = removeStatedCvss(text);
    expect(cleaned).toContain('high privileged attacker with network access');
    expect(cleaned).not.toMatch(/CVSS|PR:H|3\.8/);
  });

  it('never throws on arbitrary JSON and yields only complete CVSS 3 base vectors', () => {
    const recordLike = fc.record({
      cveMetadata: fc.record({ cveId: fc.string(), state: fc.constantFrom('PUBLISHED', 'x') }),
      containers: fc.record({
        cna: fc.record({
          descriptions: fc.array(
            fc.record({ lang: fc.constantFrom('en', 'en-US', 'fr'), value: fc.string() }),
          ),
          metrics: fc.array(fc.record({ cvssV3_1: fc.record({ vectorString: fc.string() }) })),
        }),
        adp: fc.anything(),
      }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), recordLike), (value) => {
        const read = readCveRecordAdvisory(value);
        if (read !== null) {
          expect(readSeverityMetrics(read.cvss)).not.toBeNull();
          expect(read.text.trim()).not.toBe('');
        }
      }),
    );
  });

  it('reads any vector string without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const vector = readCvss3BaseVector(text);
        expect(vector === '' || readSeverityMetrics(vector) !== null).toBe(true);
      }),
    );
  });
});

describe('selectSupplementAdvisories', () => {
  it("leaves out what the development data's sources hold, excluded projects and repeats", () => {
    const selection = selectSupplementAdvisories(
      [
        advisory('CVE-2020-1001', 'A heap overflow in the parser.'),
        advisory('CVE-2020-1002', 'Same bug as CVE-2020-1001, found again in the parser.'),
        advisory('CVE-2020-1003', 'Exactly the development text.'),
        advisory('CVE-2020-1004', 'A flaw in libcurl lets a server read memory.'),
        advisory('CVE-2020-1005', 'A flaw in the curly-brace template engine.'),
        advisory('CVE-2020-1006', 'A flaw in the curly brace template engine!'),
        advisory('CVE-2020-1007', 'Another flaw.', { package: 'curl' }),
      ],
      {
        cveIds: new Set(['CVE-2020-1001']),
        texts: new Set(['exactly the development text']),
        projectWords: ['curl', 'libcurl'],
      },
    );
    expect(selection.kept.map((kept) => kept.id)).toEqual(['CVE-2020-1005']);
    expect(selection.leftOut).toEqual({
      sharedCve: 2,
      sharedText: 1,
      excludedProject: 2,
      repeatedText: 1,
    });
  });
});
