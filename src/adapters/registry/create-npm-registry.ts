// The npm registry behind the PackageRegistry port: packuments (summarised) with a disk cache,
// bounded concurrency and retries, and the bulk advisory endpoint; offline, only the cache.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type NpmAdvisory, type RegistryLookup } from '../../core/triage.js';
import { summarizePackument } from '../../core/dependencies.js';
import type { PackageRegistry, RegistryOpener } from '../../services/ports.js';
import { resolveCacheFolder } from '../files/resolve-cache-folder.js';
import { createRegistryCache } from './create-registry-cache.js';
import {
  registryUrlFor,
  resolveRegistryConfig,
  type ProcessEnvironment,
} from './resolve-registry-url.js';

export interface NpmRegistryOptions {
  /** Thresher's cache folder (`Config.cacheDir`); `$XDG_CACHE_HOME/thresher` or `~/.cache/thresher` when absent. */
  cacheDir?: string | null;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  cacheMaxAgeMs?: number;
  /** Milliseconds before retry n (0-based); tests pass a short one. */
  backoffMs?: (attempt: number) => number;
}

const maxDocumentBytes = 64 * 1024 * 1024;
const advisoryBatchSize = 100;

async function readUserNpmrc(environment: ProcessEnvironment): Promise<string> {
  const home = environment.HOME ?? environment.USERPROFILE;
  const path = environment.npm_config_userconfig ?? (home ? join(home, '.npmrc') : null);
  if (!path) return '';
  try {
    return (await readFile(path, 'utf8')).slice(0, 1024 * 1024);
  } catch {
    return '';
  }
}

async function readBody(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxDocumentBytes) throw new Error(`answer too large (${declared} bytes)`);
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxDocumentBytes) {
      await reader.cancel();
      throw new Error(`answer larger than ${maxDocumentBytes} bytes`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

export function createNpmRegistryOpener(
  environment: ProcessEnvironment,
  options: NpmRegistryOptions = {},
): RegistryOpener {
  const concurrency = options.concurrency ?? 8;
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const backoffMs = options.backoffMs ?? ((attempt: number) => 250 * 2 ** attempt);
  const cache = createRegistryCache(
    join(resolveCacheFolder(environment, options.cacheDir ?? null), 'npm-registry'),
    options.cacheMaxAgeMs ?? 24 * 3600 * 1000,
    Date.now,
  );
  return {
    open({ offline, npmrcTexts }): PackageRegistry {
      const userNpmrc = readUserNpmrc(environment);
      let configPromise: Promise<ReturnType<typeof resolveRegistryConfig>> | null = null;
      const config = () =>
        (configPromise ??= userNpmrc.then((user) =>
          resolveRegistryConfig(environment, [user, ...npmrcTexts]),
        ));
      const counts = { requests: 0, cacheHits: 0 };

      async function send(
        url: string,
        init: RequestInit,
      ): Promise<{ status: number; text: string }> {
        for (let attempt = 0; ; attempt += 1) {
          counts.requests += 1;
          try {
            const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
            if (isRetryable(response.status) && attempt < retries) {
              await response.body?.cancel();
              await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
              continue;
            }
            return { status: response.status, text: response.ok ? await readBody(response) : '' };
          } catch (error) {
            if (attempt >= retries) throw error;
            await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
          }
        }
      }

      async function lookupOne(name: string): Promise<RegistryLookup | null> {
        const base = registryUrlFor(await config(), name);
        const cached = await cache.read(base, name, { ignoreExpiry: offline });
        if (cached) {
          counts.cacheHits += 1;
          return cached;
        }
        if (offline) return null;
        try {
          const url = `${base}${name.replace('/', '%2f')}`;
          const answer = await send(url, { headers: { accept: 'application/json' } });
          if (answer.status === 404) {
            await cache.write(base, name, { status: 'not-found' });
            return { status: 'not-found' };
          }
          if (answer.status !== 200)
            return { status: 'unavailable', reason: `HTTP ${answer.status}` };
          const summary = summarizePackument(JSON.parse(answer.text) as unknown);
          if (!summary.ok) return { status: 'unavailable', reason: summary.issues[0]!.message };
          const lookup = { status: 'found' as const, record: summary.value };
          await cache.write(base, name, lookup);
          return lookup;
        } catch (error) {
          return {
            status: 'unavailable',
            reason: error instanceof Error ? error.message : String(error),
          };
        }
      }

      return {
        resolveUrl: async () => (await config()).url,
        isOffline: offline,
        counts,
        async lookupPackages(names) {
          const answers = new Map<string, RegistryLookup>();
          await forEachLimited([...new Set(names)], concurrency, async (name) => {
            const answer = await lookupOne(name);
            if (answer) answers.set(name, answer);
          });
          return answers;
        },
        async fetchAdvisories(versions) {
          const advisories = new Map<string, NpmAdvisory[]>();
          if (offline) return { advisories, problem: 'offline: npm advisories not fetched' };
          const url = `${(await config()).url}-/npm/v1/security/advisories/bulk`;
          const entries = [...versions].filter(([, list]) => list.length > 0);
          const batches: Array<typeof entries> = [];
          for (let start = 0; start < entries.length; start += advisoryBatchSize)
            batches.push(entries.slice(start, start + advisoryBatchSize));
          let problem: string | undefined;
          await forEachLimited(batches, Math.min(concurrency, 4), async (batch) => {
            try {
              const answer = await send(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify(
                  Object.fromEntries(batch.map(([name, list]) => [name, [...list]])),
                ),
              });
              if (answer.status !== 200) {
                problem = `advisory endpoint answered HTTP ${answer.status}`;
                return;
              }
              for (const [name, list] of Object.entries(
                JSON.parse(answer.text) as Record<string, unknown>,
              ))
                advisories.set(name, readAdvisories(list));
            } catch (error) {
              problem = `advisory endpoint unreachable: ${error instanceof Error ? error.message : String(error)}`;
            }
          });
          return { advisories, ...(problem ? { problem } : {}) };
        },
      };
    },
  };
}

function readAdvisories(list: unknown): NpmAdvisory[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const advisory = entry as Record<string, unknown>;
    if (typeof advisory.vulnerable_versions !== 'string') return [];
    return [
      {
        id:
          typeof advisory.id === 'number' || typeof advisory.id === 'string'
            ? String(advisory.id)
            : '',
        url: typeof advisory.url === 'string' ? advisory.url : '',
        title: typeof advisory.title === 'string' ? advisory.title.slice(0, 300) : '',
        severity: typeof advisory.severity === 'string' ? advisory.severity : '',
        vulnerableVersions: advisory.vulnerable_versions,
      },
    ];
  });
}
