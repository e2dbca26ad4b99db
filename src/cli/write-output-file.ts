// Writes a command's result to --out: to a temporary file beside it first, then renamed into
// place, so the file is either the whole document or untouched.

import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/index.js';

export async function writeOutputFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new InputError(
      `${path}: cannot write: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
