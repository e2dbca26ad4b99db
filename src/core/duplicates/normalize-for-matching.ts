// Folds text to one canonical spelling before tokenising, so that look-alike Unicode, full-width
// forms and invisible characters cannot hide a match (`раrse_header` in Cyrillic is `parse_header`).

/** Longest input the matcher reads; 5,000 tokens never need more, and it bounds hostile input. */
export const maxMatchingChars = 100_000;

// Zero-width and formatting characters: removed, so they cannot split (or join) tokens.
const invisible = new RegExp(
  '[\\u00AD\\u061C\\u115F\\u1160\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0]' +
    '|\\u034F|\\u17B4|\\u17B5|[\\u180B-\\u180E]|[\\uFE00-\\uFE0F]',
  'gu',
);

// Common confusables (Cyrillic, Greek, Armenian look-alikes of Latin letters), after Unicode TR39.
const confusables: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  ո: 'n',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ү: 'Y',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ց: 'g',
};
const confusablePattern = new RegExp(`[${Object.keys(confusables).join('')}]`, 'gu');

/** NFKC, invisible characters removed, confusables mapped to Latin. Case is kept (camelCase splits need it). */
export function normalizeForMatching(text: string): string {
  const capped = text.length > maxMatchingChars ? text.slice(0, maxMatchingChars) : text;
  return capped
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(confusablePattern, (ch) => confusables[ch] ?? ch);
}
