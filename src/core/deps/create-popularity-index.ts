// Indexes the popular packages of one ecosystem for typosquat look-ups: by registry form, by
// skeleton, by every one-character deletion (so names one edit apart meet in a few map look-ups),
// by affix-free core, by sorted tokens, and by the bare name of scoped packages. Each index is
// built on first use, so a check pays only for the ones its names need (most need none).

import type { Ecosystem } from '../model/dependency.js';
import { createDeletionIndex, type DeletionIndex } from './create-deletion-index.js';
import { createFormIndex, type FormIndex } from './create-form-index.js';
import { createNameTable } from './create-name-table.js';
import { isNearMiss } from './describe-one-edit.js';
import {
  coresOf,
  normalizeForRegistry,
  skeletonOf,
  tokenKeyOf,
  withoutSeparators,
} from './fold-package-name.js';

export interface PopularPackage {
  name: string;
  /** 1 is the most popular. */
  rank: number;
  /** Downloads over the list's period, when the list gives them. */
  downloads?: number;
}

export interface PopularEntry extends PopularPackage {
  key: string;
}

export interface PopularityIndex {
  ecosystem: Ecosystem;
  size: number;
  /** What the list is, for evidence: "popular npm packages". */
  listName: string;
  find(name: string): PopularEntry | undefined;
  byKey: ReadonlyMap<string, PopularEntry>;
  /** The names exactly as listed (built on first use: `hasEachName` answers a lockfile). */
  byName: ReadonlyMap<string, PopularEntry>;
  /**
   * For each name, whether `byName` holds it: the same answers as `byName.has`, for a whole
   * lockfile at once (the table behind it is built on first use).
   */
  hasEachName(names: readonly string[]): boolean[];
  /** The maps for near matches, each built on first use: a list of popular names needs none. */
  similarity(): SimilarityMaps;
  /** Builds every near-match map now, for timings that should not include them (benchmarks). */
  buildNearMatchMaps(): void;
}

interface SimilarityMaps {
  bySkeleton: FormIndex<PopularEntry>;
  /**
   * The popular names whose form without separators may be one edit from `bare` (as
   * `DeletionIndex.listNear`): a superset, each to be confirmed by the caller.
   */
  listNear(bare: string, withSwapAcrossOne: boolean): PopularEntry[];
  byCore: FormIndex<PopularEntry>;
  byTokens: FormIndex<PopularEntry>;
  /** npm: `arm-storage` -> [`@azure/arm-storage`], for bare names no more than two scopes share. */
  byBareName: ReadonlyMap<string, PopularEntry[]>;
  /** npm: first token of scoped bare names -> the scope that owns it (`arm` -> `@azure`). */
  scopeOfPrefix: ReadonlyMap<string, { scope: string; examples: string[] }>;
  /** npm scopes some popular package is published under (`@azure`). */
  scopes: ReadonlySet<string>;
  /** Names without separators (`flaskcors` -> `flask-cors`), for names joined from two. */
  byBare: FormIndex<PopularEntry>;
  /** The words popular names are made of (`validator`), with how many names use each. */
  words: ReadonlyMap<string, PopularWord>;
  /** The words of six letters or more used by two names or more, for misspelt words. */
  byWordDeletion: DeletionIndex<string>;
  /** Words of the other ecosystems' popular names: known words, never targets. */
  otherWords: ReadonlySet<string>;
  buildAll(): void;
}

export interface PopularWord {
  /** How many popular names have the word between separators. */
  count: number;
  /** The most popular of them. */
  best: PopularEntry;
}

/** Shortest word whose misspellings are looked for: shorter words are crowded. */
const minWordLength = 6;

/** The words of a name: its parts between separators and scope characters. */
export function listWords(key: string): string[] {
  const words: string[] = [];
  for (const word of key.split(/[-_.@/]+/)) if (word !== '') words.push(word);
  return words;
}

function indexWords(entries: readonly PopularEntry[]): Map<string, PopularWord> {
  const words = new Map<string, PopularWord>();
  for (const entry of entries) {
    const own = listWords(entry.key);
    for (let at = 0; at < own.length; at += 1) {
      const word = own[at]!;
      if (own.indexOf(word) < at) continue;
      const known = words.get(word);
      if (known === undefined) words.set(word, { count: 1, best: entry });
      else known.count += 1;
    }
  }
  return words;
}

function indexWordDeletions(words: ReadonlyMap<string, PopularWord>): DeletionIndex<string> {
  const frequent: string[] = [];
  for (const [word, { count }] of words)
    if (count >= 2 && word.length >= minWordLength && !/\d/.test(word)) frequent.push(word);
  return createDeletionIndex(frequent, frequent);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Popular packages of one scope that must share a first word before the word marks the scope. */
const minScopeExamples = 3;
const distinctiveWordLength = 10;

function indexScopes(entries: readonly PopularEntry[], byKey: ReadonlyMap<string, PopularEntry>) {
  const byBareName = new Map<string, PopularEntry[]>();
  const prefixCounts = new Map<string, Map<string, string[]>>();
  const scopes = new Set<string>();
  for (const entry of entries) {
    if (!entry.key.startsWith('@')) continue;
    const slash = entry.key.indexOf('/');
    scopes.add(slash === -1 ? entry.key : entry.key.slice(0, slash));
    if (slash === -1) continue;
    // Type definitions mirror the names of real packages; they say nothing of a scope's own names.
    const scope = entry.key.slice(0, slash);
    if (scope === '@types') continue;
    const bare = entry.key.slice(slash + 1);
    push(byBareName, bare, entry);
    const dash = bare.indexOf('-');
    if (dash <= 0) continue;
    const token = bare.slice(0, dash);
    let owners = prefixCounts.get(token);
    if (owners === undefined) {
      owners = new Map<string, string[]>();
      prefixCounts.set(token, owners);
    }
    const names = owners.get(scope);
    if (names === undefined) owners.set(scope, [entry.name]);
    else names.push(entry.name);
  }
  // How many unscoped names start with each first word of scoped ones (`@foo` alone is unscoped).
  const unscopedPrefixCounts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.key.startsWith('@') && entry.key.includes('/')) continue;
    const dash = entry.key.indexOf('-');
    if (dash <= 0) continue;
    const token = entry.key.slice(0, dash);
    if (prefixCounts.has(token))
      unscopedPrefixCounts.set(token, (unscopedPrefixCounts.get(token) ?? 0) + 1);
  }
  // A bare name that several scopes publish (`core`, `utils`) is generic, not a scope's own.
  for (const [bare, list] of byBareName) {
    const isShared =
      list.length > 3 && new Set(list.map((entry) => entry.key.split('/')[0])).size > 3;
    if (isShared || byKey.has(bare)) byBareName.delete(bare);
  }
  const scopeOfPrefix = new Map<string, { scope: string; examples: string[] }>();
  for (const [token, owners] of prefixCounts) {
    const ranked = [...owners].sort((a, b) => b[1].length - a[1].length);
    const [scope, names] = ranked[0]!;
    const others = ranked.slice(1).reduce((sum, [, list]) => sum + list.length, 0);
    const unscoped = unscopedPrefixCounts.get(token) ?? 0;
    // A long, distinctive first word (`communication`) marks its scope from one example.
    const needed = token.length >= distinctiveWordLength ? 1 : minScopeExamples;
    if (names.length >= needed && others === 0 && unscoped < names.length)
      scopeOfPrefix.set(token, { scope, examples: names.slice(0, 3) });
  }
  return { byBareName, scopeOfPrefix, scopes };
}

/** `create()`, called on the first call and kept. */
function lazily<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

/**
 * One-edit searches answered by reading every name before the deletion index is built: each
 * takes well under a millisecond where the index takes a few hundred to build, so a short check
 * (a package.json of private names) never builds it, and a long one builds it after this many.
 */
const searchesBeforeIndex = 64;

/**
 * The near-match maps, each built on first use: a name on the list needs none, and most unlisted
 * names need only a few (`expresss`: the skeletons and the one-edit index), so a short check does
 * not pay for the maps it does not read.
 */
function createSimilarityMaps(
  ecosystem: Ecosystem,
  entries: readonly PopularEntry[],
  byKey: ReadonlyMap<string, PopularEntry>,
  otherNames: readonly string[],
): SimilarityMaps {
  const bySkeleton = lazily(() => createFormIndex(entries, (entry) => skeletonOf(entry.key)));
  const byCore = lazily(() => createFormIndex(entries, (entry) => coresOf(entry.key)));
  const byTokens = lazily(() => createFormIndex(entries, (entry) => tokenKeyOf(entry.key)));
  const byBare = lazily(() => createFormIndex(entries, (entry) => withoutSeparators(entry.key)));
  const scopeMaps = lazily(() =>
    ecosystem === 'npm'
      ? indexScopes(entries, byKey)
      : { byBareName: new Map(), scopeOfPrefix: new Map(), scopes: new Set<string>() },
  );
  const words = lazily(() => indexWords(entries));
  const byWordDeletion = lazily(() => indexWordDeletions(words()));
  const otherWords = lazily(() => {
    const known = new Set<string>();
    for (const name of otherNames)
      for (const word of listWords(name.toLowerCase())) known.add(word);
    return known;
  });
  // Each entry's key without separators, in the entries' order.
  const bareNames = lazily(() => entries.map((entry) => withoutSeparators(entry.key)));
  let searches = 0;
  let byDeletion: DeletionIndex<PopularEntry> | undefined;
  const deletionIndex = () => {
    if (byDeletion === undefined) {
      const names: string[] = [];
      const values: PopularEntry[] = [];
      bareNames().forEach((bare, at) => {
        if (bare === '') return;
        names.push(bare);
        values.push(entries[at]!);
      });
      byDeletion = createDeletionIndex(names, values);
    }
    return byDeletion;
  };
  return {
    buildAll() {
      for (const build of [bySkeleton, byCore, byTokens, byBare, scopeMaps, byWordDeletion])
        build();
      otherWords();
      deletionIndex();
    },
    get bySkeleton() {
      return bySkeleton();
    },
    listNear(bare, withSwapAcrossOne) {
      if (byDeletion !== undefined || (searches += 1) > searchesBeforeIndex)
        return deletionIndex().listNear(bare, withSwapAcrossOne);
      const found: PopularEntry[] = [];
      const names = bareNames();
      for (let at = 0; at < names.length; at += 1)
        if (isNearMiss(bare, names[at]!, withSwapAcrossOne)) found.push(entries[at]!);
      return found;
    },
    get byCore() {
      return byCore();
    },
    get byTokens() {
      return byTokens();
    },
    get byBareName() {
      return scopeMaps().byBareName;
    },
    get scopeOfPrefix() {
      return scopeMaps().scopeOfPrefix;
    },
    get scopes() {
      return scopeMaps().scopes;
    },
    get byBare() {
      return byBare();
    },
    get words() {
      return words();
    },
    get byWordDeletion() {
      return byWordDeletion();
    },
    get otherWords() {
      return otherWords();
    },
  };
}

/**
 * `otherNames`: popular names of other ecosystems, whose words count as known words (a word is a
 * word in any registry) but never as targets.
 */
export function createPopularityIndex(
  ecosystem: Ecosystem,
  listName: string,
  packages: readonly PopularPackage[],
  otherNames: readonly string[] = [],
): PopularityIndex {
  const byKey = new Map<string, PopularEntry>();
  const entries: PopularEntry[] = [];
  for (const popular of packages) {
    const key = normalizeForRegistry(ecosystem, popular.name);
    if (byKey.has(key)) continue;
    const entry: PopularEntry =
      popular.downloads === undefined
        ? { name: popular.name, rank: popular.rank, key }
        : { name: popular.name, rank: popular.rank, downloads: popular.downloads, key };
    byKey.set(key, entry);
    entries.push(entry);
  }
  // The names as written: the listed spelling, and on PyPI the normal form too (lockfiles write
  // `python-dateutil`, the list the project's own spelling).
  const spellingsOf = (entry: PopularEntry): string[] =>
    ecosystem === 'pypi' ? [entry.name, entry.key] : [entry.name];
  const similarity = lazily(() => createSimilarityMaps(ecosystem, entries, byKey, otherNames));
  const names = lazily(() => createNameTable(entries.flatMap(spellingsOf)));
  const byName = lazily(() => {
    const spelled = new Map<string, PopularEntry>();
    for (const entry of entries) for (const name of spellingsOf(entry)) spelled.set(name, entry);
    return spelled;
  });
  return {
    ecosystem,
    size: entries.length,
    listName,
    find: (name) => byKey.get(normalizeForRegistry(ecosystem, name)),
    byKey,
    get byName() {
      return byName();
    },
    hasEachName: (queries) => names().hasEach(queries),
    similarity,
    buildNearMatchMaps: () => similarity().buildAll(),
  };
}

/**
 * Both ecosystems' indexes; each knows the other's words, as a word is a word in any registry.
 * Each is built on first use: a check of npm names alone does not index the PyPI list.
 */
export function createPopularityIndexes(lists: {
  npm: { listName: string; packages: readonly PopularPackage[] };
  pypi: { listName: string; packages: readonly PopularPackage[] };
}): Record<Ecosystem, PopularityIndex> {
  const namesOf = (packages: readonly PopularPackage[]) => packages.map((entry) => entry.name);
  type List = (typeof lists)[Ecosystem];
  const indexLazily = (ecosystem: Ecosystem, own: List, other: List) =>
    lazily(() =>
      createPopularityIndex(ecosystem, own.listName, own.packages, namesOf(other.packages)),
    );
  const npm = indexLazily('npm', lists.npm, lists.pypi);
  const pypi = indexLazily('pypi', lists.pypi, lists.npm);
  return {
    get npm() {
      return npm();
    },
    get pypi() {
      return pypi();
    },
  };
}
