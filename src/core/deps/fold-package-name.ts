// The name forms typosquat detection compares: the registry's own normal form, a skeleton with
// separators dropped and look-alike characters folded, and an affix-free core (`python-`, `-js`).

import type { Ecosystem } from '../model/dependency.js';

/** npm: lower case (new names must be); PyPI: PEP 503. */
export function normalizeForRegistry(ecosystem: Ecosystem, name: string): string {
  const lower = name.toLowerCase();
  return ecosystem === 'pypi' ? lower.replace(/[-_.]+/g, '-') : lower;
}

/** Characters drawn to look like a Latin letter (digits, Cyrillic and Greek capitals and small letters). */
const lookAlikes: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  $: 's',
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
};

const lookAlikeOf = new Map(Object.entries(lookAlikes));
const separatorCharacters = new Set(['-', '_', '.', '@', '/']);

export function isLookAlike(a: string, b: string): boolean {
  const foldedA = lookAlikes[a] ?? a;
  const foldedB = lookAlikes[b] ?? b;
  return foldedA === foldedB || (isLOrI(foldedA) && isLOrI(foldedB));
}

function isLOrI(character: string): boolean {
  return character === 'l' || character === 'i';
}

/** Lower case, look-alikes folded (`rn` -> `m`, `vv` -> `w`, `0` -> `o`), separators and `@` dropped. */
export function skeletonOf(name: string): string {
  const lower = name.toLowerCase();
  let folded = '';
  // Runs of plain letters are copied whole; only separators and look-alikes are looked at.
  let runStart = 0;
  for (let at = 0; at < lower.length; at += 1) {
    const code = lower.charCodeAt(at);
    if (code >= 0x61 && code <= 0x7a) continue;
    folded += lower.slice(runStart, at);
    runStart = at + 1;
    const character = lower[at]!;
    if (!separatorCharacters.has(character)) folded += lookAlikeOf.get(character) ?? character;
  }
  folded += lower.slice(runStart);
  return folded.includes('rn') || folded.includes('vv')
    ? folded.replace(/rn/g, 'm').replace(/vv/g, 'w')
    : folded;
}

/** Lower case with separators dropped, nothing folded. */
export function withoutSeparators(name: string): string {
  return name.toLowerCase().replace(/[-_.@/]+/g, '');
}

const prefixes = ['python3-', 'python-', 'py3-', 'py-', 'nodejs-', 'node-', 'js-', 'py'];
const suffixes = [
  '-python3',
  '-python',
  '-py3',
  '-py',
  '-nodejs',
  '-node',
  '-js',
  '.js',
  'js',
  '-lib',
  '-dev',
  '-official',
];

/**
 * The name without the affixes squatters add or drop (`python-`, `py`, `-js`, `.js`, `node-`, a
 * trailing number): `python3-dateutil` -> `dateutil`, `commander-js` -> `commander`. Names whose
 * core would be shorter than three characters keep their form. Returns every distinct core.
 */
export function coresOf(normalized: string): string[] {
  const cores: string[] = [];
  const last = normalized.charCodeAt(normalized.length - 1);
  const withoutNumber = last >= 0x30 && last <= 0x39 ? dropTrailingNumber(normalized) : normalized;
  for (const base of withoutNumber === normalized ? [normalized] : [normalized, withoutNumber]) {
    addCore(cores, normalized, base);
    for (const prefix of prefixes) {
      if (!base.startsWith(prefix)) continue;
      const rest = base.slice(prefix.length);
      addCore(cores, normalized, rest);
      for (const suffix of suffixes)
        if (rest.endsWith(suffix)) addCore(cores, normalized, rest.slice(0, -suffix.length));
    }
    for (const suffix of suffixes)
      if (base.endsWith(suffix)) addCore(cores, normalized, base.slice(0, -suffix.length));
  }
  return cores;
}

function addCore(cores: string[], normalized: string, core: string): void {
  if (core.length >= 3 && core !== normalized && !cores.includes(core)) cores.push(core);
}

/** Tokens between separators, sorted: `nmap-python` and `python-nmap` share one key. */
export function tokenKeyOf(normalized: string): string | null {
  const tokens = normalized.split(/[-_.]+/).filter((token) => token !== '');
  return tokens.length < 2 ? null : [...tokens].sort().join('-');
}

const keyboardRows = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** True when two keys touch on a QWERTY keyboard (same row or the row above/below). */
export function isKeyboardNeighbour(a: string, b: string): boolean {
  const place = (character: string): [number, number] | null => {
    for (let row = 0; row < keyboardRows.length; row += 1) {
      const column = keyboardRows[row]!.indexOf(character);
      if (column !== -1) return [row, column];
    }
    return null;
  };
  const first = place(a);
  const second = place(b);
  if (!first || !second || a === b) return false;
  const rowDistance = Math.abs(first[0] - second[0]);
  const columnDistance = second[1] - first[1];
  if (rowDistance === 0) return Math.abs(columnDistance) === 1;
  // Rows are staggered: a key touches the two keys below it at the same and the previous column.
  if (rowDistance !== 1) return false;
  const lower = first[0] > second[0] ? first : second;
  const upper = first[0] > second[0] ? second : first;
  return lower[1] - upper[1] === 0 || lower[1] - upper[1] === -1;
}

/** `lodash4` -> `lodash`, `left-pad-2` -> `left-pad`: trailing digits and one separator before them. */
function dropTrailingNumber(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) >= 0x30 && name.charCodeAt(end - 1) <= 0x39) end -= 1;
  if (end > 0 && '-_.'.includes(name[end - 1]!)) end -= 1;
  return name.slice(0, end);
}
