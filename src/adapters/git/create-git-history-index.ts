// Which commits touched a path: one `git log --name-only` walk per range answers "which commit
// last touched this path" for every path of a report, and the later diffs of one file (read once,
// kept) answer "which commit changed these lines". Past its output cap a walk is dropped and each
// path is asked about on its own.

import { findFirstRangeChange, readDiffHunks, type DiffHunk } from '../../core/index.js';
import type { CommitInfo } from '../../services/ports.js';
import { assertCompleted, maxLogBytes, type GitProcessPool } from './git-process-pool.js';

export interface GitHistoryIndex {
  /** The newest commit on any ref that touched a path (or anything inside a folder). */
  findLastChange(path: string): Promise<CommitInfo | null>;
  /** Up to `count` commits after `commit` (a resolved id) on HEAD's line that touched a path. */
  listChangesAfter(commit: string, path: string, count: number): Promise<CommitInfo[]>;
  /** The first commit after `commit` (a resolved id) that changed these lines of a file. */
  findLineChangeAfter(
    commit: string,
    path: string,
    lines: { start: number; end: number },
  ): Promise<CommitInfo | null>;
  clear(): void;
}

/** The largest `git log` output one walk (a path index, a file's later diffs) may print. */
const maxPathIndexBytes = 64 * 1024 * 1024;
/** Files whose later diffs are kept at once. */
const laterDiffsCacheSize = 512;
const logFormat = '--format=%H%x00%s%x00%cI';

interface PathIndex {
  find(path: string): CommitInfo | null;
}

/** One later commit of a file with the hunks of its zero-context diff. */
interface LaterDiff {
  info: CommitInfo;
  parents: string[];
  hunks: DiffHunk[];
}

export function createGitHistoryIndex(pool: GitProcessPool): GitHistoryIndex {
  const pathIndexes = new Map<string, Promise<PathIndex | null>>();
  const laterDiffs = new Map<string, Promise<LaterDiff[]>>();

  function findPathIndex(range: readonly string[]): Promise<PathIndex | null> {
    const key = range.join(' ');
    let index = pathIndexes.get(key);
    if (!index) {
      index = buildPathIndex(pool, range);
      pathIndexes.set(key, index);
    }
    return index;
  }

  function findLaterDiffs(commit: string, path: string): Promise<LaterDiff[]> {
    const key = `${commit}\0${path}`;
    let diffs = laterDiffs.get(key);
    if (!diffs) {
      diffs = readLaterDiffs(pool, commit, path);
      laterDiffs.set(key, diffs);
      if (laterDiffs.size > laterDiffsCacheSize) laterDiffs.delete(laterDiffs.keys().next().value!);
    }
    return diffs;
  }

  return {
    async findLastChange(path) {
      const index = await findPathIndex(['--all']);
      if (index) return index.find(path);
      const [change] = await readCommits(pool, ['log', '--all', '-1', logFormat, '--', path]);
      return change ?? null;
    },

    async listChangesAfter(commit, path, count) {
      if (count === 1) {
        const index = await findPathIndex([`${commit}..HEAD`]);
        if (index) {
          const change = index.find(path);
          return change ? [change] : [];
        }
      }
      return readCommits(pool, ['log', `-n${count}`, logFormat, `${commit}..HEAD`, '--', path]);
    },

    async findLineChangeAfter(commit, path, lines) {
      // No later commit touched the file (answered from the one path index): nothing to follow.
      const index = await findPathIndex([`${commit}..HEAD`]);
      if (index && !index.find(path)) return null;
      const commits = await findLaterDiffs(commit, path);
      const changed = findFirstRangeChange(
        lines,
        commits.map((entry) => entry.hunks),
      );
      if (changed === -1) return null;
      const found = commits[changed]!;
      if (found.parents.length < 2) return found.info;
      // A merge brought the change: name the commit on the merged side that touched the file.
      const [change] = await readCommits(pool, [
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

    clear() {
      pathIndexes.clear();
      laterDiffs.clear();
    },
  };
}

async function readCommits(pool: GitProcessPool, args: readonly string[]): Promise<CommitInfo[]> {
  const run = await pool.run(args, { maxOutputBytes: maxLogBytes });
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
async function buildPathIndex(
  pool: GitProcessPool,
  range: readonly string[],
): Promise<PathIndex | null> {
  // --no-renames: a rename must count as touching the old path too.
  const run = await pool.run(
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

/** Every later diff of a file along HEAD's first-parent line, oldest first, without context. */
async function readLaterDiffs(
  pool: GitProcessPool,
  commit: string,
  path: string,
): Promise<LaterDiff[]> {
  const run = await pool.run(
    [
      'log',
      '--reverse',
      '--first-parent',
      '-m',
      '--no-color',
      '--unified=0',
      '--format=%x01%H%x00%s%x00%cI%x00%P',
      `${commit}..HEAD`,
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
