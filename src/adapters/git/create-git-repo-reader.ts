// The `RepoReader` port over a real git repository, composed from the git process pool
// (git-process-pool.ts), the tree and blob cache (create-git-object-cache.ts) and the history
// index (create-git-history-index.ts); tags, grep and patch checks are answered here. Read-only.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError, InternalError, UnavailableError } from '../../core/index.js';
import type { GrepHit, RepoReader } from '../../services/ports.js';
import { createGitHistoryIndex } from './create-git-history-index.js';
import { createGitObjectCache } from './create-git-object-cache.js';
import { createGrepParser } from './create-grep-parser.js';
import {
  assertCompleted,
  buildGitEnvironment,
  closedError,
  createGitProcessPool,
  firstLines,
  maxLogBytes,
  processTimeoutMs,
  runGit,
  type GitRun,
  type ProcessEnvironment,
  type RunOptions,
} from './git-process-pool.js';
import { isSafePath } from './is-safe-git-input.js';

export type { ProcessEnvironment } from './git-process-pool.js';

/** A reader plus `close()`, which ends its git processes (they never keep Node alive anyway). */
export type GitRepoReader = RepoReader & { close(): void };

const maxListingBytes = 256 * 1024 * 1024;
const maxGrepOutputBytes = 32 * 1024 * 1024;
const maxNeedlesPerRun = 64;
const maxNeedleLength = 1000;
const defaultMaxHits = 500;
const hardMaxHits = 10_000;
const maxDiffBytes = 5 * 1024 * 1024;
const maxChanges = 100;

/**
 * Opens a reader on `repoDir` (a working tree, any folder inside one, a linked worktree or a bare
 * repository). Throws `InputError` when it is not a git repository. The cat-file processes start
 * on first use; caches (trees, blobs, tags) live as long as the reader, so make one per run.
 */
export async function createGitRepoReader(
  repoDir: string,
  environment: ProcessEnvironment,
): Promise<GitRepoReader> {
  const requested = resolve(repoDir);
  const env = buildGitEnvironment(environment);
  const gitDirRun = await runGit(process.cwd(), env, [
    '-C',
    requested,
    'rev-parse',
    '--is-bare-repository',
    '--absolute-git-dir',
  ]);
  if (gitDirRun.spawnError) {
    throw new InputError(`cannot run git: ${gitDirRun.spawnError.message}`, {
      cause: gitDirRun.spawnError,
    });
  }
  const [isBare, gitDir] = gitDirRun.stdout.toString('utf8').split('\n');
  if (gitDirRun.code !== 0 || !gitDir) {
    const reason = firstLines(gitDirRun.stderr, 1);
    const hint = reason.includes('dubious ownership')
      ? ' (owned by another user: see safe.directory)'
      : '';
    throw new InputError(`not a git repository: ${requested}${hint}`, { cause: reason });
  }
  let root = gitDir;
  if (isBare === 'false') {
    const topLevelRun = await runGit(requested, env, ['rev-parse', '--show-toplevel']);
    const topLevel = topLevelRun.stdout.toString('utf8').trim();
    // Inside the .git folder of a working tree there is no top level: read from the git dir.
    if (topLevelRun.code === 0 && topLevel) root = topLevel;
  }
  return openReader(root, env);
}

function openReader(root: string, env: NodeJS.ProcessEnv): GitRepoReader {
  const pool = createGitProcessPool(root, env);
  const objects = createGitObjectCache(pool);
  const history = createGitHistoryIndex(pool);
  const resolveCommit = (revision: string): Promise<string | null> =>
    objects.resolveCommit(revision);
  const isClosed = (): boolean => pool.isClosed;
  let tags: Promise<Array<{ name: string; commit: string }>> | undefined;
  let shallow: Promise<boolean> | undefined;

  function git(args: readonly string[], options?: RunOptions): Promise<GitRun> {
    return pool.run(args, options);
  }

  /** One `git grep` run over at most `maxNeedlesPerRun` fixed strings. */
  async function grepOnce(
    id: string,
    needles: readonly string[],
    wordMatch: boolean,
    maxHits: number,
  ): Promise<GrepHit[]> {
    const parser = createGrepParser(`${id}:`, maxHits);
    const run = await git(
      [
        'grep',
        '-n',
        '-z',
        '-I',
        '--no-color',
        '-F',
        ...(wordMatch ? ['-w'] : []),
        ...needles.flatMap((needle) => ['-e', needle]),
        id,
        '--',
      ],
      { maxOutputBytes: maxGrepOutputBytes, onStdout: parser.push },
    );
    if (run.isTimedOut)
      throw new UnavailableError(`git grep timed out after ${processTimeoutMs} ms`);
    if (run.spawnError)
      throw new InternalError('git grep failed to start', { cause: run.spawnError });
    const isStoppedByUs = parser.isFull() || run.isTruncated;
    if (!isStoppedByUs && run.code !== 0 && run.code !== 1) {
      throw new InternalError(`git grep failed: ${firstLines(run.stderr)}`);
    }
    return parser.hits;
  }

  async function loadTags(): Promise<Array<{ name: string; commit: string }>> {
    const run = await git(
      [
        'for-each-ref',
        '--format=%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(refname)',
        'refs/tags/',
      ],
      { maxOutputBytes: maxListingBytes },
    );
    assertCompleted(run, 'git for-each-ref');
    if (run.code !== 0)
      throw new InternalError(`git for-each-ref failed: ${firstLines(run.stderr)}`);
    const found: Array<{ name: string; commit: string }> = [];
    for (const line of run.stdout.toString('utf8').split('\n')) {
      const [type, oid, peeledType, peeledOid, ref] = line.split('\0');
      if (!oid || !ref?.startsWith('refs/tags/')) continue;
      const name = ref.slice('refs/tags/'.length);
      let commit: string | null = null;
      if (type === 'commit') commit = oid;
      else if (peeledType === 'commit' && peeledOid) commit = peeledOid;
      // A tag of a tag: let git peel it all the way.
      else if (peeledType === 'tag') commit = await resolveCommit(oid);
      if (!commit) continue;
      objects.rememberCommit(commit);
      found.push({ name, commit });
    }
    return found;
  }

  async function applyCheck(
    indexFile: string,
    diff: string,
    strip: 0 | 1,
  ): Promise<{ applies: boolean; stderr: string }> {
    const run = await git(['apply', '--check', '--cached', `-p${strip}`, '-'], {
      input: diff,
      env: { GIT_INDEX_FILE: indexFile },
      maxOutputBytes: maxLogBytes,
    });
    assertCompleted(run, 'git apply');
    return { applies: run.code === 0, stderr: run.stderr };
  }

  return {
    resolveRevision: resolveCommit,

    async resolveHead() {
      const head = await resolveCommit('HEAD');
      if (!head) throw new InputError(`repository has no commits yet: ${root}`);
      return head;
    },

    async listTags() {
      if (isClosed()) throw closedError();
      tags ??= loadTags();
      tags.catch(() => (tags = undefined)).catch(() => undefined);
      return (await tags).map((tag) => ({ ...tag }));
    },

    async listFiles(commit) {
      if (isClosed()) throw closedError();
      const id = await resolveCommit(commit);
      const tree = id ? await objects.loadTree(id) : null;
      return tree ? [...tree.keys()] : [];
    },

    async readFile(commit, path) {
      if (isClosed()) throw closedError();
      if (!isSafePath(path)) return null;
      const id = await resolveCommit(commit);
      const entry = id ? (await objects.loadTree(id))?.get(path) : undefined;
      // 100644 and 100755 are regular files; symlinks (120000) are not.
      if (!entry?.mode.startsWith('100')) return null;
      return objects.readBlob(entry.oid);
    },

    async grep(commit, needles, options = {}) {
      // A needle spanning lines can never match one line; an overlong one is not an identifier.
      const usable = [...new Set(needles)].filter(
        (needle) =>
          needle.length > 0 && needle.length <= maxNeedleLength && !/[\n\r\0]/.test(needle),
      );
      const id = await resolveCommit(commit);
      if (!id || usable.length === 0) return [];
      const maxHits = Math.min(
        Math.max(Math.trunc(options.maxHits ?? defaultMaxHits), 1),
        hardMaxHits,
      );
      // Needles go to git in batches, however many a report names: one report with hundreds
      // of function names is checked like any other.
      const hits: GrepHit[] = [];
      for (let at = 0; at < usable.length && hits.length < maxHits; at += maxNeedlesPerRun) {
        const batch = usable.slice(at, at + maxNeedlesPerRun);
        hits.push(
          ...(await grepOnce(id, batch, options.wordMatch === true, maxHits - hits.length)),
        );
      }
      return hits;
    },

    async checkPatch(commit, diff) {
      if (isClosed()) throw closedError();
      const size = Buffer.byteLength(diff, 'utf8');
      if (size > maxDiffBytes) {
        return { applies: false, message: `patch too large: ${size} bytes (limit 5 MiB)` };
      }
      const id = await resolveCommit(commit);
      if (!id) return { applies: false, message: 'unknown revision' };
      const folder = await mkdtemp(join(tmpdir(), 'thresher-index-'));
      try {
        const indexFile = join(folder, 'index');
        const readTreeRun = await git(['read-tree', id], { env: { GIT_INDEX_FILE: indexFile } });
        assertCompleted(readTreeRun, 'git read-tree');
        if (readTreeRun.code !== 0) {
          throw new InternalError(`git read-tree failed: ${firstLines(readTreeRun.stderr)}`);
        }
        // Try the strip level the headers suggest first; its message is the one worth showing.
        const order: Array<0 | 1> = hasPrefixedPaths(diff) ? [1, 0] : [0, 1];
        let firstFailure: string | undefined;
        for (const strip of order) {
          // A diff quoted in a report loses its final newline; git apply needs it.
          const check = await applyCheck(
            indexFile,
            diff.endsWith('\n') ? diff : `${diff}\n`,
            strip,
          );
          if (check.applies) {
            return {
              applies: true,
              message:
                strip === 1
                  ? 'applies cleanly (-p1, a/ b/ prefixes)'
                  : 'applies cleanly (-p0, no a/ b/ prefixes)',
            };
          }
          firstFailure ??= firstLines(check.stderr) || 'does not apply';
        }
        return { applies: false, message: firstFailure ?? 'does not apply' };
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },

    isShallow() {
      if (isClosed()) return Promise.reject(closedError());
      shallow ??= git(['rev-parse', '--is-shallow-repository']).then(
        (run) => run.code === 0 && run.stdout.toString('utf8').trim() === 'true',
      );
      return shallow;
    },

    async findLastChange(path) {
      if (isClosed()) throw closedError();
      if (!isSafePath(path)) return null;
      return history.findLastChange(path);
    },

    async listChangesAfter(commit, path, limit = 5) {
      if (isClosed()) throw closedError();
      if (!isSafePath(path)) return [];
      const id = await resolveCommit(commit);
      if (!id) return [];
      return history.listChangesAfter(
        id,
        path,
        Math.min(Math.max(Math.trunc(limit), 1), maxChanges),
      );
    },

    async findLineChangeAfter(commit, path, lines) {
      if (isClosed()) throw closedError();
      if (!isSafePath(path)) return null;
      const id = await resolveCommit(commit);
      if (!id) return null;
      return history.findLineChangeAfter(id, path, lines);
    },

    async findNamesAt(revisions, names) {
      if (isClosed()) throw closedError();
      const found = new Map<string, string>();
      const usable = names.filter((name) => /^[A-Za-z_$][\w$-]{0,200}$/.test(name));
      const trees: string[] = [];
      const knownRevisionIds = new Map<string, string>();
      for (const revision of revisions) {
        const id = await resolveCommit(revision);
        if (id === null) continue;
        knownRevisionIds.set(revision, id);
        if (!trees.includes(id)) trees.push(id);
      }
      if (usable.length === 0 || trees.length === 0) return found;
      // One grep over every tree at once; -o prints each whole-word hit after `tree:path` NUL.
      const run = await git(
        [
          'grep',
          '-I',
          '-o',
          '-z',
          '-w',
          '-F',
          '--max-count=1',
          ...usable.flatMap((name) => ['-e', name]),
          ...trees,
          '--',
        ],
        { maxOutputBytes: maxGrepOutputBytes },
      );
      if (run.spawnError || run.isTimedOut) return found;
      for (const line of run.stdout.toString('utf8').split('\n')) {
        const nul = line.indexOf('\0');
        if (nul === -1) continue;
        const tree = line.slice(0, line.indexOf(':'));
        const name = line.slice(nul + 1);
        const revision = revisions.find((entry) => knownRevisionIds.get(entry) === tree);
        if (usable.includes(name) && !found.has(name)) found.set(name, revision ?? tree);
      }
      return found;
    },

    async listTagsContaining(commit) {
      if (isClosed()) throw closedError();
      const id = await resolveCommit(commit);
      if (!id) return [];
      const run = await git(['tag', '--contains', id], { maxOutputBytes: maxLogBytes });
      assertCompleted(run, 'git tag');
      if (run.code !== 0) return [];
      return run.stdout
        .toString('utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    },

    close() {
      if (isClosed()) return;
      pool.close();
      objects.clear();
      history.clear();
    },
  };
}

function hasPrefixedPaths(diff: string): boolean {
  return /^diff --git a\//m.test(diff) || (/^--- a\//m.test(diff) && /^\+\+\+ b\//m.test(diff));
}
