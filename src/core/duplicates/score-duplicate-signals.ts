// Combines the matching signals between two documents into one calibrated score, the strong-match
// rule behind the `duplicate` verdict, and the evidence lines a security engineer can check.

import { readPairModel } from './duplicate-pair-model.js';
import { isMechanismConcept } from './find-cross-language-concepts.js';

/** What two documents share, each signal already reduced to a number or a name. */
export interface DuplicateSignals {
  sharedAliases: string[];
  /** Ids one document is known by and the other only mentions, or both mention. */
  sharedRelated: string[];
  /**
   * Advisory ids one document is known by that the other says it is not ("this is not
   * CVE-2024-1234", "unlike GHSA-..."): two bugs, like two different CVEs.
   */
  deniedIds: string[];
  /**
   * Functions and file names both name that one of them names only to set itself apart ("unlike
   * the drain issue in drain_conn()"); already left out of the shared names below.
   */
  contrastedNames: string[];
  /**
   * Between two reports whose titles both name technical tokens: those one title names (an
   * option, setting or constant: `clockTolerance`) that the other document never names. That title puts its bug in that name,
   * so a function both reach (`verify()`, the library's entry point) is the component, not the
   * bug: the rules that rest on a shared or named function do not hold.
   */
  unnamedTitleTokens: string[];
  /**
   * Between two reports that both point at code: the classes of the product each names that the
   * other never names (`BleachHTMLParser` against `BleachHTMLSerializer`), when both do. Each puts
   * its bug in its own component, so a function both reach (`clean()`, the entry point every proof
   * of concept calls) is not the bug: the rules that rest on a shared or named function do not
   * hold. Null otherwise.
   */
  ownClasses: [string[], string[]] | null;
  /** Shared functions that the title of either document names. */
  sharedTitleFunctions: string[];
  /** Both titles name functions, none in common: each puts its bug in its own function. */
  isTitledApart: boolean;
  /** Functions the title of one document names that the other's words name, as a fact or not. */
  titleFunctionsNamed: string[];
  /**
   * The first function one report cites (where it puts the bug) when the other report's words
   * name it, as a fact or not; only between two reports, empty when either is an advisory.
   */
  citedFunctionsNamed: string[];
  /**
   * Distinctive title words (rare in advisories and in the index, not the package's name) of
   * either document that the other document uses, counted over both titles...
   */
  titleTermsFound: number;
  /** ...and as a share of all distinctive title words of the two, 0..1. */
  titleTermsAgreement: number;
  /**
   * When one document cites a CVE or GHSA id and points at no code (a scanner question quoting
   * the advisory) and the other points at code: how many of the located one's distinctive title
   * words the citation uses, and their share. Null otherwise.
   */
  citationTitleTerms: { found: number; share: number } | null;
  /**
   * Between two reports, when one points at no code and cites no published id (a second finder in
   * prose) and the other points at code: how many words they share that are rare in advisories at
   * large and used by no third document of the index. Null otherwise.
   */
  pairTermsOfUnlocated: number | null;
  /** The report that points at no code (above) asks in its title ("are we affected?"). */
  isUnlocatedTitleAsking: boolean;
  /**
   * Both are reports asking about a published id with no finding of their own (scanner
   * questions): neither reports a bug, so neither is the other's original, whatever they share.
   */
  isQuestionPair: boolean;
  /** Two reports, one naming no function or file: a second finder telling the bug in prose. */
  isOneSideWithoutCode: boolean;
  /**
   * Two reports that both name versions and share none (2.7.0 against 2.17.0): found on other
   * releases, so a function both titles name is not enough to make them one bug (rule 3b).
   */
  isOnDisjointReleases: boolean;
  /** Label of the package both name exactly (`PyPI/pyarrow`), or null. */
  samePackage: string | null;
  /** Ecosystem-free name part both packages share (`vault`), when not the same package. */
  relatedPackage: string | null;
  /** 0..1: how rare the shared package (or name) is in the index; 1 for one advisory. */
  packageRarity: number;
  /** True when both documents name packages and none of them match. */
  isPackageConflict: boolean;
  /** The query's package name appears in the other document's words, or the reverse. */
  isPackageMentioned: boolean;
  /** A fix version both give (`14.0.1`), with its rarity. */
  sharedFixedVersion: string | null;
  fixedVersionRarity: number;
  /** Any version both mention, with its rarity. */
  sharedVersion: string | null;
  versionRarity: number;
  sharedFunctions: string[];
  sharedPaths: string[];
  sharedFileNames: string[];
  sharedCwes: string[];
  isCweConflict: boolean;
  /**
   * The kinds of bug each names, when they disagree (a heap over-read against a stack
   * exhaustion): two bugs, even in one function. Null when they agree or either names none.
   */
  bugClasses: [readonly string[], readonly string[]] | null;
  /** The kinds of bug both name (from titles and sanitizer error lines), when both name some. */
  sharedBugClasses: string[];
  /**
   * Between two reports written in different languages (one in French, German or Spanish): the
   * words cannot agree, so text similarity says little. False otherwise.
   */
  isOtherLanguagePair: boolean;
  /**
   * Between two reports in different languages: the canonical concepts both name
   * (`find-cross-language-concepts.ts`: "Heap-Überlauf" and "heap overflow" are one), and the
   * concrete anchors both name (`EDNS`, `transfer-encoding:`, `try_files`, `1_0`). Empty otherwise.
   */
  sharedConcepts: string[];
  sharedAnchors: string[];
  /**
   * Between a second finder in another language and a located report: the anchors the second
   * finder names that the located report does not (its own setting or payload). Empty otherwise.
   */
  unsharedAnchors: string[];
  /**
   * Between a report written in a CJK script and one in another language: the Latin phrases of
   * its prose (a message a program printed, `Invalid processing instruction node`) that the other
   * names word for word, one word of them used by at most one third document. Empty otherwise.
   */
  sharedUntranslatedPhrases: string[];
  /**
   * Between a second finder (a report that brings no code location of its own) and another report,
   * neither a question about a published id: the technical tokens both name that at most one third
   * document uses (`find-technical-tokens.ts`: `window_update`, `permitted_hosts`, `offsetget`;
   * the crafted literals, `%09`, as one entry), and the share of the second finder's rare tokens
   * the other names too (rule 3n). Empty and 0 otherwise.
   */
  sharedTechnicalTokens: string[];
  technicalTokenCoverage: number;
  /**
   * How their quoted crashes disagree (a READ against a WRITE, other crash sites in one file), or
   * null: one bug found twice fails the same way at the same place.
   */
  crashConflict: string | null;
  /**
   * Both quote a Rust panic at the same file, line and column on one release (`role.rs:998:22`):
   * the same failing expression, however differently the two describe it. Null otherwise.
   */
  samePanicSite: string | null;
  /** Both quote a Rust panic on one release, at different places (file, line or column). */
  isOtherPanicSite: boolean;
  /**
   * Between two reports: the Go runtime errors both quote with the same numbers (`index out of
   * range [5] with length 3`); empty otherwise.
   */
  sharedRuntimePanics: string[];
  /** The sanitizer failure (kind, access, top function) both reports quote, or null. */
  sharedSanitizerCrash: string | null;
  /**
   * Between two reports: a fix version either names with every version one says is affected
   * before it and every version the other says is affected at or past it (a bug that fix did
   * not cover: a bypass, a regression or a new bug), or null.
   */
  fixBetween: string | null;
  /**
   * Between two reports: one asks about a published id and names its fix, and every version the
   * other says is affected has that fix (`fix`; the other's `versions`): the published bug is
   * gone where the other's is found, so they are two bugs. Null otherwise.
   */
  publishedFixPassed: { fix: string; versions: string[] } | null;
  /** Both are known by CVE ids, none in common: two published vulnerabilities. */
  isCveConflict: boolean;
  /** BM25 similarity normalised by the query's and by the document's self-score, each 0..1. */
  textByQuery: number;
  textByDocument: number;
  /** Share of the smaller document's 5-word shingles found in the other, 0 when too short to tell. */
  nearCopy: number;
  /** Days between the two publication dates, when both are known. */
  daysApart: number | null;
  /** Share of the two documents' fix versions in common (Jaccard), 0..1. */
  fixedVersionOverlap: number;
  /** A report matched against a published advisory (not another report). */
  isReportOfPublishedAdvisory: boolean;
  /** Two reports (neither a published advisory): the pairs the learned pair model reads. */
  isBothReports: boolean;
  /** For a report against an advisory: whether a version it names comes before the fix (null: unknown). */
  isVersionBeforeFix: boolean | null;
  /** Both are advisories from the same database, which does not publish one bug twice. */
  isSameSourceAdvisory: boolean;
}

export interface DuplicateScore {
  score: number;
  isStrong: boolean;
  /**
   * The two name different kinds of bug, quote different crashes, lie on opposite sides of a fix
   * one names, one asks about a published bug whose fix the other's versions have, are known by
   * different CVEs, or one says it is not the other's id.
   */
  isDistinctBug: boolean;
  /** Strong only through rule 3h, a second finder's rare words (see `DuplicateCandidate`). */
  isByFinderWordsOnly: boolean;
  evidence: string[];
}

/**
 * Logistic weights, tuned by hand on the development set's aggregate Recall@5 and MRR only
 * (docs/duplicates.md keeps the log). Every signal is 0..1, so a weight reads as log-odds.
 */
const duplicateWeights = {
  bias: -6,
  text: 7,
  textByQueryShare: 0.5,
  samePackage: 1.5,
  relatedPackage: 1.2,
  packageRarity: 1.5,
  packageConflict: -1,
  packageMentioned: 0.8,
  fixedVersion: 1.5,
  version: 1,
  packageAndVersion: 1.5,
  sameFunction: 2,
  samePath: 2,
  sameFileName: 0.7,
  sameCwe: 0.7,
  cweConflict: -0.7,
  nearCopy: 4,
  alias: 12,
  related: 1,
  dateNear: 0.3,
  fixedVersionOverlap: 1.5,
  sameSourceAdvisory: -3,
} as const;

/** A near-copy needs this share of shingles, out of at least `minNearCopyShingles`. */
const nearCopyThreshold = 0.8;
export const minNearCopyShingles = 8;
/** Same package + same code location is strong with this text agreement and the same fix... */
const strongLocationText = 0.5;
/** ...or with this much text agreement alone (two bugs in one function read alike up to here). */
const strongLocationOnlyText = 0.75;
/** A shared function named in a title is strong with at least this text agreement. */
const strongTitledFunctionText = 0.3;
/**
 * Two reports whose titles agree on this many distinctive words, and this share of them, name the
 * same bug in their own words even when neither cites code: a second finder describes the
 * mechanism ("partial PUT", "FileStore"), not the file. Same package, a shared version and some
 * text agreement keep two bugs of one feature apart.
 */
const strongTitleTermsFound = 3;
const strongTitleTermsAgreement = 0.6;
const strongTitleTermsText = 0.3;
const manyTitleTermsFound = 8;
const strongTitleTermsProseText = 0.2;
/**
 * A second finder in their own words: the function one title names is named in the other text,
 * both point at the same file and a shared version, so little wording needs to agree.
 */
const strongNamedFunctionText = 0.15;
/**
 * The same, for a function one report cites anywhere in its text (not in its title): the function
 * is less surely the report's centre, so more of the wording must agree (rule 3g).
 */
const strongCitedFunctionText = 0.25;
/**
 * A question about a published id that says most of an earlier located report's title in the
 * advisory's words, on the same package and version, asks about that report's bug.
 */
const strongCitationTermsFound = 3;
const strongCitationTermsShare = 0.5;
const strongCitationText = 0.15;
/**
 * A second finder who cites no code (rule 3h): at least this many words of the mechanism that only
 * the two reports use and advisories rarely do, on the same package and version, with some wording
 * in common. Found on the tune projects: second finders share 13 to 16 such words with the
 * located report, other pairs of reports of one batch 5 at most.
 */
const strongPairTerms = 8;
const strongUnlocatedText = 0.2;
/**
 * ...or less wording in common when the two share twice that many rare words: a second finder who
 * retells the whole mechanism in their own sentences (plug 02 shares 17 with its first report, at
 * text 0.17).
 */
const manyPairTerms = 2 * strongPairTerms;
const strongManyPairTermsText = 0.15;
/**
 * ...or fewer rare words when much more of the wording agrees: a second finder who writes a short
 * report of the same mechanism in the same words shares fewer rare ones (4 to 6 on the tune
 * projects, at text 0.34 to 0.45), while two bugs of one batch sharing 4 or more read alike at
 * 0.28 at most.
 */
const fewPairTerms = strongPairTerms / 2;
const strongFewPairTermsText = 0.33;
/**
 * A second finder in another language who names no function (rule 3m): this many concepts of the
 * bug both name across the languages, and this many concrete anchors no finder translates. On the
 * tune projects a report in another language shares at most 6 concepts with a report of another
 * bug of its project (libpng 14, unbound 02 against 14) and 7 to 11 with the one it duplicates.
 */
const strongCrossLanguageConcepts = 7;
const strongCrossLanguageAnchors = 2;
/** ...or one such anchor when the two agree on this many concepts. */
const strongCrossLanguageManyConcepts = 9;
/**
 * ...or, with text agreement, fewer concepts when the two share this many anchors: the markup and
 * protocol words of one payload (`DOCTYPE`, `ENTITY`, `SYSTEM`) that no finder translates.
 */
const strongCrossLanguageManyAnchors = 4;
const strongCrossLanguageFewConcepts = 3;
const strongCrossLanguageAnchorsText = 0.2;
/**
 * ...or no anchor at all when the two agree on this many concepts, with some wording in common
 * (the code and numbers of the proof of concept), and the second finder names no anchor of its
 * own (a setting `strict_mode` the other never writes is another configuration): a second finder of a markup or algorithmic bug
 * has no protocol element to name ("elementos anidados", "atributos con prefijo", "nombre
 * local", "con el cuadrado de la profundidad"). On the tune projects two reports of other bugs in
 * different languages share 7 concepts at most.
 */
const strongCrossLanguageConceptsAlone = 9;
const strongCrossLanguageConceptsAloneText = 0.15;
/**
 * A second finder in other words or another language who names the first report's technical
 * tokens (rule 3n): at least this many rare ones both name...
 */
const strongTechnicalTokens = 2;
/**
 * ...this share of the second finder's rare tokens (a report of another bug in one component
 * names a setting, header or method of its own besides the component's), and a little wording in
 * common (names and payloads agree where the prose, or the language, does not).
 */
const strongTechnicalTokenCoverage = 0.5;
const strongTechnicalTokenText = 0.1;
/** Concepts two reports in different languages share beside one untranslatable token (rule 3o). */
const crossLanguageConceptsWithToken = 5;
/** A report sharing a published advisory's package, code and version is strong from this text agreement. */
const strongPublishedText = 0.3;
/** Scores at or above this are strong matches, and only those. */
export const strongScoreFloor = 0.9;

/**
 * An anchor that is a crafted literal (a percent-encoding `%5C`, a character reference `&tab;`, an
 * odd number `1_0`), not a protocol element, header or directive, which all start with a letter.
 */
function isLiteralAnchor(anchor: string): boolean {
  return /^[^A-Za-z]/.test(anchor);
}

/**
 * The two name different kinds of bug, quote different crashes, lie on opposite sides of a fix
 * one names, one asks about a published bug whose fix the other's versions have, are known by
 * different CVEs, or one says it is not the other's id: two bugs, whatever else they share.
 */
function isDistinctBugPair(s: DuplicateSignals): boolean {
  return (
    s.bugClasses !== null ||
    s.crashConflict !== null ||
    s.fixBetween !== null ||
    s.publishedFixPassed !== null ||
    s.isCveConflict ||
    s.deniedIds.length > 0
  );
}

/**
 * A crafted literal of the second finder's (`&Tab;`, `%5C`, `1_0`) when the two share none: another
 * payload, another bug in the same check, whatever else the two share.
 */
function isOtherPayloadPair(s: DuplicateSignals): boolean {
  return s.unsharedAnchors.some(isLiteralAnchor) && !s.sharedAnchors.some(isLiteralAnchor);
}

/**
 * Pairs the learned pair model may call one bug: two reports, neither a question about a published
 * id, not of two packages, not found on releases they do not share, with none of the rules' vetoes
 * (two bugs, two CVEs, two weaknesses, another payload, another panic site, two titled functions).
 */
export function isLearnedMatchAllowed(s: DuplicateSignals): boolean {
  return (
    s.isBothReports &&
    !s.isQuestionPair &&
    !isDistinctBugPair(s) &&
    !s.isPackageConflict &&
    !s.isCweConflict &&
    !s.isOnDisjointReleases &&
    !isOtherPayloadPair(s) &&
    !s.isOtherPanicSite &&
    !s.isTitledApart &&
    s.contrastedNames.length === 0
  );
}

/**
 * A strong match by the rules that the learned pair model may demote when it reads two bugs: any
 * it may read, except a shared alias (one published id), a near-copy (one text) or two write-ups
 * that agree on three quarters of their words (rule 3's own bar for one bug in one place).
 */
export function isRuleMatchDemotable(s: DuplicateSignals): boolean {
  return (
    isLearnedMatchAllowed(s) &&
    s.sharedAliases.length === 0 &&
    s.nearCopy < nearCopyThreshold &&
    combineTextSimilarity(s.textByQuery, s.textByDocument) < strongLocationOnlyText
  );
}

/** A probability as a maintainer reads it: "37%", "under 1%", "over 99%". */
function describeProbability(probability: number): string {
  if (probability < 0.01) return 'under 1%';
  if (probability > 0.99) return 'over 99%';
  return `${Math.round(100 * probability)}%`;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function combineTextSimilarity(byQuery: number, byDocument: number): number {
  const share = duplicateWeights.textByQueryShare;
  return share * Math.min(1, byQuery) + (1 - share) * Math.min(1, byDocument);
}

/**
 * `withPairModel: false` leaves the learned pair model out (its training script needs the rules'
 * own answer).
 */
export function scoreDuplicateSignals(
  s: DuplicateSignals,
  { withPairModel = true }: { withPairModel?: boolean } = {},
): DuplicateScore {
  const w = duplicateWeights;
  const text = combineTextSimilarity(s.textByQuery, s.textByDocument);
  const hasPackage = s.samePackage !== null || s.relatedPackage !== null;
  const packageSignal = s.samePackage !== null ? 1 : s.relatedPackage !== null ? 1 : 0;
  const versionSignal = Math.max(s.fixedVersionRarity, 0.6 * s.versionRarity);
  const hasLocation = s.sharedFunctions.length > 0 || s.sharedPaths.length > 0;
  /** Both on one release: the same version, or the same fixed version. */
  const isOnSharedRelease = s.sharedVersion !== null || s.sharedFixedVersion !== null;
  const z =
    w.bias +
    w.text * text +
    (s.samePackage !== null ? w.samePackage : s.relatedPackage !== null ? w.relatedPackage : 0) +
    w.packageRarity * packageSignal * s.packageRarity +
    (s.isPackageConflict && !s.isPackageMentioned ? w.packageConflict : 0) +
    w.fixedVersionOverlap * s.fixedVersionOverlap +
    (s.isSameSourceAdvisory ? w.sameSourceAdvisory : 0) +
    (s.isPackageMentioned ? w.packageMentioned : 0) +
    w.fixedVersion * s.fixedVersionRarity +
    w.version * s.versionRarity +
    w.packageAndVersion * packageSignal * versionSignal +
    (s.sharedFunctions.length > 0 ? w.sameFunction : 0) +
    (s.sharedPaths.length > 0 ? w.samePath : 0) +
    (s.sharedPaths.length === 0 && s.sharedFileNames.length > 0 ? w.sameFileName : 0) +
    (s.sharedCwes.length > 0 ? w.sameCwe : 0) +
    (s.isCweConflict ? w.cweConflict : 0) +
    w.nearCopy * s.nearCopy +
    (s.sharedAliases.length > 0 ? w.alias : 0) +
    (s.sharedRelated.length > 0 ? w.related : 0) +
    (s.daysApart !== null ? w.dateNear * Math.exp(-s.daysApart / 30) : 0);

  // Code-location and wording rules say "same place, similar words"; a disagreement on what kind
  // of bug it is, or two different CVEs, says two bugs in one place (a shared alias still wins).
  // So does a report that says it is not the other's advisory.
  const isDistinctBug = isDistinctBugPair(s);
  const isNearCopy =
    s.nearCopy >= nearCopyThreshold && !s.isPackageConflict && !s.isSameSourceAdvisory;
  // The same weakness (CWE) in the same function of the same file is the same bug in practice.
  const isSameWeaknessAtSameCode =
    s.sharedFunctions.length > 0 &&
    !isDistinctBug &&
    s.sharedPaths.length > 0 &&
    s.sharedCwes.length > 0 &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // The function a title names is where the bug is: two reports that put the same bug class there
  // in similar words are one bug, found twice. Text agreement keeps two bugs in one function apart.
  // Two reports found on releases they do not share need their titles to agree as well (rule 3d's
  // test): a function both titles name is the component, not the bug, when one reports a ReDoS in
  // it on 2.7.0 and the other a filter bypass through it on 2.17.0.
  const doTitlesAgree =
    s.titleTermsFound >= strongTitleTermsFound &&
    s.titleTermsAgreement >= strongTitleTermsAgreement;
  // A title that names its own option or constant (`clockTolerance`) the other never names puts
  // the bug there: a function both reach is then the component, as with two titled functions.
  const isFunctionTheBug = s.unnamedTitleTokens.length === 0 && s.ownClasses === null;
  const isSameBugAtTitledFunction =
    s.sharedTitleFunctions.length > 0 &&
    isFunctionTheBug &&
    !isDistinctBug &&
    (!s.isOnDisjointReleases || doTitlesAgree) &&
    text >= strongTitledFunctionText &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  const isSameBugInOtherWords =
    !isDistinctBug &&
    isFunctionTheBug &&
    s.titleFunctionsNamed.length > 0 &&
    (s.sharedPaths.length > 0 || s.sharedFileNames.length > 0) &&
    isOnSharedRelease &&
    text >= strongNamedFunctionText &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // Weaker than a title's function, so a report that sets itself apart from any name of the other
  // ("unlike hashTypeGetValue()") is not matched by it at all.
  const isSameBugAtCitedFunction =
    !isDistinctBug &&
    isFunctionTheBug &&
    s.contrastedNames.length === 0 &&
    s.citedFunctionsNamed.length > 0 &&
    (s.sharedPaths.length > 0 || s.sharedFileNames.length > 0) &&
    s.sharedVersion !== null &&
    text >= strongCitedFunctionText &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // A second finder writing in another language: the words cannot agree, but what does not
  // translate does: the same function, the same kind of crash, the same version (rule 3i).
  const isSameBugInOtherLanguage =
    s.isOtherLanguagePair &&
    !isDistinctBug &&
    isFunctionTheBug &&
    s.contrastedNames.length === 0 &&
    // The function where either report puts the bug (a title's, or the lead one), not any
    // function both traces pass through.
    (s.sharedTitleFunctions.length > 0 ||
      s.titleFunctionsNamed.length > 0 ||
      s.citedFunctionsNamed.length > 0) &&
    s.sharedBugClasses.length > 0 &&
    s.sharedVersion !== null &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // A second finder in another language whose title names the function the other title names
  // and agrees with it on most distinctive words (the ones no finder translates: the function,
  // the option, the payload's scheme), on the same release (rule 3p): the title words agree where
  // the prose cannot.
  const isSameTitleInOtherLanguage =
    s.isOtherLanguagePair &&
    !isDistinctBug &&
    isFunctionTheBug &&
    s.contrastedNames.length === 0 &&
    s.sharedTitleFunctions.length > 0 &&
    s.titleTermsFound >= strongTitleTermsFound &&
    s.titleTermsAgreement >= strongTitleTermsAgreement &&
    s.samePackage !== null &&
    isOnSharedRelease &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // A second finder in another language who names no function: the same concepts of the bug
  // across the languages, and the same concrete anchors (protocol elements, headers, directives,
  // literals) on the same package and version (rule 3m).
  const isOtherPayload = isOtherPayloadPair(s);
  // The first form counts the concepts of the mechanism only: the glossary's words of the scene
  // (page, link, click) are shared by two bugs of one product.
  const mechanismConcepts = s.sharedConcepts.filter(isMechanismConcept).length;
  const isSameConceptsInOtherLanguage =
    s.isOtherLanguagePair &&
    !isDistinctBug &&
    !isOtherPayload &&
    s.contrastedNames.length === 0 &&
    ((mechanismConcepts >= strongCrossLanguageConcepts &&
      (s.sharedAnchors.length >= strongCrossLanguageAnchors ||
        (s.sharedAnchors.length >= 1 && mechanismConcepts >= strongCrossLanguageManyConcepts))) ||
      (s.sharedAnchors.length >= strongCrossLanguageManyAnchors &&
        s.sharedConcepts.length >= strongCrossLanguageFewConcepts &&
        text >= strongCrossLanguageAnchorsText) ||
      (s.sharedConcepts.length >= strongCrossLanguageConceptsAlone &&
        s.unsharedAnchors.length === 0 &&
        text >= strongCrossLanguageConceptsAloneText)) &&
    s.samePackage !== null &&
    s.sharedVersion !== null &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // A panic location names the expression that failed; two reports of one release that panic at
  // the same one are one bug, in any language and whatever input each found (rule 3j).
  const isSameBugAtPanicSite =
    s.samePanicSite !== null &&
    !isDistinctBug &&
    s.contrastedNames.length === 0 &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // One Go panic quoted by two finders: the runtime error's numbers are the failure's own, in any
  // language the rest is written in (rule 3k).
  const isSamePanic =
    !isDistinctBug &&
    s.contrastedNames.length === 0 &&
    s.sharedRuntimePanics.length > 0 &&
    s.sharedVersion !== null &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // One sanitizer crash quoted by two finders: the same error kind, access and top frame in the
  // project's code, on one version, in any language and whether or not the frames carry files
  // (rule 3l; an e-mail's unsymbolised trace, `in gre_print_opts (tool+0x4f3a21)`).
  const isSameSanitizerCrash =
    !isDistinctBug &&
    s.contrastedNames.length === 0 &&
    s.sharedSanitizerCrash !== null &&
    s.sharedVersion !== null &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  const isQuestionAboutReportedBug =
    !isDistinctBug &&
    s.citationTitleTerms !== null &&
    s.citationTitleTerms.found >= strongCitationTermsFound &&
    s.citationTitleTerms.share >= strongCitationTermsShare &&
    s.samePackage !== null &&
    isOnSharedRelease &&
    text >= strongCitationText &&
    !s.isCweConflict &&
    !s.isSameSourceAdvisory;
  // Two reports in different languages that share an untranslated technical token, on one
  // package and release, with no sign of two bugs: what rules 3o and 3q both start from.
  const isOtherLanguageTokenPair =
    s.isOtherLanguagePair &&
    !isDistinctBug &&
    s.contrastedNames.length === 0 &&
    s.sharedTechnicalTokens.length >= 1 &&
    s.technicalTokenCoverage >= strongTechnicalTokenCoverage &&
    s.samePackage !== null &&
    s.sharedVersion !== null &&
    text >= strongTechnicalTokenText &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // A second finder in another language names one thing no one translates (the payload `+44`,
  // the kernel `n_avx2`) and the same concepts of the bug, on the same release (rule 3o).
  const isSameTokenAndConceptsInOtherLanguage =
    isOtherLanguageTokenPair && s.sharedConcepts.length >= crossLanguageConceptsWithToken;
  // A second finder in a CJK script: the concept vocabulary cannot read its prose, but the message
  // the program printed, quoted in Latin letters, and the class or setting it names are the other
  // report's, on the same release (rule 3q).
  const isSameMessageInCjkScript =
    isOtherLanguageTokenPair && s.sharedUntranslatedPhrases.length > 0;
  // A second finder names what no one rephrases: the protocol constant, setting, flag, method or
  // payload of the first report, and little else of their own (rule 3n).
  const isSameTechnicalTokens =
    !isDistinctBug &&
    s.contrastedNames.length === 0 &&
    s.sharedTechnicalTokens.length >= strongTechnicalTokens &&
    s.technicalTokenCoverage >= strongTechnicalTokenCoverage &&
    s.samePackage !== null &&
    isOnSharedRelease &&
    text >= strongTechnicalTokenText &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  const isUnlocatedSecondFinder =
    !isDistinctBug &&
    s.pairTermsOfUnlocated !== null &&
    s.samePackage !== null &&
    isOnSharedRelease &&
    ((s.pairTermsOfUnlocated >= strongPairTerms && text >= strongUnlocatedText) ||
      (s.pairTermsOfUnlocated >= manyPairTerms && text >= strongManyPairTermsText) ||
      (s.pairTermsOfUnlocated >= fewPairTerms &&
        text >= strongFewPairTermsText &&
        !s.isUnlocatedTitleAsking)) &&
    !s.isCweConflict &&
    !s.isSameSourceAdvisory;
  const isSameBugByTitleWords =
    s.samePackage !== null &&
    !isDistinctBug &&
    isOnSharedRelease &&
    s.titleTermsFound >= strongTitleTermsFound &&
    s.titleTermsAgreement >= strongTitleTermsAgreement &&
    (text >= strongTitleTermsText ||
      // A second finder in prose shares the title's words, not the first report's code and
      // details: many title words, most of them, are enough with less text in common.
      (s.isOneSideWithoutCode &&
        s.titleTermsFound >= manyTitleTermsFound &&
        text >= strongTitleTermsProseText)) &&
    !s.isCweConflict &&
    !s.isPackageConflict &&
    !s.isSameSourceAdvisory;
  // A report describing a published advisory's bug: the same product, the same function or file,
  // and text that agrees on the bug.
  // Without a package (a report read with no profile), citing the advisory's id stands in for it.
  const isSameProduct = hasPackage
    ? s.sharedVersion !== null ||
      s.sharedFixedVersion !== null ||
      s.isPackageMentioned ||
      s.sharedRelated.length > 0
    : s.sharedRelated.length > 0;
  const isPublishedBug =
    s.isReportOfPublishedAdvisory &&
    !isDistinctBug &&
    s.isVersionBeforeFix === true &&
    isSameProduct &&
    hasLocation &&
    text >= strongPublishedText &&
    !s.isCweConflict &&
    !s.isPackageConflict;
  const isStrongByOtherRules =
    !s.isQuestionPair &&
    (s.sharedAliases.length > 0 ||
      isSameBugAtTitledFunction ||
      isSameBugInOtherWords ||
      isSameBugAtCitedFunction ||
      isSameBugInOtherLanguage ||
      isSameTitleInOtherLanguage ||
      isSameConceptsInOtherLanguage ||
      isSameBugAtPanicSite ||
      isSamePanic ||
      isSameSanitizerCrash ||
      isQuestionAboutReportedBug ||
      isSameTechnicalTokens ||
      isSameTokenAndConceptsInOtherLanguage ||
      isSameMessageInCjkScript ||
      isSameBugByTitleWords ||
      isPublishedBug ||
      isNearCopy ||
      isSameWeaknessAtSameCode ||
      // Two write-ups of one bug agree on its fix; two bugs in one function are fixed apart.
      (hasPackage &&
        hasLocation &&
        !isDistinctBug &&
        (text >= strongLocationOnlyText ||
          (text >= strongLocationText && s.sharedFixedVersion !== null)) &&
        !s.isSameSourceAdvisory));
  const isByFinderWordsOnly = !s.isQuestionPair && isUnlocatedSecondFinder && !isStrongByOtherRules;
  // Where no rule holds, the learned pair model (rule 3r) reads every signal at once: a second
  // finder the rules miss shares a little of everything rather than a lot of one thing.
  const isStrongByRules = isStrongByOtherRules || isByFinderWordsOnly;
  const learned =
    withPairModel && (isStrongByRules ? isRuleMatchDemotable(s) : isLearnedMatchAllowed(s))
      ? readPairModel(s, text)
      : null;
  const isLearnedMatch = !isStrongByRules && learned?.isSameBug === true;
  // ...and where a rule holds but the model reads two bugs with near certainty, the rule's match
  // is kept as a candidate, not called a duplicate: a rule matches one feature, the model all.
  const isLearnedDoubt = isStrongByRules && learned?.isDoubtful === true;
  const isStrong = (isStrongByRules && !isLearnedDoubt) || isLearnedMatch;
  const p = sigmoid(z);
  const score = isStrong ? strongScoreFloor + (1 - strongScoreFloor) * p : strongScoreFloor * p;

  const evidence: string[] = [];
  for (const alias of s.sharedAliases) evidence.push(`same alias ${alias}`);
  for (const id of s.sharedRelated) evidence.push(`both cite ${id} (a related id, not an alias)`);
  for (const name of s.sharedTitleFunctions) evidence.push(`the title names \`${name}\``);
  if (isSameBugInOtherLanguage) {
    evidence.push(
      `a second finder in another language: the same function, kind of bug (${s.sharedBugClasses.join(', ')}) and version ${s.sharedVersion}`,
    );
  }
  if (isSameTitleInOtherLanguage && !isSameBugInOtherLanguage) {
    evidence.push(
      `a second finder in another language: both titles name the function and agree on ${s.titleTermsFound} distinctive words (${Math.round(100 * s.titleTermsAgreement)}%) on version ${s.sharedVersion ?? `fixed ${s.sharedFixedVersion!}`}`,
    );
  }
  if (isSameConceptsInOtherLanguage && !isSameBugInOtherLanguage && !isSameTitleInOtherLanguage) {
    evidence.push(
      `a second finder in another language: the same concepts (${s.sharedConcepts.join(', ')})${s.sharedAnchors.length > 0 ? ` and anchors (${s.sharedAnchors.join(', ')})` : ''} on version ${s.sharedVersion}`,
    );
  }
  if (isSameTechnicalTokens) {
    evidence.push(
      `a second finder in other words: the same technical names and payload (${s.sharedTechnicalTokens.join(', ')}) on version ${s.sharedVersion ?? `fixed ${s.sharedFixedVersion!}`}`,
    );
  }
  if (isSameMessageInCjkScript) {
    evidence.push(
      `a second finder in another script: the same printed message (${s.sharedUntranslatedPhrases.join('; ')}) and names (${s.sharedTechnicalTokens.join(', ')}) on version ${s.sharedVersion}`,
    );
  }
  if (isSameBugAtPanicSite) evidence.push(`both panic at ${s.samePanicSite} on one release`);
  if (isSameSanitizerCrash) {
    evidence.push(
      `the same sanitizer crash (${s.sharedSanitizerCrash!}) on version ${s.sharedVersion}`,
    );
  }
  if (isSamePanic) {
    evidence.push(
      `the same runtime error (${s.sharedRuntimePanics.join(', ')}) on version ${s.sharedVersion}`,
    );
  }
  if (isSameBugInOtherWords) {
    for (const name of s.titleFunctionsNamed) {
      if (!s.sharedTitleFunctions.includes(name))
        evidence.push(`one title names \`${name}\` and the other text names it too`);
    }
  }
  if (isSameBugAtCitedFunction && !isSameBugInOtherWords) {
    for (const name of s.citedFunctionsNamed) {
      if (!s.sharedTitleFunctions.includes(name))
        evidence.push(`one report puts the bug in \`${name}\` and the other names it too`);
    }
  }
  if (isSameBugByTitleWords) {
    evidence.push(
      `the titles agree on ${s.titleTermsFound} distinctive words (${Math.round(100 * s.titleTermsAgreement)}%)`,
    );
  }
  if (isQuestionAboutReportedBug && s.citationTitleTerms !== null) {
    evidence.push(
      `a question about a published id that uses ${s.citationTitleTerms.found} rare title words of the other (${Math.round(100 * s.citationTitleTerms.share)}%)`,
    );
  }
  if (isUnlocatedSecondFinder) {
    evidence.push(
      `one report cites no code; ${s.pairTermsOfUnlocated} rare words only the two use`,
    );
  }
  if (isLearnedDoubt) {
    evidence.push(
      `a rule matched, but the learned pair model reads two bugs (${describeProbability(learned.probability)} one bug): not called a duplicate`,
    );
  }
  if (isLearnedMatch) {
    evidence.push(
      `the learned pair model reads one bug (${describeProbability(learned.probability)}: ${learned.reasons.join(', ')})`,
    );
  }
  if (s.isVersionBeforeFix === true) evidence.push('a version the report names is before the fix');
  if (s.isVersionBeforeFix === false) {
    evidence.push(
      'every version the report names is at or past the fix (a new bug, or a regression)',
    );
  }
  if (s.nearCopy >= 0.3) {
    evidence.push(`near-copy (${Math.round(100 * s.nearCopy)}% shared 5-word shingles)`);
  }
  if (s.samePackage !== null) evidence.push(`same package ${s.samePackage}`);
  else if (s.relatedPackage !== null) evidence.push(`related package name ${s.relatedPackage}`);
  else if (s.isPackageMentioned) evidence.push('package named in the other text');
  if (s.sharedFixedVersion !== null) {
    evidence.push(`overlapping versions (fixed ${s.sharedFixedVersion})`);
  } else if (s.sharedVersion !== null) {
    evidence.push(`overlapping versions (${s.sharedVersion})`);
  }
  for (const name of s.sharedFunctions) evidence.push(`same function \`${name}\``);
  for (const path of s.sharedPaths) evidence.push(`same file ${path}`);
  if (s.sharedPaths.length === 0) {
    for (const name of s.sharedFileNames) evidence.push(`same file name ${name}`);
  }
  for (const cwe of s.sharedCwes) evidence.push(`same ${cwe}`);
  if (s.isCweConflict) evidence.push('different CWEs');
  if (s.bugClasses !== null) {
    evidence.push(
      `different kinds of bug (${s.bugClasses[0].join(', ')} / ${s.bugClasses[1].join(', ')})`,
    );
  }
  if (s.crashConflict !== null) evidence.push(`different crashes (${s.crashConflict})`);
  if (s.fixBetween !== null) {
    evidence.push(
      `one is found only on versions before the fix in ${s.fixBetween}, the other only on versions with it`,
    );
  }
  if (s.publishedFixPassed !== null) {
    evidence.push(
      `one asks about a published bug fixed in ${s.publishedFixPassed.fix}; the other is found on ${s.publishedFixPassed.versions.join(', ')}, ${s.publishedFixPassed.versions.length > 1 ? 'which have' : 'which has'} that fix (two bugs)`,
    );
  }
  if (s.isCveConflict) evidence.push('known by different CVEs');
  for (const id of s.deniedIds) evidence.push(`says it is not ${id}`);
  for (const name of s.contrastedNames) evidence.push(`contrasts itself with \`${name}\``);
  // Said only where it sets a function aside: a titled, named or lead function both reach.
  if (
    s.sharedTitleFunctions.length > 0 ||
    s.titleFunctionsNamed.length > 0 ||
    s.citedFunctionsNamed.length > 0
  ) {
    for (const token of s.unnamedTitleTokens)
      evidence.push(`one title names \`${token}\`, which the other never names`);
    if (s.ownClasses !== null)
      evidence.push(
        `each names a class the other never names (\`${s.ownClasses[0][0]!}\` / \`${s.ownClasses[1][0]!}\`)`,
      );
  }
  if (s.isPackageConflict) evidence.push('different packages');
  if (s.isSameSourceAdvisory) evidence.push('both advisories from one database');
  if (s.isQuestionPair) evidence.push('both ask about a published id; neither reports a bug');
  evidence.push(`text ${text.toFixed(2)}`);
  return {
    score,
    isStrong,
    isDistinctBug,
    isByFinderWordsOnly: isByFinderWordsOnly && isStrong,
    evidence,
  };
}
