// Trees and blobs of one repository, read through the cat-file processes and kept for the
// reader's life: revisions resolved to commits (remembered), the last few commits' trees, and
// blob contents under a byte budget, least recently used dropped first.

import { assertCompleted, closedError, type GitProcessPool } from './git-process-pool.js';
import { isSafeRevision } from './is-safe-git-input.js';

interface TreeEntry {
  mode: string;
  oid: string;
}

/** A commit's files by path (blobs only). */
type Tree = Map<string, TreeEntry>;

export interface GitObjectCache {
  /** The commit a revision names, or null (unknown, not a commit, or unsafe text). */
  resolveCommit(revision: string): Promise<string | null>;
  /** Notes an id known to be a commit (a peeled tag), so resolving it costs nothing. */
  rememberCommit(commit: string): void;
  loadTree(commit: string): Promise<Tree | null>;
  /** A copy of a blob's contents (callers may change it), or null when it is not a readable blob. */
  readBlob(oid: string): Promise<Uint8Array | null>;
  clear(): void;
}

const maxListingBytes = 256 * 1024 * 1024;
const treeCacheSize = 8;
const blobCacheBytes = 32 * 1024 * 1024;
const maxCachedBlobBytes = 4 * 1024 * 1024;

export function createGitObjectCache(pool: GitProcessPool): GitObjectCache {
  const knownCommits = new Set<string>();
  const trees = new Map<string, Promise<Tree | null>>();
  const blobs = createBlobCache();
  const blobsInFlight = new Map<string, Promise<Uint8Array | null>>();

  async function resolveCommit(revision: string): Promise<string | null> {
    if (pool.isClosed) throw closedError();
    if (!isSafeRevision(revision)) return null;
    if (knownCommits.has(revision)) return revision;
    const reply = await pool.revisions.request(`${revision}^{commit}`);
    if (reply.kind !== 'found') return null;
    knownCommits.add(reply.oid);
    return reply.oid;
  }

  async function readTree(revision: string): Promise<Tree | null> {
    const commit = await resolveCommit(revision);
    if (!commit) return null;
    const run = await pool.run(['ls-tree', '-r', '-z', '--full-tree', commit], {
      maxOutputBytes: maxListingBytes,
    });
    assertCompleted(run, 'git ls-tree');
    if (run.code !== 0) return null;
    const tree: Tree = new Map();
    for (const record of run.stdout.toString('utf8').split('\0')) {
      const tab = record.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, oid] = record.slice(0, tab).split(' ');
      if (type === 'blob' && mode && oid) tree.set(record.slice(tab + 1), { mode, oid });
    }
    return tree;
  }

  return {
    resolveCommit,
    rememberCommit: (commit) => knownCommits.add(commit),

    loadTree(commit) {
      const cached = trees.get(commit);
      if (cached) {
        trees.delete(commit);
        trees.set(commit, cached);
        return cached;
      }
      const loading = readTree(commit);
      trees.set(commit, loading);
      if (trees.size > treeCacheSize) trees.delete(trees.keys().next().value!);
      void loading.catch(() => trees.delete(commit));
      return loading;
    },

    readBlob(oid) {
      const cached = blobs.get(oid);
      if (cached) return Promise.resolve(cached.slice());
      let reading = blobsInFlight.get(oid);
      if (!reading) {
        reading = pool.objects.request(oid).then((reply) => {
          if (reply.kind !== 'found' || reply.type !== 'blob' || !reply.content) return null;
          blobs.set(oid, reply.content);
          return reply.content;
        });
        blobsInFlight.set(oid, reading);
        void reading.finally(() => blobsInFlight.delete(oid)).catch(() => undefined);
      }
      return reading.then((content) => content?.slice() ?? null);
    },

    clear() {
      trees.clear();
      blobs.clear();
    },
  };
}

/** Blob contents by object id, least recently used dropped first once over the byte budget. */
function createBlobCache(): {
  get(oid: string): Uint8Array | undefined;
  set(oid: string, content: Uint8Array): void;
  clear(): void;
} {
  const entries = new Map<string, Uint8Array>();
  let bytes = 0;
  return {
    get(oid) {
      const content = entries.get(oid);
      if (content) {
        entries.delete(oid);
        entries.set(oid, content);
      }
      return content;
    },
    set(oid, content) {
      if (content.length > maxCachedBlobBytes || entries.has(oid)) return;
      entries.set(oid, content);
      bytes += content.length;
      for (const [oldest, old] of entries) {
        if (bytes <= blobCacheBytes) break;
        entries.delete(oldest);
        bytes -= old.length;
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
