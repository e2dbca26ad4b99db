// Loads the shipped severity model file (models/severity-v2.bin) once, on first use, and checks
// its format and version: a wrong version or a damaged file is one clear InputError naming it.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InputError, parseSeverityModel, type SeverityModel } from '../../core/triage.js';
import type { SeverityModelSource } from '../../services/ports.js';

/** The model shipped in the package (`models/` beside `src/` and `dist/`). */
export const shippedSeverityModelPath = fileURLToPath(
  new URL('../../../models/severity-v2.bin', import.meta.url),
);

/** Larger than this is not a model Thresher wrote. */
const maxModelBytes = 64 * 1024 * 1024;

export async function readSeverityModel(path: string): Promise<SeverityModel> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
    if (bytes.length > maxModelBytes) throw new InputError(`${path}: too large for a model file`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read the severity model ${path}: ${reason}`, { cause: error });
  }
  const parsed = parseSeverityModel(bytes);
  if (!parsed.ok) {
    const reason = parsed.issues.map((issue) => issue.message).join('; ');
    throw new InputError(`the severity model ${path} cannot be used: ${reason}`);
  }
  return parsed.value;
}

/** A source that reads the file on the first `load()` and keeps the model (or the error). */
export function createSeverityModelSource(path = shippedSeverityModelPath): SeverityModelSource {
  let loading: Promise<SeverityModel> | null = null;
  return {
    load() {
      loading ??= readSeverityModel(path);
      return loading;
    },
  };
}
