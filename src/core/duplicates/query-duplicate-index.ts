// A query of the duplicate index, in two passes. The first scores every document reachable from
// the query's rarest terms and its structured keys with a cheap partial BM25 plus key weights, and
// keeps the best `candidatePoolSize`. The second measures every signal for those candidates only
// and combines them into a calibrated score (`scoreDuplicateSignals`).

import type { DuplicateCandidate, DuplicateDocument } from '../model/duplicate.js';
import type { DocumentAnalysis } from './analyze-duplicate-document.js';
import {
  isKeyTooCommonToWalk,
  listIndexKeys,
  readKeyPrefix,
  weighIndexKey,
  type KeyedAnalysis,
} from './duplicate-index-keys.js';
import {
  computeIdf,
  computeRarity,
  countDocumentsWithKey,
  countDocumentsWithTerm,
  hasTerm,
  isDistinctiveTitleTerm,
  isRareTitleTerm,
  maxTermFrequency,
  readPostingSlot,
  readPostingTermFrequency,
  type IndexState,
  type StoredDocument,
} from './duplicate-index-state.js';
import { keepBestCandidates } from './keep-best-candidates.js';
import {
  listNameParts,
  measureDuplicateSignals,
  type PreparedQuery,
} from './measure-duplicate-signals.js';
import { scoreDuplicateSignals, type DuplicateSignals } from './score-duplicate-signals.js';

export interface DuplicateQueryOptions {
  /** Candidates to return, best first: default 10, at most 100. */
  limit?: number;
  /** Leaves out documents the caller already handled (same reporter, already linked ...). */
  exclude?: (id: string) => boolean;
  /**
   * Told of every scored candidate's signals (for training the pair model and for diagnosis); the
   * candidates returned are the same with or without it.
   */
  onSignals?: (id: string, signals: DuplicateSignals) => void;
}

/** BM25's k1: how fast repeating a term stops adding to its weight. */
const termFrequencySaturation = 1.2;
/** BM25's b: how much a long document's terms are discounted. */
const lengthNormalisation = 0.75;
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
/** In the first pass, a query's text matched in full is worth this much (the text weight). */
const firstPassTextWeight = 7;
/** Text scores are summed in fixed point: term ids follow insertion order, integer sums do not. */
const fixedPointScale = 2 ** 32;
/** Query limits: the default, and the most a caller may ask for. */
const defaultQueryLimit = 10;
const maxQueryLimit = 100;

/** A term of the query known to the index. */
interface QueryTerm {
  id: number;
  term: string;
  documentFrequency: number;
}

interface WeighedQuery {
  /** The query's terms, by term. */
  termFrequencies: Map<string, number>;
  /** The idf of each query term the index holds, by term id. */
  idfByTermId: Map<number, number>;
  /** The query's terms that the index holds, rarest first. */
  knownTerms: QueryTerm[];
  /** The query's BM25 score against itself. */
  selfScore: number;
}

/** BM25's term-frequency part for a term occurring `termFrequency` times in `length` terms. */
type TermWeigher = (termFrequency: number, length: number) => number;

function createTermWeigher(state: IndexState): TermWeigher {
  const averageLength = state.totalTermCount / state.liveDocuments || 1;
  const k1 = termFrequencySaturation;
  const b = lengthNormalisation;
  return (termFrequency, length) =>
    (termFrequency * (k1 + 1)) / (termFrequency + k1 * (1 - b + (b * length) / averageLength));
}

export function queryIndex(
  state: IndexState,
  doc: DuplicateDocument,
  analysis: DocumentAnalysis,
  queryOptions: DuplicateQueryOptions = {},
  now: (() => Date) | undefined,
): DuplicateCandidate[] {
  const limit = Math.max(
    0,
    Math.min(maxQueryLimit, Math.floor(queryOptions.limit ?? defaultQueryLimit)),
  );
  if (state.liveDocuments === 0 || limit === 0) return [];
  const exclude = queryOptions.exclude;
  const isExcluded = (slot: number): boolean =>
    state.idsBySlot[slot] === doc.id || (exclude !== undefined && exclude(state.idsBySlot[slot]!));
  const weighTerm = createTermWeigher(state);
  const weighed = weighQueryTerms(state, analysis.terms, weighTerm);

  const touched: number[] = [];
  scoreRareTerms(state, weighed, weighTerm, touched);
  scoreSharedKeys(state, analysis, touched);
  const pool = pickCandidatePool(
    state,
    touched.filter((slot) => !isExcluded(slot)),
  );
  for (const slot of touched) state.firstPassScores[slot] = 0;

  const packageNames = new Set(analysis.packages.flatMap((keys) => keys.names));
  const packageNameParts = listNameParts(packageNames);
  const prepared: PreparedQuery = {
    doc,
    analysis,
    time: analysis.time ?? (now ? now().getTime() : null),
    exactPackages: new Set(analysis.packages.map((keys) => keys.exact)),
    packageNames,
    packageNameParts,
    distinctiveTitleTerms: analysis.titleTerms.filter((term) =>
      isDistinctiveTitleTerm(state, term, packageNameParts),
    ),
    terms: new Set(weighed.termFrequencies.keys()),
    textSelfScore: weighed.selfScore,
  };
  const candidates = pool.map((slot) =>
    describeCandidate(
      state,
      prepared,
      state.stored[slot]!,
      weighed,
      weighTerm,
      queryOptions.onSignals,
    ),
  );
  candidates.sort((first, second) => second.score - first.score || compareIds(first.id, second.id));
  return candidates.slice(0, limit);
}

/** The query's terms: idf weights for the final text score, and the rarest first for candidates. */
function weighQueryTerms(
  state: IndexState,
  queryTerms: readonly string[],
  weighTerm: TermWeigher,
): WeighedQuery {
  const termFrequencies = new Map<string, number>();
  for (const term of queryTerms) termFrequencies.set(term, (termFrequencies.get(term) ?? 0) + 1);
  const idfByTermId = new Map<number, number>();
  const knownTerms: QueryTerm[] = [];
  let selfScore = 0;
  for (const [term, termFrequency] of termFrequencies) {
    const id = state.terms.idsByTerm.get(term);
    const documentFrequency = id === undefined ? 0 : state.terms.documentFrequency[id]!;
    const backgroundFrequency =
      id === undefined
        ? (state.background?.countOf(term) ?? 0)
        : state.terms.backgroundFrequency[id]!;
    const idf = computeIdf(state, documentFrequency, backgroundFrequency);
    selfScore += idf * weighTerm(Math.min(maxTermFrequency, termFrequency), queryTerms.length);
    if (id !== undefined && documentFrequency > 0) {
      idfByTermId.set(id, idf);
      knownTerms.push({ id, term, documentFrequency });
    }
  }
  knownTerms.sort(
    (first, second) =>
      first.documentFrequency - second.documentFrequency || compareIds(first.term, second.term),
  );
  return { termFrequencies, idfByTermId, knownTerms, selfScore };
}

/** Adds `score` to a slot's first-pass score, noting the slot the first time it is reached. */
function addFirstPassScore(
  state: IndexState,
  slot: number,
  score: number,
  touched: number[],
): void {
  const scores = state.firstPassScores;
  if (scores[slot] === 0) touched.push(slot);
  scores[slot] = scores[slot]! + score;
}

/** First pass, text: partial BM25 over the query's rarest terms that are not too common. */
function scoreRareTerms(
  state: IndexState,
  weighed: WeighedQuery,
  weighTerm: TermWeigher,
  touched: number[],
): void {
  const textScale = weighed.selfScore > 0 ? firstPassTextWeight / weighed.selfScore : 0;
  const maxDocumentFrequency = Math.min(
    maxTermWalk,
    Math.max(500, state.liveDocuments * commonTermShare),
  );
  for (const term of weighed.knownTerms.slice(0, maxCandidateTerms)) {
    if (term.documentFrequency > maxDocumentFrequency) break;
    const weight = weighed.idfByTermId.get(term.id)! * textScale;
    const postings = state.terms.postings[term.id]!;
    state.postingsVisited += postings.length;
    for (const posting of postings) {
      const slot = readPostingSlot(posting);
      const target = state.stored[slot];
      if (target === undefined) continue;
      addFirstPassScore(
        state,
        slot,
        weight * weighTerm(readPostingTermFrequency(posting), target.termCount),
        touched,
      );
    }
  }
}

/** First pass, keys: the documents sharing the query's keys, newest first, a bounded walk each. */
function scoreSharedKeys(state: IndexState, analysis: KeyedAnalysis, touched: number[]): void {
  for (const key of listIndexKeys(analysis, true).sort()) {
    const list = state.keyPostings.get(key);
    if (!list || list.live === 0) continue;
    const prefix = readKeyPrefix(key);
    if (isKeyTooCommonToWalk(prefix, list.live, state.liveDocuments, maxTermWalk)) continue;
    const weight = weighIndexKey(prefix, () => computeRarity(state, list.live));
    let walked = 0;
    for (let at = list.slots.length - 1; at >= 0 && walked < maxKeyWalk; at -= 1) {
      const slot = list.slots[at]!;
      if (state.stored[slot] === undefined) continue;
      walked += 1;
      state.postingsVisited += 1;
      addFirstPassScore(state, slot, weight, touched);
    }
  }
}

/** The best first-pass scores (ties by id, so the result does not depend on insertion order). */
function pickCandidatePool(state: IndexState, slots: readonly number[]): number[] {
  const scores = state.firstPassScores;
  const ids = state.idsBySlot;
  return keepBestCandidates(
    slots,
    candidatePoolSize,
    (first, second) =>
      scores[first]! < scores[second]! ||
      (scores[first] === scores[second] && ids[first]! > ids[second]!),
  );
}

/** Second pass: every signal for one candidate, combined into its score and evidence. */
function describeCandidate(
  state: IndexState,
  query: PreparedQuery,
  target: StoredDocument,
  weighed: WeighedQuery,
  weighTerm: TermWeigher,
  onSignals: DuplicateQueryOptions['onSignals'],
): DuplicateCandidate {
  const { textScore, textSelfScore } = scoreCandidateText(state, target, weighed, weighTerm);
  const signals = measureDuplicateSignals(
    query,
    {
      doc: target.doc,
      analysis: target.analysis,
      textScore,
      textSelfScore,
      hasTerm: (term) => hasTerm(state, target, term),
    },
    {
      countDocumentsWithKey: (key) => countDocumentsWithKey(state, key),
      rarityOf: (documentCount) => computeRarity(state, documentCount),
      isDistinctiveTitleTerm: (term, packageNameParts) =>
        isDistinctiveTitleTerm(state, term, packageNameParts),
      isRareTitleTerm: (term, packageNameParts) => isRareTitleTerm(state, term, packageNameParts),
      countOtherDocumentsWithTerm: (term) =>
        countDocumentsWithTerm(state, term) - (state.slotsById.has(query.doc.id) ? 1 : 0),
    },
  );
  onSignals?.(target.doc.id, signals);
  const { score, isStrong, isDistinctBug, isByFinderWordsOnly, evidence } =
    scoreDuplicateSignals(signals);
  return {
    id: target.doc.id,
    kind: target.doc.kind,
    title: target.doc.title,
    score,
    isStrong,
    ...(isDistinctBug ? { isDistinctBug } : {}),
    ...(isByFinderWordsOnly ? { isByFinderWordsOnly } : {}),
    evidence,
    ...(target.doc.kind === 'advisory' ? describeAdvisory(target.doc) : {}),
  };
}

/** The full BM25 of the query in a candidate, and the candidate's score against itself. */
function scoreCandidateText(
  state: IndexState,
  target: StoredDocument,
  weighed: WeighedQuery,
  weighTerm: TermWeigher,
): { textScore: number; textSelfScore: number } {
  let sharedFixed = 0;
  let selfFixed = 0;
  const termData = target.termData;
  for (let index = 0; index < termData.length; index += 2) {
    const id = termData[index]!;
    const weight = weighTerm(termData[index + 1]!, target.termCount);
    const idf = computeIdf(
      state,
      state.terms.documentFrequency[id]!,
      state.terms.backgroundFrequency[id]!,
    );
    selfFixed += Math.round(idf * weight * fixedPointScale);
    const queryIdf = weighed.idfByTermId.get(id);
    if (queryIdf !== undefined) sharedFixed += Math.round(queryIdf * weight * fixedPointScale);
  }
  return { textScore: sharedFixed / fixedPointScale, textSelfScore: selfFixed / fixedPointScale };
}

function compareIds(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
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
