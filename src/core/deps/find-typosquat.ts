// Decides whether a package name imitates a popular one: look-alike characters, separators and
// case, one edit (typo, transposition, keyboard neighbour, repetition), a stripped scope or a
// scope's naming pattern, added or dropped affixes, reordered words. A name that is itself popular
// is never a typosquat: popular packages close to each other (`adal`/`gdal`) are left alone.

import type { Ecosystem } from '../model/dependency.js';
import { describeOneEdit, isNearMiss, type OneEdit } from './describe-one-edit.js';
import {
  coresOf,
  isKeyboardNeighbour,
  isLookAlike,
  normalizeForRegistry,
  skeletonOf,
  tokenKeyOf,
  withoutSeparators,
} from './fold-package-name.js';
import type { PopularEntry, PopularityIndex } from './create-popularity-index.js';
import { findWordTypo } from './find-word-typo.js';
import { findDistributionOfImport } from './map-import-to-package.js';

type TyposquatTechnique =
  | 'case'
  | 'homoglyph'
  | 'separator'
  | 'transposition'
  | 'keyboard'
  | 'repetition'
  | 'one-edit'
  | 'scope-stripped'
  | 'scope-pattern'
  | 'affix'
  | 'word-order'
  | 'misspelt-word'
  | 'joined-names'
  | 'import-name'
  | 'option';

export interface TyposquatMatch {
  target: PopularEntry;
  technique: TyposquatTechnique;
  /** How the name differs from the target, in words. */
  difference: string;
  /** Strong techniques leave one plausible reading; weak ones (affixes, scope pattern) less so. */
  strength: 'strong' | 'weak';
}

/** Shortest name (without separators) a one-edit match may have: shorter names are crowded. */
const minOneEditLength = 4;
/** Shortest name in which two characters swapped across a third (`uglyfi`) count as a typo. */
const minSwapAcrossOneLength = 6;

function best(
  entries: readonly PopularEntry[] | undefined,
  exclude: string,
): PopularEntry | undefined {
  let found: PopularEntry | undefined;
  for (const entry of entries ?? []) {
    if (entry.key !== exclude && (found === undefined || entry.rank < found.rank)) found = entry;
  }
  return found;
}

function classifyEdit(edit: OneEdit): { technique: TyposquatTechnique; difference: string } {
  switch (edit.kind) {
    case 'transposition':
      return { technique: 'transposition', difference: 'two characters swapped' };
    case 'insertion':
      return edit.isRepetition
        ? { technique: 'repetition', difference: `"${edit.character}" doubled` }
        : { technique: 'one-edit', difference: `"${edit.character}" added` };
    case 'omission':
      return { technique: 'one-edit', difference: `"${edit.character}" left out` };
    case 'replacement': {
      const replaced = `"${edit.expected}" replaced by "${edit.actual}"`;
      if (isLookAlike(edit.expected!, edit.actual!))
        return { technique: 'homoglyph', difference: `${replaced}, which looks alike` };
      if (isKeyboardNeighbour(edit.expected!, edit.actual!))
        return { technique: 'keyboard', difference: `${replaced}, its keyboard neighbour` };
      return { technique: 'one-edit', difference: replaced };
    }
  }
}

/** Version-like differences (`vue2`/`vue3`, `es2015`/`es2016`) are families, not typos. */
function isDigitChange(edit: OneEdit): boolean {
  if (edit.kind === 'replacement') return /\d/.test(edit.expected!) && /\d/.test(edit.actual!);
  return edit.kind !== 'transposition' && /\d/.test(edit.character!);
}

function findOneEdit(key: string, index: PopularityIndex): TyposquatMatch | null {
  const bare = withoutSeparators(key);
  if (bare.length < minOneEditLength) return null;
  const isScoped = key.startsWith('@');
  let found: TyposquatMatch | null = null;
  const withSwapAcrossOne = bare.length >= minSwapAcrossOneLength;
  for (const entry of index.similarity().listNear(bare, withSwapAcrossOne)) {
    // A scope against no scope is a different kind of confusion, judged by the scope rules.
    if (entry.key === key || entry.key.startsWith('@') !== isScoped) continue;
    if (found !== null && entry.rank >= found.target.rank) continue;
    const target = withoutSeparators(entry.key);
    if (!isNearMiss(bare, target, withSwapAcrossOne)) continue;
    const edit = describeOneEdit(bare, target) ?? { kind: 'transposition' as const };
    const isShort = Math.max(bare.length, target.length) < 5;
    if (edit.kind !== 'transposition' && (isDigitChange(edit) || isShort)) continue;
    found = { target: entry, ...classifyEdit(edit), strength: 'strong' };
  }
  return found;
}

function findScopeMatch(
  key: string,
  cores: readonly string[],
  index: PopularityIndex,
): TyposquatMatch | null {
  if (index.ecosystem !== 'npm' || key.startsWith('@')) return null;
  // A one-word bare name (`accept`, `admin`) is a common word first and a scope's package second.
  // `core-client-1`: a scoped package's bare name with an affix, the two techniques together.
  let scoped: PopularEntry | undefined;
  for (const name of [key, ...cores]) {
    if (name.includes('-')) scoped = best(index.similarity().byBareName.get(name), key);
    if (scoped) break;
  }
  if (scoped)
    return {
      target: scoped,
      technique: 'scope-stripped',
      difference: `the scope ${scoped.name.split('/')[0]} left out`,
      strength: 'strong',
    };
  const dash = key.indexOf('-');
  const owner = dash > 0 ? index.similarity().scopeOfPrefix.get(key.slice(0, dash)) : undefined;
  if (!owner) return null;
  const example = index.find(owner.examples[0]!)!;
  return {
    target: example,
    technique: 'scope-pattern',
    difference: `named like the packages of ${owner.scope} (${owner.examples.join(', ')}) without the scope`,
    strength: 'weak',
  };
}

function findAffixMatch(
  key: string,
  cores: readonly string[],
  index: PopularityIndex,
): TyposquatMatch | null {
  // Two-letter names (`d3`) have no core of their own; `.js` and `-js` are the usual disguise.
  const jsSuffix = /^([a-z0-9]{2})[.-]js$/.exec(key);
  const short = jsSuffix ? index.byKey.get(jsSuffix[1]!) : undefined;
  if (short)
    return {
      target: short,
      technique: 'affix',
      difference: `"${short.name}" with a -js suffix`,
      strength: 'weak',
    };
  const direct = best(index.similarity().byCore.get(key), key);
  if (direct)
    return {
      target: direct,
      technique: 'affix',
      difference: `"${direct.name}" without its prefix or suffix`,
      strength: 'weak',
    };
  for (const core of cores) {
    const target = index.byKey.get(core) ?? best(index.similarity().byCore.get(core), key);
    // `vue4` beside `vue2`: numbered editions of one family, not an added suffix.
    const isNumberedFamily = target !== undefined && /\d$/.test(key) && /\d$/.test(target.key);
    if (target && target.key !== key && !isNumberedFamily)
      return {
        target,
        technique: 'affix',
        difference: `"${core}" with a prefix or suffix added or changed`,
        strength: 'weak',
      };
  }
  return null;
}

/**
 * Two techniques at once: an affix added to a misspelt name (`python-reqests`, `node-lodahs`).
 * Only the slips of a typing hand count (swapped, doubled, look-alike or neighbouring keys): an
 * affix beside any one edit is what many honest names are (`aes256` beside `aes-js`).
 */
function findMisspeltStem(
  key: string,
  cores: readonly string[],
  index: PopularityIndex,
): TyposquatMatch | null {
  for (const core of cores) {
    // A trailing number alone (`lodahs2`) is an edition, not an affix: the plain one-edit rule's.
    if (index.byKey.has(core) || isDigit(key.charCodeAt(key.length - 1))) continue;
    const edit = findOneEdit(core, index);
    if (edit && edit.target.key !== key && edit.technique !== 'one-edit')
      return {
        ...edit,
        technique: 'affix',
        difference: `"${core}" with a prefix or suffix added, and ${edit.difference}`,
        strength: 'weak',
      };
  }
  return null;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `--no-audit`, `-g`: an option of `npm install` written where a package name goes. */
function findOption(name: string, index: PopularityIndex): TyposquatMatch | null {
  const npm = index.ecosystem === 'npm' && name.startsWith('-') ? index.find('npm') : undefined;
  return npm
    ? {
        target: npm,
        technique: 'option',
        difference: 'a command-line option of npm, not a package name',
        strength: 'strong',
      }
    : null;
}

/** Shortest part of a joined name that counts as a popular name of its own. */
const minJoinedPartLength = 5;

/** `torchtriton`: two popular names run together, a name neither project publishes. */
function findJoinedNames(key: string, index: PopularityIndex): TyposquatMatch | null {
  if (/[-_.@/]/.test(key)) return null;
  const { byBare } = index.similarity();
  for (let cut = minJoinedPartLength; cut <= key.length - minJoinedPartLength; cut += 1) {
    const first = byBare.get(key.slice(0, cut))?.[0];
    const second = first && byBare.get(key.slice(cut))?.[0];
    if (first && second) {
      const target = first.rank <= second.rank ? first : second;
      return {
        target,
        technique: 'joined-names',
        difference: `"${first.name}" and "${second.name}" run together`,
        strength: 'weak',
      };
    }
  }
  return null;
}

/** `python-mysqldb`: a module's import name for its PyPI project (`MySQLdb` is `mysqlclient`). */
function findImportName(
  key: string,
  cores: readonly string[],
  index: PopularityIndex,
): TyposquatMatch | null {
  if (index.ecosystem !== 'pypi') return null;
  for (const name of [key, ...cores]) {
    const distribution = findDistributionOfImport(name);
    const target = distribution === undefined ? undefined : index.find(distribution);
    if (target && target.key !== key)
      return {
        target,
        technique: 'import-name',
        difference: `"${name}" is what ${target.name} is imported as, not its name on PyPI`,
        strength: 'weak',
      };
  }
  return null;
}

/**
 * `asIfUnlisted` judges a popular name as if the lists did not hold it (a package that became
 * popular after the lists were made): what the name alone says, for measuring false alarms.
 */
export function findTyposquat(
  ecosystem: Ecosystem,
  name: string,
  index: PopularityIndex,
  options: { asIfUnlisted?: boolean } = {},
): TyposquatMatch | null {
  const option = findOption(name, index);
  if (option) return option;
  const key = normalizeForRegistry(ecosystem, name);
  const exact = options.asIfUnlisted ? undefined : index.byKey.get(key);
  if (exact) {
    // npm names are case-sensitive for old packages; a new name differing only in case imitates.
    return ecosystem === 'npm' && exact.name !== name
      ? {
          target: exact,
          technique: 'case',
          difference: 'the same name in other letter case',
          strength: 'strong',
        }
      : null;
  }
  // Only a scope's owner publishes under it: a name in a scope that popular packages use is theirs.
  if (key.startsWith('@') && index.similarity().scopes.has(key.slice(0, key.indexOf('/'))))
    return null;
  const sameSkeleton = best(index.similarity().bySkeleton.get(skeletonOf(key)), key);
  if (sameSkeleton) {
    const isSeparatorOnly = withoutSeparators(sameSkeleton.key) === withoutSeparators(key);
    return isSeparatorOnly
      ? {
          target: sameSkeleton,
          technique: 'separator',
          difference: 'separators or scope changed',
          strength: 'strong',
        }
      : {
          target: sameSkeleton,
          technique: 'homoglyph',
          difference: 'look-alike characters',
          strength: 'strong',
        };
  }
  const cores = coresOf(key);
  const scope = findScopeMatch(key, cores, index);
  if (scope?.strength === 'strong') return scope;
  const oneEdit = findOneEdit(key, index);
  if (oneEdit) return oneEdit;
  const misspelt = findWordTypo(key, index, options.asIfUnlisted === true);
  if (misspelt?.strength === 'strong') return misspelt;
  // Reordered words alone (`array-shuffle`, `shuffle-array`) are common among honest names; an
  // ecosystem word moved to the other end (`nmap-python`) is the squatter's pattern.
  const hasEcosystemWord = /(?:^|-)(?:python3?|py3?|js|node|nodejs)(?:-|$)/.test(key);
  const tokens = hasEcosystemWord ? tokenKeyOf(key) : null;
  const reordered = tokens ? best(index.similarity().byTokens.get(tokens), key) : undefined;
  if (reordered)
    return {
      target: reordered,
      technique: 'word-order',
      difference: 'the same words in another order',
      strength: 'weak',
    };
  return (
    findAffixMatch(key, cores, index) ??
    findMisspeltStem(key, cores, index) ??
    misspelt ??
    findImportName(key, cores, index) ??
    findJoinedNames(key, index) ??
    scope
  );
}
