// Loads the CLI bundle: every command's code in one CommonJS script (dist/cli/thresher.cjs, built
// by scripts/bundle-cli.mjs), compiled with V8's code cache when a good one lies next to it.
// The cache (bytecode of the functions a one-report triage ran, written at build time) spares V8
// parsing and compiling them again on each start. It is optional: a missing, unreadable,
// truncated, corrupt or stale cache is ignored and the script compiles from its source.
//
// A cache belongs to one bundle: the bundle's first line names its build (a hash of its text) and
// the cache's file name carries it. V8 itself rejects a cache made by another V8 version or with
// other flags, but in a release build it does not check the cache's bytes (a corrupt payload
// could crash it), so the file starts with a checksum of its payload, checked before V8 sees it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { runCli } from './run-cli.js';

/** The bundle's entry: run-cli.ts's own `runCli` (a type only: the bin never imports the CLI). */
type RunCli = typeof runCli;

export interface CliBundle {
  runCli: RunCli;
  /** The compiled script, for `createCachedData()` when the cache is written. */
  script: Script;
  /** True when V8 took the cache. */
  isCacheUsed: boolean;
  /** Where this bundle's code cache lies (read or not), or null for a bundle that names no build. */
  cachePath: string | null;
  /** The build the bundle names on its first line, or null. */
  build: string | null;
}

const buildLinePrefix = '// thresher-bundle ';
/** Checksum (4 bytes), then the payload's length (4 bytes), little-endian; then the payload. */
const cacheHeaderBytes = 8;

/** The build named on the bundle's first line (`// thresher-bundle <hash>`), or null. */
export function readBundleBuild(source: string): string | null {
  if (!source.startsWith(buildLinePrefix)) return null;
  const end = source.indexOf('\n');
  const build = source.slice(buildLinePrefix.length, end === -1 ? undefined : end);
  return /^[0-9a-f]{16,64}$/.test(build) ? build : null;
}

/** Where the code cache of the bundle at `bundlePath` with this build lies. */
function codeCachePath(bundlePath: string, build: string): string {
  return join(dirname(bundlePath), `${basename(bundlePath, '.cjs')}-${build}.codecache`);
}

/**
 * The first four bytes of the payload's SHA-1, as a little-endian number: catches a damaged file.
 * Node's native hash takes about 1.3 ms for the 1.7 MB cache where an FNV loop in JavaScript,
 * interpreted on this one run, took 2.5 to 4.7 ms of CPU; `crypto` is loaded before the run-time
 * flags anyway (tier-up-later.ts), and not at all for `--help`.
 */
function checksum(bytes: Uint8Array): number {
  const digest = process.getBuiltinModule('node:crypto').createHash('sha1').update(bytes).digest();
  return digest.readUInt32LE(0);
}

/** A code cache file's bytes: the header, then V8's cached data. */
export function encodeCodeCache(payload: Uint8Array): Buffer {
  const file = Buffer.alloc(cacheHeaderBytes + payload.byteLength);
  file.writeUInt32LE(checksum(payload), 0);
  file.writeUInt32LE(payload.byteLength, 4);
  file.set(payload, cacheHeaderBytes);
  return file;
}

/** V8's cached data from a code cache file's bytes, or undefined unless the header vouches for it. */
export function decodeCodeCache(file: Uint8Array): Buffer | undefined {
  if (file.byteLength <= cacheHeaderBytes) return undefined;
  const header = new DataView(file.buffer, file.byteOffset, cacheHeaderBytes);
  const payload = Buffer.from(
    file.buffer,
    file.byteOffset + cacheHeaderBytes,
    file.byteLength - cacheHeaderBytes,
  );
  if (header.getUint32(4, true) !== payload.byteLength) return undefined;
  return header.getUint32(0, true) === checksum(payload) ? payload : undefined;
}

function readCodeCache(cachePath: string | null): Buffer | undefined {
  if (cachePath === null) return undefined;
  try {
    return decodeCodeCache(readFileSync(cachePath));
  } catch {
    return undefined; // no cache (or an unreadable one): compile from the source
  }
}

/**
 * Compiles and runs the bundle at `bundlePath` as CommonJS and returns its `runCli`. With
 * `isCacheRead` false it ignores any cache (the build does so when it writes a new one).
 * `beforeRun` runs once the script is compiled (the cache taken in or rejected), before the
 * bundle's module initialisers.
 */
export function loadCliBundle(
  bundlePath: string,
  isCacheRead = true,
  beforeRun?: () => void,
): CliBundle {
  // The bundle is ASCII (scripts/bundle-cli.mjs escapes everything else), and Latin-1 decodes
  // ASCII to the same string without UTF-8's validation: about 2.5 ms less for its 2 MB.
  const source = readFileSync(bundlePath, 'latin1');
  const build = readBundleBuild(source);
  const cachePath = build === null ? null : codeCachePath(bundlePath, build);
  const cachedData = isCacheRead ? readCodeCache(cachePath) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: bundlePath, ...(cachedData === undefined ? {} : { cachedData }) },
  );
  beforeRun?.();
  const module = { exports: {} as { runCli?: RunCli } };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const { runCli } = module.exports;
  if (typeof runCli !== 'function') throw new Error(`${bundlePath} does not export runCli`);
  const isCacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return { runCli, script, isCacheUsed, cachePath, build };
}
