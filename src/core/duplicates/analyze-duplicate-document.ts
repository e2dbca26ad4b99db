// Reduces a DuplicateDocument to the canonical keys the index matches on: search terms, aliases,
// package keys, versions, code locations, CWEs, date and near-copy shingles.

import { type BugClass, findBugClasses } from './find-bug-classes.js';
import { findConcreteAnchors, findCrossLanguageConcepts } from './find-cross-language-concepts.js';
import {
  findSettings,
  findTechnicalTokens,
  isLiteralToken,
  isUniversalName,
  objectMemberNames,
} from './find-technical-tokens.js';
import { guessProseLanguage, isCjkLanguage, type ProseLanguage } from './guess-prose-language.js';
import { findCodeNames } from './find-code-names.js';
import { findContrastStatements } from './find-contrast-statements.js';
import { type CrashSignature, findCrashSignature } from './find-crash-signature.js';
import { findPanicLocations, type PanicLocation } from '../report/find-panic-locations.js';
import { classifyExternalName } from '../evidence/classify-external-name.js';
import { trimEndCharacters, trimStartCharacters } from '../text/trim-characters.js';
import type { DuplicateDocument } from '../model/duplicate.js';
import { derivePackageKeys, type PackageKeys } from './derive-package-keys.js';
import {
  extractVersionKeys,
  namesDevelopmentBuild,
  normalizeVersion,
  type VersionKeys,
} from './extract-version-keys.js';
import { hashShingles } from './hash-shingles.js';
import { maxMatchingChars, normalizeForMatching } from './normalize-for-matching.js';
import { tokenizeForMatching } from './tokenize-for-matching.js';

export interface DocumentAnalysis {
  terms: string[];
  /** The ids the document is known by (its own id, its advisory's aliases). */
  aliases: string[];
  /** Ids its text only mentions ("similar to CVE-...", references): never a duplicate alone. */
  related: string[];
  /** Functions the title names: the document's central location, not an incidental mention. */
  titleFunctions: string[];
  /** The title's search terms (words of three letters or more): what the document says it is about. */
  titleTerms: string[];
  packages: PackageKeys[];
  versions: VersionKeys;
  functions: string[];
  paths: string[];
  fileNames: string[];
  cwes: string[];
  /** The kinds of bug its title and sanitizer output name (`bounds`, `lifetime`, `recursion`...). */
  bugClasses: BugClass[];
  /** The language its prose is written in, when its function words say so clearly. */
  language: ProseLanguage | null;
  /**
   * In a report written in a CJK script: the runs of three or more Latin words its prose carries
   * outside code (`Invalid processing instruction node`), the message a program printed, which no
   * finder translates; each as its search terms. Empty otherwise.
   */
  untranslatedPhrases: string[][];
  /** The canonical English concepts it names in any language read (`heap overflow`, `backslash`). */
  concepts: string[];
  /** Concrete anchors no finder translates (`EDNS`, `transfer-encoding:`, `try_files`, `%5C`). */
  anchors: string[];
  /**
   * Technical tokens a second finder names as the first did, in any wording or language: protocol
   * constants, settings, flags, class and method names, endpoints, crafted literals. Reports
   * only (empty for an advisory).
   */
  technicalTokens: string[];
  /**
   * The technical tokens its title names (`clockTolerance`, `WINDOW_UPDATE`), crafted literals
   * left out: the option or constant a report says its bug is about. Reports only.
   */
  titleTokens: string[];
  /**
   * The settings it writes with their value (`nesting: true`, `strip=False`), lower-cased:
   * the configuration its bug needs. Reports only.
   */
  settings: string[];
  /** The memory access and crash site its quoted sanitizer report gives (`find-crash-signature.ts`). */
  crash: CrashSignature;
  /** The first Rust panic location it quotes (`role.rs:998:22`), or null. */
  panic: PanicLocation | null;
  /** It names a development build ("jq-1.7-37-g88f01a7"), whose line numbers are not a release's. */
  namesDevelopmentBuild: boolean;
  /**
   * Its title or text names a source file (`Http2UpgradeHandler.java`, `src/utils.py`): such a
   * report points at code even when no location was read from it.
   */
  namesFile: boolean;
  /**
   * The snake_case identifiers it names (`allowed_uri`, `enforce_origin`), lower-cased (at most
   * 20): code, unless each is a method it calls on the product (below) that is the product's
   * vocabulary, like class names (measure-duplicate-signals.ts decides).
   */
  snakeNames: string[];
  /** The snake_case methods it calls on an object (`Scrub.allowed_uri?(…)`), lower-cased. */
  calledSnakeMethods: string[];
  /**
   * Class names its title or text names (`Http2UpgradeHandler`), lower-cased: code too, unless
   * they are the product's vocabulary (measure-duplicate-signals.ts decides).
   */
  classNames: string[];
  /**
   * Methods its text calls on an object in camelCase (`.addAttributes(`, chained calls too),
   * lower-cased: a finder's own configuration or API use, unless another document names them.
   */
  calledMethods: string[];
  /**
   * Its functions, class names and called methods that belong to a language's standard library
   * (`System.nanoTime`, `StringBuilder`, `JSON.stringify`) or that every object has
   * (`sb.toString`): how a proof of concept is written, never a place in the product.
   */
  languageNames: ReadonlySet<string>;
  /** Advisory ids the text says the document is not, or differs from ("this is not CVE-..."). */
  contrastedIds: string[];
  /** Words (functions, file names) the text names only to set itself apart ("unlike foo()"). */
  contrastedNames: ReadonlySet<string>;
  /** The versions its packages give (a report's version facts), normalised. */
  statedVersions: string[];
  /** A question about a published id with no finding of its own (`DuplicateDocument`). */
  isPublishedIdQuestion: boolean;
  /** Milliseconds since the epoch, or null. */
  time: number | null;
  shingles: Uint32Array;
}

// Bitnami ids are BIT-<package name parts>-<year>-<number>: name parts start with a letter, so
// they can never be read as the year; at most six parts, so "BIT-BIT-BIT-..." is read in one pass.
const aliasPattern =
  /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|(?:PYSEC|RUSTSEC|GO|OSV|GSD|RUBYSEC)-\d{4}-\d+|BIT-(?:[a-z][a-z0-9]{0,40}-){1,6}\d{4}-\d+)\b/gi;

/** Upper-cased CVE/GHSA/OSV-style id; GHSA ids keep their lowercase body as GitHub writes them. */
function normalizeAlias(alias: string): string {
  const a = normalizeForMatching(alias).trim();
  return /^ghsa-/i.test(a) ? `GHSA-${a.slice(5).toLowerCase()}` : a.toUpperCase();
}

// Scans instead of anchored regexes (`/\(.*\)$/` retries at every parenthesis).
function normalizeFunction(name: string): string {
  let text = normalizeForMatching(name).trim();
  const open = text.indexOf('(');
  if (open !== -1 && text.endsWith(')')) text = text.slice(0, open);
  return trimEndCharacters(trimStartCharacters(text, '`\'"'), '`\'"').toLowerCase();
}

/** `src/x.c:10:5` -> `src/x.c`. */
function dropLineSuffix(path: string): string {
  let end = path.length;
  for (;;) {
    let digits = end;
    while (digits > 0 && path[digits - 1]! >= '0' && path[digits - 1]! <= '9') digits -= 1;
    if (digits === end || digits === 0 || path[digits - 1] !== ':') return path.slice(0, end);
    end = digits - 1;
  }
}

function normalizePath(path: string): string {
  const folded = normalizeForMatching(path)
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/|[ab]\/)/, '');
  return dropLineSuffix(folded).toLowerCase();
}

function normalizeCwe(cwe: string): string | null {
  const digits = /(\d+)/.exec(cwe);
  return digits ? `CWE-${Number(digits[1])}` : null;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v.length > 0))];
}

export function analyzeDuplicateDocument(doc: DuplicateDocument): DocumentAnalysis {
  const text = doc.text.length > maxMatchingChars ? doc.text.slice(0, maxMatchingChars) : doc.text;
  const title = doc.title.slice(0, 2_000);
  const packages = doc.packages
    .slice(0, 50)
    .map(derivePackageKeys)
    .filter((k): k is PackageKeys => k !== null);
  const packageText = doc.packages
    .slice(0, 50)
    .map((p) => `${p.name} ${p.name.replace(/[/._@-]+/g, ' ')}`)
    .join('\n');
  const terms = tokenizeForMatching(`${title}\n${text}\n${packageText}`);
  // Ids in the text are mentions: a report or advisory is known only by the ids it is given
  // (`doc.aliases`, which buildReportDocument fills from the report's own identifier lines).
  const titled = `${title}\n${text}`;
  const mentioned = [...titled.matchAll(aliasPattern)].map((m) => m[0]);
  const aliases = unique(doc.aliases.slice(0, 200).map(normalizeAlias));
  const ownAliases = new Set(aliases);
  // A fuzz harness's entry point (`LLVMFuzzerTestOneInput`, an OSS-Fuzz target `fuzz_x`,
  // `x_fuzzer`) says how the bug was found, not where it is: two reports from one harness are
  // about different bugs as often as not.
  const functions = unique(doc.functions.slice(0, 200).map(normalizeFunction)).filter(
    (name) => !isFuzzHarnessName(name),
  );
  const lowerTitle = normalizeForMatching(title).toLowerCase();
  const lowerText = `${lowerTitle}\n${normalizeForMatching(text).toLowerCase()}`;
  const paths = unique(doc.paths.slice(0, 200).map(normalizePath));
  const fileNames = unique(
    paths.map((p) => p.slice(p.lastIndexOf('/') + 1)).filter((name) => /\.[a-z0-9]+$/.test(name)),
  );
  const time = doc.published ? Date.parse(doc.published) : Number.NaN;
  const contrast = findContrastStatements(title, text);
  const calls = findMethodCalls(titled);
  const language = guessProseLanguage(titled);
  return {
    terms,
    isPublishedIdQuestion: doc.isPublishedIdQuestion === true,
    statedVersions: unique(
      doc.packages.slice(0, 50).flatMap((p) => p.versions.slice(0, 100).map(normalizeVersion)),
    ),
    aliases,
    related: unique(mentioned.slice(0, 200).map(normalizeAlias)).filter(
      (id) => !ownAliases.has(id),
    ),
    // Written as a call somewhere (`dtdCopy()`), so an option or field named in a title
    // (`baseURL`, `m_bufferPtr`) is not taken for the vulnerable function.
    titleFunctions: functions.filter(
      (name) => name.length >= 4 && lowerTitle.includes(name) && lowerText.includes(`${name}(`),
    ),
    titleTerms: unique(
      tokenizeForMatching(title).filter((term) => term.length >= 3 && /[a-z]/.test(term)),
    ),
    packages,
    versions: extractVersionKeys(
      doc.packages.slice(0, 50).flatMap((p) => p.versions.slice(0, 100)),
      titled,
    ),
    functions,
    paths,
    fileNames,
    bugClasses: findBugClasses(title, text),
    language,
    untranslatedPhrases:
      doc.kind === 'report' && isCjkLanguage(language) ? findUntranslatedPhrases(titled) : [],
    concepts: findCrossLanguageConcepts(title, text),
    anchors: findConcreteAnchors(title, text),
    // Rule 3n compares two reports only: an advisory's tokens would never be read.
    technicalTokens: doc.kind === 'report' ? findTechnicalTokens(title, text) : [],
    titleTokens:
      doc.kind === 'report'
        ? findTechnicalTokens(title, '').filter((token) => !isLiteralToken(token))
        : [],
    settings: doc.kind === 'report' ? findSettings(title, text) : [],
    crash: findCrashSignature(title, text),
    panic: findPanicLocations(text)[0] ?? null,
    namesDevelopmentBuild: namesDevelopmentBuild(titled),
    namesFile: findCodeNames(titled.slice(0, maxMatchingChars)).paths.length > 0,
    snakeNames: findSnakeNames(titled),
    calledSnakeMethods: findSnakeMethodCalls(titled),
    // A runtime's own exception (`SyntaxError`, `TypeError`) is what a payload got back, in
    // every bug of its kind: no class of the product.
    classNames: findClassNames(dropSignOff(titled)).filter((name) => !isUniversalName(name)),
    calledMethods: calls.map((call) => call.method),
    languageNames: new Set([
      ...doc.functions.slice(0, 200).filter(isLanguageName).map(normalizeFunction),
      ...findClassNames(titled).filter((name) => isLanguageName(name)),
      ...calls.filter((call) => isLanguageName(call.name)).map((call) => call.method),
    ]),
    cwes: unique(
      doc.cwes
        .slice(0, 50)
        .map(normalizeCwe)
        .filter((c): c is string => c !== null),
    ),
    contrastedIds: contrast.contrastedIds.filter((id) => !ownAliases.has(id)),
    contrastedNames: new Set(contrast.contrastedNames),
    time: Number.isFinite(time) ? time : null,
    shingles: hashShingles(titled),
  };
}

/**
 * A name of a language's standard library (`System.nanoTime`, `JSON.stringify`, a bare
 * `StringBuilder`) or a member every object has (`sb.toString`). Case-insensitive for the
 * universal members; the library test reads the name as written.
 */
function isLanguageName(name: string): boolean {
  const bare = name.replace(/\(\)$/, '');
  const member = bare.slice(bare.lastIndexOf('.') + 1).toLowerCase();
  if (bare.includes('.') && objectMemberNames.has(member)) return true;
  if (classifyExternalName(bare) !== null) return true;
  // A bare class the standard library owns (`StringBuilder`), read as its owner would be.
  return /^[A-Z][\w$]*$/.test(bare) && classifyExternalName(`${bare}.new`) !== null;
}

/** A camelCase method called on an object: `.addAttributes(`, `.nanoTime(`. */
const methodCallPattern = /\.([a-z][a-z0-9]{0,30}[A-Z][\w$]{0,60})\(/g;

/**
 * The camelCase methods a text calls on an object (at most 20), each with its receiver when one
 * is written right before the dot (`System.nanoTime`; a chained call has none).
 */
function findMethodCalls(text: string): { name: string; method: string }[] {
  const calls = new Map<string, { name: string; method: string }>();
  const bounded = text.slice(0, maxMatchingChars);
  for (const match of bounded.matchAll(methodCallPattern)) {
    let start = match.index;
    while (start > 0 && start > match.index - 60 && /[\w$]/.test(bounded[start - 1]!)) start -= 1;
    const receiver = bounded.slice(start, match.index);
    const method = match[1]!.toLowerCase();
    const name = receiver.length > 0 ? `${receiver}.${match[1]!}` : match[1]!;
    if (!calls.has(name)) calls.set(name, { name, method });
    if (calls.size >= 20) break;
  }
  return [...calls.values()];
}

/** A closing line of a letter ("Best regards,", "Saludos,"): what follows is the signature. */
const signOffPattern =
  /^[ \t]{0,8}(?:(?:best|kind|warm)[ \t]regards|regards|cheers|thanks|thank[ \t]you|sincerely|saludos|atentamente|cordialement|bien[ \t]à[ \t]vous|mit[ \t]freundlichen[ \t]grüßen|viele[ \t]grüße|beste[ \t]grüße|grüße)\b[^\n]{0,40}$/gimu;
/** A signature is the last few lines of a text. */
const maxSignatureLines = 6;

/**
 * The text without its sign-off and signature: the sender's organisation (`CrawlWorks`) is not a
 * class of the product.
 */
export function dropSignOff(text: string): string {
  let last = -1;
  for (const match of text.matchAll(signOffPattern)) last = match.index;
  if (last === -1) return text;
  const rest = text.slice(last);
  return rest.split('\n').length <= maxSignatureLines + 1 ? text.slice(0, last) : text;
}

/** Two or more capitalised words run together, with a lower-case letter after the first. */
const classNamesPattern = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*){1,8}[a-z0-9]\b/g;
/** Words joined by underscores (`ZSTD_decompress`, `max_form_memory_size`). */
const snakeNamePattern = /\b[A-Za-z][A-Za-z0-9]{0,63}(?:_[A-Za-z0-9]{1,64}){1,8}\b/;

/** The text names a source file or a snake_case identifier (class names: findClassNames). */
export function namesFileOrSnakeIdentifier(text: string): boolean {
  const bounded = text.slice(0, maxMatchingChars);
  return findCodeNames(bounded).paths.length > 0 || snakeNamePattern.test(bounded);
}

const snakeNamesPattern = new RegExp(snakeNamePattern.source, 'g');

/** The snake_case identifiers a text names, lower-cased as matching terms are (at most 20). */
function findSnakeNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.slice(0, maxMatchingChars).matchAll(snakeNamesPattern)) {
    names.add(match[0].toLowerCase());
    if (names.size >= 20) break;
  }
  return [...names];
}

/** A snake_case method called on an object, Ruby's `?` and `!` too: `.allowed_uri?(`. */
const snakeMethodCallPattern = /\.([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,6})[?!]?\(/g;

/** The snake_case methods a text calls on an object, lower-cased (at most 20). */
function findSnakeMethodCalls(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.slice(0, maxMatchingChars).matchAll(snakeMethodCallPattern)) {
    names.add(match[1]!.toLowerCase());
    if (names.size >= 20) break;
  }
  return [...names];
}

/** The class names a text names, lower-cased as matching terms are (at most 20). */
export function findClassNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.slice(0, maxMatchingChars).matchAll(classNamesPattern)) {
    names.add(match[0].toLowerCase());
    if (names.size >= 20) break;
  }
  return [...names];
}

/** An OSS-Fuzz or libFuzzer harness name: `LLVMFuzzerTestOneInput`, `fuzz_process_packet`, `png_read_fuzzer`. */
export function isFuzzHarnessName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith('llvmfuzzer') ||
    lower.startsWith('fuzz_') ||
    lower.startsWith('fuzzer_') ||
    lower.endsWith('_fuzzer') ||
    lower.endsWith('_fuzz')
  );
}

/** What is not a Latin letter or a space: it ends a run of Latin words. */
const notLatinWordPattern = /[^A-Za-z ]+/;
/** A phrase has at least three words of two to forty letters. */
const minPhraseWords = 3;
const maxPhraseWords = 12;
/** A fenced code block's fence line. */
const fencePattern = /^[ \t]{0,3}(?:```|~~~)/;
const maxUntranslatedPhrases = 20;

/**
 * The Latin phrases of a CJK report's prose, outside fenced code and `inline code`, each as its
 * search terms (two or more after stop words).
 */
function findUntranslatedPhrases(text: string): string[][] {
  let isInFence = false;
  const prose: string[] = [];
  for (const line of text.slice(0, maxMatchingChars).split('\n')) {
    if (fencePattern.test(line)) {
      isInFence = !isInFence;
      continue;
    }
    if (!isInFence) prose.push(line.replace(/`[^`\n]{0,200}`/g, ' '));
  }
  const phrases: string[][] = [];
  const addPhrase = (words: readonly string[]): void => {
    if (words.length < minPhraseWords || phrases.length >= maxUntranslatedPhrases) return;
    const terms = unique(tokenizeForMatching(words.slice(0, maxPhraseWords).join(' ')));
    if (terms.length >= 2) phrases.push(terms);
  };
  for (const run of prose.join('\n').split(notLatinWordPattern)) {
    let words: string[] = [];
    for (const word of run.split(' ')) {
      if (word.length >= 2 && word.length <= 40) {
        words.push(word);
        continue;
      }
      addPhrase(words);
      words = [];
    }
    addPhrase(words);
  }
  return phrases;
}
