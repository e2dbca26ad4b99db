// What a query and one candidate share, reduced to the signals `scoreDuplicateSignals` weighs:
// aliases, packages and versions (with how rare they are in the index), code locations, CWEs,
// text similarity, near-copy shingles, dates and whether a report predates an advisory's fix.

import { isBugClassConflict } from './find-bug-classes.js';
import semver from 'semver';
import type { DuplicateDocument } from '../model/duplicate.js';
import type { DocumentAnalysis } from './analyze-duplicate-document.js';
import {
  makeIndexKey,
  packageKeyPrefix,
  packageNameKeyPrefix,
  versionKeyPrefix,
  type KeyedAnalysis,
} from './duplicate-index-keys.js';
import { countSharedShingles } from './hash-shingles.js';
import { minNearCopyShingles, type DuplicateSignals } from './score-duplicate-signals.js';

/** The query side, prepared once for every candidate. */
export interface PreparedQuery {
  doc: DuplicateDocument;
  analysis: DocumentAnalysis;
  /** Milliseconds since the epoch the query is dated (its own date, else "now"), or null. */
  time: number | null;
  exactPackages: ReadonlySet<string>;
  packageNames: ReadonlySet<string>;
  /** Every `-`-separated part of the query's package names. */
  packageNameParts: ReadonlySet<string>;
  /** The query's title words that are distinctive (see `isDistinctiveTitleTerm`). */
  distinctiveTitleTerms: readonly string[];
  terms: ReadonlySet<string>;
  /** The query's BM25 score against itself: what `textByQuery` is a share of. */
  textSelfScore: number;
}

/** The candidate side: its analysis and its text similarity to the query, from the index. */
export interface ScoredCandidate {
  doc: DuplicateDocument;
  analysis: KeyedAnalysis;
  /** BM25 of the query's terms in the candidate. */
  textScore: number;
  /** The candidate's BM25 score against itself: what `textByDocument` is a share of. */
  textSelfScore: number;
  hasTerm: (term: string) => boolean;
}

/** How common keys and words are in the index. */
export interface IndexStatistics {
  countDocumentsWithKey(key: string): number;
  /** 0..1: how telling a key held by that many documents is (1 for one document). */
  rarityOf(documentCount: number): number;
  /** A title word rare in advisories at large and in the index, and not part of a package name. */
  isDistinctiveTitleTerm(term: string, packageNameParts: ReadonlySet<string>): boolean;
  /** A title word rare in advisories at large, however common in the index. */
  isRareTitleTerm(term: string, packageNameParts: ReadonlySet<string>): boolean;
}

const millisecondsPerDay = 86_400_000;

export function measureDuplicateSignals(
  query: PreparedQuery,
  candidate: ScoredCandidate,
  statistics: IndexStatistics,
): DuplicateSignals {
  const ours = query.analysis;
  const theirs = candidate.analysis;
  const rarityOfKey = (key: string): number =>
    statistics.rarityOf(statistics.countDocumentsWithKey(key));
  const countVersion = (version: string): number =>
    statistics.countDocumentsWithKey(makeIndexKey(versionKeyPrefix, version));

  const samePackage = theirs.packages.find((keys) => query.exactPackages.has(keys.exact));
  const sharedNames = samePackage
    ? []
    : theirs.packages.flatMap((keys) => keys.names).filter((name) => query.packageNames.has(name));
  const relatedName =
    sharedNames.length > 0
      ? pickRarest(sharedNames, (name) =>
          statistics.countDocumentsWithKey(makeIndexKey(packageNameKeyPrefix, name)),
        )
      : null;
  const sharedFixed = intersect(ours.versions.fixed, theirs.versions.fixed);
  const sharedMentioned = intersect(ours.versions.mentioned, theirs.versions.mentioned);
  const fixedPick = sharedFixed.length > 0 ? pickRarest(sharedFixed, countVersion) : null;
  const versionPick = sharedMentioned.length > 0 ? pickRarest(sharedMentioned, countVersion) : null;
  const sharedCwes = intersect(ours.cwes, theirs.cwes);
  const nameParts = new Set([
    ...query.packageNameParts,
    ...listNameParts(theirs.packages.flatMap((keys) => keys.names)),
  ]);
  const theirTitleTerms = theirs.titleTerms.filter((term) =>
    statistics.isDistinctiveTitleTerm(term, nameParts),
  );
  const titleTermsFound =
    query.distinctiveTitleTerms.filter((term) => !nameParts.has(term) && candidate.hasTerm(term))
      .length + theirTitleTerms.filter((term) => query.terms.has(term)).length;
  const titleTermsTotal = query.distinctiveTitleTerms.length + theirTitleTerms.length;
  // A question about a published id carries only the advisory's words; what counts is how much
  // of the located report's title they say (words rare in advisories at large: several reports
  // of one batch about one function share "safe_join" and "device", and the question says them
  // too), about a version the question says is in use.
  const isBothReports = query.doc.kind === 'report' && candidate.doc.kind === 'report';
  const rareTitleTerms = (analysis: KeyedAnalysis): string[] =>
    analysis.titleTerms.filter((term) => statistics.isRareTitleTerm(term, nameParts));
  const citationTitleTerms = !isBothReports
    ? null
    : isAdvisoryCitation(ours) &&
        isLocatedFinding(theirs) &&
        isVersionInUseNamed(ours, theirs.versions.mentioned)
      ? countFound(rareTitleTerms(theirs), (term) => query.terms.has(term))
      : isAdvisoryCitation(theirs) &&
          isLocatedFinding(ours) &&
          isVersionInUseNamed(theirs, ours.versions.mentioned)
        ? countFound(rareTitleTerms(ours), (term) => candidate.hasTerm(term))
        : null;
  // A name either side says only to set itself apart ("unlike drain_conn()") is no evidence.
  const isContrasted = (name: string): boolean =>
    ours.contrastedNames.has(name) || theirs.contrastedNames.has(name);
  const isContrastedPath = (path: string): boolean =>
    isContrasted(path.slice(path.lastIndexOf('/') + 1));
  const allSharedFunctions = intersect(ours.functions, theirs.functions);
  const allTitleFunctionsNamed = [
    ...new Set([
      ...theirs.titleFunctions.filter((name) => query.terms.has(name)),
      ...ours.titleFunctions.filter((name) => candidate.hasTerm(name)),
    ]),
  ];
  // The first function a report cites is where it puts the bug (reports lead with the location;
  // deeper stack frames and callers come after), as a title's function is (rule 3g). It counts
  // when the other report names it and puts its own bug nowhere else: it cites no function as
  // code (a second finder names it in passing) or leads with the same one.
  const leadNamed = (
    functions: readonly string[],
    otherFunctions: readonly string[],
    isNamedByOther: (name: string) => boolean,
  ): string[] => {
    const lead = functions[0];
    const otherLead = otherFunctions[0];
    if (lead === undefined || !isNamedByOther(lead)) return [];
    return otherLead === undefined || otherLead === lead ? [lead] : [];
  };
  const allCitedFunctionsNamed = isBothReports
    ? [
        ...new Set([
          ...leadNamed(theirs.functions, ours.functions, (name) => query.terms.has(name)),
          ...leadNamed(ours.functions, theirs.functions, (name) => candidate.hasTerm(name)),
        ]),
      ]
    : [];
  const allSharedPaths = intersect(ours.paths, theirs.paths);
  const allSharedFileNames = intersect(ours.fileNames, theirs.fileNames);
  const contrastedNames = [
    ...new Set([
      ...[...allSharedFunctions, ...allTitleFunctionsNamed, ...allSharedFileNames].filter(
        isContrasted,
      ),
      ...allSharedPaths.filter(isContrastedPath),
    ]),
  ];
  const allRelated = [
    ...new Set([
      ...intersect(ours.related, theirs.aliases),
      ...intersect(ours.aliases, theirs.related),
      ...intersect(ours.related, theirs.related),
    ]),
  ];
  const contrastedIds = new Set([...ours.contrastedIds, ...theirs.contrastedIds]);
  const smallerShingles = Math.min(ours.shingles.length, theirs.shingles.length);
  const isReportAgainstAdvisory = query.doc.kind === 'report' && candidate.doc.kind === 'advisory';
  return {
    sharedAliases: intersect(ours.aliases, theirs.aliases),
    sharedRelated: allRelated.filter((id) => !contrastedIds.has(id)),
    deniedIds: [
      ...new Set([
        ...intersect(ours.contrastedIds, theirs.aliases),
        ...intersect(theirs.contrastedIds, ours.aliases),
      ]),
    ],
    contrastedNames,
    sharedTitleFunctions: intersect(
      [...new Set([...ours.titleFunctions, ...theirs.titleFunctions])],
      allSharedFunctions,
    ).filter((name) => !isContrasted(name)),
    titleFunctionsNamed: allTitleFunctionsNamed.filter((name) => !isContrasted(name)),
    citedFunctionsNamed: allCitedFunctionsNamed.filter((name) => !isContrasted(name)),
    samePackage: samePackage ? samePackage.label : null,
    relatedPackage: relatedName,
    packageRarity: samePackage
      ? rarityOfKey(makeIndexKey(packageKeyPrefix, samePackage.exact))
      : relatedName !== null
        ? rarityOfKey(makeIndexKey(packageNameKeyPrefix, relatedName))
        : 0,
    isPackageConflict:
      ours.packages.length > 0 &&
      theirs.packages.length > 0 &&
      !samePackage &&
      relatedName === null,
    isPackageMentioned:
      [...query.packageNames].some((name) => isNameIn(name, candidate.hasTerm)) ||
      theirs.packages.some((keys) =>
        keys.names.some((name) => isNameIn(name, (term) => query.terms.has(term))),
      ),
    sharedFixedVersion: fixedPick,
    fixedVersionRarity:
      fixedPick !== null ? rarityOfKey(makeIndexKey(versionKeyPrefix, fixedPick)) : 0,
    sharedVersion: versionPick,
    versionRarity:
      versionPick !== null ? rarityOfKey(makeIndexKey(versionKeyPrefix, versionPick)) : 0,
    titleTermsFound,
    citationTitleTerms,
    isQuestionPair: isBothReports && ours.isPublishedIdQuestion && theirs.isPublishedIdQuestion,
    titleTermsAgreement: titleTermsTotal > 0 ? titleTermsFound / titleTermsTotal : 0,
    sharedFunctions: allSharedFunctions.filter((name) => !isContrasted(name)),
    sharedPaths: allSharedPaths.filter((path) => !isContrastedPath(path)),
    sharedFileNames: allSharedFileNames.filter((name) => !isContrasted(name)),
    sharedCwes,
    isCweConflict: ours.cwes.length > 0 && theirs.cwes.length > 0 && sharedCwes.length === 0,
    bugClasses: isBugClassConflict(ours.bugClasses, theirs.bugClasses)
      ? [ours.bugClasses, theirs.bugClasses]
      : null,
    isCveConflict: isCveConflict(ours.aliases, theirs.aliases),
    pastFixOfOther: isBothReports
      ? (findFixPassed(ours, theirs) ?? findFixPassed(theirs, ours))
      : null,
    textByQuery: query.textSelfScore > 0 ? candidate.textScore / query.textSelfScore : 0,
    textByDocument: candidate.textSelfScore > 0 ? candidate.textScore / candidate.textSelfScore : 0,
    nearCopy:
      smallerShingles >= minNearCopyShingles
        ? countSharedShingles(ours.shingles, theirs.shingles) / smallerShingles
        : 0,
    fixedVersionOverlap:
      sharedFixed.length > 0
        ? sharedFixed.length /
          (ours.versions.fixed.length + theirs.versions.fixed.length - sharedFixed.length)
        : 0,
    isReportOfPublishedAdvisory: isReportAgainstAdvisory,
    isVersionBeforeFix: isReportAgainstAdvisory
      ? isBeforeEveryFix(ours.versions.mentioned, theirs.versions.fixed)
      : null,
    isSameSourceAdvisory:
      query.doc.kind === 'advisory' &&
      candidate.doc.kind === 'advisory' &&
      query.doc.source !== undefined &&
      query.doc.source.length > 0 &&
      query.doc.source === candidate.doc.source,
    daysApart:
      query.time !== null && theirs.time !== null
        ? Math.abs(query.time - theirs.time) / millisecondsPerDay
        : null,
  };
}

/** Every `-`-separated part of package names (`json-smart` -> `json`, `smart`). */
export function listNameParts(names: Iterable<string>): Set<string> {
  return new Set([...names].flatMap((name) => name.split('-')));
}

function intersect(first: readonly string[], second: readonly string[]): string[] {
  if (first.length === 0 || second.length === 0) return [];
  const held = new Set(second);
  return first.filter((value) => held.has(value));
}

/** A package name (`pyarrow`, `json-smart`) whose every part of two or more letters is a term. */
function isNameIn(name: string, hasTerm: (term: string) => boolean): boolean {
  const parts = name.split('-').filter((part) => part.length >= 2);
  return parts.length > 0 && parts.every(hasTerm);
}

/** The key with the fewest documents (ties by name), i.e. the most telling shared key. */
function pickRarest(keys: readonly string[], count: (key: string) => number): string {
  let best = keys[0]!;
  let bestCount = count(best);
  for (const key of keys.slice(1)) {
    const keyCount = count(key);
    if (keyCount < bestCount || (keyCount === bestCount && key < best)) {
      best = key;
      bestCount = keyCount;
    }
  }
  return best;
}

/**
 * Whether the versions a report names come before the advisory's fix: true when one does (the
 * report is about a version the advisory covers), false when every one is at or past the last fix
 * (a new bug or a regression), null when either side gives none.
 */
function isBeforeEveryFix(mentioned: readonly string[], fixed: readonly string[]): boolean | null {
  const fixes = fixed.map((version) => semver.coerce(version)).filter((v) => v !== null);
  const named = mentioned.map((version) => semver.coerce(version)).filter((v) => v !== null);
  if (fixes.length === 0 || named.length === 0) return null;
  const lastFix = fixes.reduce((latest, fix) => (semver.gt(fix, latest) ? fix : latest));
  return named.some((version) => semver.lt(version, lastFix));
}

/**
 * A fix version one report names ("a gap left by the fix released in 3.1.4") that every version it
 * says is affected has, while every version the other report says is affected predates it: a
 * bypass or regression of the other's fix, a new bug. Null when there is none.
 */
function findFixPassed(later: KeyedAnalysis, earlier: KeyedAnalysis): string | null {
  const coerce = (versions: readonly string[]) =>
    versions.map((version) => semver.coerce(version)).filter((v) => v !== null);
  const laterVersions = coerce(later.statedVersions);
  const earlierVersions = coerce(earlier.statedVersions);
  if (laterVersions.length === 0 || earlierVersions.length === 0) return null;
  for (const fix of later.versions.fixed) {
    const fixVersion = semver.coerce(fix);
    if (fixVersion === null) continue;
    if (
      laterVersions.every((version) => semver.gte(version, fixVersion)) &&
      earlierVersions.every((version) => semver.lt(version, fixVersion))
    )
      return fix;
  }
  return null;
}

/** Both are known by CVE ids and by none in common: two published vulnerabilities. */
function isCveConflict(ours: readonly string[], theirs: readonly string[]): boolean {
  const ourCves = ours.filter((id) => id.startsWith('CVE-'));
  const theirCves = theirs.filter((id) => id.startsWith('CVE-'));
  return (
    ourCves.length > 0 && theirCves.length > 0 && !ourCves.some((id) => theirCves.includes(id))
  );
}

/**
 * A question about a published advisory: a report that asks about a CVE or GHSA id and brings no
 * finding of its own (the functions it names are the advisory's, quoted), or one that cites such
 * an id and points at no code.
 */
function isAdvisoryCitation(analysis: KeyedAnalysis): boolean {
  return (
    analysis.isPublishedIdQuestion ||
    ([...analysis.aliases, ...analysis.related].some((id) => /^(?:CVE|GHSA)-/.test(id)) &&
      analysis.functions.length === 0 &&
      analysis.paths.length === 0)
  );
}

/**
 * A version the question says is in use (its version facts, so not an upgrade target it asks
 * about) is one the other document names; a question with no such versions is not held to it.
 */
function isVersionInUseNamed(question: KeyedAnalysis, otherVersions: readonly string[]): boolean {
  if (!question.isPublishedIdQuestion || question.statedVersions.length === 0) return true;
  return question.statedVersions.some((version) => otherVersions.includes(version));
}

/** Points at code and is not itself a question about a published id: a report of a bug. */
function isLocatedFinding(analysis: KeyedAnalysis): boolean {
  return (
    !analysis.isPublishedIdQuestion && (analysis.functions.length > 0 || analysis.paths.length > 0)
  );
}

function countFound(
  terms: readonly string[],
  isFound: (term: string) => boolean,
): { found: number; share: number } | null {
  if (terms.length === 0) return null;
  const found = terms.filter(isFound).length;
  return { found, share: found / terms.length };
}
