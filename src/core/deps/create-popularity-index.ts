// Indexes the popular packages of one ecosystem for typosquat look-ups: by registry form, by
// skeleton, by every one-character deletion (so names one edit apart meet in a few map look-ups),
// by affix-free core, by sorted tokens, and by the bare name of scoped packages.

import type { Ecosystem } from '../model/dependency.js';
import { createDeletionIndex, type DeletionIndex } from './create-deletion-index.js';
import { createNameTable, type NameTable } from './create-name-table.js';
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
  /** The names exactly as listed: the one look-up most dependencies need. */
  byName: ReadonlyMap<string, PopularEntry>;
  /**
   * For each name, whether `byName` holds it: the same answers as `byName.has`, for a whole
   * lockfile at once (the table behind it is built on first use).
   */
  hasEachName(names: readonly string[]): boolean[];
  /** The maps for near matches, built on first use: a list of popular names needs none. */
  similarity(): SimilarityMaps;
}

interface SimilarityMaps {
  bySkeleton: ReadonlyMap<string, PopularEntry[]>;
  /** The names without separators, for near matches: one edit apart in a few look-ups. */
  byDeletion: DeletionIndex<NearName>;
  byCore: ReadonlyMap<string, PopularEntry[]>;
  byTokens: ReadonlyMap<string, PopularEntry[]>;
  /** npm: `arm-storage` -> [`@azure/arm-storage`], for bare names no more than two scopes share. */
  byBareName: ReadonlyMap<string, PopularEntry[]>;
  /** npm: first token of scoped bare names -> the scope that owns it (`arm` -> `@azure`). */
  scopeOfPrefix: ReadonlyMap<string, { scope: string; examples: string[] }>;
  /** npm scopes some popular package is published under (`@azure`). */
  scopes: ReadonlySet<string>;
  /** Names without separators (`flaskcors` -> `flask-cors`), for names joined from two. */
  byBare: ReadonlyMap<string, PopularEntry>;
  /** The words popular names are made of (`validator`), with how many names use each. */
  words: ReadonlyMap<string, PopularWord>;
  /** The words of six letters or more used by two names or more, for misspelt words. */
  byWordDeletion: DeletionIndex<string>;
  /** Words of the other ecosystems' popular names: known words, never targets. */
  otherWords: ReadonlySet<string>;
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

function indexWords(entries: readonly PopularEntry[]) {
  const words = new Map<string, PopularWord>();
  for (const entry of entries) {
    for (const word of new Set(listWords(entry.key))) {
      const known = words.get(word);
      if (known === undefined) words.set(word, { count: 1, best: entry });
      else known.count += 1;
    }
  }
  const frequent: Array<{ name: string; value: string }> = [];
  for (const [word, { count }] of words)
    if (count >= 2 && word.length >= minWordLength && !/\d/.test(word))
      frequent.push({ name: word, value: word });
  return { words, byWordDeletion: createDeletionIndex(frequent) };
}

interface NearName {
  entry: PopularEntry;
  /** The entry's key without separators. */
  bare: string;
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
  const unscopedPrefixCounts = new Map<string, number>();
  for (const entry of entries) {
    const slash = entry.key.indexOf('/');
    const isScoped = entry.key.startsWith('@') && slash !== -1;
    const bare = isScoped ? entry.key.slice(slash + 1) : entry.key;
    const dash = bare.indexOf('-');
    const token = dash > 0 ? bare.slice(0, dash) : null;
    if (!isScoped) {
      if (token) unscopedPrefixCounts.set(token, (unscopedPrefixCounts.get(token) ?? 0) + 1);
      continue;
    }
    // Type definitions mirror the names of real packages; they say nothing of a scope's own names.
    const scope = entry.key.slice(0, slash);
    if (scope === '@types') continue;
    push(byBareName, bare, entry);
    if (token === null) continue;
    const scopes = prefixCounts.get(token) ?? new Map<string, string[]>();
    prefixCounts.set(token, scopes);
    scopes.set(scope, [...(scopes.get(scope) ?? []), entry.name]);
  }
  // A bare name that several scopes publish (`core`, `utils`) is generic, not a scope's own.
  for (const [bare, list] of byBareName) {
    if (new Set(list.map((entry) => entry.key.split('/')[0])).size > 3 || byKey.has(bare))
      byBareName.delete(bare);
  }
  const scopeOfPrefix = new Map<string, { scope: string; examples: string[] }>();
  for (const [token, scopes] of prefixCounts) {
    const ranked = [...scopes].sort((a, b) => b[1].length - a[1].length);
    const [scope, names] = ranked[0]!;
    const others = ranked.slice(1).reduce((sum, [, list]) => sum + list.length, 0);
    const unscoped = unscopedPrefixCounts.get(token) ?? 0;
    // A long, distinctive first word (`communication`) marks its scope from one example.
    const needed = token.length >= distinctiveWordLength ? 1 : minScopeExamples;
    if (names.length >= needed && others === 0 && unscoped < names.length)
      scopeOfPrefix.set(token, { scope, examples: names.slice(0, 3) });
  }
  const scopes = new Set(
    entries.flatMap((entry) => (entry.key.startsWith('@') ? [entry.key.split('/')[0]!] : [])),
  );
  return { byBareName, scopeOfPrefix, scopes };
}

function buildSimilarityMaps(
  ecosystem: Ecosystem,
  entries: readonly PopularEntry[],
  byKey: ReadonlyMap<string, PopularEntry>,
  otherNames: readonly string[],
): SimilarityMaps {
  const bySkeleton = new Map<string, PopularEntry[]>();
  const nearNames: Array<{ name: string; value: NearName }> = [];
  const byBare = new Map<string, PopularEntry>();
  const byCore = new Map<string, PopularEntry[]>();
  const byTokens = new Map<string, PopularEntry[]>();
  for (const entry of entries) {
    push(bySkeleton, skeletonOf(entry.key), entry);
    const bare = withoutSeparators(entry.key);
    if (bare !== '') nearNames.push({ name: bare, value: { entry, bare } });
    if (!byBare.has(bare)) byBare.set(bare, entry);
    for (const core of coresOf(entry.key)) push(byCore, core, entry);
    const tokens = tokenKeyOf(entry.key);
    if (tokens) push(byTokens, tokens, entry);
  }
  const scopes =
    ecosystem === 'npm'
      ? indexScopes(entries, byKey)
      : {
          byBareName: new Map<string, PopularEntry[]>(),
          scopeOfPrefix: new Map(),
          scopes: new Set<string>(),
        };
  return {
    bySkeleton,
    byDeletion: createDeletionIndex(nearNames),
    byCore,
    byTokens,
    ...scopes,
    byBare,
    ...indexWords(entries),
    otherWords: new Set(otherNames.flatMap((name) => listWords(name.toLowerCase()))),
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
  const byName = new Map<string, PopularEntry>();
  const entries: PopularEntry[] = [];
  for (const popular of packages) {
    const key = normalizeForRegistry(ecosystem, popular.name);
    if (byKey.has(key)) continue;
    const entry = { ...popular, key };
    byKey.set(key, entry);
    byName.set(popular.name, entry);
    // PyPI lockfiles write the normal form (`python-dateutil`), the list the project's own spelling.
    if (ecosystem === 'pypi') byName.set(key, entry);
    entries.push(entry);
  }
  let maps: SimilarityMaps | null = null;
  let names: NameTable | null = null;
  return {
    ecosystem,
    size: entries.length,
    listName,
    find: (name) => byKey.get(normalizeForRegistry(ecosystem, name)),
    byKey,
    byName,
    hasEachName: (queries) => (names ??= createNameTable([...byName.keys()])).hasEach(queries),
    similarity: () => (maps ??= buildSimilarityMaps(ecosystem, entries, byKey, otherNames)),
  };
}

/** Both ecosystems' indexes; each knows the other's words, as a word is a word in any registry. */
export function createPopularityIndexes(lists: {
  npm: { listName: string; packages: readonly PopularPackage[] };
  pypi: { listName: string; packages: readonly PopularPackage[] };
}): Record<Ecosystem, PopularityIndex> {
  return {
    npm: createPopularityIndex(
      'npm',
      lists.npm.listName,
      lists.npm.packages,
      lists.pypi.packages.map((entry) => entry.name),
    ),
    pypi: createPopularityIndex(
      'pypi',
      lists.pypi.listName,
      lists.pypi.packages,
      lists.npm.packages.map((entry) => entry.name),
    ),
  };
}
