import { describe, expect, it } from 'vitest';
import type { Report, ReportField } from '../model/report.js';
import { parseReportText } from './parse-report.js';

function textsOf(report: Report, field: ReportField): string[] {
  return report.sections
    .filter((section) => section.field === field)
    .map(({ span }) => report.body.slice(span.start, span.end));
}

/** A repository advisory as GET /repos/{owner}/{repo}/security-advisories/{ghsa_id} returns it (trimmed). */
const repositoryAdvisory = {
  ghsa_id: 'GHSA-abcd-1234-wxyz',
  cve_id: 'CVE-2025-12345',
  url: 'https://api.github.com/repos/acme/tinyhttpd/security-advisories/GHSA-abcd-1234-wxyz',
  html_url: 'https://github.com/acme/tinyhttpd/security/advisories/GHSA-abcd-1234-wxyz',
  summary: 'Heap overflow in chunked transfer decoding',
  description:
    '### Summary\r\nA chunk size near SIZE_MAX wraps.\r\n\r\n### PoC\r\n```\r\n### not a heading\r\n```\r\n\r\n### Impact\r\nRCE.',
  severity: 'critical',
  author: { login: 'ana-lima' },
  publisher: null,
  identifiers: [{ value: 'GHSA-abcd-1234-wxyz', type: 'GHSA' }],
  state: 'triage',
  created_at: '2025-02-28T09:30:00Z',
  published_at: null,
  vulnerabilities: [
    {
      package: { ecosystem: 'npm', name: 'tinyhttpd' },
      vulnerable_version_range: '>= 2.0.0, < 2.4.1',
      patched_versions: '2.4.1',
      vulnerable_functions: ['parse_chunk'],
    },
  ],
  cvss: { vector_string: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 },
  cvss_severities: {
    cvss_v3: { vector_string: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 },
    cvss_v4: {
      vector_string: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      score: 9.3,
    },
  },
  cwes: [{ cwe_id: 'CWE-190', name: 'Integer Overflow or Wraparound' }],
  cwe_ids: ['CWE-190', 'CWE-122'],
  credits: [{ login: 'ana-lima', type: 'reporter' }],
  credits_detailed: [{ user: { login: 'ana-lima' }, type: 'reporter', state: 'accepted' }],
  submission: { accepted: false },
};

/** A global advisory as GET /advisories returns it (trimmed, no cvss_severities). */
const globalAdvisory = {
  ghsa_id: 'GHSA-zzzz-9999-aaaa',
  cve_id: null,
  summary: 'Prototype pollution in deep-merge',
  description: 'Merging attacker JSON sets `__proto__`.',
  severity: 'high',
  vulnerabilities: [
    {
      package: { ecosystem: 'npm', name: 'deep-merge' },
      vulnerable_version_range: '< 1.2.3',
      first_patched_version: '1.2.3',
    },
  ],
  cvss: { vector_string: null, score: null },
  cwes: [{ cwe_id: 'CWE-1321', name: 'Prototype Pollution' }],
  credits: [{ user: { login: 'finder-bot' }, type: 'finder' }],
  references: ['https://github.com/acme/deep-merge/pull/7'],
  published_at: '2025-01-15T00:00:00Z',
};

describe('GitHub security advisories', () => {
  it('renders a repository advisory with description sections, versions, severity and weakness', () => {
    const result = parseReportText('advisory.json', JSON.stringify(repositoryAdvisory));
    expect(result.ok).toBe(true);
    const report = (result.ok ? result.value[0] : undefined) as Report;
    expect(report.format).toBe('github-advisory');
    expect(report.title).toBe('Heap overflow in chunked transfer decoding');
    expect(
      report.body.startsWith(
        '# Heap overflow in chunked transfer decoding\n\nIdentifiers: GHSA-abcd-1234-wxyz, CVE-2025-12345\n\n### Summary\nA chunk',
      ),
    ).toBe(true);
    expect(report.reporter).toEqual({ name: 'ana-lima' });
    expect(report.receivedAt).toBe('2025-02-28T09:30:00.000Z');
    expect(textsOf(report, 'summary')).toEqual(['A chunk size near SIZE_MAX wraps.']);
    expect(textsOf(report, 'reproduction')).toEqual(['```\n### not a heading\n```']);
    expect(textsOf(report, 'impact')).toEqual(['RCE.']);
    expect(textsOf(report, 'affected-version')).toEqual([
      '- npm tinyhttpd: >= 2.0.0, < 2.4.1 (patched: 2.4.1)',
    ]);
    expect(textsOf(report, 'severity')).toEqual([
      'Rating: critical\nCVSS: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (score 9.8)\nCVSS: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (score 9.3)',
    ]);
    expect(textsOf(report, 'weakness')).toEqual([
      '- CWE-190: Integer Overflow or Wraparound\n- CWE-122',
    ]);
    expect(textsOf(report, 'credits')).toEqual(['- ana-lima (reporter)']);
  });

  it('reads an export array of global advisories', () => {
    const result = parseReportText(
      'export.json',
      JSON.stringify([globalAdvisory, repositoryAdvisory]),
    );
    expect(result.ok).toBe(true);
    const reports = result.ok ? result.value : [];
    expect(reports.map(({ source, format }) => [source, format])).toEqual([
      ['export.json#1', 'github-advisory'],
      ['export.json#2', 'github-advisory'],
    ]);
    const first = reports[0] as Report;
    expect(first.receivedAt).toBe('2025-01-15T00:00:00.000Z');
    expect(first.reporter).toEqual({ name: 'finder-bot' });
    expect(textsOf(first, 'affected-version')).toEqual([
      '- npm deep-merge: < 1.2.3 (patched: 1.2.3)',
    ]);
    expect(textsOf(first, 'severity')).toEqual(['Rating: high']);
    expect(textsOf(first, 'weakness')).toEqual(['- CWE-1321: Prototype Pollution']);
    expect(textsOf(first, 'references')).toEqual(['- https://github.com/acme/deep-merge/pull/7']);
  });

  it('reports wrong types with paths', () => {
    const result = parseReportText(
      'bad.json',
      JSON.stringify({
        ghsa_id: 'GHSA-x',
        summary: 7,
        description: null,
        vulnerabilities: [{ package: { name: 3 } }],
        cvss: { score: 'high' },
      }),
    );
    expect(result.ok ? [] : result.issues.map(({ path }) => path)).toEqual([
      'summary',
      'vulnerabilities[0].package.name',
      'cvss.score',
    ]);
  });
});
