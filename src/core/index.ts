// The library API of Thresher's pure core: explicit named exports only.

export {
  ConflictError,
  InputError,
  InternalError,
  NotFoundError,
  RateLimitedError,
  UnavailableError,
  type ErrorCode,
} from './errors.js';
export type {
  CheckedClaim,
  ClaimProof,
  ClaimRole,
  ClaimStatus,
  CodeClaim,
  CodeClaimKind,
  EvidenceGrade,
  EvidenceSummary,
  FabricationProof,
  SymbolKind,
} from './model/evidence.js';
export type {
  AffectedPackage,
  AffectedRange,
  DuplicateCandidate,
  DuplicateDocument,
} from './model/duplicate.js';
export {
  dependencySeverities,
  isAtLeastSeverity,
  type Dependency,
  type DependencyFile,
  type DependencyFileFormat,
  type DependencyFinding,
  type DependencyFindingKind,
  type DependencyInclude,
  type DependencyLocation,
  type DependencyOrigin,
  type DependencyScope,
  type DependencySeverity,
  type Ecosystem,
} from './model/dependency.js';
export type {
  NpmAdvisory,
  PackageRecord,
  PackageVersionRecord,
  RegistryLookup,
} from './model/package-record.js';
export {
  advisoryCreditTypes,
  advisoryFormats,
  isAdvisoryFormat,
  advisoryLimits,
  advisoryReferenceTypes,
  type Advisory,
  type AdvisoryAffected,
  type AdvisoryCna,
  type AdvisoryCredit,
  type AdvisoryCreditType,
  type AdvisoryEventKind,
  type AdvisoryFormat,
  type AdvisoryPackage,
  type AdvisoryPublisher,
  type AdvisoryRange,
  type AdvisoryRangeEvent,
  type AdvisoryRangeType,
  type AdvisoryRating,
  type AdvisoryReference,
  type AdvisoryReferenceType,
  type AdvisorySeverity,
  type AdvisoryTimeline,
} from './model/advisory.js';
export type { Fact, FactActor, FactKind, FactOrigin } from './model/fact.js';
export type { WorkLimit } from './model/work-limit.js';
export type { ParseIssue, ParseResult } from './model/parse-result.js';
export type {
  RelatedIdentifier,
  Report,
  ReportField,
  ReportChannel,
  ReportFormat,
  ReportIdentifiers,
  ReportSection,
  Reporter,
  TextSpan,
} from './model/report.js';
export type {
  AiDisclosurePolicy,
  AttackVector,
  AuditExemption,
  Bounty,
  ImpactKind,
  InputTrust,
  OutOfScopeDisposition,
  PrivilegesRequired,
  RequirementName,
  RuleCondition,
  ScopeRule,
  SecurityContact,
  ProfileCache,
  SecurityProfile,
  SeverityLevel,
  SeverityScale,
  SupportedVersionsKeyword,
  ThreatComponent,
  UserInteraction,
} from './model/security-profile.js';
export { requirementNames } from './model/security-profile.js';
export type {
  AssessedSeverity,
  ClaimedSeverity,
  ConditionEvidence,
  DependencyFacts,
  ExpectedItem,
  Priority,
  RequirementCheck,
  RuleMatch,
  ModelSeverity,
  ProjectSeverity,
  SeverityAssessment,
  SeverityComparison,
  SeverityRating,
  TriageResult,
  Verdict,
} from './model/triage-result.js';
export { parseOsvAdvisory } from './advisories/parse-osv-advisory.js';
export { isOsvAdvisory } from './report/is-osv-advisory.js';
export { convertAdvisoryToOsv } from './advisories/convert-advisory-to-osv.js';
export { convertAdvisoryToCve5 } from './advisories/convert-advisory-to-cve5.js';
export { convertAdvisoryToCsaf } from './advisories/convert-advisory-to-csaf.js';
export { draftAdvisory, type AdvisoryDraft } from './advisories/draft-advisory.js';
export { importAdvisories, type ImportedAdvisories } from './advisories/import-advisories.js';
export type { ImportedAdvisory } from './advisories/import-osv-advisory.js';
export {
  formatAdvisoryTimestamp,
  normaliseAdvisoryTimestamp,
} from './advisories/normalise-advisory-timestamp.js';
export { parseAdvisory, parseAdvisoryJson } from './advisories/parse-advisory.js';
export {
  findEmbargo,
  prepareAdvisoryExport,
  type PreparedExport,
} from './advisories/prepare-advisory-export.js';
export {
  assessDependencies,
  countPackages,
  dedupeDependencies,
  type DependencyAssessmentInput,
} from './deps/assess-dependencies.js';
export {
  createPopularityIndex,
  createPopularityIndexes,
  type PopularityIndex,
  type PopularPackage,
} from './deps/create-popularity-index.js';
export { resolveNpmVersion } from './deps/check-package-record.js';
export { joinNpmLists, parsePopularList } from './deps/read-popular-lists.js';
export { findTyposquat, type TyposquatMatch } from './deps/find-typosquat.js';
export { normalizeForRegistry } from './deps/fold-package-name.js';
export { findUnifiedDiffs } from './deps/find-unified-diffs.js';
export { createAdvisoryIndex, type AdvisoryIndex } from './deps/match-vulnerabilities.js';
export { detectDependencyFileFormat, parseDependencyFile } from './deps/parse-dependency-file.js';
export { parseDependencyDiff, type DependencyDiff } from './deps/parse-dependency-diff.js';
export { summarizePackument } from './deps/summarize-packument.js';
export {
  createDuplicateIndex,
  type DuplicateIndex,
  type DuplicateQueryOptions,
} from './duplicates/create-duplicate-index.js';
export { keepClustersApart } from './duplicates/keep-clusters-apart.js';
export { chooseRevision } from './evidence/choose-revision.js';
export { extractCodeClaims } from './evidence/extract-code-claims.js';
export {
  findClosestPath,
  resolveCitedFolder,
  resolveCitedPath,
  isOutsideCheckout,
  isApplicationPage,
  findGeneratorTemplate,
} from './evidence/find-closest-path.js';
export { findSymbolDefinitions, findSymbolMentions } from './evidence/find-symbol-definitions.js';
export {
  findOtherProductCue,
  findOutsideCodeCue,
  judgeClaimOutsideRepository,
} from './evidence/find-outside-code-cue.js';
export { gradeEvidence } from './evidence/grade-evidence.js';
export { judgeFrameFunctions } from './evidence/judge-frame-functions.js';
export { judgeReportDataNames } from './evidence/judge-report-data-names.js';
export { judgeOtherProductNames } from './evidence/judge-other-product-names.js';
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
export { findFirstRangeChange, readDiffHunks, type DiffHunk } from './evidence/trace-line-range.js';
export {
  findNearMissName,
  listIdentifiers,
  pickNearMissProbes,
} from './evidence/find-near-miss-name.js';
export {
  judgeExternalClaim,
  judgeOptionClaim,
  isDocumentationPath,
  judgeSymbolClaim,
  orderSymbolFiles,
  type SymbolSearch,
  unprefixConstant,
} from './evidence/judge-symbol-claim.js';
export {
  judgeFoundFolder,
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
  learnTagConvention,
  pickFirstRelease,
  sampleReleaseTags,
  type TagConvention,
} from './evidence/learn-tag-convention.js';
export {
  compareLineClaim,
  findBestSnippetMatch,
  pickSnippetProbes,
  pickSnippetNames,
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
export { parseReportText } from './report/parse-report.js';
export { findInvalidUtf8 } from './text/find-invalid-utf8.js';
export { extractFacts, extractReportFacts } from './report/extract-facts.js';
export { deriveProfileSettingNames } from './report/derive-profile-setting-names.js';
export { deriveProjectNames } from './report/derive-project-names.js';
export { findProfileSwitches } from './report/extract-command-switch-facts.js';
export { placeModuleName } from './scope/place-module-names.js';
export { checkSubmissionCompleteness } from './quality/check-submission-completeness.js';
export {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  stringifyJsonForTerminal,
  stringifyJsonLineForTerminal,
} from './text/sanitize-for-terminal.js';
export { findLineAndColumn } from './text/locate-line.js';
export { parseCallSignature } from './text/call-signature.js';
export { formatParseIssue } from './report/format-parse-issue.js';
export {
  compareQueuePlaces,
  placeInQueue,
  rankQueue,
  type QueuePlace,
} from './queue/score-priority.js';
export { toSeverityRating } from './severity/to-severity-rating.js';
export {
  combineSeverity,
  defaultCombineSeverityOptions,
  type CombinedSeverity,
  type CombineSeverityOptions,
  type SeverityDisagreement,
} from './severity/combine-severity.js';
export type { SeverityReason } from './severity/explain-severity-head.js';
export { findClaimedSeverity } from './severity/assess-severity.js';
export { inferSeverityFacts } from './severity/infer-severity-facts.js';
export { mapToSeverityScale, type ScaledSeverity } from './severity/map-to-severity-scale.js';
export {
  predictSeverity,
  type MetricPrediction,
  type SeverityPrediction,
} from './severity/predict-severity.js';
export type { SeverityModel } from './severity/severity-model.js';
export {
  parseSeverityModel,
  serializeSeverityModel,
  severityModelVersion,
} from './severity/severity-model-file.js';
export {
  ratingBands,
  readSeverityMetrics,
  severityMetrics,
  type RatingBand,
  type SeverityMetric,
} from './severity/severity-metrics.js';
export { severityTrainingOptions } from './severity/severity-training-options.js';
export {
  trainSeverityModel,
  type SeverityTrainingOptions,
  type SeverityTrainingRecord,
} from './severity/train-severity-model.js';
export { assignFolds } from './severity/assign-folds.js';
export { triageFacts, triageReport } from './triage/triage-report.js';
export type {
  AppliedExemption,
  AuditReport,
  AuditSummary,
  CheckCategory,
  CheckResult,
  CheckStatus,
  RepoSnapshot,
  RuleResult,
  SnapshotFile,
} from './model/readiness.js';
export type { ProfileParser } from './readiness/audit-context.js';
export type { ReadinessRule } from './readiness/readiness-rule.js';
export { readinessRules } from './readiness/readiness-rules.js';
export {
  createRepoSnapshot,
  describeSnapshotNeeds,
  runAudit,
  type AuditInput,
} from './readiness/run-audit.js';
export { renderSecurityProfile, type InitAnswers } from './readiness/render-security-profile.js';
export {
  findGithubUrl,
  mergeAgentsFile,
  renderAgentsSection,
  renderReadinessFiles,
  type RenderedFile,
} from './readiness/render-readiness-files.js';
export { findProfileWarnings, type ProfileWarning } from './profile/find-profile-warnings.js';
export {
  resolveSupportedVersions,
  type ResolvedSupportedVersions,
} from './scope/resolve-supported-versions.js';
export { findReportIdentifiers } from './report/find-report-identifiers.js';
export {
  canChangeStatus,
  checkStatusChange,
  isOpenStatus,
  isReportStatus,
  reportStatuses,
  statusTransitions,
  type ReportStatus,
} from './workflow/status-transitions.js';
export {
  summarizeInboxActivity,
  type InboxActivity,
  type InboxActivitySummary,
} from './workflow/summarize-inbox-activity.js';
export { blankCvssVectors } from './severity/blank-cvss-vectors.js';
// Report intake pieces the report-file and mail adapters build on, and the YAML reader of the
// profile loader: named here so nothing outside the core reaches into its folders.
export { parseMarkdownReport } from './report/parse-markdown-report.js';
export { createReportBodyBuilder } from './report/create-report-body-builder.js';
export { subjectAddsFacts } from './report/subject-adds-facts.js';
export { cutTitle, deriveReportTitle } from './report/derive-report-title.js';
export { fenceCode } from './report/fence-code.js';
export { checkReportText } from './report/check-report-text.js';
export { reportLimits } from './report/report-limits.js';
export { readYamlDocument, type YamlReading } from './yaml/read-yaml-document.js';
