// Builds facts and profiles inline for unit tests of the pure core.
import type { Fact, FactKind } from '../../src/core/model/fact.js';
import type { Report, ReportField, ReportSection } from '../../src/core/model/report.js';
import type { SecurityProfile } from '../../src/core/model/security-profile.js';

let nextOffset = 0;

export function buildFact(
  kind: FactKind,
  value: string,
  quote = value,
  origin: Fact['origin'] = 'prose',
): Fact {
  const start = nextOffset;
  nextOffset += quote.length + 1;
  return { kind, value, origin, quote, span: { start, end: start + quote.length, line: 1 } };
}

/** A fact read off a CVSS vector: its span lies inside the vector fact's span. */
export function buildVectorFacts(vector: string, derived: [FactKind, string][]): Fact[] {
  const vectorFact = buildFact('cvss-vector', vector);
  return [
    vectorFact,
    ...derived.map(([kind, value]): Fact => ({
      kind,
      value,
      origin: 'prose',
      quote: vector,
      span: { ...vectorFact.span },
    })),
  ];
}

export function buildProfile(
  overrides: Partial<SecurityProfile['threatModel']> = {},
): SecurityProfile {
  return {
    version: 1,
    project: { name: 'tinyhttpd' },
    policy: {
      contact: [{ type: 'email', address: 'security@example.org' }],
      response: { acknowledgeDays: 3, triageDays: 14, disclosureDays: 90 },
      supportedVersions: ['>=2.0.0'],
    },
    reportRequirements: {
      required: ['affected-version', 'affected-component', 'reproduction', 'impact'],
      recommended: ['proposed-patch', 'test-case'],
      aiDisclosure: 'required',
    },
    threatModel: {
      components: [
        { id: 'http-parser', paths: ['src/http/**'], input: 'untrusted' },
        { id: 'admin-cli', paths: ['tools/**'], input: 'trusted' },
      ],
      inScope: [
        {
          id: 'IN-NET',
          statement: 'Remote attackers sending HTTP requests.',
          when: { attackVector: ['network'], components: ['http-parser'] },
        },
      ],
      outOfScope: [
        {
          id: 'OOS-PRIV',
          statement: 'The attacker already has root or administrator privileges',
          when: { privilegesRequired: ['high'] },
          disposition: 'not-a-vulnerability',
        },
        {
          id: 'OOS-DEBUG',
          statement: 'Debug builds are not for production.',
          when: { requiresConfig: ['debug'] },
        },
        {
          id: 'OOS-TEST',
          statement: 'Tests and examples are not shipped.',
          when: { pathsOnly: ['test/**', 'examples/**'] },
        },
        {
          id: 'OOS-ENV',
          statement: 'The environment, config file and command line are trusted.',
          when: { attackerControls: ['environment', 'config-file', 'command-line'] },
        },
        {
          id: 'OOS-UNSUPPORTED',
          statement: 'Only 2.x is supported.',
          when: { versions: 'unsupported' },
        },
        {
          id: 'OOS-DOS-SMALL',
          statement: 'Bounded resource use is a regular bug.',
          when: { impact: ['bounded-resource-consumption'] },
          disposition: 'regular-bug',
        },
      ],
      ...overrides,
    },
  };
}

/** A report whose sections are the `## ` headings of its Markdown body, with a known field per heading. */
export function buildReport(body: string, fields: Record<string, ReportField> = {}): Report {
  const sections: ReportSection[] = [];
  const headings = [...body.matchAll(/^## (.+)$/gm)];
  headings.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length + 1;
    const end = headings[index + 1]?.index ?? body.length;
    const line = body.slice(0, start).split('\n').length;
    sections.push({
      heading: match[1]!,
      field: fields[match[1]!] ?? null,
      span: { start: Math.min(start, end), end, line },
    });
  });
  return {
    source: 'test.md',
    format: 'markdown',
    title: 'Test report',
    body,
    sections,
    reporter: null,
    receivedAt: null,
  };
}
