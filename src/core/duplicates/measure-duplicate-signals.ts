// What a query and one candidate share, reduced to the signals `scoreDuplicateSignals` weighs:
// aliases, packages and versions (with how rare they are in the index), code locations, CWEs,
// text similarity, near-copy shingles, dates and whether a report predates an advisory's fix.

import { isBugClassConflict } from './find-bug-classes.js';
import type { PanicLocation } from '../report/find-panic-locations.js';
import {
  describeCrashConflict,
  findSharedRuntimePanics,
  findSharedSanitizerCrash,
} from './find-crash-signature.js';
import { namesDevelopmentBuild } from './extract-version-keys.js';
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
import { isBrandName, isLiteralToken, scratchPathPattern } from './find-technical-tokens.js';
import { tokenizeForMatching } from './tokenize-for-matching.js';
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
  /** How many documents of the index, other than the query itself, use a search term. */
  countOtherDocumentsWithTerm(term: string): number;
}

const millisecondsPerDay = 86_400_000;
/** An anchor of rule 3m counts when at most this many documents besides the two use its words. */
const maxThirdDocumentsWithAnchor = 1;
/**
 * A report that calls this many camelCase methods of the product no other document names has a
 * place of its own (its own configuration: `.addAttributes(...)`, `.addProtocols(...)`); one
 * such call may be the entry point it reached the bug through.
 */
const minOwnMethodCalls = 2;

export function measureDuplicateSignals(
  query: PreparedQuery,
  candidate: ScoredCandidate,
  statistics: IndexStatistics,
): DuplicateSignals {
  const ours = query.analysis;
  const theirs = candidate.analysis;
  // Whether the query document names a term: the counterpart of `candidate.hasTerm`.
  const queryHasTerm = (term: string): boolean => query.terms.has(term);
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
  const isBothReports = query.doc.kind === 'report' && candidate.doc.kind === 'report';
  const sharedFixed = intersect(ours.versions.fixed, theirs.versions.fixed);
  // Between two reports, a version shared with a question about a published id is one the
  // question says is in use: the patched release a scanner names ("patched version: 3.1.3") is
  // not where the question's user runs, so it does not tie the question to a bug found there.
  const sharedMentioned = intersect(ours.versions.mentioned, theirs.versions.mentioned).filter(
    (version) =>
      !isBothReports || (isVersionInUseOf(ours, version) && isVersionInUseOf(theirs, version)),
  );
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
      .length + theirTitleTerms.filter(queryHasTerm).length;
  const titleTermsTotal = query.distinctiveTitleTerms.length + theirTitleTerms.length;
  // A question about a published id carries only the advisory's words; what counts is how much
  // of the located report's title they say (words rare in advisories at large: several reports
  // of one batch about one function share "safe_join" and "device", and the question says them
  // too), about a version the question says is in use.
  const rareTitleTerms = (analysis: KeyedAnalysis): string[] =>
    analysis.titleTerms.filter((term) => statistics.isRareTitleTerm(term, nameParts));
  const citationTitleTerms = !isBothReports
    ? null
    : isAdvisoryCitation(ours) &&
        isLocatedFinding(theirs) &&
        isVersionInUseNamed(ours, theirs.versions.mentioned)
      ? countFound(rareTitleTerms(theirs), queryHasTerm)
      : isAdvisoryCitation(theirs) &&
          isLocatedFinding(ours) &&
          isVersionInUseNamed(theirs, ours.versions.mentioned)
        ? countFound(rareTitleTerms(ours), (term) => candidate.hasTerm(term))
        : null;
  // A class another document names too (every sandbox report names `SandboxedEnvironment`, both
  // finders name the `SecurityError` they expected) is the product's vocabulary, where a finder
  // starts from, not a place of its own. Counted without the unlocated report itself.
  const isClassNamedByOtherThanQuery = (name: string): boolean =>
    statistics.countOtherDocumentsWithTerm(name) >= 1;
  const isClassNamedByOtherThanCandidate = (name: string): boolean =>
    statistics.countOtherDocumentsWithTerm(name) - (candidate.hasTerm(name) ? 1 : 0) >= 1 ||
    query.terms.has(name);
  // A second finder who points at no code describes what they saw in their own words; what they
  // share with the located report alone (rule 3h) are the words of the mechanism ("netrc",
  // "multipart", "Content-Disposition"), rare in advisories and used by no third report.
  const isQueryUnlocated =
    isBothReports &&
    isUnlocatedFinding(ours, isClassNamedByOtherThanQuery) &&
    isLocatedFinding(theirs);
  const isCandidateUnlocated =
    isBothReports &&
    isUnlocatedFinding(theirs, isClassNamedByOtherThanCandidate) &&
    isLocatedFinding(ours);
  const pairTermsOfUnlocated =
    isQueryUnlocated || isCandidateUnlocated
      ? countPairTerms(query.terms, candidate.hasTerm, nameParts, statistics)
      : null;
  // A title that asks ("Scanner finding on 7.4.0, are we affected?") is a question, not a finding.
  const isUnlocatedTitleAsking =
    (isQueryUnlocated && isAskingTitle(query.doc.title)) ||
    (isCandidateUnlocated && isAskingTitle(candidate.doc.title));
  // A name either side says only to set itself apart ("unlike drain_conn()") is no evidence.
  const isContrasted = (name: string): boolean =>
    ours.contrastedNames.has(name) || theirs.contrastedNames.has(name);
  const isContrastedPath = (path: string): boolean =>
    isContrasted(path.slice(path.lastIndexOf('/') + 1));
  const allSharedFunctions = intersect(ours.functions, theirs.functions);
  // A title that names its own function puts the bug there: a function the other title names,
  // which this report only mentions (the caller that builds an index, a helper on the way), is not
  // its centre, as with a lead function (rule 3g).
  const isTitledByBoth = (name: string): boolean =>
    isTitledOrUntitled(ours.titleFunctions, name) &&
    isTitledOrUntitled(theirs.titleFunctions, name);
  // Between two reports, the other names it where it puts its own bug: it leads with no function
  // or with that one. A report that leads with its own function (`Template.prototype.compile`)
  // and calls the title's (`ejs.renderFile(...)`, the API its PoC drives) is about its own.
  const isNotLedElsewhere = (other: { functions: readonly string[] }, name: string): boolean => {
    if (!isBothReports) return true;
    const otherLead = other.functions[0];
    return otherLead === undefined || otherLead === name;
  };
  const allTitleFunctionsNamed = [
    ...new Set([
      ...theirs.titleFunctions.filter(
        (name) => query.terms.has(name) && isNotLedElsewhere(ours, name),
      ),
      ...ours.titleFunctions.filter(
        (name) => candidate.hasTerm(name) && isNotLedElsewhere(theirs, name),
      ),
    ]),
  ].filter(isTitledByBoth);
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
  const isOtherLanguagePair =
    isBothReports &&
    ours.language !== theirs.language &&
    (ours.language !== null && ours.language !== 'en'
      ? true
      : theirs.language !== null && theirs.language !== 'en');
  // Rule 3m: a second finder in another language against a report that points at code (a function
  // or a file read from it), the shape of a first, detailed report and a short second one.
  const foreign = ours.language !== null && ours.language !== 'en' ? ours : theirs;
  const located = foreign === ours ? theirs : ours;
  const isOtherLanguageSecondFinder =
    isOtherLanguagePair && (located.functions.length > 0 || located.paths.length > 0);
  // An anchor the product's other reports use too (`Transfer-Encoding:` in every smuggling report
  // of an HTTP server, `file_server` in every Caddyfile) is the product's vocabulary, not the bug's:
  // it counts when at most one third document of the index uses its words.
  const isPairAnchor = (anchor: string): boolean =>
    anchorTerms(anchor).every(
      (term) =>
        statistics.countOtherDocumentsWithTerm(term) - (candidate.hasTerm(term) ? 1 : 0) <=
        maxThirdDocumentsWithAnchor,
    );
  const isReportAgainstAdvisory = query.doc.kind === 'report' && candidate.doc.kind === 'advisory';
  // Rule 3n: what neither finder rephrases (protocol constants, settings, flags, class names,
  // endpoints, crafted literals), counted when at most one third document of the index uses it:
  // a token every report of the product names (`HostAuthorization` in a follow-up too) is its
  // vocabulary, as with the anchors of rule 3m.
  // The product's own name (`oauth2-proxy`) is in every report about it.
  const isPackageName = (token: string): boolean =>
    query.packageNames.has(token) || token.split('-').every((part) => nameParts.has(part));
  const isPairToken = (token: string): boolean =>
    !isPackageName(token) &&
    (isLiteralToken(token) ||
      technicalTokenTerms(token).some(
        (term) =>
          statistics.countOtherDocumentsWithTerm(term) - (candidate.hasTerm(term) ? 1 : 0) <=
          maxThirdDocumentsWithAnchor,
      ));
  // Between a second finder, who brings no code location of their own, and the other report: two
  // first-hand reports that each point at their own code are left to the rules that read code.
  const isOursSecondFinder =
    isBothReports && isSecondFinderOf(ours, theirs, (name) => candidate.hasTerm(name));
  const isTheirsSecondFinder =
    isBothReports && isSecondFinderOf(theirs, ours, (name) => query.terms.has(name));
  const technicalTokens =
    isOursSecondFinder || isTheirsSecondFinder
      ? compareTechnicalTokens(
          isOursSecondFinder ? ours.technicalTokens : theirs.technicalTokens,
          isOursSecondFinder ? theirs.technicalTokens : ours.technicalTokens,
          isPairToken,
          isOursSecondFinder ? ours.settings : theirs.settings,
          isOursSecondFinder ? candidate.hasTerm : queryHasTerm,
        )
      : { shared: [], coverage: 0 };
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
    // Only when both titles name tokens: a second finder who calls `DisableForwarding` "the
    // global forwarding kill switch" names none of their own.
    unnamedTitleTokens:
      isBothReports && ours.titleTokens.length > 0 && theirs.titleTokens.length > 0
        ? [
            ...new Set([
              ...ours.titleTokens.filter(
                (token) => !isPackageName(token) && !isTokenNamed(token, candidate.hasTerm),
              ),
              ...theirs.titleTokens.filter(
                (token) => !isPackageName(token) && !isTokenNamed(token, queryHasTerm),
              ),
            ]),
          ]
        : [],
    ownClasses: findOwnClasses(ours, theirs, candidate.hasTerm, queryHasTerm),
    sharedTitleFunctions: intersect(
      [...new Set([...ours.titleFunctions, ...theirs.titleFunctions])],
      allSharedFunctions,
    ).filter((name) => !isContrasted(name) && isTitledByBoth(name)),
    titleFunctionsNamed: allTitleFunctionsNamed.filter((name) => !isContrasted(name)),
    isTitledApart:
      ours.titleFunctions.length > 0 &&
      theirs.titleFunctions.length > 0 &&
      intersect(ours.titleFunctions, theirs.titleFunctions).length === 0,
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
      theirs.packages.some((keys) => keys.names.some((name) => isNameIn(name, queryHasTerm))),
    sharedFixedVersion: fixedPick,
    fixedVersionRarity:
      fixedPick !== null ? rarityOfKey(makeIndexKey(versionKeyPrefix, fixedPick)) : 0,
    sharedVersion: versionPick,
    versionRarity:
      versionPick !== null ? rarityOfKey(makeIndexKey(versionKeyPrefix, versionPick)) : 0,
    titleTermsFound,
    citationTitleTerms,
    pairTermsOfUnlocated,
    isUnlocatedTitleAsking,
    isQuestionPair: isBothReports && ours.isPublishedIdQuestion && theirs.isPublishedIdQuestion,
    isOneSideWithoutCode: isBothReports && isWithoutCode(ours) !== isWithoutCode(theirs),
    isOnDisjointReleases:
      isBothReports &&
      ours.versions.mentioned.length > 0 &&
      theirs.versions.mentioned.length > 0 &&
      intersect(ours.versions.mentioned, theirs.versions.mentioned).length === 0 &&
      sharedFixed.length === 0,
    titleTermsAgreement: titleTermsTotal > 0 ? titleTermsFound / titleTermsTotal : 0,
    sharedFunctions: allSharedFunctions.filter((name) => !isContrasted(name)),
    sharedPaths: allSharedPaths.filter((path) => !isContrastedPath(path)),
    sharedFileNames: allSharedFileNames.filter((name) => !isContrasted(name)),
    sharedCwes,
    isCweConflict: ours.cwes.length > 0 && theirs.cwes.length > 0 && sharedCwes.length === 0,
    bugClasses: isBugClassConflict(ours.bugClasses, theirs.bugClasses)
      ? [ours.bugClasses, theirs.bugClasses]
      : null,
    sharedBugClasses: ours.bugClasses.filter((bugClass) => theirs.bugClasses.includes(bugClass)),
    isOtherLanguagePair,
    sharedConcepts: isOtherLanguageSecondFinder ? intersect(ours.concepts, theirs.concepts) : [],
    sharedAnchors: isOtherLanguageSecondFinder ? countPairAnchors(ours, theirs, isPairAnchor) : [],
    // The second finder's own anchors, which the located report never names (a setting
    // `strict_mode` of its own): rule 3m's variant without a shared anchor needs none.
    unsharedAnchors: isOtherLanguageSecondFinder
      ? foreign.anchors.filter((anchor) => !located.anchors.includes(anchor))
      : [],
    // A CJK report's Latin phrases (a printed message) that the other names word for word, with
    // a word at most one third document uses: rule 3q.
    sharedUntranslatedPhrases: isOtherLanguagePair
      ? foreign.untranslatedPhrases
          .filter(
            (terms) =>
              terms.every(foreign === ours ? candidate.hasTerm : queryHasTerm) &&
              terms.some(
                (term) =>
                  statistics.countOtherDocumentsWithTerm(term) -
                    (candidate.hasTerm(term) ? 1 : 0) <=
                  maxThirdDocumentsWithAnchor,
              ),
          )
          .map((terms) => terms.join(' '))
      : [],
    sharedTechnicalTokens: technicalTokens.shared,
    technicalTokenCoverage: technicalTokens.coverage,
    // Line numbers compare only on one release: a development build's lines are elsewhere.
    crashConflict: describeCrashConflict(
      ours.crash,
      theirs.crash,
      versionPick !== null && !ours.namesDevelopmentBuild && !theirs.namesDevelopmentBuild,
    ),
    samePanicSite: findSamePanicSite(
      ours.panic,
      theirs.panic,
      versionPick !== null && !ours.namesDevelopmentBuild && !theirs.namesDevelopmentBuild,
    ),
    isOtherPanicSite: isOtherPanicSite(
      ours.panic,
      theirs.panic,
      versionPick !== null && !ours.namesDevelopmentBuild && !theirs.namesDevelopmentBuild,
    ),
    sharedRuntimePanics: isBothReports ? findSharedRuntimePanics(ours.crash, theirs.crash) : [],
    sharedSanitizerCrash: isBothReports ? findSharedSanitizerCrash(ours.crash, theirs.crash) : null,
    fixBetween: isBothReports ? findFixBetween(ours, theirs) : null,
    publishedFixPassed: isBothReports ? findPublishedFixPassed(ours, theirs) : null,
    isCveConflict: isCveConflict(ours.aliases, theirs.aliases),
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
    isBothReports,
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

/**
 * The anchors of rule 3m both name, rare ones only; crafted literals and percent-encodings, whose
 * rarity the index cannot tell, count once together (two URL bugs share `%0D` and `%0A`).
 */
function countPairAnchors(
  ours: DocumentAnalysis | KeyedAnalysis,
  theirs: DocumentAnalysis | KeyedAnalysis,
  isPairAnchor: (anchor: string) => boolean,
): string[] {
  const shared = intersect(ours.anchors, theirs.anchors).filter(isPairAnchor);
  const named = shared.filter((anchor) => anchorTerms(anchor).length > 0);
  const literal = shared.find((anchor) => anchorTerms(anchor).length === 0);
  return literal === undefined ? named : [...named, literal];
}

/**
 * The search terms that stand for an anchor in the index: a protocol element or directive is one
 * term (`nsid`, `try_files`), a header its words; a crafted literal (`1_0`, `%5C`) has none and
 * counts as rare.
 */
function anchorTerms(anchor: string): string[] {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(anchor)) return [anchor.toLowerCase()];
  if (anchor.endsWith(':')) return anchor.slice(0, -1).split('-');
  return [];
}

/**
 * The technical tokens a second finder shares with the other report (rare ones; crafted literals
 * count once together, as anchors do), and the share of the second finder's rare tokens the other
 * names too: a second finder names few, nearly all the first report's; a report of another bug in
 * the same component names tokens of its own (another header, another setting). A crafted literal
 * of the second finder's the other never writes (`%23` where the other sends `%2F`) is another
 * payload: then nothing is shared.
 */
function compareTechnicalTokens(
  finder: readonly string[],
  other: readonly string[],
  isPairToken: (token: string) => boolean,
  finderSettings: readonly string[],
  isNamedByOther: (term: string) => boolean,
): { shared: string[]; coverage: number } {
  // A setting the second finder turns on or off (`nesting: true`) that the other never names is
  // another configuration, so another bug, whatever payload the two share.
  if (finderSettings.some((setting) => !isTokenNamed(setting, isNamedByOther)))
    return { shared: [], coverage: 0 };
  const finderRare = finder.filter(isPairToken);
  const finderLiterals = finderRare.filter(isLiteralToken);
  if (finderLiterals.some((literal) => !other.includes(literal)))
    return { shared: [], coverage: 0 };
  const named = intersect(
    finderRare.filter((token) => !isLiteralToken(token)),
    other.filter(isPairToken),
  );
  const shared = finderLiterals.length > 0 ? [...named, finderLiterals.join(' ')] : named;
  const finderCount =
    finderRare.length - finderLiterals.length + (finderLiterals.length > 0 ? 1 : 0);
  return { shared, coverage: finderCount > 0 ? shared.length / finderCount : 0 };
}

/**
 * A report that brings no code location of its own next to the other: every function it names,
 * the other names too, and every file it names is one the other names or a bare file name (the
 * script it attaches, `mru.go`), not a place in the product's tree. Not a question about a
 * published id (rule 3f reads those).
 */
function isSecondFinderOf(
  finder: KeyedAnalysis,
  other: KeyedAnalysis,
  isNamedByOther: (name: string) => boolean,
): boolean {
  return (
    !finder.isPublishedIdQuestion &&
    !other.isPublishedIdQuestion &&
    finder.functions.every(
      (name) => isNamedByOther(name) || isConstructorOfNamedType(name, isNamedByOther),
    ) &&
    finder.paths.every(
      (path) =>
        !path.includes('/') ||
        other.fileNames.includes(path.slice(path.lastIndexOf('/') + 1)) ||
        // A scratch path (`/tmp/poc`, `/dev/null`) is where a proof of concept writes, not a
        // place in the product's tree; a dependency folder (`vendor/autoload.php`) is where it
        // loads the product from.
        scratchPathPattern.test(path) ||
        dependencyFolderPattern.test(path),
    )
  );
}

/**
 * The other document names a technical token: as a whole identifier (kept unstemmed in the
 * index, `preserverelativelinks`), or every search term it stands for.
 */
function isTokenNamed(token: string, hasTerm: (term: string) => boolean): boolean {
  if (hasTerm(token)) return true;
  const terms = technicalTokenTerms(token);
  return terms.length === 0 || terms.every(hasTerm);
}

/**
 * Between two reports that both point at code: the classes of the product each names (no brand,
 * runtime exception or standard-library class) that the other never names, when both name such a class. Null otherwise.
 */
function findOwnClasses(
  ours: KeyedAnalysis,
  theirs: KeyedAnalysis,
  isNamedByTheirs: (term: string) => boolean,
  isNamedByOurs: (term: string) => boolean,
): [string[], string[]] | null {
  if (!isLocatedFinding(ours) || !isLocatedFinding(theirs)) return null;
  const ownOf = (analysis: KeyedAnalysis, isNamedByOther: (term: string) => boolean): string[] =>
    analysis.classNames.filter(
      (name) => !isBrandName(name) && !analysis.languageNames.has(name) && !isNamedByOther(name),
    );
  const oursOwn = ownOf(ours, isNamedByTheirs);
  const theirsOwn = ownOf(theirs, isNamedByOurs);
  return oursOwn.length > 0 && theirsOwn.length > 0 ? [oursOwn, theirsOwn] : null;
}

/**
 * The folders a package manager installs into (`vendor/autoload.php`, `node_modules/.bin`,
 * `site-packages/`): a proof of concept loads the product from there, no place in its tree.
 */
const dependencyFolderPattern = /^(?:\.?\/)?(?:vendor|node_modules|site-packages|\.venv)\//;
/** `Config::default`, `Parser::new`: how a proof of concept builds a value of a type. */
const constructorPattern = /^(?:[\w]+::)*([\w]+)::(?:default|new)$/;

/**
 * A constructor every type has (`Config::default()`, `Parser::new()`) of a type the other report
 * names: how the second finder built the value, not a place of its own.
 */
function isConstructorOfNamedType(
  name: string,
  isNamedByOther: (name: string) => boolean,
): boolean {
  const type = constructorPattern.exec(name)?.[1];
  return type !== undefined && isNamedByOther(type);
}

/**
 * The search terms a technical token stands for in the index, of which the rarest decides: an
 * identifier is kept whole (`window_update`, `arrayaccess`, `oauth2/start`), a dashed name is
 * split (`ping` of `ping-user-agent`), a query parameter is its name.
 */
function technicalTokenTerms(token: string): string[] {
  if (token.endsWith('=')) return [token.slice(0, -1)];
  return tokenizeForMatching(token).filter((term) => term.length >= 3);
}

/** Every `-`-separated part of package names (`json-smart` -> `json`, `smart`). */
export function listNameParts(names: Iterable<string>): Set<string> {
  return new Set([...names].flatMap((name) => name.split('-')));
}

/** The title names no function, or names this one among its functions. */
function isTitledOrUntitled(titleFunctions: readonly string[], name: string): boolean {
  return titleFunctions.length === 0 || titleFunctions.includes(name);
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
 * A fix version either report names that puts the two on opposite sides of it: every version one
 * says is affected predates the fix and every version the other says is affected has it. The one
 * past the fix is a bug that fix did not cover (a bypass, a regression or a new bug), not a second
 * finder; this holds both when the fixed report names its fix ("fixed in 1.7.1", seen on 1.7.0)
 * and when the later report names the fix it got past ("a gap left by the fix released in 3.1.4").
 * The report on the before side of a fix it names must cite an advisory id the other does not.
 * Only versions of the fix's major line count: the operating system ("Ubuntu 24.04"), the compiler
 * or a dependency a report names are not the product's versions. Null otherwise.
 */
function findFixBetween(ours: KeyedAnalysis, theirs: KeyedAnalysis): string | null {
  for (const [naming, other] of [
    [ours, theirs],
    [theirs, ours],
  ] as const) {
    for (const fix of naming.versions.fixed) {
      const fixVersion = semver.coerce(fix);
      if (fixVersion === null) continue;
      const namingSide = sideOfFix(affectedVersions(naming), fixVersion);
      const otherSide = sideOfFix(affectedVersions(other), fixVersion);
      if (namingSide === null || otherSide === null || namingSide === otherSide) continue;
      // Seen before the fix it names, a report is about that fix's published bug only when it
      // cites an advisory id the other does not: "fixed in 2.5.3" alone may be a similar bug's fix.
      if (namingSide === 'past' || citesAdvisoryTheOtherDoesNot(naming, other)) {
        return fixVersion.version;
      }
    }
  }
  return null;
}

/**
 * A question about a published id that names the bug's fix ("FIXED-IN 3.10.11"), against a report
 * that says its bug is found only on versions with that fix (3.13.2): the published bug is gone
 * there, so the other report is another bug, however alike the two read. The question's own
 * version does not count: it asks about the published bug, which lives before its fix. The other
 * report must not cite the id (a regression of that fix would). For each major line the question
 * names a fix in, the latest fix counts (a backport to an older line is earlier, not later).
 */
function findPublishedFixPassed(
  ours: KeyedAnalysis,
  theirs: KeyedAnalysis,
): { fix: string; versions: string[] } | null {
  for (const [question, other] of [
    [ours, theirs],
    [theirs, ours],
  ] as const) {
    if (!question.isPublishedIdQuestion || other.isPublishedIdQuestion) continue;
    if (!citesAdvisoryTheOtherDoesNot(question, other)) continue;
    const latestFixByMajor = new Map<number, semver.SemVer>();
    for (const fix of question.versions.fixed) {
      const fixVersion = semver.coerce(fix);
      if (fixVersion === null) continue;
      const latest = latestFixByMajor.get(fixVersion.major);
      if (latest === undefined || semver.gt(fixVersion, latest))
        latestFixByMajor.set(fixVersion.major, fixVersion);
    }
    const affected = affectedVersions(other);
    const sides = [...latestFixByMajor.values()].map((fix) => ({
      fix,
      side: sideOfFix(affected, fix),
    }));
    const passed = sides.find(({ side }) => side === 'past');
    if (passed === undefined || sides.some(({ side }) => side === 'before')) continue;
    return {
      fix: passed.fix.version,
      versions: affected.filter((version) => {
        const coerced = semver.coerce(version);
        return coerced !== null && coerced.major === passed.fix.major;
      }),
    };
  }
  return null;
}

function citesAdvisoryTheOtherDoesNot(citing: KeyedAnalysis, other: KeyedAnalysis): boolean {
  const otherIds = new Set([...other.aliases, ...other.related]);
  const citedIds = listPublishedIds(citing);
  return citedIds.length > 0 && !citedIds.some((id) => otherIds.has(id));
}

/**
 * The CVE and GHSA ids a report cites or is published as: a GHSA id it is known by is the draft a
 * GitHub advisory export carries (`ghsa_id`), its own, not a citation.
 */
function listCitedIds(analysis: KeyedAnalysis): string[] {
  return listPublishedIds(analysis).filter(
    (id) => id.startsWith('CVE-') || !analysis.aliases.includes(id),
  );
}

/** The CVE and GHSA ids a document is known by or cites. */
function listPublishedIds(analysis: KeyedAnalysis): string[] {
  return [...analysis.aliases, ...analysis.related].filter((id) => /^(?:CVE|GHSA)-/.test(id));
}

/**
 * The versions a report says are affected: its version facts (else the versions its text names)
 * other than the fixes it names; when it names only fixes, those (a bypass found on the fixed
 * release itself: "a gap left by the fix released in 3.1.4", seen on 3.1.4).
 */
function affectedVersions(analysis: KeyedAnalysis): readonly string[] {
  const named =
    analysis.statedVersions.length > 0 ? analysis.statedVersions : analysis.versions.mentioned;
  const notFixes = named.filter((version) => !analysis.versions.fixed.includes(version));
  return notFixes.length > 0 ? notFixes : named;
}

/**
 * Whether every one of `versions` in the fix's major line predates it or has it; null when they
 * are mixed or there is none. A development build ("1.7.1-25-gabc1234", "2.0-dev") is left out:
 * whether it holds a fix made between releases is unknown.
 */
function sideOfFix(versions: readonly string[], fix: semver.SemVer): 'before' | 'past' | null {
  const inLine = versions
    .filter((version) => !namesDevelopmentBuild(version))
    .map((version) => semver.coerce(version))
    .filter((version): version is semver.SemVer => version !== null && version.major === fix.major);
  if (inLine.length === 0) return null;
  if (inLine.every((version) => semver.lt(version, fix))) return 'before';
  if (inLine.every((version) => semver.gte(version, fix))) return 'past';
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
/**
 * A question about a published id, or a document that cites one and points at no code. An id the
 * report is known by is no citation: a GitHub advisory export carries its own draft's GHSA id.
 */
function isAdvisoryCitation(analysis: KeyedAnalysis): boolean {
  const cited = analysis.related.filter((id) => /^(?:CVE|GHSA)-/.test(id));
  return (
    analysis.isPublishedIdQuestion ||
    (cited.length > 0 && analysis.functions.length === 0 && analysis.paths.length === 0)
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

/** Whether `version` is one a question says is in use; any version, for other reports. */
function isVersionInUseOf(analysis: KeyedAnalysis, version: string): boolean {
  return isVersionInUseNamed(analysis, [version]);
}

/** Points at code and is not itself a question about a published id: a report of a bug. */
/** A title that ends in a question mark asks something rather than reporting a finding. */
function isAskingTitle(title: string): boolean {
  return title.trimEnd().endsWith('?');
}

/** A report that names no function and no file: a finder who says what they saw, not where. */
function isWithoutCode(analysis: KeyedAnalysis): boolean {
  return analysis.functions.length === 0 && analysis.paths.length === 0;
}

function isLocatedFinding(analysis: KeyedAnalysis): boolean {
  return !analysis.isPublishedIdQuestion && !isWithoutCode(analysis);
}

/**
 * A report that points at no code (no function or file read from it, no source file or
 * snake_case identifier named in its words, no class but those another document names too) and
 * cites no published id: a finder describing what they saw in their own words (not a question
 * about an advisory, which rule 3f reads). A method called on an object (`request.read()`) that
 * another document names too is the product's public API, how the finder got in, not a place of
 * their own, as a shared class is.
 */
function isUnlocatedFinding(
  analysis: KeyedAnalysis,
  isProductVocabulary: (className: string) => boolean,
): boolean {
  const isNoPlaceOfItsOwn = (name: string): boolean =>
    analysis.languageNames.has(name) || isProductVocabulary(name);
  return (
    !analysis.isPublishedIdQuestion &&
    analysis.functions.every(
      (name) =>
        analysis.languageNames.has(name) || (name.includes('.') && isProductVocabulary(name)),
    ) &&
    analysis.paths.length === 0 &&
    !analysis.namesFile &&
    // A snake_case method it calls on the product that other reports name too (`allowed_uri?`)
    // is the product's public API, how the finder got in; any other snake_case name (a setting
    // such as `enforce_origin`) is a place of its own.
    analysis.snakeNames.every(
      (name) => analysis.calledSnakeMethods.includes(name) && isNoPlaceOfItsOwn(name),
    ) &&
    analysis.classNames.every(isNoPlaceOfItsOwn) &&
    analysis.calledMethods.filter((name) => !isNoPlaceOfItsOwn(name)).length < minOwnMethodCalls &&
    listCitedIds(analysis).length === 0
  );
}

/**
 * How many search terms of the query the candidate holds that are rare in advisories at large (the
 * title-word test), used by no document of the index but the candidate (and the query), not part
 * of a package name, with a letter and at least three characters.
 */
function countPairTerms(
  queryTerms: ReadonlySet<string>,
  hasTerm: (term: string) => boolean,
  packageNameParts: ReadonlySet<string>,
  statistics: IndexStatistics,
): number {
  let count = 0;
  for (const term of queryTerms) {
    if (term.length < 3 || !/[a-z]/.test(term) || !hasTerm(term)) continue;
    if (statistics.countOtherDocumentsWithTerm(term) > 1) continue;
    if (statistics.isRareTitleTerm(term, packageNameParts)) count++;
  }
  return count;
}

function countFound(
  terms: readonly string[],
  isFound: (term: string) => boolean,
): { found: number; share: number } | null {
  if (terms.length === 0) return null;
  const found = terms.filter(isFound).length;
  return { found, share: found / terms.length };
}

/** Both quote a panic on one release, at different places: two failing expressions. */
function isOtherPanicSite(
  ours: PanicLocation | null,
  theirs: PanicLocation | null,
  isSameRelease: boolean,
): boolean {
  return (
    ours !== null &&
    theirs !== null &&
    isSameRelease &&
    findSamePanicSite(ours, theirs, isSameRelease) === null
  );
}

/**
 * `role.rs:998:22` when both panic at the same file name, line and column and they name one
 * release (`isSameRelease`: lines move between releases); null otherwise.
 */
export function findSamePanicSite(
  ours: PanicLocation | null,
  theirs: PanicLocation | null,
  isSameRelease: boolean,
): string | null {
  if (ours === null || theirs === null || !isSameRelease) return null;
  if (ours.fileName !== theirs.fileName || ours.line !== theirs.line) return null;
  if (ours.column !== theirs.column) return null;
  return `${ours.fileName}:${ours.line}:${ours.column}`;
}
