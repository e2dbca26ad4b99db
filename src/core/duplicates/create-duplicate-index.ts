// The duplicate index: an in-memory inverted index over earlier reports and advisories that
// ranks the ones most likely to describe the same bug as a new report, with evidence.
// Composed from its storage (duplicate-index-state.ts), its keys (duplicate-index-keys.ts) and its
// two-pass query (query-duplicate-index.ts).

import type { DuplicateCandidate, DuplicateDocument } from '../model/duplicate.js';
import { analyzeDuplicateDocument, type DocumentAnalysis } from './analyze-duplicate-document.js';
import { readBackgroundVocabulary, type BackgroundVocabulary } from './background-vocabulary.js';
import {
  addDocument,
  createEmptyState,
  listDocuments,
  removeDocument,
} from './duplicate-index-state.js';
import { queryIndex, type DuplicateQueryOptions } from './query-duplicate-index.js';

export type { DuplicateQueryOptions } from './query-duplicate-index.js';

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

export function createDuplicateIndex(options: DuplicateIndexOptions = {}): DuplicateIndex {
  const analyze = createAnalysisCache();
  const state = createEmptyState(
    options.background === undefined ? readBackgroundVocabulary() : options.background,
  );
  // The first document added to an empty index waits, unanalysed, until an operation needs it in
  // the index: a lone document (a one-report triage) has nothing to be compared with, so its
  // analysis (about a tenth of such a run) would be wasted.
  let waiting: DuplicateDocument | undefined;
  const addWaiting = (): void => {
    if (waiting === undefined) return;
    const doc = waiting;
    waiting = undefined;
    addDocument(state, doc, analyze);
  };
  return {
    add: (doc) => {
      addWaiting();
      if (state.liveDocuments === 0) waiting = doc;
      else addDocument(state, doc, analyze);
    },
    remove: (id) => {
      addWaiting();
      return removeDocument(state, id);
    },
    has: (id) => waiting?.id === id || state.slotsById.has(id),
    get size() {
      return state.liveDocuments + (waiting === undefined ? 0 : 1);
    },
    get postingsVisited() {
      return state.postingsVisited;
    },
    documents: () => {
      addWaiting();
      return listDocuments(state);
    },
    query: (doc, queryOptions) => {
      addWaiting();
      // An empty index has no candidates: the query needs no analysis.
      if (state.liveDocuments === 0) return [];
      return queryIndex(state, doc, analyze(doc), queryOptions, options.now);
    },
  };
}

/** A report is usually queried and then added: analyse the same document object once. */
function createAnalysisCache(): (doc: DuplicateDocument) => DocumentAnalysis {
  const analyses = new WeakMap<DuplicateDocument, DocumentAnalysis>();
  return (doc) => {
    let analysis = analyses.get(doc);
    if (!analysis) {
      analysis = analyzeDuplicateDocument(doc);
      analyses.set(doc, analysis);
    }
    return analysis;
  };
}
