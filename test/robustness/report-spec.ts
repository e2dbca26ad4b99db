// What a report says, apart from how it is written: a title, who sent it and when, and labelled
// sections. The style generator renders one spec in many writing styles; the metamorphic suite
// expects Thresher to reach the same verdict on every rendering.

export interface ReportSpec {
  title: string;
  reporter?: { name: string; email?: string };
  /** ISO 8601 date or date-time. */
  date?: string;
  sections: SpecSection[];
}

export interface SpecSection {
  /** As a reporter would write it: "Summary", "Affected version", "Steps to reproduce"... */
  label: string;
  text: string;
}

/** What a label is about, by the generator's own small table (independent of Thresher's). */
export type LabelKind =
  | 'summary'
  | 'details'
  | 'version'
  | 'component'
  | 'reproduction'
  | 'proof-of-concept'
  | 'impact'
  | 'patch'
  | 'severity'
  | 'weakness'
  | 'ai-disclosure'
  | 'other';

const labelKinds: ReadonlyArray<readonly [LabelKind, RegExp]> = [
  ['summary', /^(?:summary|description|overview|short description)$/],
  ['details', /^(?:details|technical details|root cause|cause|analysis)$/],
  ['version', /^(?:affected )?versions?(?: affected| tested)?$|^affected releases?$/],
  ['component', /^(?:affected )?(?:component|file|files|function|location|module|endpoint)s?$/],
  [
    'reproduction',
    /^(?:steps to reproduce|to reproduce|reproduction(?: steps)?|how to reproduce)$/,
  ],
  ['proof-of-concept', /^(?:proof of concept|poc|exploit)$/],
  ['impact', /^(?:impact|security impact)$/],
  ['patch', /^(?:patch|fix|suggested fix|proposed patch|mitigation|remediation)$/],
  ['severity', /^(?:severity|cvss|cvss score|cvss vector|risk)$/],
  ['weakness', /^(?:weakness|cwe|vulnerability type)$/],
  ['ai-disclosure', /^(?:ai disclosure|ai use|ai usage|use of ai)$/],
];

export function classifyLabel(label: string): LabelKind {
  const normalised = label
    .toLowerCase()
    .replace(/[*:]/g, '')
    .replace(/[-_]/g, ' ')
    .replace(/\(s\)/g, 's')
    .replace(/\s+/g, ' ')
    .trim();
  return labelKinds.find(([, pattern]) => pattern.test(normalised))?.[0] ?? 'other';
}

/** Whether a section's text fits on one line (written inline after its label). */
export function isOneLine(text: string): boolean {
  return !text.includes('\n') && text.length <= 120;
}

/** `Ana Lima <ana@example.org>`, `ana@example.org` or `Ana Lima`. */
export function formatReporter(reporter: { name: string; email?: string }): string {
  if (reporter.email === undefined) return reporter.name;
  return reporter.name === '' ? reporter.email : `${reporter.name} <${reporter.email}>`;
}

/** The date part (YYYY-MM-DD) of an ISO date or date-time. */
export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}
