import { chmod, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecurityProfile } from '../../config/load-security-profile.js';
import type { SecurityProfile } from '../../core/triage.js';
import { createFileProfileCache } from './create-file-profile-cache.js';

const exampleProfilePath = resolve(import.meta.dirname, '../../../examples/security-profile.yml');
let folder = '';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'thresher-profile-cache-'));
});
afterEach(async () => {
  await chmod(folder, 0o700).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

async function exampleProfile(): Promise<{ text: string; profile: SecurityProfile }> {
  const text = await readFile(exampleProfilePath, 'utf8');
  return { text, profile: await loadSecurityProfile(exampleProfilePath) };
}

async function entryPaths(): Promise<string[]> {
  const names = await readdir(join(folder, 'profiles')).catch(() => []);
  return names.map((name) => join(folder, 'profiles', name));
}

describe('createFileProfileCache', () => {
  it('gives back what was written for the same text and build, equal to the parsed profile', async () => {
    const { text, profile } = await exampleProfile();
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    expect(await cache.read(text)).toBeUndefined();
    await cache.write(text, profile);
    expect(await cache.read(text)).toStrictEqual(profile);
    expect(await entryPaths()).toHaveLength(1);
  });

  it('never gives an entry to another text or another build', async () => {
    const { text, profile } = await exampleProfile();
    await createFileProfileCache({ folder, build: 'a'.repeat(16) }).write(text, profile);
    const sameBuild = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    expect(await sameBuild.read(`${text}\n`)).toBeUndefined();
    const otherBuild = createFileProfileCache({ folder, build: 'b'.repeat(16) });
    expect(await otherBuild.read(text)).toBeUndefined();
  });

  it('treats a damaged, truncated or foreign entry as a miss', async () => {
    const { text, profile } = await exampleProfile();
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    await cache.write(text, profile);
    const [path] = await entryPaths();
    const good = await readFile(path!, 'utf8');
    const damaged = [
      good.replace('"name"', '"nome"'), // a changed byte behind a good checksum
      good.slice(0, good.length - 10), // truncated
      good.slice(65), // no checksum line
      `${'0'.repeat(64)}\n{}`, // a checksum that does not fit
      '',
    ];
    for (const content of damaged) {
      await writeFile(path!, content);
      expect(await cache.read(text)).toBeUndefined();
    }
    await writeFile(path!, Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    expect(await cache.read(text)).toBeUndefined();
  });

  it('survives any bytes in an entry without throwing (property)', async () => {
    const { text } = await exampleProfile();
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    await cache.write(text, (await exampleProfile()).profile);
    const [path] = await entryPaths();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await writeFile(path!, bytes);
        expect(await cache.read(text)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('does not keep a value that JSON would not give back unchanged', async () => {
    const { text, profile } = await exampleProfile();
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    const withUndefined = { ...profile, project: { ...profile.project, extra: undefined } };
    await cache.write(text, withUndefined);
    expect(await entryPaths()).toEqual([]);
  });

  it('keeps at most maxEntries entries, removing the oldest', async () => {
    const { profile } = await exampleProfile();
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16), maxEntries: 3 });
    const seen = new Set<string>();
    const base = Date.now() / 1000 - 3600;
    for (let index = 0; index < 5; index += 1) {
      await cache.write(`profile ${index}`, profile);
      // Each new entry an hour older than now plus its index: distinct times, oldest first.
      for (const path of await entryPaths()) {
        if (seen.has(path)) continue;
        seen.add(path);
        await utimes(path, base + index, base + index);
      }
    }
    expect(await entryPaths()).toHaveLength(3);
    for (const index of [2, 3, 4]) expect(await cache.read(`profile ${index}`)).toBeDefined();
    for (const index of [0, 1]) expect(await cache.read(`profile ${index}`)).toBeUndefined();
  });

  it('is silent when the folder cannot be written', async () => {
    const { text, profile } = await exampleProfile();
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to check
    await chmod(folder, 0o500);
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    await expect(cache.write(text, profile)).resolves.toBeUndefined();
    expect(await cache.read(text)).toBeUndefined();
  });
});

describe('loadSecurityProfile with a cache', () => {
  it('parses once, then reads the cache; an invalid profile is never cached', async () => {
    const cache = createFileProfileCache({ folder, build: 'a'.repeat(16) });
    const parsed = await loadSecurityProfile(exampleProfilePath, cache);
    expect(await entryPaths()).toHaveLength(1);
    expect(await loadSecurityProfile(exampleProfilePath, cache)).toStrictEqual(parsed);
    const invalid = join(folder, 'invalid.yml');
    await writeFile(invalid, 'version: 1\nproject: 3\n');
    await expect(loadSecurityProfile(invalid, cache)).rejects.toThrow(/invalid\.yml:/);
    await expect(loadSecurityProfile(invalid, cache)).rejects.toThrow(/invalid\.yml:/);
    expect(await entryPaths()).toHaveLength(1);
  });
});
