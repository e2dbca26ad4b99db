// Builds the duplicate index a run matches against: published OSV advisories and earlier reports
// (the corpus a front end read through the intake), plus the documents kept in a store from
// earlier runs.

import {
  buildReportDocument,
  createDuplicateIndex,
  extractFacts,
  type DuplicateCandidate,
  type DuplicateDocument,
  type DuplicateIndex,
  type Report,
} from '../core/triage.js';
import type { DuplicateCorpus, DuplicateStore } from './ports.js';

export interface LoadedIndex {
  index: DuplicateIndex;
  /**
   * Ranks the earlier documents against this one, then adds it to the index (and the store), so
   * the next report of the batch finds it.
   */
  matchThenAdd: (document: DuplicateDocument, limit: number) => Promise<DuplicateCandidate[]>;
  /** Writes what the run added to the store, if there is one. */
  commit: () => Promise<void>;
}

/** An index with the documents it holds by content: what a run needs besides its store. */
interface IndexState {
  index: DuplicateIndex;
  idByContent: Map<string, string>;
  /**
   * The last document added while `idByContent` was empty, not hashed yet: a content hash is
   * only needed to compare with another document's, so a one-report triage computes none (and
   * does not load Web Crypto). Hashed into `idByContent` when the next document comes.
   */
  unhashed: DuplicateDocument | undefined;
}

async function buildIndexState(
  corpus: DuplicateCorpus | null,
  projectName: string,
  storedDocuments: readonly DuplicateDocument[],
): Promise<IndexState> {
  const index = createDuplicateIndex();
  // Documents by content: a report seen in an earlier run (or twice in one batch, under another
  // name) is the same report, not a duplicate of itself, and is stored once (see hashContent).
  const idByContent = new Map<string, string>();
  for (const document of storedDocuments) {
    index.add(document);
    idByContent.set(await hashContent(document), document.id);
  }
  for (const advisory of corpus?.advisories ?? []) index.add(advisory);
  for (const report of corpus?.reports ?? [])
    index.add(buildReportDocument(report, extractFacts(report), projectName));
  return { index, idByContent, unhashed: undefined };
}

function bindRun(
  state: IndexState,
  store: DuplicateStore | null,
  onCommitted: (added: number) => void = () => {},
): LoadedIndex {
  const { index, idByContent } = state;
  let added = 0;
  const matchThenAdd = async (document: DuplicateDocument, limit: number) => {
    const earlier = state.unhashed;
    if (earlier !== undefined) {
      state.unhashed = undefined;
      idByContent.set(await hashContent(earlier), earlier.id);
    }
    // With nothing to compare against, the document cannot have been seen: its hash can wait.
    const content = idByContent.size === 0 ? undefined : await hashContent(document);
    const seenAs = content === undefined ? undefined : idByContent.get(content);
    const candidates = index
      .query(document, { limit: limit + 1 })
      .filter((candidate) => candidate.id !== seenAs)
      .slice(0, limit);
    if (seenAs === undefined) {
      index.add(document);
      if (content === undefined) state.unhashed = document;
      else idByContent.set(content, document.id);
      await store?.saveDocument(document);
      added += 1;
    }
    return candidates;
  };
  const commit = async (): Promise<void> => {
    await store?.commit();
    onCommitted(added);
    added = 0;
  };
  return { index, matchThenAdd, commit };
}

export async function loadDuplicateIndex(
  corpus: DuplicateCorpus | null,
  projectName: string,
  store: DuplicateStore | null,
): Promise<LoadedIndex> {
  const state = await buildIndexState(corpus, projectName, (await store?.loadDocuments()) ?? []);
  return bindRun(state, store);
}

interface CachedIndex {
  version: string;
  state: Promise<IndexState>;
  /** Documents of the store this index holds that are committed: the store should have as many. */
  committed: number;
}

/**
 * Keeps each store's index between runs (the inbox triages one report per submission, and
 * rebuilding the index from every stored document each time made intake linear in their number).
 * A run adds its documents to the kept index; the index is built again only when the store holds
 * another number of documents than this process committed (another process wrote to it) or the
 * version changes (the project's profile or paths did).
 */
export function createDuplicateIndexCache() {
  const cached = new Map<string, CachedIndex>();
  return {
    async load(request: {
      /** Names the store (a project), so each has its own index. */
      name: string;
      /** Changes when what the index is built from changes (the project's version). */
      version: string;
      /** The corpus the index is built from; read only when the index is built again. */
      against: () => Promise<DuplicateCorpus | null>;
      projectName: string;
      store: DuplicateStore;
      countDocuments: () => Promise<number>;
    }): Promise<LoadedIndex> {
      const { name, version, against, projectName, store } = request;
      let entry = cached.get(name);
      const stored = await request.countDocuments();
      if (!entry || entry.version !== version || entry.committed !== stored) {
        const documents = await store.loadDocuments();
        entry = {
          version,
          state: against().then((corpus) => buildIndexState(corpus, projectName, documents)),
          committed: documents.length,
        };
        cached.set(name, entry);
        // A failed build is not kept: the next run builds again.
        const built = entry;
        built.state.catch(() => {
          if (cached.get(name) === built) cached.delete(name);
        });
      }
      const current = entry;
      return bindRun(await current.state, store, (added) => (current.committed += added));
    },
  };
}

/** Reports in the order they arrived: by date when both have one, else as given. */
export function sortByArrival(reports: readonly Report[]): Report[] {
  return reports
    .map((report, position) => ({ report, position }))
    .sort((a, b) => {
      const left = a.report.receivedAt;
      const right = b.report.receivedAt;
      if (left && right && left !== right) return left < right ? -1 : 1;
      return a.position - b.position;
    })
    .map(({ report }) => report);
}

/**
 * SHA-256 (Web Crypto) of a report's title, text and arrival date, whatever its file is called:
 * the same report read again. Two people sending the same text on different days are two
 * finders, not one report.
 */
async function hashContent(document: DuplicateDocument): Promise<string> {
  const bytes = new TextEncoder().encode(
    `${document.title}\u0000${document.text}\u0000${document.published ?? ''}`,
  );
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
