// Splits report text into search terms that understand code: identifiers and paths are kept whole
// and also split into their parts (camelCase, snake_case, dotted), words are lightly stemmed.
// A hand-written scanner, linear in its input whatever the text (a regex with overlapping
// quantifiers took seconds on 100 KB of `a@a@...`).

import { normalizeForMatching } from './normalize-for-matching.js';

/** Tokens kept per document; a report's first 5,000 say what it is about. */
const maxTokensPerDocument = 5_000;
/** Longer tokens are cut: no identifier or path in a report needs more. */
const maxTokenLength = 256;

const stopWords = new Set(
  (
    'a an and are as at be been but by can could did do does for from has have if in into is it its ' +
    'may might not of on or such that the their then there these this those to was were when where which ' +
    'while will with would via than also any all other using used use before after version versions ' +
    'affected issue vulnerability vulnerable vulnerabilities allows allow allowed attacker attackers ' +
    'user users prior through only should who what how some more no yes so we you your our they them he she ' +
    'his her been being over under up down out about upon within without'
  ).split(' '),
);

const partPattern = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+|\p{L}+/gu;
const letterPattern = /\p{L}/u;
const letterOrDigitPattern = /[\p{L}\p{N}]/u;

/** Counts scanner steps when a test asks: the work must grow linearly with the text. */
export interface ScanMeter {
  steps: number;
}

function isLetter(ch: string): boolean {
  return ch.length > 0 && (ch < '\u0080' ? /[A-Za-z]/.test(ch) : letterPattern.test(ch));
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isLetterOrDigit(ch: string): boolean {
  return isDigit(ch) || (ch < '\u0080' ? /[A-Za-z]/.test(ch) : letterOrDigitPattern.test(ch));
}
/** Characters of a path segment: letters, digits and `_ . $ @ ~ -`. */
function isPathChar(ch: string): boolean {
  return (
    isLetterOrDigit(ch) ||
    ch === '_' ||
    ch === '.' ||
    ch === '$' ||
    ch === '@' ||
    ch === '~' ||
    ch === '-'
  );
}
function isIdentifierStart(ch: string): boolean {
  return isLetter(ch) || ch === '_' || ch === '$';
}
function isIdentifierChar(ch: string): boolean {
  return isLetterOrDigit(ch) || ch === '_' || ch === '$';
}

/** Code points of `text` (astral letters are one unit), so indices never split a pair. */
function toCodePoints(text: string): string[] {
  return Array.from(text);
}

/** `a/b/c`: at least two non-empty segments; returns the end, or -1. `nextSlash[i]` is the next `/` at or after i. */
function matchPath(chars: readonly string[], start: number, nextSlash: Int32Array): number {
  const slash = nextSlash[start]!;
  if (slash === -1 || slash === start) return -1;
  // The characters between start and the slash must all be path characters.
  if (slash > pathRunEnd(chars, start)) return -1;
  let end = -1;
  let segmentStart = slash + 1;
  for (;;) {
    const segmentEnd = pathRunEnd(chars, segmentStart);
    if (segmentEnd === segmentStart) break;
    end = segmentEnd;
    if (chars[segmentEnd] !== '/') break;
    segmentStart = segmentEnd + 1;
  }
  return end;
}

const runEnds = new WeakMap<readonly string[], Int32Array>();
/** End of the run of path characters starting at `start` (memoised per text: linear overall). */
function pathRunEnd(chars: readonly string[], start: number): number {
  let ends = runEnds.get(chars);
  if (!ends) {
    ends = new Int32Array(chars.length + 1);
    ends[chars.length] = chars.length;
    for (let i = chars.length - 1; i >= 0; i -= 1) {
      ends[i] = isPathChar(chars[i]!) ? ends[i + 1]! : i;
    }
    runEnds.set(chars, ends);
  }
  return ends[start]!;
}

/** `v?1.2.3` with an optional `-rc.1` / `+build` suffix; returns the end, or -1. */
function matchVersion(chars: readonly string[], start: number): number {
  let i = start;
  if (chars[i] === 'v') i += 1;
  if (!isDigit(chars[i] ?? '')) return -1;
  while (isDigit(chars[i] ?? '')) i += 1;
  let groups = 0;
  while (chars[i] === '.' && isDigit(chars[i + 1] ?? '')) {
    i += 1;
    while (isDigit(chars[i] ?? '')) i += 1;
    groups += 1;
  }
  if (groups === 0) return -1;
  if ((chars[i] === '-' || chars[i] === '+') && isVersionSuffixChar(chars[i + 1] ?? '')) {
    i += 1;
    while (isVersionSuffixChar(chars[i] ?? '')) i += 1;
  }
  return i;
}
function isVersionSuffixChar(ch: string): boolean {
  return ch === '.' || isLetterOrDigit(ch);
}

/** `name`, `a.b`, `A::b`, `p->q`; returns the end, or -1. */
function matchIdentifier(chars: readonly string[], start: number): number {
  if (!isIdentifierStart(chars[start] ?? '')) return -1;
  let i = start + 1;
  for (;;) {
    while (isIdentifierChar(chars[i] ?? '')) i += 1;
    const separator =
      chars[i] === '.'
        ? 1
        : (chars[i] === ':' && chars[i + 1] === ':') || (chars[i] === '-' && chars[i + 1] === '>')
          ? 2
          : 0;
    if (separator === 0 || !isIdentifierStart(chars[i + separator] ?? '')) return i;
    i += separator + 1;
  }
}

/** Raw tokens in order: paths, versions, identifiers and digit runs, as the old pattern found them. */
function scanRawTokens(text: string, onToken: (token: string) => boolean, meter?: ScanMeter): void {
  const chars = toCodePoints(text);
  const nextSlash = new Int32Array(chars.length + 1);
  nextSlash[chars.length] = -1;
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    // A slash is only reachable through path characters, so stop at anything else.
    nextSlash[i] = chars[i] === '/' ? i : isPathChar(chars[i]!) ? nextSlash[i + 1]! : -1;
  }
  let i = 0;
  while (i < chars.length) {
    if (meter) meter.steps += 1;
    let end = isPathChar(chars[i]!) ? matchPath(chars, i, nextSlash) : -1;
    if (end === -1) end = matchVersion(chars, i);
    if (end === -1) end = matchIdentifier(chars, i);
    if (end === -1 && isDigit(chars[i]!)) {
      end = i;
      while (isDigit(chars[end] ?? '')) end += 1;
    }
    if (end === -1) {
      i += 1;
      continue;
    }
    if (meter) meter.steps += end - i;
    const length = Math.min(end - i, maxTokenLength);
    if (!onToken(chars.slice(i, i + length).join(''))) return;
    i = end;
  }
}

/** Drops trailing `.`, `-` and `~` (sentence ends, list dashes). */
function trimTrailingPunctuation(token: string): string {
  let end = token.length;
  while (end > 0 && (token[end - 1] === '.' || token[end - 1] === '-' || token[end - 1] === '~'))
    end -= 1;
  return token.slice(0, end);
}

/** Removes common English inflections; only on plain lowercase words, never on identifiers. */
function stemWord(word: string): string {
  if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

function pushTerm(out: string[], term: string): void {
  if (term.length < 2 || stopWords.has(term)) return;
  out.push(term);
}

/** Search terms of `text`, in order; a compound token yields itself and then its parts. */
export function tokenizeForMatching(
  text: string,
  maxTokens = maxTokensPerDocument,
  meter?: ScanMeter,
): string[] {
  const out: string[] = [];
  if (text.length === 0) return out;
  const normalized = normalizeForMatching(text);
  scanRawTokens(
    normalized,
    (token) => {
      let raw = token;
      if (raw.startsWith('v') && isDigit(raw[1] ?? '')) raw = raw.slice(1);
      raw = trimTrailingPunctuation(raw);
      const lower = raw.toLowerCase();
      if (/^\d+$/.test(lower)) return true; // bare numbers are noise (line numbers, years)
      const isPlainWord = /^\p{Ll}+$/u.test(raw) || /^\p{Lu}\p{Ll}+$/u.test(raw);
      if (isPlainWord) {
        pushTerm(out, stemWord(lower));
        return out.length < maxTokens;
      }
      pushTerm(out, lower);
      if (/^\d/.test(lower)) return out.length < maxTokens; // versions are kept whole only
      const parts = raw.match(partPattern);
      if (!parts || parts.length < 2) return out.length < maxTokens;
      for (const part of parts) {
        if (out.length >= maxTokens) break;
        const p = part.toLowerCase();
        if (!/^\d+$/.test(p)) pushTerm(out, stemWord(p));
      }
      return out.length < maxTokens;
    },
    meter,
  );
  return out.length > maxTokens ? out.slice(0, maxTokens) : out;
}
