// The duplicate index's storage: documents by slot, term postings packing slot and term frequency
// into one integer, key postings, and the bookkeeping that keeps removal and churn cheap.

import type { DuplicateDocument } from '../model/duplicate.js';
import type { DocumentAnalysis } from './analyze-duplicate-document.js';
import type { BackgroundVocabulary } from './background-vocabulary.js';
import { listIndexKeys, type KeyedAnalysis } from './duplicate-index-keys.js';

/** Postings entries pack slot and term frequency into one small integer. */
const termFrequencyBits = 10;
export const maxTermFrequency = (1 << termFrequencyBits) - 1;
const maxSlots = 2 ** (31 - termFrequencyBits);
/**
 * A title word is distinctive when fewer than this share of the background advisories use it...
 * ("memory", "server" and "overflow" are not; "FileStore", "llhttp" and "generator" are)...
 */
const distinctiveBackgroundShare = 0.05;
/** ...and at most this share of the index (or this many documents in a small one) holds it. */
const distinctiveIndexShare = 0.2;
const distinctiveIndexFloor = 2;

export interface StoredDocument {
  doc: DuplicateDocument;
  analysis: KeyedAnalysis;
  /** [termId, termFrequency, termId, termFrequency, ...] sorted by termId. */
  termData: Int32Array;
  termCount: number;
  keys: string[];
}

interface KeyPostings {
  slots: number[];
  /** How many of `slots` still hold a document (removed ones stay until compaction). */
  live: number;
}

/** Every term the index has seen, by id: its postings and in how many documents it occurs. */
interface TermTable {
  idsByTerm: Map<string, number>;
  /** Packed (slot, term frequency) entries, see `packPosting`. */
  postings: number[][];
  documentFrequency: number[];
  /** In how many background advisories the term occurs. */
  backgroundFrequency: number[];
}

export interface IndexState {
  slotsById: Map<string, number>;
  /** By slot; a removed document leaves `undefined` until the slots are renumbered. */
  stored: (StoredDocument | undefined)[];
  idsBySlot: string[];
  terms: TermTable;
  keyPostings: Map<string, KeyPostings>;
  liveDocuments: number;
  totalTermCount: number;
  removedSinceCompaction: number;
  /** The first pass's score per slot, all zero between queries. */
  firstPassScores: Float64Array;
  postingsVisited: number;
  background: BackgroundVocabulary | null;
}

export function createEmptyState(background: BackgroundVocabulary | null): IndexState {
  return {
    slotsById: new Map(),
    stored: [],
    idsBySlot: [],
    terms: { idsByTerm: new Map(), postings: [], documentFrequency: [], backgroundFrequency: [] },
    keyPostings: new Map(),
    liveDocuments: 0,
    totalTermCount: 0,
    removedSinceCompaction: 0,
    firstPassScores: new Float64Array(1024),
    postingsVisited: 0,
    background,
  };
}

function packPosting(slot: number, termFrequency: number): number {
  return (slot << termFrequencyBits) | termFrequency;
}

export function readPostingSlot(posting: number): number {
  return posting >>> termFrequencyBits;
}

export function readPostingTermFrequency(posting: number): number {
  return posting & maxTermFrequency;
}

function findOrAddTermId(state: IndexState, term: string): number {
  const terms = state.terms;
  let id = terms.idsByTerm.get(term);
  if (id === undefined) {
    id = terms.idsByTerm.size;
    terms.idsByTerm.set(term, id);
    terms.postings.push([]);
    terms.documentFrequency.push(0);
    terms.backgroundFrequency.push(state.background?.countOf(term) ?? 0);
  }
  return id;
}

/** Term ids with their frequencies, sorted by id, packed as `[id, frequency, id, ...]`. */
function countTermIds(state: IndexState, terms: readonly string[]): Int32Array {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const id = findOrAddTermId(state, term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const sortedIds = [...counts.keys()].sort((first, second) => first - second);
  const termData = new Int32Array(sortedIds.length * 2);
  sortedIds.forEach((id, index) => {
    termData[2 * index] = id;
    termData[2 * index + 1] = Math.min(maxTermFrequency, counts.get(id)!);
  });
  return termData;
}

export function addDocument(
  state: IndexState,
  doc: DuplicateDocument,
  analyze: (doc: DuplicateDocument) => DocumentAnalysis,
): void {
  removeDocument(state, doc.id);
  if (state.stored.length >= maxSlots) renumberSlots(state, analyze);
  const { terms, ...analysis } = analyze(doc);
  const termData = countTermIds(state, terms);
  const slot = state.stored.length;
  for (let index = 0; index < termData.length; index += 2) {
    const id = termData[index]!;
    state.terms.postings[id]!.push(packPosting(slot, termData[index + 1]!));
    state.terms.documentFrequency[id]!++;
  }
  const keys = listIndexKeys(analysis);
  for (const key of keys) {
    let list = state.keyPostings.get(key);
    if (!list) state.keyPostings.set(key, (list = { slots: [], live: 0 }));
    list.slots.push(slot);
    list.live++;
  }
  state.stored.push({ doc, analysis, termData, termCount: terms.length, keys });
  state.idsBySlot.push(doc.id);
  state.slotsById.set(doc.id, slot);
  state.liveDocuments++;
  state.totalTermCount += terms.length;
  if (state.firstPassScores.length < state.stored.length) {
    state.firstPassScores = new Float64Array(
      Math.max(state.stored.length, state.firstPassScores.length * 2),
    );
  }
}

export function removeDocument(state: IndexState, id: string): boolean {
  const slot = state.slotsById.get(id);
  if (slot === undefined) return false;
  const entry = state.stored[slot]!;
  state.slotsById.delete(id);
  state.stored[slot] = undefined;
  state.liveDocuments--;
  state.totalTermCount -= entry.termCount;
  for (let index = 0; index < entry.termData.length; index += 2)
    state.terms.documentFrequency[entry.termData[index]!]!--;
  for (const key of entry.keys) state.keyPostings.get(key)!.live--;
  state.removedSinceCompaction++;
  if (state.removedSinceCompaction > Math.max(1024, state.liveDocuments / 4))
    compactPostings(state);
  return true;
}

/** Drops removed documents' entries from the postings lists. */
function compactPostings(state: IndexState): void {
  for (const list of state.terms.postings) {
    let kept = 0;
    for (const posting of list)
      if (state.stored[readPostingSlot(posting)] !== undefined) list[kept++] = posting;
    list.length = kept;
  }
  for (const [key, list] of state.keyPostings) {
    if (list.live === 0) state.keyPostings.delete(key);
    else list.slots = list.slots.filter((slot) => state.stored[slot] !== undefined);
  }
  state.removedSinceCompaction = 0;
}

/** Renumbers slots densely when churn has used up the slot space (about two million adds). */
function renumberSlots(
  state: IndexState,
  analyze: (doc: DuplicateDocument) => DocumentAnalysis,
): void {
  const docs = [...listDocuments(state)];
  state.slotsById.clear();
  state.stored.length = 0;
  state.idsBySlot.length = 0;
  state.terms.idsByTerm.clear();
  state.terms.postings.length = 0;
  state.terms.documentFrequency.length = 0;
  state.terms.backgroundFrequency.length = 0;
  state.keyPostings.clear();
  state.liveDocuments = 0;
  state.totalTermCount = 0;
  state.removedSinceCompaction = 0;
  for (const doc of docs) addDocument(state, doc, analyze);
}

export function* listDocuments(state: IndexState): Iterable<DuplicateDocument> {
  for (const entry of state.stored) if (entry) yield entry.doc;
}

/** BM25's idf over the index and the background advisories together. */
export function computeIdf(
  state: IndexState,
  documentFrequency: number,
  backgroundFrequency: number,
): number {
  const backgroundDocuments = state.background?.documents ?? 0;
  return Math.log(
    1 +
      (state.liveDocuments + backgroundDocuments - documentFrequency - backgroundFrequency + 0.5) /
        (documentFrequency + backgroundFrequency + 0.5),
  );
}

/** 0..1: how telling a key or term held by `documentCount` documents is (1 for one document). */
export function computeRarity(state: IndexState, documentCount: number): number {
  const live = state.liveDocuments;
  return documentCount <= 0 || live <= 1
    ? 1
    : Math.log(1 + live / documentCount) / Math.log(1 + live);
}

export function countDocumentsWithKey(state: IndexState, key: string): number {
  return state.keyPostings.get(key)?.live ?? 0;
}

/** How many live documents of the index use a search term. */
export function countDocumentsWithTerm(state: IndexState, term: string): number {
  const id = state.terms.idsByTerm.get(term);
  return id === undefined ? 0 : state.terms.documentFrequency[id]!;
}

/** Whether a stored document holds a term (a binary search of its sorted term ids). */
export function hasTerm(state: IndexState, target: StoredDocument, term: string): boolean {
  const id = state.terms.idsByTerm.get(term);
  if (id === undefined) return false;
  const termData = target.termData;
  let low = 0;
  let high = termData.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const middleId = termData[2 * middle]!;
    if (middleId === id) return true;
    if (middleId < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Whether a title word is rare in advisories at large and in this index: what the report is
 * about, not the product's vocabulary that every report of the project shares (nor a part of a
 * package name, `packageNameParts`).
 */
export function isDistinctiveTitleTerm(
  state: IndexState,
  term: string,
  packageNameParts: ReadonlySet<string>,
): boolean {
  if (!isRareTitleTerm(state, term, packageNameParts)) return false;
  const id = state.terms.idsByTerm.get(term);
  const inIndex = id === undefined ? 0 : state.terms.documentFrequency[id]!;
  return inIndex <= Math.max(distinctiveIndexFloor, state.liveDocuments * distinctiveIndexShare);
}

/**
 * A title word rare in advisories at large and not part of a package name, however many documents
 * of the index use it: the words several reports about one function share ("safe_join",
 * "device") still say which bug a question about a published id is about.
 */
export function isRareTitleTerm(
  state: IndexState,
  term: string,
  packageNameParts: ReadonlySet<string>,
): boolean {
  if (packageNameParts.has(term)) return false;
  const id = state.terms.idsByTerm.get(term);
  const inBackground =
    id === undefined
      ? (state.background?.countOf(term) ?? 0)
      : state.terms.backgroundFrequency[id]!;
  const backgroundDocuments = state.background?.documents ?? 0;
  return (
    backgroundDocuments === 0 || inBackground / backgroundDocuments < distinctiveBackgroundShare
  );
}
