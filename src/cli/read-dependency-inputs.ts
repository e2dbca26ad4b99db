// Reads what `thresher deps` checks from disk: a manifest or lockfile, or the ones at the top of
// a folder (and its requirements/ folder), the requirements files they include with -r, the
// project's .npmrc, and the project's own Python modules. Regular files only, size-capped.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { detectDependencyFileFormat, InputError, parseDependencyFile } from '../core/index.js';
import type { ContentFile } from '../services/check-dependencies.js';
import type { InputProblem } from '../services/ports.js';

const maxFileBytes = 64 * 1024 * 1024;
const maxIncludeDepth = 10;

export interface DependencyInputs {
  files: ContentFile[];
  npmrcTexts: string[];
  localModules: string[];
  problems: InputProblem[];
}

/** Reads one regular file; FIFOs, devices and oversized files are refused before reading. */
export async function readRegularFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new InputError(`${path}: not a regular file`);
  if (info.size > maxFileBytes)
    throw new InputError(`${path}: too large (${info.size} bytes > ${maxFileBytes})`);
  return readFile(path, 'utf8');
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readRegularFile(path);
  } catch {
    return null;
  }
}

async function listFolder(folder: string): Promise<{ files: string[]; modules: string[] }> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  const modules: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isFile() && detectDependencyFileFormat(entry.name)) files.push(path);
    else if (entry.isFile() && entry.name.endsWith('.py')) modules.push(entry.name.slice(0, -3));
    else if (entry.isDirectory() && entry.name === 'requirements') {
      for (const inner of await readdir(path, { withFileTypes: true }))
        if (inner.isFile() && /\.(?:txt|in)$/.test(inner.name)) files.push(join(path, inner.name));
    } else if (
      entry.isDirectory() &&
      !entry.name.startsWith('.') &&
      entry.name !== 'node_modules'
    ) {
      modules.push(entry.name);
    }
  }
  return { files, modules };
}

async function addWithIncludes(
  path: string,
  inputs: DependencyInputs,
  seen: Set<string>,
  depth: number,
): Promise<void> {
  const absolute = resolve(path);
  if (seen.has(absolute)) return;
  seen.add(absolute);
  let text: string;
  try {
    text = await readRegularFile(path);
  } catch (error) {
    inputs.problems.push({
      source: path,
      message: `cannot read: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  inputs.files.push({ name: path, text });
  if (detectDependencyFileFormat(path) !== 'requirements.txt') return;
  const parsed = parseDependencyFile(path, text);
  if (!parsed.ok) return;
  for (const include of parsed.value.includes) {
    const target = join(dirname(path), include.path);
    if (depth >= maxIncludeDepth) {
      inputs.problems.push({
        source: path,
        message: `-r ${include.path}: includes nested deeper than ${maxIncludeDepth}`,
      });
      continue;
    }
    await addWithIncludes(target, inputs, seen, depth + 1);
  }
}

export async function readDependencyInputs(paths: readonly string[]): Promise<DependencyInputs> {
  const inputs: DependencyInputs = { files: [], npmrcTexts: [], localModules: [], problems: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`${path}: no such file or folder`);
    }
    const folder = info.isDirectory() ? path : dirname(path);
    if (info.isDirectory()) {
      const listed = await listFolder(path);
      if (listed.files.length === 0)
        throw new InputError(`${path}: no manifest or lockfile found (see thresher deps --help)`);
      for (const file of listed.files) await addWithIncludes(file, inputs, seen, 0);
      inputs.localModules.push(...listed.modules);
    } else {
      if (detectDependencyFileFormat(path) === null)
        throw new InputError(
          `${basename(path)}: not a manifest or lockfile thresher reads (see thresher deps --help)`,
        );
      await addWithIncludes(path, inputs, seen, 0);
    }
    const npmrc = await readOptional(join(folder, '.npmrc'));
    if (npmrc !== null) inputs.npmrcTexts.push(npmrc);
  }
  return inputs;
}
