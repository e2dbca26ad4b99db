// Reads pnpm-lock.yaml (lockfile versions 5, 6 and 9): every package with its exact version,
// with the line of each and pnpm's `requiresBuild` as the install-script flag.

import type { Dependency, DependencyFile, DependencyOrigin } from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { checkDependencyText, dependencyFileLimits } from './check-dependency-text.js';
import { isExactNpmVersion } from './classify-npm-spec.js';
import { isPlainObject } from './parse-package-json.js';
import { readLockfileYaml } from './read-lockfile-yaml.js';

interface PackageKey {
  name: string;
  version: string;
}

/**
 * `/lodash/4.17.21` (v5), `/lodash@4.17.21` (v6), `lodash@4.17.21` (v9), each with an optional
 * peer suffix (`_react@18.2.0` in v5, `(react@18.2.0)` in v6 and v9).
 */
export function readPnpmPackageKey(key: string): PackageKey | null {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  const withoutPeers = bare.replace(/\(.*$/s, '');
  const at = withoutPeers.indexOf('@', 1);
  if (at !== -1) return { name: withoutPeers.slice(0, at), version: withoutPeers.slice(at + 1) };
  // v5: name segments then the version segment.
  const slash = withoutPeers.lastIndexOf('/');
  if (slash <= 0) return null;
  const version = withoutPeers.slice(slash + 1).replace(/_.*$/s, '');
  return { name: withoutPeers.slice(0, slash), version };
}

function readOrigin(entry: Record<string, unknown>, version: string): DependencyOrigin {
  const resolution = isPlainObject(entry.resolution) ? entry.resolution : {};
  if (typeof resolution.repo === 'string' || typeof resolution.commit === 'string') return 'git';
  if (typeof resolution.directory === 'string') return 'path';
  if (typeof resolution.tarball === 'string') {
    return /^file:/.test(resolution.tarball) ? 'path' : 'url';
  }
  if (/^(?:file:|link:)/.test(version)) return 'path';
  if (/^https?:/.test(version) || version.includes('/')) return 'url';
  return 'registry';
}

export function parsePnpmLockfile(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const read = readLockfileYaml(text, 'packages');
  if (!read.ok) return read;
  const lock = read.value.data;
  if (!isPlainObject(lock) || !('lockfileVersion' in lock))
    return {
      ok: false,
      issues: [{ message: 'not a pnpm lockfile (no lockfileVersion)', line: 1 }],
    };
  const packages = isPlainObject(lock.packages) ? lock.packages : {};
  const dependencies: Dependency[] = [];
  for (const [key, value] of Object.entries(packages)) {
    const parsedKey = readPnpmPackageKey(key);
    if (parsedKey === null) continue;
    const entry = isPlainObject(value) ? value : {};
    const origin = readOrigin(entry, parsedKey.version);
    const name =
      typeof entry.name === 'string' && origin !== 'registry' ? entry.name : parsedKey.name;
    const version =
      origin !== 'registry' && typeof entry.version === 'string'
        ? entry.version
        : parsedKey.version;
    dependencies.push({
      ecosystem: 'npm',
      name,
      version,
      isExact: origin === 'registry' && isExactNpmVersion(version),
      scope: entry.dev === true ? 'dev' : entry.optional === true ? 'optional' : 'prod',
      origin,
      location: { file, line: read.value.keyLines.get(key) },
      ...(entry.requiresBuild === true ? { hasInstallScript: true } : {}),
    });
    if (dependencies.length >= dependencyFileLimits.maxDependencies) break;
  }
  return { ok: true, value: { format: 'pnpm-lock.yaml', dependencies, includes: [] } };
}
