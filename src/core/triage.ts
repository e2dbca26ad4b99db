// The part of the core that a triage run loads: report parsing and facts, scope, completeness,
// severity, queue and replies, duplicates, terminal-safe text and the error classes. A narrow
// entry point beside index.ts (the whole library API), so `thresher triage` does not load the
// readiness rules, the advisory formats or the inbox workflow; the dependency guard
// (dependencies.ts) and the code evidence checks (evidence.ts) have entry points of their own, as
// a triage needs them only for a report with a diff or with --repo. Every name here is also
// exported, unchanged, by index.ts.

export { InputError, UnavailableError } from './errors.js';
export type { CheckedClaim, CodeClaim, EvidenceSummary } from './model/evidence.js';
export type { DuplicateCandidate, DuplicateDocument } from './model/duplicate.js';
export type {
  Dependency,
  DependencyFileFormat,
  DependencyFinding,
  Ecosystem,
} from './model/dependency.js';
export type { NpmAdvisory, RegistryLookup } from './model/package-record.js';
export type { AdvisoryFormat } from './model/advisory.js';
export type { Fact } from './model/fact.js';
export type { ParseIssue } from './model/parse-result.js';
export type { Report } from './model/report.js';
export type { ProfileCache, SecurityProfile } from './model/security-profile.js';
export { requirementNames } from './model/security-profile.js';
export type { DependencyFacts, TriageResult } from './model/triage-result.js';
export { findUnifiedDiffs } from './deps/find-unified-diffs.js';
export { createDuplicateIndex, type DuplicateIndex } from './duplicates/create-duplicate-index.js';
export { keepClustersApart } from './duplicates/keep-clusters-apart.js';
export { buildReportDocument } from './report/build-report-document.js';
export {
  describeTooLargeInput,
  intakeLimits,
  readReportInput,
  type IntakeProblem,
  type IntakeResult,
  type MailReader,
  type ReportInput,
} from './intake/read-report-input.js';
export { extractFacts, extractReportFacts } from './report/extract-facts.js';
export { deriveProjectNames } from './report/derive-project-names.js';
export { deriveProfileSettingNames } from './report/derive-profile-setting-names.js';
export {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  stringifyJsonForTerminal,
  stringifyJsonLineForTerminal,
} from './text/sanitize-for-terminal.js';
export { findLineAndColumn } from './text/locate-line.js';
export { parseCallSignature } from './text/call-signature.js';
export {
  compareQueuePlaces,
  placeInQueue,
  rankQueue,
  type QueuePlace,
} from './queue/score-priority.js';
export { toSeverityRating } from './severity/to-severity-rating.js';
export { predictSeverity } from './severity/predict-severity.js';
export type { SeverityModel } from './severity/severity-model.js';
export { parseSeverityModel } from './severity/severity-model-file.js';
export { triageFacts } from './triage/triage-report.js';
export { resolveSupportedVersions } from './scope/resolve-supported-versions.js';
export type { ReportStatus } from './workflow/status-transitions.js';
export { blankCvssVectors } from './severity/blank-cvss-vectors.js';
export type { Reporter, ReportFormat } from './model/report.js';
export type { ParseResult } from './model/parse-result.js';
export { createReportBodyBuilder } from './report/create-report-body-builder.js';
export { subjectAddsFacts } from './report/subject-adds-facts.js';
export { cutTitle, deriveReportTitle } from './report/derive-report-title.js';
export { fenceCode } from './report/fence-code.js';
export { checkReportText } from './report/check-report-text.js';
export { reportLimits } from './report/report-limits.js';
export { formatParseIssue } from './report/format-parse-issue.js';
export { readYamlDocument, type YamlReading } from './yaml/read-yaml-document.js';
