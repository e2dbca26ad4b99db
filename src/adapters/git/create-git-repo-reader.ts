// The `RepoReader` port over a real git repository: two long-lived `git cat-file` processes for
// blobs and revisions, short git runs for trees, tags, grep, log and patch checks. Read-only.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ConflictError,
  findFirstRangeChange,
  InputError,
  InternalError,
  readDiffHunks,
  UnavailableError,
  type DiffHunk,
} from '../../core/index.js';
import type { CommitInfo, GrepHit, RepoReader } from '../../services/ports.js';

/** A reader plus `close()`, which ends its git processes (they never keep Node alive anyway). */
export type GitRepoReader = RepoReader & { close(): void };

const processTimeoutMs = 10_000;
const maxStderrBytes = 64 * 1024;
const maxListingBytes = 256 * 1024 * 1024;
const maxLogBytes = 1024 * 1024;
const maxGrepOutputBytes = 32 * 1024 * 1024;
/** Larger files read as null rather than held in memory. */
const maxFileBytes = 64 * 1024 * 1024;
const blobCacheBytes = 32 * 1024 * 1024;
const maxCachedBlobBytes = 4 * 1024 * 1024;
const treeCacheSize = 8;
const maxRevisionLength = 250;
const maxPathLength = 4096;
const maxNeedlesPerRun = 64;
const maxNeedleLength = 1000;
const defaultMaxHits = 500;
const hardMaxHits = 10_000;
const maxHitTextLength = 2000;
const maxDiffBytes = 5 * 1024 * 1024;
const maxChanges = 100;
// One `git log --name-only` walk answers every "which commit last touched this path" question for
// a range; past this much output the walk is dropped and each path is asked about on its own.
const maxPathIndexBytes = 64 * 1024 * 1024;

/**
 * Options that make every git run independent of the maintainer's config where it would change
 * output or reach out: no pager, colour, signatures, rename following, fsmonitor or transports
 * (a partial clone must not lazily fetch), and pathspecs taken literally (no `:(glob)` magic).
 */
const gitOptions = [
  '--no-pager',
  '--literal-pathspecs',
  '-c',
  'core.quotepath=off',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'color.ui=never',
  '-c',
  'log.showSignature=false',
  '-c',
  'log.follow=false',
  '-c',
  'grep.column=false',
  '-c',
  'grep.fullName=false',
  '-c',
  'apply.whitespace=nowarn',
  '-c',
  'protocol.allow=never',
];

/** Ref names as `git check-ref-format --allow-onelevel` takes them, further limited to plain characters. */
const revisionPattern = /^[A-Za-z0-9._/+@-]+$/;
const batchHeaderPattern = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;
const logFormat = '--format=%H%x00%s%x00%cI';

/**
 * Opens a reader on `repoDir` (a working tree, any folder inside one, a linked worktree or a bare
 * repository). Throws `InputError` when it is not a git repository. The cat-file processes start
 * on first use; caches (trees, blobs, tags) live as long as the reader, so make one per run.
 */
/** The variables git needs from its caller's environment (PATH, HOME for its global config...). */
export type ProcessEnvironment = Readonly<Record<string, string | undefined>>;

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

interface TreeEntry {
  mode: string;
  oid: string;
}

type Tree = Map<string, TreeEntry>;

function openReader(root: string, env: NodeJS.ProcessEnv): GitRepoReader {
  const objects = createCatFileProcess(root, env, '--batch');
  const revisions = createCatFileProcess(root, env, '--batch-check');
  const knownCommits = new Set<string>();
  const trees = new Map<string, Promise<Tree | null>>();
  const blobs = createBlobCache();
  const blobsInFlight = new Map<string, Promise<Uint8Array | null>>();
  let tags: Promise<Array<{ name: string; commit: string }>> | undefined;
  let isClosed = false;
  let shallow: Promise<boolean> | undefined;

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

  function git(args: readonly string[], options?: RunOptions): Promise<GitRun> {
    if (isClosed) return Promise.reject(closedError());
    return runGit(root, env, args, options);
  }

  async function resolveCommit(revision: string): Promise<string | null> {
    if (isClosed) throw closedError();
    if (!isSafeRevision(revision)) return null;
    if (knownCommits.has(revision)) return revision;
    const reply = await revisions.request(`${revision}^{commit}`);
    if (reply.kind !== 'found') return null;
    knownCommits.add(reply.oid);
    return reply.oid;
  }

  function loadTree(commit: string): Promise<Tree | null> {
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
  }

  async function readTree(revision: string): Promise<Tree | null> {
    const commit = await resolveCommit(revision);
    if (!commit) return null;
    const run = await git(['ls-tree', '-r', '-z', '--full-tree', commit], {
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

  function readBlob(oid: string): Promise<Uint8Array | null> {
    const cached = blobs.get(oid);
    if (cached) return Promise.resolve(cached.slice());
    let reading = blobsInFlight.get(oid);
    if (!reading) {
      reading = objects.request(oid).then((reply) => {
        if (reply.kind !== 'found' || reply.type !== 'blob' || !reply.content) return null;
        blobs.set(oid, reply.content);
        return reply.content;
      });
      blobsInFlight.set(oid, reading);
      void reading.finally(() => blobsInFlight.delete(oid)).catch(() => undefined);
    }
    return reading.then((content) => content?.slice() ?? null);
  }

  /** Every later diff of a file along HEAD's first-parent line, oldest first, without context. */
  async function readLaterDiffs(id: string, path: string): Promise<LaterDiff[]> {
    const run = await git(
      [
        'log',
        '--reverse',
        '--first-parent',
        '-m',
        '--no-color',
        '--unified=0',
        '--format=%x01%H%x00%s%x00%cI%x00%P',
        `${id}..HEAD`,
        '--',
        path,
      ],
      { maxOutputBytes: maxPathIndexBytes },
    );
    if (run.spawnError || run.isTimedOut || run.isTruncated || run.code !== 0) return [];
    const commits: LaterDiff[] = [];
    for (const record of run.stdout.toString('utf8').split('\u0001').slice(1)) {
      const newline = record.indexOf('\n');
      const [hash, subject, date, parents] = record.slice(0, newline).split('\0');
      if (!hash || subject === undefined || !date) continue;
      commits.push({
        info: { id: hash, subject, date },
        parents: (parents ?? '').split(' ').filter(Boolean),
        hunks: readDiffHunks(record.slice(newline + 1)),
      });
    }
    return commits;
  }

  async function readCommits(args: readonly string[]): Promise<CommitInfo[]> {
    const run = await git(args, { maxOutputBytes: maxLogBytes });
    assertCompleted(run, 'git log');
    if (run.code !== 0) return [];
    return run.stdout
      .toString('utf8')
      .split('\n')
      .flatMap((line) => {
        const [id, subject, date] = line.split('\0');
        return id && subject !== undefined && date ? [{ id, subject, date }] : [];
      });
  }

  /** Newest commit touching each path in a log range (`--all`, `A..HEAD`), or null when too big. */
  async function buildPathIndex(range: readonly string[]): Promise<PathIndex | null> {
    // --no-renames: a rename must count as touching the old path too.
    const run = await git(
      ['log', '--no-renames', '--format=%x01%H%x00%s%x00%cI', '--name-only', ...range],
      { maxOutputBytes: maxPathIndexBytes },
    );
    if (run.spawnError || run.isTimedOut || run.isTruncated || run.code !== 0) return null;
    const newest = new Map<string, { change: CommitInfo; order: number }>();
    let current: CommitInfo | null = null;
    let order = 0;
    for (const line of run.stdout.toString('utf8').split('\n')) {
      if (line.startsWith('\u0001')) {
        const [id, subject, date] = line.slice(1).split('\0');
        current = id && subject !== undefined && date ? { id, subject, date } : null;
        order += 1;
      } else if (line !== '' && current && !newest.has(line)) {
        newest.set(line, { change: current, order });
      }
    }
    return {
      // A folder counts as touched by the newest commit that touched anything inside it.
      find(path) {
        const exact = newest.get(path);
        if (exact) return exact.change;
        let end = path.length;
        while (end > 0 && path[end - 1] === '/') end -= 1;
        const prefix = `${path.slice(0, end)}/`;
        let best: { change: CommitInfo; order: number } | undefined;
        for (const [file, entry] of newest) {
          if (file.startsWith(prefix) && (!best || entry.order < best.order)) best = entry;
        }
        return best?.change ?? null;
      },
    };
  }

  const pathIndexes = new Map<string, Promise<PathIndex | null>>();
  const laterDiffs = new Map<string, Promise<LaterDiff[]>>();
  function findPathIndex(range: readonly string[]): Promise<PathIndex | null> {
    const key = range.join(' ');
    let index = pathIndexes.get(key);
    if (!index) {
      index = buildPathIndex(range);
      pathIndexes.set(key, index);
    }
    return index;
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
      knownCommits.add(commit);
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
      if (isClosed) throw closedError();
      tags ??= loadTags();
      tags.catch(() => (tags = undefined)).catch(() => undefined);
      return (await tags).map((tag) => ({ ...tag }));
    },

    async listFiles(commit) {
      if (isClosed) throw closedError();
      const id = await resolveCommit(commit);
      const tree = id ? await loadTree(id) : null;
      return tree ? [...tree.keys()] : [];
    },

    async readFile(commit, path) {
      if (isClosed) throw closedError();
      if (!isSafePath(path)) return null;
      const id = await resolveCommit(commit);
      const entry = id ? (await loadTree(id))?.get(path) : undefined;
      // 100644 and 100755 are regular files; symlinks (120000) are not.
      if (!entry?.mode.startsWith('100')) return null;
      return readBlob(entry.oid);
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
      if (isClosed) throw closedError();
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
      if (isClosed) return Promise.reject(closedError());
      shallow ??= git(['rev-parse', '--is-shallow-repository']).then(
        (run) => run.code === 0 && run.stdout.toString('utf8').trim() === 'true',
      );
      return shallow;
    },

    async findLastChange(path) {
      if (isClosed) throw closedError();
      if (!isSafePath(path)) return null;
      const index = await findPathIndex(['--all']);
      if (index) return index.find(path);
      const [change] = await readCommits(['log', '--all', '-1', logFormat, '--', path]);
      return change ?? null;
    },

    async listChangesAfter(commit, path, limit = 5) {
      if (isClosed) throw closedError();
      if (!isSafePath(path)) return [];
      const id = await resolveCommit(commit);
      if (!id) return [];
      const count = Math.min(Math.max(Math.trunc(limit), 1), maxChanges);
      if (count === 1) {
        const index = await findPathIndex([`${id}..HEAD`]);
        if (index) {
          const change = index.find(path);
          return change ? [change] : [];
        }
      }
      return readCommits(['log', `-n${count}`, logFormat, `${id}..HEAD`, '--', path]);
    },

    async findLineChangeAfter(commit, path, lines) {
      if (isClosed) throw closedError();
      if (!isSafePath(path)) return null;
      const id = await resolveCommit(commit);
      if (!id) return null;
      // No later commit touched the file (answered from the one path index): nothing to follow.
      const index = await findPathIndex([`${id}..HEAD`]);
      if (index && !index.find(path)) return null;
      const key = `${id}\0${path}`;
      let diffs = laterDiffs.get(key);
      if (!diffs) {
        diffs = readLaterDiffs(id, path);
        laterDiffs.set(key, diffs);
        if (laterDiffs.size > treeCacheSize * 64)
          laterDiffs.delete(laterDiffs.keys().next().value!);
      }
      const commits = await diffs;
      const changed = findFirstRangeChange(
        lines,
        commits.map((entry) => entry.hunks),
      );
      if (changed === -1) return null;
      const found = commits[changed]!;
      if (found.parents.length < 2) return found.info;
      // A merge brought the change: name the commit on the merged side that touched the file.
      const [change] = await readCommits([
        'log',
        '--no-merges',
        '-1',
        logFormat,
        `${found.parents[0]!}..${found.info.id}`,
        '--',
        path,
      ]);
      return change ?? found.info;
    },

    async findNamesAt(revisions, names) {
      if (isClosed) throw closedError();
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
      if (isClosed) throw closedError();
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
      if (isClosed) return;
      isClosed = true;
      objects.close();
      revisions.close();
      trees.clear();
      blobs.clear();
      pathIndexes.clear();
      laterDiffs.clear();
    },
  };
}

/** One later commit of a file with the hunks of its zero-context diff. */
interface LaterDiff {
  info: CommitInfo;
  parents: string[];
  hunks: DiffHunk[];
}

/** Untrusted revision text that is safe to hand to git: a plain ref name or object id, no syntax. */
function isSafeRevision(revision: string): boolean {
  return (
    revision.length > 0 &&
    revision.length <= maxRevisionLength &&
    revisionPattern.test(revision) &&
    !revision.startsWith('-') &&
    !revision.includes('..') &&
    !revision.endsWith('.') &&
    !revision.endsWith('.lock') &&
    revision.split('/').every((part) => part.length > 0 && !part.startsWith('.'))
  );
}

/** A relative path inside the tree: no absolute paths, `.`/`..` segments, options or control characters. */
function isSafePath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= maxPathLength &&
    !path.startsWith('-') &&
    !hasControlCharacter(path) &&
    path.split('/').every((part) => part.length > 0 && part !== '.' && part !== '..')
  );
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function hasPrefixedPaths(diff: string): boolean {
  return /^diff --git a\//m.test(diff) || (/^--- a\//m.test(diff) && /^\+\+\+ b\//m.test(diff));
}

function closedError(): ConflictError {
  return new ConflictError('the git repository reader is closed');
}

function firstLines(text: string, count = 3): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, count)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join('; ');
}

function assertCompleted(run: GitRun, what: string): void {
  if (run.spawnError) throw new InternalError(`${what} failed to start`, { cause: run.spawnError });
  if (run.isTimedOut) throw new UnavailableError(`${what} timed out after ${processTimeoutMs} ms`);
  if (run.isTruncated) throw new InternalError(`${what} printed more than its output limit`);
}

/** The caller's environment minus every GIT_* variable (a hook's GIT_DIR must not leak in). */
function buildGitEnvironment(environment: ProcessEnvironment): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(environment)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
  };
}

interface RunOptions {
  input?: string;
  env?: Record<string, string>;
  maxOutputBytes?: number;
  /** Receives stdout as it arrives instead of collecting it; return false to stop git. */
  onStdout?: (chunk: Buffer) => boolean;
}

interface PathIndex {
  find(path: string): CommitInfo | null;
}

interface GitRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  isTruncated: boolean;
  isTimedOut: boolean;
  spawnError?: Error;
}

/** One git run with an argument array (never a shell), a timeout and output caps. */
function runGit(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  options: RunOptions = {},
): Promise<GitRun> {
  return new Promise((resolvePromise) => {
    const child = spawn('git', [...gitOptions, ...args], {
      cwd,
      env: options.env ? { ...env, ...options.env } : env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const maxOutputBytes = options.maxOutputBytes ?? maxLogBytes;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let isTruncated = false;
    let isTimedOut = false;
    let spawnError: Error | undefined;
    const timer = setTimeout(() => {
      isTimedOut = true;
      child.kill('SIGKILL');
    }, processTimeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutputBytes) {
        isTruncated = true;
        child.kill('SIGKILL');
        return;
      }
      if (options.onStdout) {
        if (!options.onStdout(chunk)) child.kill('SIGTERM');
      } else {
        stdout.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < maxStderrBytes) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    // git may exit before reading all of stdin (a patch it rejects early): not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    let isSettled = false;
    const settle = (code: number | null): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8').slice(0, maxStderrBytes),
        isTruncated,
        isTimedOut,
        ...(spawnError ? { spawnError } : {}),
      });
    };
    child.on('error', (error) => {
      spawnError = error;
      // A process that never started emits no 'close'.
      if (child.pid === undefined) settle(null);
    });
    child.on('close', settle);
  });
}

/** Turns `git grep -n -z` output (`rev:path\0line\0text\n`) into hits, across chunk borders. */
function createGrepParser(
  prefix: string,
  maxHits: number,
): { hits: GrepHit[]; push: (chunk: Buffer) => boolean; isFull: () => boolean } {
  const hits: GrepHit[] = [];
  let rest: Buffer = Buffer.alloc(0);
  const isFull = (): boolean => hits.length >= maxHits;
  function push(chunk: Buffer): boolean {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let offset = 0;
    while (!isFull()) {
      const pathEnd = buffer.indexOf(0, offset);
      const lineEnd = pathEnd === -1 ? -1 : buffer.indexOf(0, pathEnd + 1);
      const textEnd = lineEnd === -1 ? -1 : buffer.indexOf(10, lineEnd + 1);
      if (textEnd === -1) break;
      const qualified = buffer.toString('utf8', offset, pathEnd);
      const path = qualified.startsWith(prefix) ? qualified.slice(prefix.length) : qualified;
      const line = Number(buffer.toString('latin1', pathEnd + 1, lineEnd));
      const text = buffer.toString(
        'utf8',
        lineEnd + 1,
        Math.min(textEnd, lineEnd + 1 + maxHitTextLength * 4),
      );
      hits.push({
        path,
        line,
        text: text.length > maxHitTextLength ? text.slice(0, maxHitTextLength) : text,
      });
      offset = textEnd + 1;
    }
    rest = Buffer.from(buffer.subarray(offset));
    return !isFull();
  }
  return { hits, push, isFull };
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

type BatchReply =
  | { kind: 'found'; oid: string; type: string; size: number; content?: Uint8Array }
  | { kind: 'missing' };

interface PendingRequest {
  resolve: (reply: BatchReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A long-lived `git cat-file --batch[-check]` answering one request per line, in order, so many
 * callers can pipeline requests. Started on first use and again after a crash; referenced only
 * while requests are pending, so an idle reader never keeps the process alive.
 */
function createCatFileProcess(
  cwd: string,
  env: NodeJS.ProcessEnv,
  mode: '--batch' | '--batch-check',
): { request(line: string): Promise<BatchReply>; close(): void } {
  let child: ChildProcessWithoutNullStreams | undefined;
  let pending: PendingRequest[] = [];
  let header: Buffer = Buffer.alloc(0);
  let body:
    { reply: BatchReply & { kind: 'found' }; content?: Uint8Array; filled: number } | undefined;

  function setReferenced(gitProcess: ChildProcessWithoutNullStreams, isReferenced: boolean): void {
    const { stdin, stdout, stderr } = gitProcess;
    const handles = [gitProcess, stdin as Socket, stdout as Socket, stderr as Socket];
    for (const handle of handles) {
      if (isReferenced) handle.ref();
      else handle.unref();
    }
  }

  function failAll(error: Error): void {
    const failed = pending;
    pending = [];
    header = Buffer.alloc(0);
    body = undefined;
    for (const request of failed) {
      clearTimeout(request.timer);
      request.reject(error);
    }
  }

  function finish(reply: BatchReply): void {
    const request = pending.shift();
    if (!request) return;
    clearTimeout(request.timer);
    request.resolve(reply);
    if (pending.length === 0 && child) setReferenced(child, false);
  }

  function onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (body) {
        // `size` content bytes, then one LF.
        const total = body.reply.size + 1;
        const take = Math.min(total - body.filled, chunk.length - offset);
        if (body.content) {
          const contentTake = Math.max(0, Math.min(take, body.reply.size - body.filled));
          body.content.set(chunk.subarray(offset, offset + contentTake), body.filled);
        }
        body.filled += take;
        offset += take;
        if (body.filled === total) {
          const done = body;
          body = undefined;
          finish(done.content ? { ...done.reply, content: done.content } : { kind: 'missing' });
        }
        continue;
      }
      const newline = chunk.indexOf(10, offset);
      if (newline === -1) {
        header = Buffer.concat([header, chunk.subarray(offset)]);
        return;
      }
      const line = Buffer.concat([header, chunk.subarray(offset, newline)]).toString('utf8');
      header = Buffer.alloc(0);
      offset = newline + 1;
      const match = batchHeaderPattern.exec(line);
      if (!match) {
        // `<name> missing`, `<name> ambiguous`: no body follows.
        finish({ kind: 'missing' });
        continue;
      }
      const reply = {
        kind: 'found' as const,
        oid: match[1]!,
        type: match[2]!,
        size: Number(match[3]),
      };
      if (mode === '--batch-check') finish(reply);
      else {
        const content = reply.size <= maxFileBytes ? new Uint8Array(reply.size) : undefined;
        body = { reply, filled: 0, ...(content ? { content } : {}) };
      }
    }
  }

  function start(): ChildProcessWithoutNullStreams {
    const gitProcess = spawn('git', [...gitOptions, 'cat-file', mode], {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    // A process given up on (timeout, close) may still print: only the current one is heard.
    gitProcess.stdout.on('data', (chunk: Buffer) => {
      if (child === gitProcess) onData(chunk);
    });
    // Drained and dropped (e.g. "refname is ambiguous" warnings) so git never blocks on it.
    gitProcess.stderr.on('data', () => undefined);
    gitProcess.stdin.on('error', () => undefined);
    const onEnd = (error: Error): void => {
      if (child !== gitProcess) return;
      child = undefined;
      failAll(error);
    };
    gitProcess.on('error', (error) => {
      onEnd(new InternalError(`git cat-file failed: ${error.message}`, { cause: error }));
    });
    gitProcess.on('close', (code, signal) => {
      onEnd(new InternalError(`git cat-file ended unexpectedly (${signal ?? `exit ${code}`})`));
    });
    return gitProcess;
  }

  return {
    request(line) {
      return new Promise((resolvePromise, reject) => {
        child ??= start();
        const gitProcess = child;
        const timer = setTimeout(() => {
          if (child === gitProcess) child = undefined;
          failAll(new InternalError(`git cat-file did not answer within ${processTimeoutMs} ms`));
          gitProcess.kill('SIGKILL');
        }, processTimeoutMs);
        if (pending.length === 0) setReferenced(gitProcess, true);
        pending.push({ resolve: resolvePromise, reject, timer });
        gitProcess.stdin.write(`${line}\n`);
      });
    },
    close() {
      const gitProcess = child;
      child = undefined;
      failAll(closedError());
      if (gitProcess) {
        gitProcess.stdin.end();
        gitProcess.kill('SIGTERM');
        setReferenced(gitProcess, false);
      }
    },
  };
}
