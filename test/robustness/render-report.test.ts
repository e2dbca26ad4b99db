// The style generator: every style parses back through Thresher's real intake (report text,
// e-mail, GitHub advisory JSON) and keeps every section's text; the styles whose structure
// Thresher documents as read today come back as the same sections. HackerOne JSON has no intake
// yet (issue 8 adds it), so only its shape is checked until then.

import { describe, expect, it } from 'vitest';
import { parseEmailReports } from '../../src/adapters/mail/parse-email-reports.js';
import type { Report } from '../../src/core/index.js';
import { parseReportText } from '../../src/core/report/parse-report.js';
import { renderReport, reportStyles, type ReportStyle } from './render-report.js';
import type { ReportSpec } from './report-spec.js';
import { specFromReport } from './spec-from-report.js';

const spec: ReportSpec = {
  title: 'Heap overflow in dtdCopy() on 32-bit builds — Überlauf',
  reporter: { name: 'Ana Lima', email: 'ana@example.org' },
  date: '2024-06-18',
  sections: [
    {
      label: 'Summary',
      text: 'An integer overflow in `dtdCopy()` (lib/xmlparse.c) lets a document with many default attributes write past a heap buffer when the parser copies the DTD for an external entity = really.',
    },
    { label: 'Affected version', text: '2.6.2' },
    {
      label: 'Steps to reproduce',
      text: '1. Build a 32-bit xmlwf: `CFLAGS=-m32 ./configure`\n2. Run it on the generated file:\n\n```sh\npython3 gen.py > big.xml\nxmlwf -p big.xml\n```',
    },
    { label: 'Impact', text: 'Heap corruption in applications that parse untrusted documents.' },
    { label: 'Severity', text: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    { label: 'Weakness', text: 'CWE-190' },
  ],
};

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function parseRendering(style: ReportStyle, input: ReportSpec = spec): Promise<Report> {
  const rendered = renderReport(input, style);
  if (rendered.extension === '.eml') {
    const batch = await parseEmailReports('report.eml', new TextEncoder().encode(rendered.text));
    expect(batch.problems).toEqual([]);
    return batch.reports[0]!;
  }
  const parsed = parseReportText(
    `report${rendered.extension}`,
    rendered.text,
    rendered.extension === '.md' ? 'markdown' : undefined,
  );
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('; '));
  return parsed.value[0]!;
}

function sectionText(report: Report, heading: string): string | undefined {
  const section = report.sections.find(
    (candidate) =>
      normalise(candidate.heading).replace(/:$/, '').toLowerCase() === heading.toLowerCase(),
  );
  return section && report.body.slice(section.span.start, section.span.end);
}

/** Styles whose section structure Thresher documents as read today (docs/report-formats.md). */
const structuredStyles: ReportStyle[] = ['markdown-headings', 'bold-labels', 'front-matter'];

describe('renderReport', () => {
  it('offers the eleven styles of issue 8', () => {
    expect(reportStyles).toHaveLength(11);
  });

  for (const style of reportStyles) {
    it(`${style}: Thresher's intake reads it and keeps every section's text`, async () => {
      const report = await parseRendering(style);
      const body = normalise(report.body.replace(/^>[ ]?/gm, '').replace(/```\w*/g, ''));
      for (const section of spec.sections) {
        if (style === 'github-advisory-json' && ['Severity', 'Weakness'].includes(section.label))
          continue;
        expect(body, `${style}: ${section.label}`).toContain(
          normalise(section.text.replace(/```\w*/g, '')),
        );
      }
    });
  }

  for (const style of structuredStyles) {
    it(`${style}: comes back as the same sections`, async () => {
      const report = await parseRendering(style);
      for (const section of spec.sections) {
        const heading = style === 'front-matter' ? frontMatterKey(section.label) : section.label;
        const text = sectionText(report, heading);
        expect(text && normalise(text.replace(/^"|"$/g, '')), `${style}: ${section.label}`).toBe(
          normalise(section.text),
        );
      }
    });
  }

  it('github-advisory-json: severity and weakness come back from the structured fields', async () => {
    const report = await parseRendering('github-advisory-json');
    expect(report.format).toBe('github-advisory');
    expect(report.title).toBe(spec.title);
    expect(sectionText(report, 'Severity')).toContain(
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    );
    expect(sectionText(report, 'Weakness')).toContain('CWE-190');
    expect(sectionText(report, 'Steps to reproduce')).toContain('xmlwf -p big.xml');
    expect(report.receivedAt).toBe('2024-06-18T09:00:00.000Z');
  });

  it('email: subject, sender and date come back from the headers, the body from quoted-printable', async () => {
    const rendered = renderReport(spec, 'email');
    expect(rendered.text).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(rendered.text.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const report = await parseRendering('email');
    expect(report.title).toBe(spec.title);
    expect(report.reporter).toEqual({ name: 'Ana Lima', email: 'ana@example.org' });
    expect(report.receivedAt).toBe('2024-06-18T09:00:00.000Z');
    expect(report.body).toContain(spec.sections[2]!.text);
  });

  it('reply-thread: a new top message, then the report quoted line by line', () => {
    const { text } = renderReport(spec, 'reply-thread');
    expect(text.startsWith('Forwarding this report we received')).toBe(true);
    expect(text).toContain(`> # ${spec.title}`);
    expect(text).toContain('> ## Steps to reproduce');
  });

  it('hackerone-json: has the shape of HackerOne’s report object', () => {
    const { text, extension } = renderReport(spec, 'hackerone-json');
    expect(extension).toBe('.json');
    const { data } = JSON.parse(text) as { data: HackerOneReport };
    expect(data.type).toBe('report');
    expect(data.attributes.title).toBe(spec.title);
    expect(data.attributes.created_at).toBe('2024-06-18T09:00:00Z');
    for (const label of ['Summary', 'Affected version', 'Steps to reproduce', 'Impact'])
      expect(data.attributes.vulnerability_information).toContain(`## ${label}:`);
    expect(data.relationships.severity?.data.attributes).toMatchObject({
      rating: 'critical',
      attack_vector: 'network',
      privileges_required: 'none',
    });
    expect(data.relationships.weakness?.data.attributes.external_id).toBe('cwe-190');
    expect(data.relationships.structured_scope?.data.attributes.asset_type).toBe('SOURCE_CODE');
    expect(data.relationships.reporter?.data.attributes.name).toBe('Ana Lima');
  });

  it('keeps the severity section in the text when it says more than a vector', () => {
    const withProse: ReportSpec = {
      title: 'Crash',
      sections: [{ label: 'Severity', text: 'High, but only for administrators who enable it' }],
    };
    const { text } = renderReport(withProse, 'github-advisory-json');
    const advisory = JSON.parse(text) as { description: string; severity: string };
    expect(advisory.severity).toBe('high');
    expect(advisory.description).toContain('only for administrators');
  });
});

describe('specFromReport', () => {
  it('recovers the spec from the Markdown, bold-label and plain-label renderings', () => {
    for (const style of ['markdown-headings', 'bold-labels', 'plain-labels'] as const) {
      const recovered = specFromReport(renderReport(spec, style).text);
      expect(recovered, style).toEqual({ ...spec, reporter: spec.reporter, date: spec.date });
    }
  });

  it('reads casual lower-case labels with the same texts', () => {
    const recovered = specFromReport(renderReport(spec, 'lower-case-labels').text);
    expect(recovered.sections.map((section) => section.text)).toEqual(
      spec.sections.map((section) => section.text),
    );
    expect(recovered.sections.map((section) => section.label)).toContain('to reproduce');
  });

  it('ignores labels inside code fences and keeps prose before the first label', () => {
    const recovered = specFromReport(
      [
        'Crash in the parser',
        '',
        'I found this while fuzzing.',
        '',
        'Steps to reproduce:',
        '```',
        'Impact: not a label inside a fence',
        '```',
        '',
        '**Impact:** a crash',
      ].join('\n'),
    );
    expect(recovered).toEqual({
      title: 'Crash in the parser',
      sections: [
        { label: 'Description', text: 'I found this while fuzzing.' },
        { label: 'Steps to reproduce', text: '```\nImpact: not a label inside a fence\n```' },
        { label: 'Impact', text: 'a crash' },
      ],
    });
  });
});

function frontMatterKey(label: string): string {
  return ['Summary', 'Steps to reproduce'].includes(label)
    ? label
    : label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

interface HackerOneReport {
  type: string;
  attributes: { title: string; created_at: string; vulnerability_information: string };
  relationships: {
    reporter?: { data: { attributes: { name: string } } };
    severity?: { data: { attributes: Record<string, unknown> } };
    weakness?: { data: { attributes: { external_id: string } } };
    structured_scope?: { data: { attributes: { asset_type: string } } };
  };
}
