// Decides whether an e-mail's Subject says something its body does not: a version, a file, a
// function or an impact that only the Subject names ("[SECURITY] foo 2.3.7 - CVE-... - still
// affected?" above "see the subject line"). Such a Subject is read as part of the report's text.

import type { FactKind } from '../model/fact.js';
import type { Report } from '../model/report.js';
import { extractFacts } from './extract-facts.js';

/** The kinds of fact a Subject line can carry that triage needs from the text. */
const subjectFactKinds: ReadonlySet<FactKind> = new Set<FactKind>([
  'version',
  'file-path',
  'function',
  'line-reference',
  'impact',
]);

function readKinds(text: string): Set<FactKind> {
  const report: Report = {
    source: 'subject',
    format: 'markdown',
    title: '',
    body: text,
    sections: [],
    reporter: null,
    receivedAt: null,
  };
  return new Set(
    extractFacts(report)
      .map((fact) => fact.kind)
      .filter((kind) => subjectFactKinds.has(kind)),
  );
}

/**
 * True when the Subject names a version, file, function or impact and the body names none of that
 * kind: the body then leaves it to the Subject, so the Subject must be read with it.
 */
export function subjectAddsFacts(subject: string, body: string): boolean {
  const subjectKinds = readKinds(subject);
  if (subjectKinds.size === 0) return false;
  const bodyKinds = readKinds(body);
  return [...subjectKinds].some((kind) => !bodyKinds.has(kind));
}
