// Finds where a report says the phrases of a rule's `mentions` (whole words, any case, any
// spacing or line break between the words), and how much each says. Describing the problem or the
// exploit (prose, the PoC's own code, the crash it shows) is strong evidence; the reporter's setup
// is weak: their shell commands, their reproduction steps, a sentence about what *they* did ("I
// only used runserver to keep it short"). A denial ("this is not the raw SQL caveat") is none. A
// sentence naming what the problem is ("This is a small memory leak") is strong wherever it stands.

import type { Fact } from '../model/fact.js';
import type { Report, ReportField } from '../model/report.js';
import { isLibraryCode } from '../report/extract-code-setting-facts.js';
import { findCodeBlocks, type CodeBlock } from '../report/find-code-blocks.js';
import { isClauseNegated, isNegated, readClauseBefore } from '../report/is-negated.js';
import { createFieldLocator } from '../report/locate-in-report.js';
import { createLineLocator } from '../text/locate-line.js';
import { shellInfos } from '../report/shell-infos.js';
import { readOtherProjectMention } from './read-other-project-mention.js';
import { isInRoleStep } from './read-step-role.js';

/** Occurrences looked at per phrase: enough for any real report, bounded for hostile ones. */
const maxOccurrencesPerPhrase = 50;
// The reporter speaking of their own setup: "I only used", "we ran", "in my test".
const reporterSetup =
  /(?:^|[\s(])(?:I|we)\s+(?:\w+\s+){0,2}?(?:used|ran|run|started|launched|tested|tried|chose)\b|\b(?:my|our)\s+(?:test|setup|reproduction|environment|example)\b/i;

// Where the reporter runs the product for real, not how they tested it: "we run ... in
// production", "on our production servers". A mention in such a sentence says where the problem
// lives (a rule about deployments, such as a development server put in production, asks exactly
// that), so it is no test setup.
const productionDeployment = /\b(?:in|into|for|our|their)\s+production\b/i;
/** Where a line ends, looked for at most this far back: a line longer than this is prose run on. */
const maxLineLookBehind = 400;

/** The text of the line before `at`, at most `maxLineLookBehind` characters of it. */
function readLineBefore(body: string, at: number): string {
  const before = body.slice(Math.max(0, at - maxLineLookBehind), at);
  return before.slice(before.lastIndexOf('\n') + 1);
}

// A package named as a link of a scanner's dependency path (`introduced by axios@1.6.2 >
// follow-redirects@1.15.3`, `axios > follow-redirects`): the package that depends on the one at
// fault, not where the flaw is.
const dependencyPathLinkAfter =
  /^(?:@[\w.^~*+-]{1,30})?[ \t]{0,2}(?:>|›|→)[ \t]{0,2}@?[\w.-]{1,60}/;

// A phrase that is one identifier (`Keyfunc`, `check_origin`), not words of prose.
const identifierPhrase = /^[A-Za-z_$][\w$.]{0,80}$/;
// A list item or numbered step: its text is a step of the reproduction.
const listItemStart = /^\s{0,12}(?:\d{1,3}[.)]|[-*+])\s/;

// The report naming what the problem is ("This is a small memory leak", "It was a debug-only
// crash"): said of the problem even where a reproduction label's text runs on, as it does when a
// report is written as one paragraph.
const namesTheProblem =
  /^\s*(?:this|it|that)\s+(?:is|was|causes|leads\s+to|results\s+in)\s+(?:(?:only|just|really|clearly)\s+)?(?:(?:a|an|the)\s+)?$/i;

// A sentence that opens with the reporter's own code as its subject ("Our getKey callback
// supports ...", "My upload handler passes ..."): in a setup or environment section it says what
// the deployed application does, not how the reporter ran the test.
const ownApplicationSubject = /^\s*(?:our|my)\s/i;

/**
 * True when the mention at `start` stands in a sentence, not a step, that describes the
 * reporter's own application: it opens with "our" or "my" and says nothing the reporter did
 * ("we ran", "our test setup").
 */
function describesOwnApplication(
  body: string,
  start: number,
  end: number,
  clause: string,
): boolean {
  const lineBefore = readLineBefore(body, start);
  if (listItemStart.test(lineBefore) || reporterSetup.test(clause)) return false;
  const sentenceBefore = lineBefore.split(/[.!?:]\s/).pop()!;
  return ownApplicationSubject.test(`${sentenceBefore}${body.slice(start, end)}`);
}

interface MentionEvidence {
  strength: 'strong' | 'weak';
  facts: Fact[];
}

/** How a rule's statement asks its mentions to be read. */
interface MentionReading {
  /**
   * The rule is about a setting the application left unset, so "we have not set `SERVER_NAME`"
   * says its precondition rather than denying the mention.
   */
  isUnsetCounted?: boolean;
  /**
   * The rule is about something missing ("a buffer without a terminating zero"), so "a document
   * without a trailing NUL" says its case rather than denying the mention.
   */
  isAbsenceCounted?: boolean;
  /**
   * The rule sends flaws in another project there: a mention counts only where it places the
   * flaw, not where it names who uses this project or is exposed (read-other-project-mention.ts).
   */
  isAboutAnotherProject?: boolean;
}

export interface MentionFinder {
  find(phrases: readonly string[], reading?: MentionReading): MentionEvidence | null;
}

// The clause says the setting was left unset: "we have not set", "never call", "without configuring".
const unsetBefore =
  /\b(?:not|never|n't|without)\s+(?:\w+\s+){0,2}?(?:set|setting|configur\w*|call\w*|enabl\w*|restrict\w*|defin\w*|specif\w*|us(?:e|ed|ing)|pass\w*)\b[^.!?]{0,40}$/i;

// A rule's statement about a setting the application left unset or at its default: "a Host header
// it never restricted", "left the proxy settings at the default", "did not set TRUSTED_HOSTS".
const unsetStatement =
  /\b(?:never|not|didn't|doesn't|without)\s+(?:\w+\s+){0,2}?(?:restrict\w*|set|sets|setting|configur\w*|limit\w*|call\w*|fix\w*)\b|\bleft\s+(?:\w+\s+){0,4}?(?:at\s+(?:the|its|their)\s+defaults?|unset|unrestricted)\b|\bunset\b/i;

// A rule's statement placing the flaw in the application's own code: "The flaw is in the
// application's own code", "The flaw is in the WSGI or ASGI application Gunicorn serves".
// Also one saying the caller breaks the API's contract: "The application breaks the C API's
// contract", "The caller breaks the documented use of the API", "The application passes the
// library wrong ABI parameters".
const applicationCodeStatement =
  /\b(?:flaw|bug|fault|problem|vulnerability)\s+is\s+in\s+the\s+(?:[\w-]+\s+){0,4}?(?:application|app)(?:'s|\u2019s)?(?:\s+own)?(?:\s+code)?\b|\b(?:caller|application)\s+(?:breaks|violates)\s+the\s+(?:[\w'\u2019-]+\s+){0,3}?(?:contract|documented\s+use)\b|\b(?:caller|application)\s+passes\s+(?:the\s+library\s+)?(?:wrong|invalid)\b/i;

/** True when a rule's statement says the flaw is in the application's own code. */
export function isAboutApplicationCode(statement: string): boolean {
  return applicationCodeStatement.test(statement.slice(0, 2000));
}

// A rule's statement about something missing: "a buffer without a terminating zero", "a request
// without a Host header".
const absenceStatement = /\bwithout\s+(?:an?|the|any)\s+[\w-]/i;

/** True when a rule's statement names something missing ("a buffer without a terminating zero"). */
export function isAboutAbsence(statement: string): boolean {
  return absenceStatement.test(statement.slice(0, 2000));
}

// The clause ends by saying the thing is missing: "a document without a trailing", "lacking the".
const absenceBefore = /\b(?:without|lacking|missing)\s+(?:an?\s+|the\s+|any\s+|its\s+)?$/i;

/**
 * True when the clause before a mention says that what it names is missing ("sends a document
 * without a trailing NUL"), and nothing else in the clause denies or only supposes it ("even
 * without a", "with or without the").
 */
function statesAbsence(clause: string): boolean {
  const absence = absenceBefore.exec(clause);
  if (absence === null) return false;
  const rest = clause.slice(0, absence.index);
  return !isClauseNegated(rest) && !/\b(?:even|or)\s*$/i.test(rest);
}

/** True when a rule's statement says the exposure is a setting the application left unset. */
export function isAboutUnsetSetting(statement: string): boolean {
  return unsetStatement.test(statement.slice(0, 2000));
}

// Prepositions that join a compound written the other way round in German and the Romance
// languages: "override de validateLink" for "validateLink override", "Limit von maxDepth".
const compoundPrepositions = ['de', 'del', 'della', 'di', 'du', 'des', 'da', 'von'];

/**
 * The spellings of a phrase, as lower-case words: as written, and for a two-word compound
 * (`validateLink override`) the other way round with a preposition (`override de validatelink`),
 * as a reporter writing in Spanish, Italian, French, Portuguese or German puts it.
 */
function listSpellings(phrase: string): string[][] {
  const words = phrase.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length !== 2) return [words];
  const [head, tail] = words as [string, string];
  // A command-line switch named with its kind (`-d option`, `--insecure flag`) is said by the
  // switch alone, as a command line or a sentence writes it ("wavpack -d -hh", "can include -d").
  if (commandSwitch.test(head) && switchKinds.has(tail)) return [words, [head]];
  // A limit quoted by its number and unit (`63 characters`) is said with the unit in the
  // reporter's language ("63 Zeichen", "63 caractères").
  if (/^\d+$/.test(head))
    return [words, ...(unitTranslations.get(tail) ?? []).map((unit) => [head, unit])];
  return [words, ...compoundPrepositions.map((preposition) => [tail, preposition, head])];
}

const commandSwitch = /^--?[a-z0-9][\w-]{0,40}$/;
// Another switch within two tokens of the one a phrase names, on the same line.
const switchAfter = /^(?:[ \t]+[^\s-]\S{0,80}){0,2}[ \t]+--?[A-Za-z]/;
const switchBefore = /(?:^|[ \t])--?[A-Za-z][\w=.-]{0,40}(?:[ \t]+[^\s-]\S{0,80}){0,2}[ \t]+$/;
const switchKinds: ReadonlySet<string> = new Set(['option', 'flag', 'switch', 'parameter']);

// The units a documented limit is given in, in German, French, Spanish, Portuguese, Italian and
// Dutch.
const unitTranslations: ReadonlyMap<string, readonly string[]> = new Map([
  ['characters', ['zeichen', 'caractères', 'caracteres', 'caratteri', 'tekens']],
  ['bytes', ['byte', 'octets', 'octetos']],
  ['digits', ['ziffern', 'stellen', 'chiffres', 'dígitos', 'digitos', 'cifre', 'cijfers']],
  ['levels', ['ebenen', 'niveaux', 'niveles', 'níveis', 'livelli', 'niveaus']],
]);

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character);
}

function isSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

/** Other switches a command line may give before the one a phrase names. */
const maxSkippedSwitches = 8;

function isLineSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\t';
}

/** Past the token at `at` and the spaces after it on the same line, or -1 at a line's end. */
function skipToken(lower: string, at: number): number {
  let next = at;
  while (next < lower.length && !isSpace(lower[next])) next += 1;
  if (!isLineSpace(lower[next])) return -1;
  while (isLineSpace(lower[next])) next += 1;
  return next;
}

/**
 * Where the switch `word` starts at or after `at`, past other switches of the same command line
 * and their arguments (`--listen tcp:8080 ` before `--path`), or -1.
 */
function skipOtherSwitches(lower: string, at: number, word: string): number {
  let next = at;
  for (let skipped = 0; skipped < maxSkippedSwitches; skipped += 1) {
    if (lower.startsWith(word, next)) return next;
    if (lower[next] !== '-') return -1;
    next = skipToken(lower, next);
    if (next === -1) return -1;
    // The switch's argument, unless another switch follows.
    if (lower[next] !== '-' && !lower.startsWith(word, next)) next = skipToken(lower, next);
    if (next === -1) return -1;
  }
  return lower.startsWith(word, next) ? next : -1;
}

/**
 * The end of `words` (spaced any way) matched at `start` of `lower`, or -1. A phrase that names a
 * command's switch (`twist web --path`) also matches a command line that gives other switches
 * first (`twist web --listen tcp:8080 --path .`): a command reads its switches in any order.
 */
function matchWords(lower: string, start: number, words: readonly string[]): number {
  let at = start;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (index > 0) {
      if (!isSpace(lower[at])) return -1;
      while (isSpace(lower[at])) at += 1;
      if (word.startsWith('-') && !words[index - 1]!.startsWith('-'))
        at = skipOtherSwitches(lower, at, word);
      if (at === -1) return -1;
    }
    if (!lower.startsWith(word, at)) return -1;
    at += word.length;
  }
  return at;
}

function findBlock(blocks: readonly CodeBlock[], offset: number): CodeBlock | undefined {
  return blocks.find((block) => offset >= block.start && offset < block.end);
}

/**
 * Prepares a report once; `find` is then cheap per rule. `projectNames` are this project's names
 * ("every cluster using runc" names who uses it).
 */
export function createMentionFinder(
  report: Report,
  projectNames: readonly string[] = [],
): MentionFinder {
  const { body } = report;
  const lower = body.toLowerCase();
  let context: {
    blocks: CodeBlock[];
    fieldAt: (offset: number) => ReportField | null;
    lineOf: (offset: number) => number;
  } | null = null;
  const prepare = () =>
    (context ??= {
      blocks: findCodeBlocks(body),
      fieldAt: createFieldLocator(report),
      lineOf: createLineLocator(body),
    });

  /** Whether an occurrence is the reporter's setup rather than the problem itself. */
  function isSetup(start: number, end: number): boolean {
    const { blocks, fieldAt } = prepare();
    const block = findBlock(blocks, start);
    if (block !== undefined) {
      // Shell sessions and commands are how the reporter ran things; source code is the exploit,
      // unless the report quotes it as the project's own code: that shows what it blames.
      const lineStart = body.lastIndexOf('\n', start) + 1;
      const isPromptLine = /^\s*(?:\$|#|>|PS>)\s/.test(body.slice(lineStart, start + 1));
      return (
        (block.info !== '' && shellInfos.has(block.info)) ||
        isPromptLine ||
        isLibraryCode(body, block.start, body.slice(block.contentStart, block.contentEnd))
      );
    }
    const field = fieldAt(start);
    // The fix the reporter proposes ("make _unpad() truly constant-time", "sanitize the cache
    // keys") says what to change, not what the report's case is.
    if (field === 'proposed-patch') return true;
    const clause = readClauseBefore(body, start);
    const sentenceRest = body
      .slice(start, Math.min(body.length, end + 80))
      .split(/[.!?](?:\s|$)/)[0]!;
    if (field === 'environment' && describesOwnApplication(body, start, end, clause)) return false;
    if (field === 'reproduction' || field === 'test-case' || field === 'environment') {
      if (namesTheProblem.test(clause)) return false;
      // "1. As root, install ..." beside "2. As any user, run ...": the role the attack needs.
      if (field === 'reproduction' && isInRoleStep(body, start)) return false;
      // A paragraph after the steps that says how the product runs in production ("The default
      // server in production has no read timeout") is about the problem, not a step.
      const isStepLine = listItemStart.test(readLineBefore(body, start));
      return isStepLine || !productionDeployment.test(`${clause}${sentenceRest}`);
    }
    if (!reporterSetup.test(clause)) return false;
    return !productionDeployment.test(`${clause}${sentenceRest}`);
  }

  /**
   * Whether a switch said alone (the spelling of `-d option` as `-d`) stands in a command line:
   * another switch within two tokens before or after it on its line (`wavpack -y crash.dff -o
   * x.wv`, `wavpack -d -hh *.wav`). That is the reporter's command, not a sentence about the switch.
   */
  function isInCommandLine(start: number, end: number): boolean {
    const lineStart = body.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = body.indexOf('\n', end);
    const before = body.slice(Math.max(lineStart, start - 120), start);
    const after = body.slice(
      end,
      lineEnd === -1 ? Math.min(body.length, end + 120) : Math.min(lineEnd, end + 120),
    );
    return switchAfter.test(after) || switchBefore.test(before);
  }

  /**
   * Code is case-sensitive: an identifier a rule names (`Keyfunc`) is not the reporter's variable
   * spelt otherwise in a code block or inline code (`keyFunc`); prose matches in any case.
   */
  function isSameCaseInCode(phrase: string, start: number, end: number): boolean {
    if (!identifierPhrase.test(phrase)) return true;
    const written = body.slice(start, end);
    if (written === phrase.trim()) return true;
    const { blocks } = prepare();
    if (findBlock(blocks, start) !== undefined) return false;
    const ticksBefore = readLineBefore(body, start).split('`').length - 1;
    return ticksBefore % 2 === 0;
  }

  /** Each place `words` (one spelling of `phrase`) are said, as strong or weak evidence. */
  function findSpelling(
    phrase: string,
    words: readonly string[],
    reading: Required<MentionReading>,
    found: { strong: Fact[]; weak: Fact[] },
  ): void {
    const { isUnsetCounted, isAbsenceCounted, isAboutAnotherProject } = reading;
    const first = words[0];
    if (first === undefined) return;
    let seen = 0;
    for (
      let at = lower.indexOf(first);
      at !== -1 && seen < maxOccurrencesPerPhrase;
      at = lower.indexOf(first, at + first.length)
    ) {
      const end = matchWords(lower, at, words);
      if (end === -1) continue;
      seen += 1;
      if (isWordCharacter(first[0]) && isWordCharacter(body[at - 1])) continue;
      // A switch starts a token: `-d` in "x-d" or "--d" is not the switch.
      if (first.startsWith('-') && (isWordCharacter(body[at - 1]) || body[at - 1] === '-'))
        continue;
      if (isWordCharacter(lower[end - 1]) && isWordCharacter(body[end])) continue;
      if (!isSameCaseInCode(phrase, at, end)) continue;
      if (dependencyPathLinkAfter.test(body.slice(end, end + 48))) continue;
      if (
        isNegated(body, at, end) &&
        !(isUnsetCounted && unsetBefore.test(readClauseBefore(body, at))) &&
        !(isAbsenceCounted && statesAbsence(readClauseBefore(body, at)))
      )
        continue;
      const { fieldAt, lineOf } = prepare();
      const said = isAboutAnotherProject
        ? readOtherProjectMention(body, at, fieldAt(at), projectNames)
        : 'flaw';
      if (said === 'downstream') continue;
      const fact: Fact = {
        kind: 'mention',
        value: phrase,
        origin: fieldAt(at) === null ? 'prose' : 'structure',
        span: { start: at, end, line: lineOf(at) },
        quote: body.slice(at, Math.min(body.length, end + 80)).split('\n')[0]!,
      };
      const isCommandSwitch =
        words.length === 1 && phrase.trim().includes(' ') && isInCommandLine(at, end);
      (said === 'setup' || isCommandSwitch || isSetup(at, end) ? found.weak : found.strong).push(
        fact,
      );
    }
  }

  function find(phrases: readonly string[], reading: MentionReading = {}): MentionEvidence | null {
    const found = { strong: [] as Fact[], weak: [] as Fact[] };
    const counted: Required<MentionReading> = {
      isUnsetCounted: reading.isUnsetCounted ?? false,
      isAbsenceCounted: reading.isAbsenceCounted ?? false,
      isAboutAnotherProject: reading.isAboutAnotherProject ?? false,
    };
    for (const phrase of phrases) {
      for (const words of listSpellings(phrase)) findSpelling(phrase, words, counted, found);
    }
    if (found.strong.length > 0) return { strength: 'strong', facts: found.strong };
    if (found.weak.length > 0) return { strength: 'weak', facts: found.weak };
    return null;
  }

  return { find };
}
