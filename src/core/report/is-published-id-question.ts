// Recognises a question about an already published advisory: a scanner result pasted with
// "are we affected?", "is version X affected by CVE-YYYY-NNNN?", in any language. Such a report
// cites a CVE or GHSA id, asks something, and brings nothing of its own that reproduces a bug
// (no steps, PoC command, sanitizer trace, patch or line reference): it reports no new bug.

import type { Fact, FactKind } from '../model/fact.js';
import type { Report } from '../model/report.js';
import { findReportIdentifiers } from './find-report-identifiers.js';

const publishedIdPattern = /^(?:CVE|GHSA)-/i;

/** Facts that show the reporter ran or read the code themselves. */
const ownFindingKinds: ReadonlySet<FactKind> = new Set<FactKind>([
  'reproduction-steps',
  'diff',
  'line-reference',
]);

// A sentence that asks: ends with "?" (before closing quotes or brackets), or opens with "¿".
// Both character classes are bounded and disjoint from what follows, so no backtracking builds up.
const questionPattern = /\?[)"'”’»\]]{0,3}(?:\s|$)|¿/u;

function citesPublishedId(report: Report): boolean {
  const identifiers = findReportIdentifiers(report.title, report.body);
  return [...identifiers.own, ...identifiers.related.map((related) => related.id)].some((id) =>
    publishedIdPattern.test(id),
  );
}

function bringsOwnFinding(facts: readonly Fact[]): boolean {
  return facts.some(
    (fact) =>
      ownFindingKinds.has(fact.kind) ||
      (fact.kind === 'code-block' && fact.value === 'sanitizer-trace'),
  );
}

/** True for a question about a published CVE or GHSA id that brings no finding of its own. */
export function isPublishedIdQuestion(report: Report, facts: readonly Fact[]): boolean {
  return (
    citesPublishedId(report) &&
    !bringsOwnFinding(facts) &&
    (questionPattern.test(report.title) || questionPattern.test(report.body))
  );
}
