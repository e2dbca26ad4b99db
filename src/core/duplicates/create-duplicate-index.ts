// The duplicate index: an in-memory inverted index over earlier reports and advisories that
// ranks the ones most likely to describe the same bug as a new report, with evidence.

import semver from 'semver';
import type { DuplicateCandidate, DuplicateDocument } from '../model/duplicate.js';
import { analyzeDuplicateDocument, type DocumentAnalysis } from './analyze-duplicate-document.js';
import { readBackgroundVocabulary, type BackgroundVocabulary } from './background-vocabulary.js';
import { countSharedShingles } from './hash-shingles.js';
import {
  minNearCopyShingles,
  scoreDuplicateSignals,
  type DuplicateSignals,
} from './score-duplicate-signals.js';

export interface DuplicateIndexOptions {
  /** Reference date for a query without `published` (the date prior); no prior when absent. */
  now?: () => Date;
  /**
   * How common terms are in advisories in general, blended into the term weights so that a small
   * index (one project's batch) does not mistake boilerplate for the words of one bug. Defaults
   * to the shipped vocabulary; `null` turns it off.
   */
  background?: BackgroundVocabulary | null;
}

export interface DuplicateQueryOptions {
  /** Candidates to return, best first: default 10, at most 100. */
  limit?: number;
  /** Leaves out documents the caller already handled (same reporter, already linked ...). */
  exclude?: (id: string) => boolean;
}

export interface DuplicateIndex {
  /** Adds a document; a document with the same id is replaced. */
  add(doc: DuplicateDocument): void;
  remove(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
  /** The documents held, for persistence or a rebuild. */
  documents(): Iterable<DuplicateDocument>;
  query(doc: DuplicateDocument, options?: DuplicateQueryOptions): DuplicateCandidate[];
  /** Postings entries the queries so far have walked: bounded per query, whatever the index size. */
  readonly postingsVisited: number;
}

const k1 = 1.2;
const b = 0.75;
/** Documents scored with every signal, chosen by a cheap first pass over the postings. */
const candidatePoolSize = 100;
/** The query's rarest terms that generate candidates (all terms count in the final text score). */
const maxCandidateTerms = 32;
/** Terms in more than this share of documents find no candidates worth the postings walk. */
const commonTermShare = 0.05;
/**
 * Postings walked per term or key at most, so one query costs the same in an index of 1,000 or
 * 1,000,000 documents and a batch of n reports costs O(n), not O(n^2). Longer key lists (a package
 * every report shares) are walked from the newest entry back.
 */
const maxTermWalk = 2_000;
const maxKeyWalk = 250;
/** Postings entries pack slot and term frequency into one small integer. */
const tfBits = 10;
const maxTf = (1 << tfBits) - 1;
const maxSlots = 2 ** (31 - tfBits);
const fixedPoint = 2 ** 32;

// First-pass weights of structured keys, by key prefix (see keysOf).
const keyWeights: Readonly<Record<string, number>> = {
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
/**
 * A title word is distinctive when fewer than this share of the background advisories use it...
 * ("memory", "server" and "overflow" are not; "FileStore", "llhttp" and "generator" are)...
 */
const distinctiveBackgroundShare = 0.05;
/** ...and at most this share of the index (or this many documents in a small one) holds it. */
const distinctiveIndexShare = 0.2;
const distinctiveIndexFloor = 2;

interface StoredDocument {
  doc: DuplicateDocument;
  analysis: Omit<DocumentAnalysis, 'terms'>;
  /** [termId, tf, termId, tf, ...] sorted by termId. */
  termData: Int32Array;
  length: number;
  keys: string[];
}

interface KeyPostings {
  slots: number[];
  live: number;
}

interface QueryTerm {
  id: number;
  term: string;
  tf: number;
  df: number;
}

function keysOf(a: Omit<DocumentAnalysis, 'terms'>, isQuery = false): string[] {
  const keys = new Set<string>();
  for (const alias of a.aliases) keys.add(`a:${alias}`);
  // A query finds the documents known by the ids it mentions, to show them as related.
  if (isQuery) for (const id of a.related) keys.add(`a:${id}`);
  for (const p of a.packages) {
    keys.add(`p:${p.exact}`);
    for (const name of p.names) keys.add(`n:${name}`);
  }
  for (const v of a.versions.mentioned) keys.add(`v:${v}`);
  for (const f of a.functions) keys.add(`f:${f}`);
  for (const path of a.paths) keys.add(`h:${path}`);
  for (const name of a.fileNames) keys.add(`b:${name}`);
  for (const cwe of a.cwes) keys.add(`c:${cwe}`);
  return [...keys];
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0 || b.length === 0) return [];
  const set = new Set(b);
  return a.filter((x) => set.has(x));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createDuplicateIndex(options: DuplicateIndexOptions = {}): DuplicateIndex {
  // A report is usually queried and then added: analyse the same document object once.
  const analyses = new WeakMap<DuplicateDocument, DocumentAnalysis>();
  const analyze = (doc: DuplicateDocument): DocumentAnalysis => {
    let analysis = analyses.get(doc);
    if (!analysis) {
      analysis = analyzeDuplicateDocument(doc);
      analyses.set(doc, analysis);
    }
    return analysis;
  };

  const idToSlot = new Map<string, number>();
  const stored: (StoredDocument | undefined)[] = [];
  const slotIds: string[] = [];
  const termIds = new Map<string, number>();
  const termStrings: string[] = [];
  const postings: number[][] = [];
  const df: number[] = [];
  const keyPostings = new Map<string, KeyPostings>();
  let live = 0;
  let totalLength = 0;
  let deadSinceCompaction = 0;
  let accumulator = new Float64Array(1024);
  let postingsVisited = 0;

  const background =
    options.background === undefined ? readBackgroundVocabulary() : options.background;
  const backgroundDocuments = background?.documents ?? 0;
  const backgroundDf: number[] = [];
  // BM25's idf over the index and the background advisories together.
  const idf = (docFreq: number, extra: number): number => {
    return Math.log(
      1 + (live + backgroundDocuments - docFreq - extra + 0.5) / (docFreq + extra + 0.5),
    );
  };
  const rarity = (docFreq: number): number =>
    docFreq <= 0 || live <= 1 ? 1 : Math.log(1 + live / docFreq) / Math.log(1 + live);
  const keyLive = (key: string): number => keyPostings.get(key)?.live ?? 0;

  function termIdOf(term: string): number {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termStrings.length;
      termIds.set(term, id);
      termStrings.push(term);
      postings.push([]);
      df.push(0);
      backgroundDf.push(background?.countOf(term) ?? 0);
    }
    return id;
  }

  function compact(): void {
    for (const list of postings) {
      let w = 0;
      for (const entry of list) if (stored[entry >>> tfBits] !== undefined) list[w++] = entry;
      list.length = w;
    }
    for (const [key, list] of keyPostings) {
      if (list.live === 0) keyPostings.delete(key);
      else list.slots = list.slots.filter((slot) => stored[slot] !== undefined);
    }
    deadSinceCompaction = 0;
  }

  function remove(id: string): boolean {
    const slot = idToSlot.get(id);
    if (slot === undefined) return false;
    const entry = stored[slot]!;
    idToSlot.delete(id);
    stored[slot] = undefined;
    live--;
    totalLength -= entry.length;
    for (let i = 0; i < entry.termData.length; i += 2) df[entry.termData[i]!]!--;
    for (const key of entry.keys) keyPostings.get(key)!.live--;
    deadSinceCompaction++;
    if (deadSinceCompaction > Math.max(1024, live / 4)) compact();
    return true;
  }

  function add(doc: DuplicateDocument): void {
    remove(doc.id);
    if (stored.length >= maxSlots) compactSlots();
    const { terms, ...analysis } = analyze(doc);
    const counts = new Map<number, number>();
    for (const term of terms) {
      const id = termIdOf(term);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const sortedIds = [...counts.keys()].sort((x, y) => x - y);
    const termData = new Int32Array(sortedIds.length * 2);
    const newSlot = stored.length;
    sortedIds.forEach((id, i) => {
      const tf = Math.min(maxTf, counts.get(id)!);
      termData[2 * i] = id;
      termData[2 * i + 1] = tf;
      postings[id]!.push((newSlot << tfBits) | tf);
      df[id]!++;
    });
    const keys = keysOf(analysis);
    for (const key of keys) {
      let list = keyPostings.get(key);
      if (!list) keyPostings.set(key, (list = { slots: [], live: 0 }));
      list.slots.push(newSlot);
      list.live++;
    }
    stored.push({ doc, analysis, termData, length: terms.length, keys });
    slotIds.push(doc.id);
    idToSlot.set(doc.id, newSlot);
    live++;
    totalLength += terms.length;
    if (accumulator.length < stored.length) {
      accumulator = new Float64Array(Math.max(stored.length, accumulator.length * 2));
    }
  }

  // Renumbers slots densely when churn has used up the slot space (about two million adds).
  function compactSlots(): void {
    const docs = [...documents()];
    idToSlot.clear();
    stored.length = 0;
    slotIds.length = 0;
    termIds.clear();
    termStrings.length = 0;
    postings.length = 0;
    df.length = 0;
    keyPostings.clear();
    live = 0;
    totalLength = 0;
    deadSinceCompaction = 0;
    for (const doc of docs) add(doc);
  }

  function* documents(): Iterable<DuplicateDocument> {
    for (const entry of stored) if (entry) yield entry.doc;
  }

  function query(
    doc: DuplicateDocument,
    queryOptions: DuplicateQueryOptions = {},
  ): DuplicateCandidate[] {
    const limit = Math.max(0, Math.min(100, Math.floor(queryOptions.limit ?? 10)));
    if (live === 0 || limit === 0) return [];
    const exclude = queryOptions.exclude;
    const isExcluded = (slot: number): boolean =>
      slotIds[slot] === doc.id || (exclude !== undefined && exclude(slotIds[slot]!));
    const q = analyze(doc);
    const avgLength = totalLength / live || 1;
    const termWeight = (tf: number, length: number): number =>
      (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));

    // The query's terms: weights for the final text score, and the rarest few for candidates.
    const counts = new Map<string, number>();
    for (const term of q.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const queryWeights = new Map<number, number>();
    const known: QueryTerm[] = [];
    let selfQuery = 0;
    for (const [term, tf] of counts) {
      const id = termIds.get(term);
      const docFreq = id === undefined ? 0 : df[id]!;
      const weight = idf(
        docFreq,
        id === undefined ? (background?.countOf(term) ?? 0) : backgroundDf[id]!,
      );
      selfQuery += weight * termWeight(Math.min(maxTf, tf), q.terms.length);
      if (id !== undefined && docFreq > 0) {
        queryWeights.set(id, weight);
        known.push({ id, term, tf, df: docFreq });
      }
    }
    known.sort((x, y) => x.df - y.df || compareIds(x.term, y.term));

    // First pass: partial BM25 over the rarest terms plus structured keys.
    const acc = accumulator;
    const touched: number[] = [];
    const textScale = selfQuery > 0 ? 7 / selfQuery : 0;
    const maxTermDf = Math.min(maxTermWalk, Math.max(500, live * commonTermShare));
    for (const t of known.slice(0, maxCandidateTerms)) {
      if (t.df > maxTermDf) break;
      const weight = queryWeights.get(t.id)! * textScale;
      postingsVisited += postings[t.id]!.length;
      for (const entry of postings[t.id]!) {
        const slot = entry >>> tfBits;
        const target = stored[slot];
        if (target === undefined) continue;
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] = acc[slot]! + weight * termWeight(entry & maxTf, target.length);
      }
    }
    const queryKeys = keysOf(q, true).sort();
    for (const key of queryKeys) {
      const list = keyPostings.get(key);
      if (!list || list.live === 0) continue;
      const prefix = key[0]!;
      if ((prefix === 'v' || prefix === 'c') && list.live > Math.max(50, live * commonKeyShare))
        continue;
      // A package or file name that most documents share (every report of one project names it)
      // adds the same small weight to all of them: it finds no candidate worth the walk, and is
      // still scored for the candidates the other keys and terms find.
      if (
        (prefix === 'p' || prefix === 'n' || prefix === 'b') &&
        list.live > Math.max(maxTermWalk / 4, live * commonKeyShare)
      )
        continue;
      const weight =
        keyWeights[prefix]! *
        (prefix === 'a' || prefix === 'f' || prefix === 'h' ? 1 : rarity(list.live));
      let walked = 0;
      for (let at = list.slots.length - 1; at >= 0 && walked < maxKeyWalk; at -= 1) {
        const slot = list.slots[at]!;
        if (stored[slot] === undefined) continue;
        walked += 1;
        postingsVisited += 1;
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] = acc[slot]! + weight;
      }
    }

    // Keep the best few hundred (ties by id, so the result does not depend on insertion order).
    const pool: number[] = [];
    const worse = (x: number, y: number): boolean =>
      acc[x]! < acc[y]! || (acc[x] === acc[y] && slotIds[x]! > slotIds[y]!);
    for (const slot of touched) {
      if (isExcluded(slot)) continue;
      if (pool.length < candidatePoolSize) {
        pool.push(slot);
        siftUp(pool, pool.length - 1, worse);
      } else if (worse(pool[0]!, slot)) {
        pool[0] = slot;
        siftDown(pool, 0, worse);
      }
    }
    for (const slot of touched) acc[slot] = 0;

    // Second pass: every signal for each candidate.
    const queryTime = q.time ?? (options.now ? options.now().getTime() : null);
    const queryExact = new Set(q.packages.map((p) => p.exact));
    const queryNames = new Set(q.packages.flatMap((p) => p.names));
    const queryTermSet = new Set(counts.keys());
    const isNameIn = (name: string, has: (term: string) => boolean): boolean => {
      const parts = name.split('-').filter((p) => p.length >= 2);
      return parts.length > 0 && parts.every(has);
    };
    // Title words rare in advisories at large and in this index: what the report is about, not
    // the product's vocabulary that every report of the project shares.
    const isDistinctiveTitleTerm = (term: string, packageNames: ReadonlySet<string>): boolean => {
      if (packageNames.has(term)) return false;
      const id = termIds.get(term);
      const inIndex = id === undefined ? 0 : df[id]!;
      const inBackground = id === undefined ? (background?.countOf(term) ?? 0) : backgroundDf[id]!;
      return (
        (backgroundDocuments === 0 ||
          inBackground / backgroundDocuments < distinctiveBackgroundShare) &&
        inIndex <= Math.max(distinctiveIndexFloor, live * distinctiveIndexShare)
      );
    };
    const namePartsOf = (names: Iterable<string>): Set<string> =>
      new Set([...names].flatMap((name) => name.split('-')));
    const queryNameParts = namePartsOf(queryNames);
    const queryTitleTerms = q.titleTerms.filter((t) => isDistinctiveTitleTerm(t, queryNameParts));
    const candidates: DuplicateCandidate[] = [];
    for (const slot of pool) {
      const target = stored[slot]!;
      const d = target.analysis;
      // Fixed-point sums: term ids follow insertion order, and integer sums do not depend on it.
      let dotFixed = 0;
      let selfFixed = 0;
      const data = target.termData;
      for (let i = 0; i < data.length; i += 2) {
        const id = data[i]!;
        const w = termWeight(data[i + 1]!, target.length);
        selfFixed += Math.round(idf(df[id]!, backgroundDf[id]!) * w * fixedPoint);
        const qw = queryWeights.get(id);
        if (qw !== undefined) dotFixed += Math.round(qw * w * fixedPoint);
      }
      const dot = dotFixed / fixedPoint;
      const selfDocument = selfFixed / fixedPoint;
      const docHasTerm = (term: string): boolean => {
        const id = termIds.get(term);
        if (id === undefined) return false;
        let lo = 0;
        let hi = data.length / 2 - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const v = data[2 * mid]!;
          if (v === id) return true;
          if (v < id) lo = mid + 1;
          else hi = mid - 1;
        }
        return false;
      };
      const samePackage = d.packages.find((p) => queryExact.has(p.exact));
      const sharedNames = samePackage
        ? []
        : d.packages.flatMap((p) => p.names).filter((n) => queryNames.has(n));
      const relatedName =
        sharedNames.length > 0 ? pickRarest(sharedNames, (n) => keyLive(`n:${n}`)) : null;
      const fixed = intersect(q.versions.fixed, d.versions.fixed);
      const versions = intersect(q.versions.mentioned, d.versions.mentioned);
      const fixedPick = fixed.length > 0 ? pickRarest(fixed, (v) => keyLive(`v:${v}`)) : null;
      const versionPick =
        versions.length > 0 ? pickRarest(versions, (v) => keyLive(`v:${v}`)) : null;
      const sharedCwes = intersect(q.cwes, d.cwes);
      const docNameParts = new Set([
        ...queryNameParts,
        ...namePartsOf(d.packages.flatMap((p) => p.names)),
      ]);
      const docTitleTerms = d.titleTerms.filter((t) => isDistinctiveTitleTerm(t, docNameParts));
      const titleTermsFound =
        queryTitleTerms.filter((t) => !docNameParts.has(t) && docHasTerm(t)).length +
        docTitleTerms.filter((t) => queryTermSet.has(t)).length;
      const titleTermsTotal = queryTitleTerms.length + docTitleTerms.length;
      const smaller = Math.min(q.shingles.length, d.shingles.length);
      const signals: DuplicateSignals = {
        sharedAliases: intersect(q.aliases, d.aliases),
        sharedRelated: [
          ...new Set([
            ...intersect(q.related, d.aliases),
            ...intersect(q.aliases, d.related),
            ...intersect(q.related, d.related),
          ]),
        ],
        sharedTitleFunctions: intersect(
          [...new Set([...q.titleFunctions, ...d.titleFunctions])],
          intersect(q.functions, d.functions),
        ),
        samePackage: samePackage ? samePackage.label : null,
        relatedPackage: relatedName,
        packageRarity: samePackage
          ? rarity(keyLive(`p:${samePackage.exact}`))
          : relatedName !== null
            ? rarity(keyLive(`n:${relatedName}`))
            : 0,
        isPackageConflict:
          q.packages.length > 0 && d.packages.length > 0 && !samePackage && relatedName === null,
        isPackageMentioned:
          [...queryNames].some((n) => isNameIn(n, docHasTerm)) ||
          d.packages.some((p) => p.names.some((n) => isNameIn(n, (t) => queryTermSet.has(t)))),
        sharedFixedVersion: fixedPick,
        fixedVersionRarity: fixedPick !== null ? rarity(keyLive(`v:${fixedPick}`)) : 0,
        sharedVersion: versionPick,
        versionRarity: versionPick !== null ? rarity(keyLive(`v:${versionPick}`)) : 0,
        titleTermsFound,
        titleTermsAgreement: titleTermsTotal > 0 ? titleTermsFound / titleTermsTotal : 0,
        sharedFunctions: intersect(q.functions, d.functions),
        sharedPaths: intersect(q.paths, d.paths),
        sharedFileNames: intersect(q.fileNames, d.fileNames),
        sharedCwes,
        isCweConflict: q.cwes.length > 0 && d.cwes.length > 0 && sharedCwes.length === 0,
        textByQuery: selfQuery > 0 ? dot / selfQuery : 0,
        textByDocument: selfDocument > 0 ? dot / selfDocument : 0,
        nearCopy:
          smaller >= minNearCopyShingles
            ? countSharedShingles(q.shingles, d.shingles) / smaller
            : 0,
        fixedVersionOverlap:
          fixed.length > 0
            ? fixed.length / (q.versions.fixed.length + d.versions.fixed.length - fixed.length)
            : 0,
        isReportOfPublishedAdvisory: doc.kind === 'report' && target.doc.kind === 'advisory',
        isVersionBeforeFix:
          doc.kind === 'report' && target.doc.kind === 'advisory'
            ? isBeforeEveryFix(q.versions.mentioned, d.versions.fixed)
            : null,
        isSameSourceAdvisory:
          doc.kind === 'advisory' &&
          target.doc.kind === 'advisory' &&
          doc.source !== undefined &&
          doc.source.length > 0 &&
          doc.source === target.doc.source,
        daysApart:
          queryTime !== null && d.time !== null ? Math.abs(queryTime - d.time) / 86_400_000 : null,
      };
      const { score, isStrong, evidence } = scoreDuplicateSignals(signals);
      candidates.push({
        id: target.doc.id,
        kind: target.doc.kind,
        title: target.doc.title,
        score,
        isStrong,
        evidence,
        ...(target.doc.kind === 'advisory' ? describeAdvisory(target.doc) : {}),
      });
    }
    candidates.sort((x, y) => y.score - x.score || compareIds(x.id, y.id));
    return candidates.slice(0, limit);
  }

  return {
    add,
    remove,
    has: (id) => idToSlot.has(id),
    get size() {
      return live;
    },
    get postingsVisited() {
      return postingsVisited;
    },
    documents,
    query,
  };
}

/** The key with the fewest documents (ties by name), i.e. the most telling shared key. */
function pickRarest(keys: readonly string[], count: (key: string) => number): string {
  let best = keys[0]!;
  let bestCount = count(best);
  for (const key of keys.slice(1)) {
    const c = count(key);
    if (c < bestCount || (c === bestCount && key < best)) {
      best = key;
      bestCount = c;
    }
  }
  return best;
}

// A binary min-heap under `worse`: the root is the weakest kept candidate.
function siftUp(heap: number[], index: number, worse: (x: number, y: number) => boolean): void {
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: number[], index: number, worse: (x: number, y: number) => boolean): void {
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}

/** The fixed versions a published advisory gives, for the reply's "fixed in". */
function describeAdvisory(doc: DuplicateDocument): Pick<DuplicateCandidate, 'fixedIn'> {
  const fixed = new Set<string>();
  for (const affected of doc.packages) {
    for (const range of affected.ranges ?? []) {
      for (const event of range.events) if (event.kind === 'fixed') fixed.add(event.version);
    }
  }
  return fixed.size > 0 ? { fixedIn: [...fixed].slice(0, 10) } : {};
}

/**
 * Whether the versions a report names come before the advisory's fix: true when one does (the
 * report is about a version the advisory covers), false when every one is at or past the last fix
 * (a new bug or a regression), null when either side gives none.
 */
function isBeforeEveryFix(mentioned: readonly string[], fixed: readonly string[]): boolean | null {
  const fixes = fixed.map((version) => semver.coerce(version)).filter((v) => v !== null);
  const named = mentioned.map((version) => semver.coerce(version)).filter((v) => v !== null);
  if (fixes.length === 0 || named.length === 0) return null;
  const lastFix = fixes.reduce((a, b) => (semver.gt(b, a) ? b : a));
  return named.some((version) => semver.lt(version, lastFix));
}
