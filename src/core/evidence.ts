// The code evidence checks' part of the core: the claims a report makes about code and how each
// is judged against a repository. A narrow entry point beside triage.ts, so a triage loads it only
// when a repository is given (--repo). Every name here is also exported, unchanged, by index.ts.

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
