// Expands a path the user named into the files to read: a file as it is, a folder recursively
// (entries sorted by name, dotfiles skipped, only the given extensions, symlink loops and very
// deep trees skipped). What cannot be listed becomes a problem, never an exception.

import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputProblem } from '../../services/ports.js';

const maxFolderDepth = 32;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function listFolder(
  folder: string,
  extensions: ReadonlySet<string>,
  found: { files: string[]; problems: InputProblem[] },
  seen: Set<string>,
  depth: number,
): Promise<void> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    try {
      const isFolder =
        entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path)).isDirectory());
      if (isFolder) {
        const real = await realpath(path);
        if (seen.has(real) || depth >= maxFolderDepth) continue;
        seen.add(real);
        await listFolder(path, extensions, found, seen, depth + 1);
      } else if (extensions.has(extname(entry.name).toLowerCase())) {
        found.files.push(path);
      }
    } catch (error) {
      found.problems.push({ source: path, message: `cannot read: ${describeError(error)}` });
    }
  }
}

export async function expandPath(
  path: string,
  extensions: ReadonlySet<string>,
  problems: InputProblem[],
): Promise<string[]> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return [path];
    const found = { files: [] as string[], problems };
    await listFolder(path, extensions, found, new Set([await realpath(path)]), 0);
    return found.files;
  } catch (error) {
    problems.push({ source: path, message: `cannot read: ${describeError(error)}` });
    return [];
  }
}
