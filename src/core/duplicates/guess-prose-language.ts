// Guesses the language a report's prose is written in from its commonest function words, so a
// second finder writing in French, German or Spanish can be matched by what does not translate
// (function names, the sanitizer's crash kind, versions) when the words themselves cannot agree.

/** Languages read by their commonest function words. */
type WordedLanguage = 'en' | 'fr' | 'de' | 'es';
export type ProseLanguage = WordedLanguage | 'ja' | 'zh' | 'ko';

/** Languages written in a script of their own (Han, kana, Hangul), read by their characters. */
const cjkLanguages: ReadonlySet<ProseLanguage> = new Set(['ja', 'zh', 'ko']);

/** A language written in Han characters, kana or Hangul, which has no function words to count. */
export function isCjkLanguage(language: ProseLanguage | null): boolean {
  return language !== null && cjkLanguages.has(language);
}

const functionWords: Readonly<Record<WordedLanguage, ReadonlySet<string>>> = {
  en: new Set(['the', 'and', 'is', 'of', 'to', 'with', 'this', 'that', 'when', 'which', 'it']),
  fr: new Set([
    'le',
    'les',
    'des',
    'est',
    'une',
    'dans',
    'pour',
    'avec',
    'sur',
    'cette',
    'du',
    'qui',
    'lors',
  ]),
  de: new Set([
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'ein',
    'eine',
    'wird',
    'dem',
    'den',
    'beim',
    'auf',
  ]),
  es: new Set([
    'el',
    'los',
    'las',
    'una',
    'que',
    'por',
    'con',
    'para',
    'del',
    'esta',
    'este',
    'al',
    'se',
  ]),
};
const languages = Object.keys(functionWords) as WordedLanguage[];
const hanPattern = /\p{Script=Han}/gu;
const kanaPattern = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const hangulPattern = /\p{Script=Hangul}/gu;
/** Characters of a CJK script a text must have, and Latin letters it may have for each. */
const minimumCjkCharacters = 40;
const maxLatinPerCjkCharacter = 3;
const latinLetterPattern = /[a-z]/gi;
const minimumHits = 8;
const word = /[a-zà-öø-ÿ]+/g;

/** The language most of the text's function words belong to (twice the next), or null. */
export function guessProseLanguage(text: string): ProseLanguage | null {
  const cjk = guessCjkLanguage(text.slice(0, 5_000));
  if (cjk !== null) return cjk;
  const counts = new Map<WordedLanguage, number>(languages.map((language) => [language, 0]));
  for (const match of text.slice(0, 5_000).toLowerCase().matchAll(word)) {
    for (const language of languages) {
      if (functionWords[language].has(match[0])) counts.set(language, counts.get(language)! + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < minimumHits) return null;
  return second !== undefined && first[1] < 2 * second[1] ? null : first[0];
}

/**
 * Japanese (kana among the Han characters), Korean (Hangul) or Chinese (Han alone), when such
 * characters are at least 40 and a third of the Latin letters or more (a CJK character holds a
 * syllable or a word, a Latin letter a sound; the code blocks are Latin): a CJK report
 * carries code, commands and messages in Latin letters, its prose in its own script.
 */
function guessCjkLanguage(text: string): ProseLanguage | null {
  const han = text.match(hanPattern)?.length ?? 0;
  const kana = text.match(kanaPattern)?.length ?? 0;
  const hangul = text.match(hangulPattern)?.length ?? 0;
  const total = han + kana + hangul;
  if (total < minimumCjkCharacters) return null;
  const latin = text.match(latinLetterPattern)?.length ?? 0;
  if (total * maxLatinPerCjkCharacter < latin) return null;
  if (hangul > han + kana) return 'ko';
  return kana > 0 ? 'ja' : 'zh';
}
