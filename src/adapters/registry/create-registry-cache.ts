// A disk cache of registry answers: one small JSON file per registry and package, with the time
// it was fetched, so answers expire; offline, expired answers are still used.

import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryLookup } from '../../core/triage.js';
import { writeFileWhole } from '../files/write-file-whole.js';

interface CachedAnswer {
  fetchedAt: number;
  lookup: Extract<RegistryLookup, { status: 'found' | 'not-found' }>;
}

export interface RegistryCache {
  read(
    registry: string,
    name: string,
    options: { ignoreExpiry: boolean },
  ): Promise<RegistryLookup | null>;
  write(registry: string, name: string, lookup: CachedAnswer['lookup']): Promise<void>;
}

const maxCacheFileBytes = 8 * 1024 * 1024;

export function createRegistryCache(
  folder: string,
  maxAgeMs: number,
  now: () => number,
): RegistryCache {
  // node:crypto (some twenty of Node's own modules) loads only when a name is looked up.
  const fileOf = async (registry: string, name: string): Promise<string> => {
    const { createHash } = await import('node:crypto');
    return `${createHash('sha256').update(`${registry}\0${name}`).digest('hex')}.json`;
  };
  // One listing of the folder answers "not cached" for thousands of names without a read each.
  let listing: Promise<Set<string>> | null = null;
  const listFiles = () =>
    (listing ??= readdir(folder).then(
      (names) => new Set(names),
      () => new Set<string>(),
    ));
  return {
    async read(registry, name, { ignoreExpiry }) {
      const files = await listFiles();
      if (files.size === 0) return null;
      const file = await fileOf(registry, name);
      if (!files.has(file)) return null;
      try {
        const text = await readFile(join(folder, file), 'utf8');
        if (text.length > maxCacheFileBytes) return null;
        const cached = JSON.parse(text) as CachedAnswer;
        const isFresh = now() - cached.fetchedAt < maxAgeMs;
        return isFresh || ignoreExpiry ? cached.lookup : null;
      } catch {
        return null; // absent or damaged: ask again
      }
    },
    async write(registry, name, lookup) {
      try {
        await mkdir(folder, { recursive: true });
        const file = await fileOf(registry, name);
        await writeFileWhole(join(folder, file), JSON.stringify({ fetchedAt: now(), lookup }));
        (await listFiles()).add(file);
      } catch {
        // A cache that cannot be written only costs a request next time.
      }
    },
  };
}
