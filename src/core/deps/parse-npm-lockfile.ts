// Reads package-lock.json and npm-shrinkwrap.json, lockfile versions 1 to 3: every installed
// package with its exact version, scope, origin and install-script flag, with the line of each.

import type {
  Dependency,
  DependencyFile,
  DependencyFileFormat,
  DependencyOrigin,
  DependencyScope,
} from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { parseJsonText } from '../report/parse-json-text.js';
import { checkDependencyText, dependencyFileLimits } from './check-dependency-text.js';
import { classifyNpmSpec, isExactNpmVersion } from './classify-npm-spec.js';
import { locateJsonKeys } from './locate-json-keys.js';
import { isPlainObject } from './parse-package-json.js';

type Entry = Record<string, unknown>;

function readScope(entry: Entry): DependencyScope {
  if (entry.dev === true || entry.devOptional === true) return 'dev';
  if (entry.optional === true) return 'optional';
  if (entry.peer === true) return 'peer';
  return 'prod';
}

function readOrigin(resolved: unknown): DependencyOrigin {
  if (typeof resolved !== 'string' || resolved === '') return 'registry';
  const origin = classifyNpmSpec('', resolved).origin;
  // A tarball on a registry host is still the registry: npm records it for every package.
  return origin === 'url' && /\/-\/[^/]+\.tgz(?:$|[?#])/.test(resolved) ? 'registry' : origin;
}

/** `node_modules/a/node_modules/@s/b` -> `@s/b`; null for workspace folders. */
function nameFromPath(path: string): string | null {
  const at = path.lastIndexOf('node_modules/');
  return at === -1 ? null : path.slice(at + 'node_modules/'.length);
}

function readPackages(packages: Entry, file: string, lines: Map<string, number>): Dependency[] {
  const found: Dependency[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (!isPlainObject(entry) || entry.link === true) continue;
    const installedAs = nameFromPath(path);
    if (installedAs === null || installedAs === '') continue;
    const name = typeof entry.name === 'string' && entry.name !== '' ? entry.name : installedAs;
    const version = typeof entry.version === 'string' ? entry.version : '';
    const origin = readOrigin(entry.resolved);
    found.push({
      ecosystem: 'npm',
      name,
      version,
      isExact: origin === 'registry' && isExactNpmVersion(version),
      scope: readScope(entry),
      origin,
      location: { file, line: lines.get(path) },
      ...(entry.hasInstallScript === true ? { hasInstallScript: true } : {}),
    });
    if (found.length >= dependencyFileLimits.maxDependencies) break;
  }
  return found;
}

// Version 1: `dependencies` nest the way node_modules folders do.
function readNestedDependencies(
  root: Entry,
  file: string,
  lines: Map<string, number>,
): Dependency[] {
  const found: Dependency[] = [];
  const pending: Array<{ entries: Entry; path: string }> = [{ entries: root, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const [key, entry] of Object.entries(next.entries)) {
      if (!isPlainObject(entry)) continue;
      const path = `${next.path}\0${key}`;
      const raw = typeof entry.version === 'string' ? entry.version : '';
      const spec = classifyNpmSpec(key, raw);
      const origin = spec.origin === 'registry' ? readOrigin(entry.resolved) : spec.origin;
      found.push({
        ecosystem: 'npm',
        name: spec.name,
        version: spec.version,
        isExact: origin === 'registry' && spec.isExact,
        scope: readScope(entry),
        origin,
        location: { file, line: lines.get(path) },
      });
      if (found.length >= dependencyFileLimits.maxDependencies) return found;
      if (isPlainObject(entry.dependencies)) pending.push({ entries: entry.dependencies, path });
    }
  }
  return found.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

function locateEntries(text: string, isFlat: boolean): Map<string, number> {
  const lines = new Map<string, number>();
  locateJsonKeys(text, (parents, key, line) => {
    if (isFlat) {
      if (parents.length === 2 && parents[1] === 'packages') lines.set(key, line);
    } else if (parents.length % 2 === 0 && parents[parents.length - 1] === 'dependencies') {
      let path = '';
      for (let index = 2; index < parents.length; index += 2) path += `\0${parents[index]}`;
      lines.set(`${path}\0${key}`, line);
    }
  });
  return lines;
}

function dedupe(dependencies: Dependency[]): Dependency[] {
  const seen = new Set<string>();
  return dependencies.filter((dependency) => {
    const key = `${dependency.name}@${dependency.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function parseNpmLockfile(
  text: string,
  file: string,
  format: Extract<DependencyFileFormat, 'package-lock.json' | 'npm-shrinkwrap.json'>,
): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const lock = parsed.value;
  if (!isPlainObject(lock))
    return { ok: false, issues: [{ message: `${format} must be a JSON object`, line: 1 }] };
  const version = lock.lockfileVersion;
  if (version !== undefined && version !== 1 && version !== 2 && version !== 3) {
    return {
      ok: false,
      issues: [
        { message: `unknown lockfileVersion ${JSON.stringify(version)} (expected 1, 2 or 3)` },
      ],
    };
  }
  const isFlat = isPlainObject(lock.packages);
  if (!isFlat && lock.dependencies !== undefined && !isPlainObject(lock.dependencies))
    return { ok: false, issues: [{ message: '"dependencies" must be an object' }] };
  const lines = locateEntries(text, isFlat);
  const dependencies = isFlat
    ? readPackages(lock.packages as Entry, file, lines)
    : readNestedDependencies((lock.dependencies ?? {}) as Entry, file, lines);
  return { ok: true, value: { format, dependencies: dedupe(dependencies), includes: [] } };
}
