// Finds a misspelt word inside a longer name (`wallet-address-validtaor`, `hw-trnasport-u2f`):
// the target need not be listed itself, its words are, since popular names share their words.

import { describeOneEdit, type OneEdit } from './describe-one-edit.js';
import type { PopularityIndex, PopularWord } from './create-popularity-index.js';
import { listWords } from './create-popularity-index.js';
import { isKeyboardNeighbour, isLookAlike } from './fold-package-name.js';
import type { TyposquatMatch } from './find-typosquat.js';

/** Shortest word in which a slip is looked for. */
const minTypoLength = 6;

/**
 * The slips a typing hand makes in a known word, not the changes a writer makes on purpose or the
 * neighbouring words of a language: a letter added, dropped or changed inside a word makes new
 * words (`parsers`, `spine`/`spline`, `strict`/`struct`), and a changed last letter is grammar
 * (`updated`/`updates`, `formatted`/`formatter`); two neighbours swapped or a letter doubled
 * seldom make a word. Words shorter than six letters are left alone (`intro`/`nitro`).
 */
function describeSlip(token: string, edit: OneEdit, word: string): string | null {
  switch (edit.kind) {
    case 'transposition':
      return 'two letters swapped';
    case 'insertion':
      return edit.isRepetition ? `"${edit.character}" doubled` : null;
    case 'omission':
      return null;
    case 'replacement': {
      const [expected, actual] = [edit.expected!, edit.actual!];
      const isInside = token[0] === word[0] && token.at(-1) === word.at(-1);
      if (!isInside || /\d/.test(expected) || /\d/.test(actual)) return null;
      if (isLookAlike(expected, actual)) return `"${expected}" replaced by look-alike "${actual}"`;
      if (isKeyboardNeighbour(expected, actual))
        return `"${expected}" replaced by its keyboard neighbour "${actual}"`;
      return null;
    }
  }
}

/** The word whose misspelling `token` is, with the slip in words; the most used word wins. */
function findMisspeltWord(
  token: string,
  index: PopularityIndex,
): { word: string; known: PopularWord; slip: string } | null {
  const { words, byWordDeletion } = index.similarity();
  let found: { word: string; known: PopularWord; slip: string } | null = null;
  for (const word of byWordDeletion.listNear(token, false)) {
    const known = words.get(word)!;
    if (found !== null && known.count <= found.known.count) continue;
    const edit = describeOneEdit(token, word);
    const slip = edit === null ? null : describeSlip(token, edit, word);
    if (slip !== null) found = { word, known, slip };
  }
  return found;
}

/**
 * A name of two words or more, one of them a slip away from a word of popular names and every
 * other one a word of popular names too (or short, `u2f`). `asIfUnlisted`: the name's own words
 * do not count as known.
 */
export function findWordTypo(
  key: string,
  index: PopularityIndex,
  asIfUnlisted: boolean,
): TyposquatMatch | null {
  // A scope is its owner's choice of name; only the words of the package name are judged.
  const scope = key.startsWith('@') ? key.slice(0, key.indexOf('/') + 1) : '';
  const bare = key.slice(scope.length);
  const tokens = listWords(bare);
  if (tokens.length < 2) return null;
  const own = asIfUnlisted && index.byKey.has(key) ? 1 : 0;
  const { words, otherWords } = index.similarity();
  let typo: { token: string; word: string; known: PopularWord; slip: string } | null = null;
  for (const token of tokens) {
    if (token.length <= 3 || (words.get(token)?.count ?? 0) > own || otherWords.has(token))
      continue;
    // Two unknown words: a new name, not a slip in a known one.
    if (typo !== null || token.length < minTypoLength) return null;
    const misspelt = findMisspeltWord(token, index);
    if (misspelt === null) return null;
    typo = { token, ...misspelt };
  }
  if (typo === null) return null;
  const corrected = scope + bare.replace(typo.token, typo.word);
  const target = index.byKey.get(corrected);
  return {
    target: target ?? typo.known.best,
    technique: 'misspelt-word',
    difference: target
      ? `"${typo.token}" for "${typo.word}": ${typo.slip}`
      : `"${typo.token}" for "${typo.word}" (${typo.slip}), a word of ${typo.known.count} popular names such as ${typo.known.best.name}`,
    strength: target ? 'strong' : 'weak',
  };
}
