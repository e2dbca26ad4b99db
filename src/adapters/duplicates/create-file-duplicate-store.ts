// Keeps the duplicate index's documents in one JSON-lines file. The first line is a header naming
// the format and its version, so the store never writes to a file it did not create. A run's new
// documents are written together at its end: merged with the file as it is then, written to a
// temporary file, flushed and renamed over the store under a lock, so a crash or a second run
// never leaves a half-written or mixed store.

import { constants } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { DuplicateDocument } from '../../core/index.js';
import type { DuplicateStore } from '../../services/ports.js';

const formatName = 'thresher-duplicate-store';
const formatVersion = 1;
const headerLine = JSON.stringify({ [formatName]: formatVersion });
/** A store larger than this is not one Thresher wrote for a project. */
const maxStoreSize = 1024 * 1024 * 1024;
const lockWaitMs = 10_000;

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
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (isDocument(record.put)) return { put: record.put };
  if (typeof record.remove === 'string') return { remove: record.remove };
  return null;
}

/** The header's version, or null when the first line is not a store header. */
function readHeaderVersion(line: string): number | null {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null || !(formatName in value)) return null;
    const version = (value as Record<string, unknown>)[formatName];
    return typeof version === 'number' ? version : null;
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The documents of a store file's text; throws InputError naming the line that is wrong. */
function parseStore(path: string, text: string): Map<string, DuplicateDocument> {
  const documents = new Map<string, DuplicateDocument>();
  if (text === '') return documents;
  const lines = text.split('\n');
  const version = readHeaderVersion(lines[0] ?? '');
  if (version === null) {
    throw new InputError(
      `${path} is not a Thresher duplicate store (its first line is not the store header); refusing to read or write it`,
    );
  }
  if (version !== formatVersion) {
    throw new InputError(
      `${path} is a duplicate store of format version ${version}; this Thresher reads version ${formatVersion}`,
    );
  }
  // A last line without its line feed was cut off by a crash while it was written: skip it.
  const isLastLineTorn = !text.endsWith('\n');
  for (let index = 1; index < lines.length; index += 1) {
    const raw = lines[index]!;
    if (raw.trim() === '') continue;
    const line = readLine(raw);
    if (line === null) {
      if (isLastLineTorn && index === lines.length - 1) continue;
      throw new InputError(
        `${path}:${index + 1}: corrupt duplicate store line (not a document); fix or remove that line`,
      );
    }
    if ('put' in line) documents.set(line.put.id, line.put);
    else documents.delete(line.remove);
  }
  return documents;
}

async function readStoreFile(path: string): Promise<Map<string, DuplicateDocument> | null> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw describeAccessError(path, error);
    await requireFolder(path);
    return null;
  }
  if (!info.isFile()) throw new InputError(`${path} is not a regular file`);
  if (info.size > maxStoreSize) throw new InputError(`${path} is too large for a duplicate store`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw describeAccessError(path, error);
  }
  return parseStore(path, text);
}

async function requireFolder(path: string): Promise<void> {
  const folder = dirname(path);
  try {
    if ((await stat(folder)).isDirectory()) return;
  } catch {
    // Reported below.
  }
  throw new InputError(
    `cannot create the duplicate store ${path}: folder ${folder} does not exist`,
  );
}

function describeAccessError(path: string, error: unknown): InputError {
  return new InputError(`cannot read the duplicate store ${path}: ${(error as Error).message}`, {
    cause: error,
  });
}

/** Runs `work` holding `path.lock`; a lock left by a process that no longer runs is taken over. */
async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      const handle = await open(
        lockPath,
        constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      );
      await handle.write(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw describeAccessError(path, error);
      if (await isStaleLock(lockPath)) {
        await unlink(lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) {
        throw new InputError(
          `the duplicate store ${path} is locked by another run (${lockPath}); try again when it ends`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

async function isStaleLock(lockPath: string): Promise<boolean> {
  try {
    const pid = Number((await readFile(lockPath, 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) return true;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH' || errorCode(error) === 'ENOENT';
  }
}

async function writeAtomically(
  path: string,
  documents: Iterable<DuplicateDocument>,
): Promise<void> {
  // node:crypto (some twenty of Node's own modules) loads only when the store is written.
  const { randomUUID } = await import('node:crypto');
  const temporary = `${path}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx');
  try {
    const lines = [headerLine];
    for (const document of documents) lines.push(JSON.stringify({ put: document }));
    await handle.write(`${lines.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

export function createFileDuplicateStore(path: string): DuplicateStore {
  const pending = new Map<string, DuplicateDocument | null>();
  return {
    async loadDocuments() {
      const documents = await readStoreFile(path);
      return documents === null ? [] : [...documents.values()];
    },
    saveDocument(document) {
      pending.set(document.id, document);
      return Promise.resolve();
    },
    removeDocument(id) {
      pending.set(id, null);
      return Promise.resolve();
    },
    async commit() {
      if (pending.size === 0) return;
      await withLock(path, async () => {
        // Merged with the file as it is now: another run may have added documents meanwhile.
        const documents = (await readStoreFile(path)) ?? new Map<string, DuplicateDocument>();
        for (const [id, document] of pending) {
          if (document === null) documents.delete(id);
          else documents.set(id, document);
        }
        await writeAtomically(path, documents.values());
      });
      pending.clear();
    },
  };
}
