// The part of the core that a triage run loads: report parsing and facts, scope, completeness,
// severity, queue and replies, duplicates, code evidence, the dependency guard, terminal-safe
// text and the error classes. A narrow entry point beside index.ts (the whole library API), so
// `thresher triage` does not load the readiness rules, the advisory formats or the inbox
// workflow. Every name here is also exported, unchanged, by index.ts.

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
export type { SecurityProfile } from './model/security-profile.js';
export { requirementNames } from './model/security-profile.js';
export type { DependencyFacts, TriageResult } from './model/triage-result.js';
export {
  assessDependencies,
  countPackages,
  dedupeDependencies,
} from './deps/assess-dependencies.js';
export {
  createPopularityIndexes,
  type PopularityIndex,
  type PopularPackage,
} from './deps/create-popularity-index.js';
export { resolveNpmVersion } from './deps/check-package-record.js';
export { normalizeForRegistry } from './deps/fold-package-name.js';
export { findUnifiedDiffs } from './deps/find-unified-diffs.js';
export { createAdvisoryIndex } from './deps/match-vulnerabilities.js';
export { parseDependencyFile } from './deps/parse-dependency-file.js';
export { parseDependencyDiff } from './deps/parse-dependency-diff.js';
export { summarizePackument } from './deps/summarize-packument.js';
export { createDuplicateIndex, type DuplicateIndex } from './duplicates/create-duplicate-index.js';
export { keepClustersApart } from './duplicates/keep-clusters-apart.js';
export { chooseRevision } from './evidence/choose-revision.js';
export { extractCodeClaims } from './evidence/extract-code-claims.js';
export { findClosestPath, resolveCitedPath } from './evidence/find-closest-path.js';
export { findSymbolDefinitions, findSymbolMentions } from './evidence/find-symbol-definitions.js';
export { gradeEvidence } from './evidence/grade-evidence.js';
export { evidenceThresholds } from './evidence/evidence-thresholds.js';
export { findBlockEnd } from './evidence/find-block-end.js';
export {
  findQuotedCode,
  groupHitsBySymbol,
  isLaterChangeWanted,
  listSymbolsToSearch,
  locateCitedLines,
  pickSnippetFiles,
  pickSymbolFiles,
  spellOption,
  type CodeHit,
} from './evidence/plan-claim-checks.js';
export {
  findNearMissName,
  listIdentifiers,
  pickNearMissProbes,
} from './evidence/find-near-miss-name.js';
export {
  judgeExternalClaim,
  judgeOptionClaim,
  judgeSymbolClaim,
  orderSymbolFiles,
  type SymbolSearch,
} from './evidence/judge-symbol-claim.js';
export {
  judgeFoundPath,
  judgeLineClaim,
  judgeMissingPath,
  judgePatchClaim,
  judgeRevisionClaim,
  judgeSnippetClaim,
} from './evidence/judge-code-claim.js';
export {
  addFixedIn,
  addLaterChange,
  describeCheckedRevision,
  summarizeCheckedRevision,
  type RevisionOutcome,
} from './evidence/describe-revision-check.js';
export {
  pickFirstRelease,
  sampleReleaseTags,
  type TagConvention,
} from './evidence/learn-tag-convention.js';
export {
  compareLineClaim,
  findBestSnippetMatch,
  pickSnippetProbes,
} from './evidence/match-snippet.js';
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
export {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  stringifyJsonForTerminal,
  stringifyJsonLineForTerminal,
} from './text/sanitize-for-terminal.js';
export { findLineAndColumn } from './text/locate-line.js';
export { rankQueue } from './queue/score-priority.js';
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
export { cutTitle, deriveReportTitle } from './report/derive-report-title.js';
export { fenceCode } from './report/fence-code.js';
export { checkReportText } from './report/check-report-text.js';
export { reportLimits } from './report/report-limits.js';
export { formatParseIssue } from './report/format-parse-issue.js';
export { readYamlDocument, type YamlReading } from './yaml/read-yaml-document.js';
