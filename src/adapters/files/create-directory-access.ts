// Directory access for `thresher audit` and `thresher init`: lists the regular files of a tree
// (never following symlinks, skipping .git and node_modules), reads them with a size cap, and
// writes project files. Paths from callers are confined to the root.

import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../core/errors.js';
import type {
  DirectoryOpener,
  InputProblem,
  ProjectFiles,
  RepoTree,
  TreeEntry,
} from '../../services/ports.js';

const skippedFolders = new Set(['.git', 'node_modules']);
const maxDepth = 64;
const maxFiles = 200_000;
const statBatch = 64;
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
      return readCapped(resolveInside(root, path), maxBytes);
    },
    async readHead(path, length) {
      const bytes = await readCapped(resolveInside(root, path), length, true);
      return bytes === 'too-large' ? null : bytes;
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
    const entries = await readdir(join(root, next.folder), { withFileTypes: true }).catch(
      (error: unknown) => {
        problems.push({
          source: next.folder || '.',
          message: `cannot list: ${describeError(error)}`,
        });
        return [];
      },
    );
    for (const entry of entries) {
      const path = next.folder === '' ? entry.name : `${next.folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name)) continue;
        if (next.depth + 1 > maxDepth)
          problems.push({ source: path, message: `deeper than ${maxDepth} folders; skipped` });
        else pending.push({ folder: path, depth: next.depth + 1 });
      } else if (entry.isFile()) {
        if (paths.length >= maxFiles) {
          problems.push({
            source: path,
            message: `more than ${maxFiles} files; the rest are skipped`,
          });
          return { files: await sizeFiles(root, paths.sort()), problems };
        }
        paths.push(path);
      }
    }
  }
  return { files: await sizeFiles(root, paths.sort(compareText)), problems };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function sizeFiles(root: string, paths: string[]): Promise<TreeEntry[]> {
  const files: TreeEntry[] = [];
  for (let start = 0; start < paths.length; start += statBatch) {
    const batch = paths.slice(start, start + statBatch);
    const sizes = await Promise.all(
      batch.map((path) =>
        lstat(join(root, path)).then(
          (info) => (info.isFile() ? info.size : -1),
          () => -1,
        ),
      ),
    );
    batch.forEach((path, index) => {
      const size = sizes[index] ?? -1;
      if (size >= 0) files.push({ path: path.split(sep).join('/'), size });
    });
  }
  return files;
}

/** Reads at most `maxBytes` (+1 to notice more) from a regular file opened without following symlinks. */
async function readCapped(
  full: string,
  maxBytes: number,
  isHead = false,
): Promise<Uint8Array | 'too-large' | null> {
  const handle = await open(
    full,
    constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
  ).catch(() => null);
  if (handle === null) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    if (!isHead && info.size > maxBytes) return 'too-large';
    const buffer = new Uint8Array(Math.min(maxBytes, info.size) + (isHead ? 0 : 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (!isHead && length > maxBytes) return 'too-large';
    return buffer.subarray(0, length);
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
      const bytes = await readCapped(full, maxProjectFileBytes);
      if (bytes === 'too-large') throw new InputError(`${path}: larger than 1 MiB`);
      if (bytes === null) return null;
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
