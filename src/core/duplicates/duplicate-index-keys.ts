// The structured keys a document is indexed by (aliases, packages, versions, code locations,
// CWEs), each written `<prefix>:<value>`, and how much a shared key weighs in the first pass.

import type { DocumentAnalysis } from './analyze-duplicate-document.js';

/** What a key names, by its one-letter prefix. */
export type IndexKeyPrefix = 'a' | 'p' | 'n' | 'v' | 'f' | 'h' | 'b' | 'c';

/** An analysis without its terms: what the index keeps of a document besides its postings. */
export type KeyedAnalysis = Omit<DocumentAnalysis, 'terms'>;

const aliasKeyPrefix = 'a';
export const packageKeyPrefix = 'p';
export const packageNameKeyPrefix = 'n';
export const versionKeyPrefix = 'v';
const functionKeyPrefix = 'f';
const pathKeyPrefix = 'h';
const fileNameKeyPrefix = 'b';
const cweKeyPrefix = 'c';

/** First-pass weight of a shared key, by what it names. */
const keyWeights: Readonly<Record<IndexKeyPrefix, number>> = {
  a: 20,
  p: 2,
  n: 1.2,
  v: 1,
  f: 2,
  h: 2,
  b: 0.7,
  c: 0.3,
};

/** Keys this common (versions, CWEs) say little and would make the first pass slow. */
const commonKeyShare = 0.05;

export function makeIndexKey(prefix: IndexKeyPrefix, value: string): string {
  return `${prefix}:${value}`;
}

export function readKeyPrefix(key: string): IndexKeyPrefix {
  return key[0] as IndexKeyPrefix;
}

/**
 * The keys of a document, each once. A query also carries the ids it only mentions as alias
 * keys, so it finds the documents known by them and shows them as related.
 */
export function listIndexKeys(analysis: KeyedAnalysis, isQuery = false): string[] {
  const keys = new Set<string>();
  for (const alias of analysis.aliases) keys.add(makeIndexKey(aliasKeyPrefix, alias));
  if (isQuery) for (const id of analysis.related) keys.add(makeIndexKey(aliasKeyPrefix, id));
  for (const packageKeys of analysis.packages) {
    keys.add(makeIndexKey(packageKeyPrefix, packageKeys.exact));
    for (const name of packageKeys.names) keys.add(makeIndexKey(packageNameKeyPrefix, name));
  }
  for (const version of analysis.versions.mentioned)
    keys.add(makeIndexKey(versionKeyPrefix, version));
  for (const name of analysis.functions) keys.add(makeIndexKey(functionKeyPrefix, name));
  for (const path of analysis.paths) keys.add(makeIndexKey(pathKeyPrefix, path));
  for (const name of analysis.fileNames) keys.add(makeIndexKey(fileNameKeyPrefix, name));
  for (const cwe of analysis.cwes) keys.add(makeIndexKey(cweKeyPrefix, cwe));
  return [...keys];
}

/**
 * Whether a key held by `keyDocuments` of `liveDocuments` documents is too common to find
 * candidates. Versions and CWEs that many documents share say little; a package or file name that
 * most documents share (every report of one project names it) adds the same small weight to all
 * of them: it finds no candidate worth the walk, and is still scored for the candidates the other
 * keys and terms find.
 */
export function isKeyTooCommonToWalk(
  prefix: IndexKeyPrefix,
  keyDocuments: number,
  liveDocuments: number,
  maxTermWalk: number,
): boolean {
  if (
    (prefix === versionKeyPrefix || prefix === cweKeyPrefix) &&
    keyDocuments > Math.max(50, liveDocuments * commonKeyShare)
  )
    return true;
  return (
    (prefix === packageKeyPrefix ||
      prefix === packageNameKeyPrefix ||
      prefix === fileNameKeyPrefix) &&
    keyDocuments > Math.max(maxTermWalk / 4, liveDocuments * commonKeyShare)
  );
}

/**
 * The first-pass weight of a shared key: aliases, functions and paths count in full, the others
 * by how rare they are in the index (`rarity`, 0..1).
 */
export function weighIndexKey(prefix: IndexKeyPrefix, rarity: () => number): number {
  const isAlwaysTelling =
    prefix === aliasKeyPrefix || prefix === functionKeyPrefix || prefix === pathKeyPrefix;
  return keyWeights[prefix] * (isAlwaysTelling ? 1 : rarity());
}
