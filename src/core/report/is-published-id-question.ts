// Recognises a question about an already published advisory: a scanner result pasted with
// "are we affected?", "is version X affected by CVE-YYYY-NNNN?", "does the published advisory
// about X apply to 3.1?", in any language. Such a report cites a CVE or GHSA id (or names a
// published advisory or a scanner's finding in words), asks something, and brings nothing of its
// own that reproduces a bug (no steps, PoC command, sanitizer trace, patch or line reference): it
// reports no new bug.

import type { Fact, FactKind } from '../model/fact.js';
import type { Report } from '../model/report.js';
import { findReportIdentifiers } from './find-report-identifiers.js';
import { mayMatchIn, type GatedPattern } from './find-required-literals.js';

const publishedIdPattern = /^(?:CVE|GHSA)-/i;

// A published advisory named in words, or a dependency scanner's finding (scanners only report
// published advisories). Alternatives of literal words; no nested quantifiers. Its literals
// spare compiling it for the many reports that name none (a test checks them).
export const publishedAdvisory: GatedPattern = {
  pattern:
    /(?<![\p{L}\p{N}])(?:(?:published|public|recent|announced)\s+(?:security\s+)?(?:advisory|advisories|security\s+(?:release|announcement|bulletin|notice))|(?:trivy|snyk|dependabot|pip-audit|npm\s+audit|grype|osv-scanner|renovate|scanner|sca\s+(?:tool|dashboard))\s+(?:flags?|flagged|reports?|reported|raises?|raised|lists?|listed|marks?|marked|shows?|says)|avis\s+de\s+s[ée]curit[ée]|sicherheits(?:hinweis|meldung|warnung)|aviso\s+de\s+seguridad|avviso\s+di\s+sicurezza|aviso\s+de\s+seguran[çc]a|beveiligingsadvies)(?![\p{L}\p{N}])/iu,
  required: [
    [
      'advisories',
      'advisory',
      'avis de s',
      'aviso de seguran',
      'aviso de seguridad',
      'avviso di sicurezza',
      'beveiligingsadvies',
      'dependabot ',
      'grype ',
      'npm audit ',
      'pip-audit ',
      'renovate ',
      'sca dashboard ',
      'sca tool ',
      'scanner ',
      'security announcement',
      'security bulletin',
      'security notice',
      'security release',
      'sicherheitshinweis',
      'sicherheitsmeldung',
      'sicherheitswarnung',
      'snyk ',
      'trivy ',
    ],
  ],
};

/** Facts that show the reporter ran or read the code themselves. */
const ownFindingKinds: ReadonlySet<FactKind> = new Set<FactKind>([
  'reproduction-steps',
  'diff',
  'line-reference',
]);

// A sentence that asks: ends with "?" (before closing quotes or brackets), or opens with "¿".
// Both character classes are bounded and disjoint from what follows, so no backtracking builds up.
const questionPattern = /\?[)"'”’»\]]{0,3}(?:\s|$)|¿/u;

function isPublishedAdvisoryNamed(text: string): boolean {
  return mayMatchIn(text, publishedAdvisory) && publishedAdvisory.pattern.test(text);
}

function citesPublishedAdvisory(report: Report): boolean {
  const identifiers = findReportIdentifiers(report.title, report.body);
  return (
    [...identifiers.own, ...identifiers.related.map((related) => related.id)].some((id) =>
      publishedIdPattern.test(id),
    ) ||
    isPublishedAdvisoryNamed(report.title) ||
    isPublishedAdvisoryNamed(report.body)
  );
}

// A command that runs a dependency scanner (`$ pip-audit -r requirements.txt`, `trivy image app`,
// `npm audit --omit=dev`): how the scanner's finding was produced, not a reproduction of a bug.
// Literal alternatives after an optional prompt; no nested quantifiers.
const scannerCommand =
  /^[ \t]{0,8}(?:[$#>][ \t]{0,4})?(?:pip-audit|pip\s+audit|safety\s+(?:check|scan)|npm\s+audit|yarn\s+(?:npm\s+)?audit|pnpm\s+audit|trivy|grype|osv-scanner|snyk\s+(?:test|monitor|container)|govulncheck|cargo\s+audit|bundle[\s-]audit|dependency-check(?:\.sh)?|syft|docker\s+scout)(?![\w-])/i;

function isScannerRun(fact: Fact): boolean {
  return fact.kind === 'reproduction-steps' && scannerCommand.test(fact.quote);
}

function bringsOwnFinding(facts: readonly Fact[]): boolean {
  return facts.some(
    (fact) =>
      (ownFindingKinds.has(fact.kind) && !isScannerRun(fact)) ||
      (fact.kind === 'code-block' && fact.value === 'sanitizer-trace'),
  );
}

/** True for a question about a published advisory that brings no finding of its own. */
export function isPublishedIdQuestion(report: Report, facts: readonly Fact[]): boolean {
  return (
    citesPublishedAdvisory(report) &&
    !bringsOwnFinding(facts) &&
    (questionPattern.test(report.title) || questionPattern.test(report.body))
  );
}
