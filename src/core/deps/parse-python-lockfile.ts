// Reads the Python lockfiles: poetry.lock and uv.lock (TOML `[[package]]` tables) and
// Pipfile.lock (JSON `default` and `develop`), each package with its exact version.

import type {
  Dependency,
  DependencyFile,
  DependencyFileFormat,
  DependencyOrigin,
} from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { parseJsonText } from '../report/parse-json-text.js';
import { checkDependencyText, dependencyFileLimits } from './check-dependency-text.js';
import { locateJsonKeys } from './locate-json-keys.js';
import { isPlainObject } from './parse-package-json.js';
import { isExactPypiSpecifier, readOriginOfUrl } from './parse-pep508-requirement.js';
import { createLineFinder, readTomlText } from './read-toml-text.js';

function readSourceOrigin(source: unknown): DependencyOrigin | 'skip' {
  if (!isPlainObject(source)) return 'registry';
  // uv: the project itself and workspace members.
  if (typeof source.editable === 'string' || typeof source.virtual === 'string') return 'skip';
  if (typeof source.registry === 'string') return 'registry';
  if (typeof source.git === 'string') return 'git';
  if (typeof source.path === 'string' || typeof source.directory === 'string') return 'path';
  if (typeof source.url === 'string' && source.type === undefined)
    return readOriginOfUrl(source.url);
  // poetry: `type = "git" | "directory" | "file" | "url" | "legacy"` (legacy is a private index).
  if (source.type === 'git') return 'git';
  if (source.type === 'directory' || source.type === 'file') return 'path';
  if (source.type === 'url') return 'url';
  return 'registry';
}

function parseTomlLockfile(
  text: string,
  file: string,
  format: Extract<DependencyFileFormat, 'poetry.lock' | 'uv.lock'>,
): ParseResult<DependencyFile> {
  const parsed = readTomlText(text);
  if (!parsed.ok) return parsed;
  const packages = parsed.value.package;
  if (packages !== undefined && !Array.isArray(packages))
    return { ok: false, issues: [{ message: '`package` must be an array of tables' }] };
  const lines = createLineFinder(text);
  const dependencies: Dependency[] = [];
  for (const entry of packages ?? []) {
    if (!isPlainObject(entry) || typeof entry.name !== 'string') continue;
    const origin = readSourceOrigin(entry.source);
    const line = lines.find(`name = "${entry.name}"`);
    if (origin === 'skip') continue;
    const version = typeof entry.version === 'string' ? entry.version : '';
    const isDev = entry.category === 'dev';
    dependencies.push({
      ecosystem: 'pypi',
      name: entry.name,
      version,
      isExact: origin === 'registry' && version !== '',
      scope: isDev ? 'dev' : entry.optional === true ? 'optional' : 'prod',
      origin,
      location: { file, line },
    });
    if (dependencies.length >= dependencyFileLimits.maxDependencies) break;
  }
  return { ok: true, value: { format, dependencies, includes: [] } };
}

export function parsePoetryLockfile(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  return refused ? { ok: false, issues: [refused] } : parseTomlLockfile(text, file, 'poetry.lock');
}

export function parseUvLockfile(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  return refused ? { ok: false, issues: [refused] } : parseTomlLockfile(text, file, 'uv.lock');
}

function readPipfileEntry(name: string, entry: unknown): Omit<Dependency, 'location' | 'scope'> {
  const table = isPlainObject(entry) ? entry : {};
  const origin: DependencyOrigin =
    typeof table.git === 'string'
      ? 'git'
      : typeof table.path === 'string'
        ? 'path'
        : typeof table.file === 'string'
          ? readOriginOfUrl(table.file)
          : 'registry';
  const version = typeof table.version === 'string' ? table.version : '';
  return {
    ecosystem: 'pypi',
    name,
    version,
    isExact: origin === 'registry' && isExactPypiSpecifier(version),
    origin,
  };
}

export function parsePipfileLock(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value))
    return { ok: false, issues: [{ message: 'Pipfile.lock must be a JSON object', line: 1 }] };
  const lock = parsed.value;
  const lines = new Map<string, number>();
  locateJsonKeys(text, (parents, key, line) => {
    if (parents.length === 2) lines.set(`${parents[1]}\0${key}`, line);
  });
  const dependencies: Dependency[] = [];
  for (const [section, scope] of [
    ['default', 'prod'],
    ['develop', 'dev'],
  ] as const) {
    const entries = isPlainObject(lock[section]) ? lock[section] : {};
    for (const [name, entry] of Object.entries(entries)) {
      const location = { file, line: lines.get(`${section}\0${name}`) };
      dependencies.push({ ...readPipfileEntry(name, entry), scope, location });
    }
  }
  return { ok: true, value: { format: 'Pipfile.lock', dependencies, includes: [] } };
}
