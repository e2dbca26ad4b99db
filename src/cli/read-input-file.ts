// Reads one input file for a command: a regular file only (never a FIFO or a device), its size
// checked before reading, strict UTF-8. Problems are InputErrors naming the file.

import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/index.js';

export async function readInputFile(path: string, maxBytes: number): Promise<string> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`${path}: not a regular file`);
    if (info.size > maxBytes)
      throw new InputError(`${path}: too large (${info.size} bytes; at most ${maxBytes})`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${path}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (bytes.length > maxBytes)
    throw new InputError(`${path}: too large (${bytes.length} bytes; at most ${maxBytes})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path}: not valid UTF-8; save the file as UTF-8`);
  }
}
