// Reads the sentences in which a reporter sets their bug apart from another one: "this is not
// CVE-2024-1234", "unlike the earlier drain issue in foo(), this happens in bar()", "a different
// path from X", "X was already fixed; this still reproduces on the fixed version", and the usual
// French, German, Spanish, Italian and Portuguese equivalents. Names and ids said only there are
// not evidence that the two reports are one bug. Pure; never creates a match.

import { trimEndCharacters } from '../text/trim-characters.js';
import { normalizeForMatching } from './normalize-for-matching.js';

export interface ContrastStatements {
  /** Advisory ids (CVE/GHSA/OSV-style, upper-cased) the report sets itself apart from. */
  contrastedIds: string[];
  /** Lower-cased words (functions, file names) named only in contrast sentences, never elsewhere. */
  contrastedNames: string[];
}

/** Longest sentence read; longer runs without a full stop are read in pieces of this size. */
const maxSentenceChars = 1_000;

// Cues on lower-cased text. Plain alternations with bounded gaps only (no nested quantifiers).
const contrastCues: readonly RegExp[] = [
  // English
  /\b(?:is|was|are|isn't|it's)\s+not\s+(?:the\s+same|a\s+duplicate|related|cve-|ghsa-|the\s+(?:earlier|previous|known|published|old|original))/,
  /\bnot\s+(?:a\s+duplicate\s+of|the\s+same\s+(?:bug|issue|flaw|vulnerability|problem)\s+as|covered\s+by\s+(?:the\s+fix|cve-|ghsa-))/,
  /\b(?:differs?|different|distinct|separate|unrelated|independent)\s+(?:from|than|to|of)\b/,
  /\b(?:a|another)\s+(?:different|separate|distinct|second,?\s+separate|new,?\s+separate)\s+(?:bug|issue|flaw|vulnerability|problem|path|code\s+path|use-after-free|overflow|root\s+cause)/,
  /\b(?:unlike|in\s+contrast\s+to|as\s+opposed\s+to|other\s+than)\b/,
  /\brelated\s+to\s+but\s+(?:distinct|separate|different)\b/,
  /\bstill\s+(?:reproduces|crashes|triggers)\s+(?:on|with|in|against)\s+(?:the\s+)?(?:fixed|patched)\b/,
  // French
  /\bn['’]est\s+pas\s+(?:le\s+m[êe]me|la\s+m[êe]me|un\s+doublon|li[ée]|cve-|ghsa-|l['’]ancien|le\s+bug|la\s+faille)/,
  /\b(?:diff[ée]rente?s?|distincte?s?|s[ée]par[ée]e?s?)\s+(?:de|du|des)\b/,
  /\b(?:contrairement\s+[àa]|[àa]\s+la\s+diff[ée]rence\s+d|sans\s+rapport\s+avec|se\s+distingue\s+d)/,
  // German
  /\b(?:ist|sind|war)\s+nicht\s+(?:dasselbe|derselbe|dieselbe|der\s+gleiche|die\s+gleiche|das\s+gleiche|identisch|cve-|ghsa-)/,
  /\b(?:anders\s+als|im\s+gegensatz\s+zu|unterscheidet\s+sich\s+von|verschieden\s+von|getrennt\s+von|unabh[äa]ngig\s+von|nicht\s+zu\s+verwechseln)/,
  /\b(?:ein|eine|einen)\s+(?:anderer|andere|anderen|zweiter|zweite|zweiten|separater|separate|separaten)\s+(?:fehler|bug|pfad|codepfad|schwachstelle|l[üu]cke|use-after-free)/,
  // Spanish
  /\bno\s+es\s+(?:el\s+mismo|la\s+misma|un\s+duplicado|cve-|ghsa-)/,
  /\b(?:diferentes?|distint[oa]s?|separad[oa]s?|independientes?)\s+(?:de|del)\b/,
  /\b(?:a\s+diferencia\s+de|sin\s+relaci[óo]n\s+con)/,
  // Italian
  /\bnon\s+[èe]\s+(?:lo\s+stesso|la\s+stessa|il\s+medesimo|un\s+duplicato|cve-|ghsa-)/,
  /\b(?:divers[oaie]|distint[oaie]|separat[oaie])\s+(?:da|dal|dalla|dallo|dai|dalle)\b/,
  /\b(?:a\s+differenza\s+d|non\s+correlat[oaie]\s+a|contrariamente\s+a)/,
  // Portuguese
  /\bn[ãa]o\s+[ée]\s+(?:o\s+mesmo|a\s+mesma|um\s+duplicado|cve-|ghsa-)/,
  /\b(?:diferentes?|distint[oa]s?|separad[oa]s?)\s+(?:de|do|da|dos|das)\b/,
  /\b(?:ao\s+contr[áa]rio\s+d|sem\s+rela[çc][ãa]o\s+com)/,
];

// "X was already fixed; this one still reproduces": both halves in one sentence.
const fixedElsewhereCues: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [
    /\b(?:already|was|been)\s+(?:fixed|patched)\b/,
    /\bstill\s+(?:reproduces|crashes|triggers|happens|occurs|fires|works)\b/,
  ],
  [
    /\bbereits\s+(?:behoben|gefixt|gepatcht)\b/,
    /\b(?:weiterhin|immer\s+noch|noch\s+immer|trotzdem)\b/,
  ],
  [/\bgi[àa]\s+(?:corrett|risolt|sistemat)[oaie]\b/, /\b(?:ancora|comunque)\b/],
];

// Same id grammar as analyze-duplicate-document's alias pattern, for the usual databases.
const advisoryIdPattern =
  /\b(?:cve-\d{4}-\d{4,}|ghsa(?:-[23456789cfghjmpqrvwx]{4}){3}|(?:pysec|rustsec|go|osv|gsd|rubysec)-\d{4}-\d+)\b/g;
// Words that can name a function or file: letters, digits, `_`, `.`, `:`, `-`.
const namePattern = /[a-z_][a-z0-9_:.-]{2,80}/g;

/** Whether the line break at `at` ends a paragraph (the next line is blank). */
function isParagraphEnd(text: string, at: number): boolean {
  let i = at + 1;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i += 1;
  return i >= text.length || text[i] === '\n';
}

/**
 * Splits on sentence ends (`.`, `!`, `?` or `;` before a space or line break) and blank lines;
 * a single line break is a hard wrap inside a sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    const next = text[i + 1];
    const isEnd =
      (c === '\n' && isParagraphEnd(text, i)) ||
      ((c === '.' || c === '!' || c === '?' || c === ';') &&
        (next === undefined || next === ' ' || next === '\n' || next === '\t' || next === '\r'));
    if (isEnd || i - start >= maxSentenceChars) {
      sentences.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences.filter((s) => s.trim().length > 0);
}

/** Whether a (lower-cased) sentence sets the report apart from another bug. */
export function isContrastSentence(sentence: string): boolean {
  return (
    contrastCues.some((cue) => cue.test(sentence)) ||
    fixedElsewhereCues.some(([fixed, still]) => fixed.test(sentence) && still.test(sentence))
  );
}

/** Candidate names in a sentence; `util.c:101` also gives `util.c`. */
function listNames(sentence: string): string[] {
  return [...sentence.matchAll(namePattern)].flatMap((m) => {
    const name = trimEndCharacters(m[0], '.:-');
    const beforeColon = name.split(':')[0]!;
    return beforeColon !== name && beforeColon.includes('.') ? [name, beforeColon] : [name];
  });
}

/**
 * The ids and names a report mentions only to set itself apart. The title is never a contrast
 * statement (it says what the report is about); a name also said plainly elsewhere still counts.
 */
export function findContrastStatements(title: string, text: string): ContrastStatements {
  const lowerTitle = normalizeForMatching(title.slice(0, 2_000)).toLowerCase();
  const lowerText = normalizeForMatching(text).toLowerCase();
  const plainNames = new Set(listNames(lowerTitle));
  const plainIds = new Set([...lowerTitle.matchAll(advisoryIdPattern)].map((m) => m[0]));
  const contrastNames = new Set<string>();
  const contrastIds = new Set<string>();
  for (const sentence of splitSentences(lowerText)) {
    const isContrast = isContrastSentence(sentence);
    for (const id of sentence.matchAll(advisoryIdPattern)) {
      (isContrast ? contrastIds : plainIds).add(id[0]);
    }
    for (const name of listNames(sentence)) (isContrast ? contrastNames : plainNames).add(name);
  }
  return {
    contrastedIds: [...contrastIds]
      .filter((id) => !plainIds.has(id))
      .map((id) => (id.startsWith('ghsa-') ? `GHSA-${id.slice(5)}` : id.toUpperCase())),
    contrastedNames: [...contrastNames].filter((name) => !plainNames.has(name)),
  };
}
