// Finds the sections of a security policy that several rules read: supported versions, scope,
// and how to report.

import type { TextDocument } from './audit-context.js';
import type { MarkdownSection } from './read-markdown-sections.js';

const supportedHeading =
  /supported versions?|version support|maintained versions?|supported releases?|security updates/i;
const outOfScopeHeading =
  /out[- ]of[- ]scope|not in scope|non[- ]qualifying|exclusions?|not (?:considered )?(?:a )?(?:security )?(?:vulnerabilit|issue|bug)|what (?:is not|isn't|we do not|we don't)|threat model/i;
const scopeHeading = /\bscope\b|threat model|what (?:we|is) consider/i;
const reportingHeading = /report|disclos|what to include|submission/i;

export function findSupportedVersionsSection(policy: TextDocument): MarkdownSection | undefined {
  return policy.sections.find((section) => supportedHeading.test(section.heading));
}

export function findOutOfScopeSection(policy: TextDocument): MarkdownSection | undefined {
  return policy.sections.find((section) => outOfScopeHeading.test(section.heading));
}

export function findScopeSection(policy: TextDocument): MarkdownSection | undefined {
  return policy.sections.find((section) => scopeHeading.test(section.heading));
}

export function findReportingSections(policy: TextDocument): MarkdownSection[] {
  return policy.sections.filter((section) => reportingHeading.test(section.heading));
}
