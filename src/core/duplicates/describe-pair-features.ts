// The signals between two reports as a fixed vector of numbers, each 0..1, for the learned pair
// model (score-duplicate-pair.ts) and its training script (scripts/train-duplicate-pair-model.ts).
// Names are part of the shipped weights file: a renamed or reordered feature makes the weights
// file fail its check rather than mean something else.

import type { DuplicateSignals } from './score-duplicate-signals.js';

/** A count as 0..1: 0 for none, 1 from `full` up. */
function saturate(count: number, full: number): number {
  return Math.min(1, Math.max(0, count) / full);
}

function flag(value: boolean): number {
  return value ? 1 : 0;
}

/** Each feature's name and how it is read from the signals (and the pair's text agreement). */
const pairFeatures: ReadonlyArray<
  readonly [name: string, read: (s: DuplicateSignals, text: number) => number]
> = [
  ['text', (_, text) => Math.min(1, text)],
  ['text-by-query', (s) => Math.min(1, s.textByQuery)],
  ['text-by-document', (s) => Math.min(1, s.textByDocument)],
  ['near-copy', (s) => s.nearCopy],
  ['same-package', (s) => flag(s.samePackage !== null)],
  ['package-conflict', (s) => flag(s.isPackageConflict)],
  ['package-mentioned', (s) => flag(s.isPackageMentioned)],
  ['shared-version', (s) => flag(s.sharedVersion !== null)],
  ['version-rarity', (s) => s.versionRarity],
  ['shared-fixed-version', (s) => flag(s.sharedFixedVersion !== null)],
  ['disjoint-releases', (s) => flag(s.isOnDisjointReleases)],
  ['shared-functions', (s) => saturate(s.sharedFunctions.length, 3)],
  ['shared-paths', (s) => saturate(s.sharedPaths.length, 2)],
  ['shared-file-names', (s) => saturate(s.sharedFileNames.length, 2)],
  ['shared-title-functions', (s) => flag(s.sharedTitleFunctions.length > 0)],
  ['title-functions-named', (s) => flag(s.titleFunctionsNamed.length > 0)],
  ['cited-functions-named', (s) => flag(s.citedFunctionsNamed.length > 0)],
  ['title-terms-found', (s) => saturate(s.titleTermsFound, 6)],
  ['title-terms-agreement', (s) => s.titleTermsAgreement],
  ['citation-title-share', (s) => s.citationTitleTerms?.share ?? 0],
  ['pair-terms-of-unlocated', (s) => saturate(s.pairTermsOfUnlocated ?? 0, 16)],
  ['unlocated-title-asking', (s) => flag(s.isUnlocatedTitleAsking)],
  ['one-side-without-code', (s) => flag(s.isOneSideWithoutCode)],
  ['shared-cwes', (s) => flag(s.sharedCwes.length > 0)],
  ['cwe-conflict', (s) => flag(s.isCweConflict)],
  ['shared-bug-classes', (s) => saturate(s.sharedBugClasses.length, 2)],
  ['other-language', (s) => flag(s.isOtherLanguagePair)],
  ['shared-concepts', (s) => saturate(s.sharedConcepts.length, 10)],
  ['shared-anchors', (s) => saturate(s.sharedAnchors.length, 4)],
  ['unshared-anchors', (s) => saturate(s.unsharedAnchors.length, 3)],
  ['shared-technical-tokens', (s) => saturate(s.sharedTechnicalTokens.length, 4)],
  ['technical-token-coverage', (s) => s.technicalTokenCoverage],
  ['unnamed-title-tokens', (s) => saturate(s.unnamedTitleTokens.length, 2)],
  ['own-classes', (s) => flag(s.ownClasses !== null)],
  ['contrasted-names', (s) => flag(s.contrastedNames.length > 0)],
  ['shared-related-ids', (s) => flag(s.sharedRelated.length > 0)],
  ['dates-near', (s) => (s.daysApart === null ? 0 : Math.exp(-s.daysApart / 30))],
];

export const pairFeatureNames: readonly string[] = pairFeatures.map(([name]) => name);

/** The pair's features, in `pairFeatureNames` order. */
export function describePairFeatures(signals: DuplicateSignals, text: number): number[] {
  return pairFeatures.map(([, read]) => read(signals, text));
}
