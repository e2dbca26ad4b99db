// Directory access for `thresher audit` and `thresher init`: lists the regular files of a tree
// (never following symlinks, skipping .git and node_modules), reads them with a size cap, and
// writes project files. Paths from callers are confined to the root.

import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../core/errors.js';
import type {
  DirectoryOpener,
  FileRead,
  InputProblem,
  ProjectFiles,
  RepoTree,
  TreeEntry,
} from '../../services/ports.js';

const skippedFolders = new Set(['.git', 'node_modules']);
const maxDepth = 64;
const maxFiles = 200_000;
const maxProjectFileBytes = 1024 * 1024;

export const directoryOpener: DirectoryOpener = {
  async openTree(dir) {
    return createRepoTree(await requireDirectory(dir));
  },
  async openProject(dir) {
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw new InputError(`${dir}: cannot create the folder (${describeError(error)})`, {
        cause: error,
      });
    });
    return createProjectFiles(await requireDirectory(dir));
  },
};

async function requireDirectory(dir: string): Promise<string> {
  const info = await stat(dir).catch((error: unknown) => {
    throw new InputError(`${dir}: cannot read (${describeError(error)})`, { cause: error });
  });
  if (!info.isDirectory()) throw new InputError(`${dir}: not a directory`);
  return realpath(dir);
}

/** The absolute path of `path` under `root`; refuses paths that leave the root. */
function resolveInside(root: string, path: string): string {
  const full = resolve(root, path);
  const back = relative(root, full);
  if (isAbsolute(path) || back.startsWith('..') || isAbsolute(back)) {
    throw new InputError(`${path}: outside the project folder`);
  }
  return full;
}

function createRepoTree(root: string): RepoTree {
  return {
    listFiles: () => listRegularFiles(root),
    async readFile(path, maxBytes) {
      return readCapped(resolveInside(root, path), maxBytes, false);
    },
    async readHead(path, length) {
      return readCapped(resolveInside(root, path), length, true);
    },
    async measure(path) {
      const info = await lstat(resolveInside(root, path)).catch(() => null);
      return info?.isFile() === true ? info.size : null;
    },
  };
}

async function listRegularFiles(
  root: string,
): Promise<{ files: TreeEntry[]; problems: InputProblem[] }> {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  const pending: { folder: string; depth: number }[] = [{ folder: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { folder, depth } = next;
    const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(
      (error: unknown) => {
        problems.push({ source: folder || '.', message: `cannot list: ${describeError(error)}` });
        return [];
      },
    );
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name)) continue;
        if (depth + 1 > maxDepth) {
          problems.push({ source: path, message: `deeper than ${maxDepth} folders; skipped` });
        } else pending.push({ folder: path, depth: depth + 1 });
      } else if (entry.isFile()) {
        if (paths.length >= maxFiles) {
          problems.push({
            source: path,
            message: `more than ${maxFiles} files; the rest are skipped`,
          });
          return { files: toEntries(paths), problems };
        }
        paths.push(path);
      }
    }
  }
  return { files: toEntries(paths), problems };
}

function toEntries(paths: string[]): TreeEntry[] {
  return paths
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => ({ path: path.split(sep).join('/') }));
}

/**
 * Reads at most `maxBytes` from a regular file opened without following symlinks (and without
 * blocking on a FIFO). A whole read returns no bytes past the cap; a head read returns the start.
 */
async function readCapped(
  full: string,
  maxBytes: number,
  isHead: boolean,
): Promise<FileRead | null> {
  const handle = await open(
    full,
    constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
  ).catch(() => null);
  if (handle === null) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    if (!isHead && info.size > maxBytes) return { size: info.size, bytes: null };
    // One byte more than allowed tells a file that grew since the stat.
    const buffer = new Uint8Array(Math.min(maxBytes, info.size) + (isHead ? 0 : 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (!isHead && length > maxBytes) return { size: length, bytes: null };
    return { size: isHead ? info.size : length, bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}

function createProjectFiles(root: string): ProjectFiles {
  return {
    async readText(path) {
      const full = resolveInside(root, path);
      const info = await lstat(full).catch(() => null);
      if (info === null) return null;
      if (!info.isFile()) throw new InputError(`${path}: exists but is not a regular file`);
      const read = await readCapped(full, maxProjectFileBytes, false);
      if (read === null) return null;
      if (read.bytes === null) throw new InputError(`${path}: larger than 1 MiB`);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
      } catch {
        throw new InputError(`${path}: not UTF-8 text`);
      }
    },
    async writeText(path, content) {
      const full = resolveInside(root, path);
      await mkdir(dirname(full), { recursive: true });
      const info = await lstat(full).catch(() => null);
      if (info !== null && !info.isFile())
        throw new InputError(`${path}: exists but is not a regular file`);
      await writeFile(full, content, { encoding: 'utf8', flag: 'w' });
    },
  };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
