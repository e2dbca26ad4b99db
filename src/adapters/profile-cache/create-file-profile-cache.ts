// Validated security profiles kept on disk between runs, so that a later run with the same
// profile text and the same build of Thresher reads JSON instead of parsing YAML and checking the
// schema (about a tenth of a one-report triage's start: docs/benchmarks.md, "profile cache").
//
// One file per entry, `<cache folder>/profiles/<key>.json`, the key a SHA-256 of the build and
// the profile's text, so an edited profile or a new build never meets an old entry. The file's
// first line is a SHA-256 of the JSON after it: a damaged entry is a miss, never a wrong profile.
// The cache is optional: every failure to read or write is a miss, and nothing here throws.

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ProfileCache, SecurityProfile } from '../../core/triage.js';
import { writeFileWhole } from '../files/write-file-whole.js';

export interface FileProfileCacheOptions {
  /** The cache folder (`resolveCacheFolder`); entries go to its `profiles/` folder. */
  folder: string;
  /** What parsed the profiles (the CLI bundle's build): entries of other builds are never read. */
  build: string;
  /** Entries kept; the oldest beyond this are removed when a new one is written. */
  maxEntries?: number;
}

const defaultMaxEntries = 64;
// A profile is at most 1 MiB of YAML; its JSON is of the same order. Larger files are not ours.
const maxEntryBytes = 8 * 1024 * 1024;

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The entry's text: the checksum of the JSON on the first line, the JSON after it. */
function encodeEntry(json: string): string {
  return `${sha256(json)}\n${json}`;
}

function decodeEntry(text: string): string | undefined {
  const newline = text.indexOf('\n');
  if (newline !== 64) return undefined;
  const json = text.slice(newline + 1);
  return text.slice(0, newline) === sha256(json) ? json : undefined;
}

export function createFileProfileCache(options: FileProfileCacheOptions): ProfileCache {
  const folder = join(options.folder, 'profiles');
  const maxEntries = options.maxEntries ?? defaultMaxEntries;
  const pathOf = (text: string): string =>
    join(folder, `${sha256('security-profile', options.build, text)}.json`);

  async function removeOldest(): Promise<void> {
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
    if (names.length <= maxEntries) return;
    const entries = await Promise.all(
      names.map(async (name) => {
        const path = join(folder, name);
        return { path, modified: (await stat(path).catch(() => null))?.mtimeMs ?? 0 };
      }),
    );
    entries.sort((a, b) => a.modified - b.modified);
    await Promise.all(
      entries
        .slice(0, entries.length - maxEntries)
        .map(({ path }) => rm(path, { force: true }).catch(() => undefined)),
    );
  }

  return {
    async read(text) {
      try {
        const path = pathOf(text);
        const bytes = await readFile(path);
        if (bytes.byteLength > maxEntryBytes) return undefined;
        const json = decodeEntry(bytes.toString('utf8'));
        return json === undefined ? undefined : (JSON.parse(json) as SecurityProfile);
      } catch {
        return undefined;
      }
    },
    async write(text, profile) {
      try {
        const json = JSON.stringify(profile);
        // Only what JSON gives back unchanged is kept (no undefined fields, no class instances).
        if (json.length > maxEntryBytes || !isDeepStrictEqual(JSON.parse(json), profile)) return;
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await writeFileWhole(pathOf(text), encodeEntry(json), { mode: 0o600 });
        await removeOldest();
      } catch {
        // A cache that cannot be written (read-only home, full disk) costs the next run a parse.
      }
    },
  };
}
