// Splits report text into search terms that understand code: identifiers and paths are kept whole
// and also split into their parts (camelCase, snake_case, dotted), words are lightly stemmed.

import { normalizeForMatching } from './normalize-for-matching.js';

/** Tokens kept per document; a report's first 5,000 say what it is about. */
const maxTokensPerDocument = 5_000;

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

// Paths (a/b/c.ext), dotted or plain identifiers, and version numbers.
const tokenPattern =
  /(?:[\p{L}\p{N}_.$@~-]+\/)+[\p{L}\p{N}_.$@~-]+|v?\d+(?:\.\d+)+(?:[-+][\p{L}\p{N}.]+)?|[\p{L}_$][\p{L}\p{N}_$]*(?:(?:\.|::|->)[\p{L}_$][\p{L}\p{N}_$]*)*|\d+/gu;
const partPattern = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+|\p{L}+/gu;

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
export function tokenizeForMatching(text: string, maxTokens = maxTokensPerDocument): string[] {
  const out: string[] = [];
  if (text.length === 0) return out;
  const normalized = normalizeForMatching(text);
  for (const match of normalized.matchAll(tokenPattern)) {
    if (out.length >= maxTokens) break;
    let raw = match[0];
    if (/^v\d/.test(raw)) raw = raw.slice(1);
    raw = raw.replace(/[.\-~]+$/, '');
    const lower = raw.toLowerCase();
    if (/^\d+$/.test(lower)) continue; // bare numbers are noise (line numbers, years)
    const isPlainWord = /^\p{Ll}+$/u.test(raw) || /^\p{Lu}\p{Ll}+$/u.test(raw);
    if (isPlainWord) {
      pushTerm(out, stemWord(lower));
      continue;
    }
    pushTerm(out, lower);
    if (/^\d/.test(lower)) continue; // versions are kept whole only
    const parts = raw.match(partPattern);
    if (!parts || parts.length < 2) continue;
    for (const part of parts) {
      if (out.length >= maxTokens) break;
      const p = part.toLowerCase();
      if (!/^\d+$/.test(p)) pushTerm(out, stemWord(p));
    }
  }
  return out.length > maxTokens ? out.slice(0, maxTokens) : out;
}
