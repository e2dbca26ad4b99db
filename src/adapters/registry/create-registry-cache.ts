// A disk cache of registry answers: one small JSON file per registry and package, with the time
// it was fetched, so answers expire; offline, expired answers are still used.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryLookup } from '../../core/index.js';

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
  const pathOf = (registry: string, name: string): string =>
    join(folder, `${createHash('sha256').update(`${registry}\0${name}`).digest('hex')}.json`);
  return {
    async read(registry, name, { ignoreExpiry }) {
      try {
        const text = await readFile(pathOf(registry, name), 'utf8');
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
        const path = pathOf(registry, name);
        const temporary = `${path}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify({ fetchedAt: now(), lookup }));
        await rename(temporary, path);
      } catch {
        // A cache that cannot be written only costs a request next time.
      }
    },
  };
}
