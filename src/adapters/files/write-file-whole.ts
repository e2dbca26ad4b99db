// Writes a file whole or not at all: the text goes to a partial file beside it, which is renamed
// over the path, so a reader never sees half of it (a cache entry read by another run).

import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Throws as `writeFile` does; a partial file left by a failure is removed. */
export async function writeFileWhole(
  path: string,
  text: string,
  options: { mode?: number } = {},
): Promise<void> {
  const partial = `${path}.${randomUUID()}.partial`;
  try {
    await writeFile(partial, text, options.mode === undefined ? {} : { mode: options.mode });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
