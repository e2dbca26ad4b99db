// Guesses the language a report's prose is written in from its commonest function words, so a
// second finder writing in French, German or Spanish can be matched by what does not translate
// (function names, the sanitizer's crash kind, versions) when the words themselves cannot agree.

export type ProseLanguage = 'en' | 'fr' | 'de' | 'es';

const functionWords: Readonly<Record<ProseLanguage, ReadonlySet<string>>> = {
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
const languages = Object.keys(functionWords) as ProseLanguage[];
const minimumHits = 8;
const word = /[a-zà-öø-ÿ]+/g;

/** The language most of the text's function words belong to (twice the next), or null. */
export function guessProseLanguage(text: string): ProseLanguage | null {
  const counts = new Map<ProseLanguage, number>(languages.map((language) => [language, 0]));
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
