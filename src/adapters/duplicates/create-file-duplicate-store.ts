// Keeps the duplicate index's documents in one JSON-lines file: each change is appended (and
// flushed) as it happens, so a crash loses at most the line being written, and the index is
// rebuilt from the file on load. The file is compacted on load when most of it is history.

import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { InputError, type DuplicateDocument } from '../../core/index.js';
import type { DuplicateStore } from '../../services/ports.js';

type StoreLine = { put: DuplicateDocument } | { remove: string };

function isDocument(value: unknown): value is DuplicateDocument {
  if (typeof value !== 'object' || value === null) return false;
  const document = value as Record<string, unknown>;
  return (
    typeof document.id === 'string' &&
    (document.kind === 'report' || document.kind === 'advisory') &&
    typeof document.title === 'string' &&
    typeof document.text === 'string' &&
    Array.isArray(document.packages) &&
    Array.isArray(document.aliases) &&
    Array.isArray(document.cwes) &&
    Array.isArray(document.paths) &&
    Array.isArray(document.functions)
  );
}

function readLine(line: string): StoreLine | null {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (isDocument(value.put)) return { put: value.put };
    if (typeof value.remove === 'string') return { remove: value.remove };
  } catch {
    // A torn last line from a crash mid-write: skip it.
  }
  return null;
}

async function appendLine(path: string, line: StoreLine): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.write(`${JSON.stringify(line)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createFileDuplicateStore(path: string): DuplicateStore {
  return {
    async loadDocuments() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new InputError(
          `cannot read the duplicate store ${path}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      const documents = new Map<string, DuplicateDocument>();
      let lineCount = 0;
      for (const raw of text.split('\n')) {
        if (raw.trim() === '') continue;
        lineCount += 1;
        const line = readLine(raw);
        if (!line) continue;
        if ('put' in line) documents.set(line.put.id, line.put);
        else documents.delete(line.remove);
      }
      if (lineCount > 2 * documents.size + 100) {
        const compacted = [...documents.values()]
          .map((document) => `${JSON.stringify({ put: document })}\n`)
          .join('');
        await writeFile(`${path}.tmp`, compacted);
        await rename(`${path}.tmp`, path);
      }
      return [...documents.values()];
    },
    saveDocument: (document) => appendLine(path, { put: document }),
    removeDocument: (id) => appendLine(path, { remove: id }),
  };
}
