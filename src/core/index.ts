// The library API of Thresher's pure core: explicit named exports only.

export {
  ConflictError,
  InputError,
  InternalError,
  NotFoundError,
  type ErrorCode,
} from './errors.js';
export type {
  CheckedClaim,
  ClaimProof,
  ClaimStatus,
  CodeClaim,
  CodeClaimKind,
  EvidenceGrade,
  EvidenceSummary,
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
export type { Fact, FactKind, FactOrigin } from './model/fact.js';
export type { ParseIssue, ParseResult } from './model/parse-result.js';
export type {
  Report,
  ReportField,
  ReportFormat,
  ReportSection,
  Reporter,
  TextSpan,
} from './model/report.js';
export type {
  AiDisclosurePolicy,
  AttackVector,
  ImpactKind,
  InputTrust,
  OutOfScopeDisposition,
  PrivilegesRequired,
  RequirementName,
  RuleCondition,
  ScopeRule,
  SecurityContact,
  SecurityProfile,
  ThreatComponent,
  UserInteraction,
} from './model/security-profile.js';
export type {
  AssessedSeverity,
  ClaimedSeverity,
  ConditionEvidence,
  ExpectedItem,
  Priority,
  RequirementCheck,
  RuleMatch,
  SeverityAssessment,
  SeverityComparison,
  SeverityRating,
  TriageResult,
  Verdict,
} from './model/triage-result.js';
export { isOsvAdvisory, parseOsvAdvisory } from './advisories/parse-osv-advisory.js';
export {
  assessDependencies,
  countPackages,
  dedupeDependencies,
  type DependencyAssessmentInput,
} from './deps/assess-dependencies.js';
export {
  createPopularityIndex,
  type PopularityIndex,
  type PopularPackage,
} from './deps/create-popularity-index.js';
export { resolveNpmVersion } from './deps/check-package-record.js';
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
export { chooseRevision } from './evidence/choose-revision.js';
export { extractCodeClaims } from './evidence/extract-code-claims.js';
export { findClosestPath, resolveCitedPath } from './evidence/find-closest-path.js';
export { findSymbolDefinitions, findSymbolMentions } from './evidence/find-symbol-definitions.js';
export { gradeEvidence } from './evidence/grade-evidence.js';
export {
  compareLineClaim,
  findBestSnippetMatch,
  pickSnippetProbes,
} from './evidence/match-snippet.js';
export { buildReportDocument } from './report/build-report-document.js';
export { extractFacts } from './report/extract-facts.js';
export { rankQueue } from './queue/score-priority.js';
export { toSeverityRating } from './severity/score-cvss-vector.js';
export { triageFacts, triageReport } from './triage/triage-report.js';
