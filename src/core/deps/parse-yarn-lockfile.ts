// Reads yarn.lock: the classic v1 format (a small line-based format, read here in one linear
// pass) and the berry format (YAML, with `__metadata`), each package with its exact version.

import type { Dependency, DependencyFile, DependencyOrigin } from '../model/dependency.js';
import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import { checkDependencyText, dependencyFileLimits } from './check-dependency-text.js';
import { classifyNpmSpec, isExactNpmVersion } from './classify-npm-spec.js';
import { isPlainObject } from './parse-package-json.js';
import { readLockfileYaml } from './read-lockfile-yaml.js';

/** `@babel/core@^7.0.0` -> name and range; the `@` of a scope is not the separator. */
function splitPattern(pattern: string): { name: string; range: string } {
  const at = pattern.indexOf('@', 1);
  return at === -1
    ? { name: pattern, range: '' }
    : { name: pattern.slice(0, at), range: pattern.slice(at + 1) };
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}

interface ClassicEntry {
  patterns: string[];
  line: number;
  fields: Map<string, string>;
}

/** Blocks of `pattern, pattern:` header lines followed by indented `key value` lines. */
function readClassicEntries(text: string): { entries: ClassicEntry[]; issues: ParseIssue[] } {
  const entries: ClassicEntry[] = [];
  const issues: ParseIssue[] = [];
  let current: ClassicEntry | null = null;
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length && entries.length < dependencyFileLimits.maxDependencies) {
    const end = text.indexOf('\n', start);
    const rawLine = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    start = end === -1 ? text.length + 1 : end + 1;
    lineNumber += 1;
    if (rawLine.trim() === '' || rawLine.trimStart().startsWith('#')) continue;
    if (!rawLine.startsWith(' ')) {
      if (!rawLine.endsWith(':')) {
        if (issues.length < 20)
          issues.push({ message: 'expected a `package@range:` line', line: lineNumber });
        current = null;
        continue;
      }
      current = {
        patterns: rawLine
          .slice(0, -1)
          .split(',')
          .map(unquote)
          .filter((part) => part !== ''),
        line: lineNumber,
        fields: new Map(),
      };
      entries.push(current);
    } else if (current && !rawLine.startsWith('    ')) {
      const field = rawLine.trim();
      const space = field.indexOf(' ');
      if (space > 0) current.fields.set(field.slice(0, space), unquote(field.slice(space + 1)));
    }
  }
  return { entries, issues };
}

function parseClassic(text: string, file: string): ParseResult<DependencyFile> {
  const { entries, issues } = readClassicEntries(text);
  if (entries.length === 0 && issues.length > 0) return { ok: false, issues };
  const dependencies: Dependency[] = [];
  for (const entry of entries) {
    const first = entry.patterns[0];
    if (first === undefined) continue;
    const { name, range } = splitPattern(first);
    const spec = classifyNpmSpec(name, range);
    const resolved = entry.fields.get('resolved') ?? '';
    const resolvedOrigin = classifyNpmSpec('', resolved).origin;
    const origin =
      spec.origin !== 'registry'
        ? spec.origin
        : resolvedOrigin === 'git' || resolvedOrigin === 'path'
          ? resolvedOrigin
          : 'registry';
    const version = entry.fields.get('version') ?? spec.version;
    dependencies.push({
      ecosystem: 'npm',
      name: spec.name,
      version,
      isExact: origin === 'registry' && isExactNpmVersion(version),
      scope: 'prod',
      origin,
      location: { file, line: entry.line },
    });
  }
  return { ok: true, value: { format: 'yarn.lock', dependencies, includes: [] } };
}

function readBerryOrigin(reference: string): DependencyOrigin | 'skip' {
  if (reference.startsWith('npm:') || reference.startsWith('patch:')) return 'registry';
  if (reference.startsWith('workspace:')) return 'skip';
  return classifyNpmSpec('', reference.replace(/^(?:file|portal|link):/, './')).origin;
}

function parseBerry(text: string, file: string): ParseResult<DependencyFile> {
  const read = readLockfileYaml(text, null);
  if (!read.ok) return read;
  const lock = read.value.data;
  if (!isPlainObject(lock))
    return { ok: false, issues: [{ message: 'yarn.lock must be a mapping' }] };
  const dependencies: Dependency[] = [];
  for (const [key, value] of Object.entries(lock)) {
    if (key === '__metadata' || !isPlainObject(value)) continue;
    const resolution = typeof value.resolution === 'string' ? value.resolution : key.split(',')[0]!;
    const { name, range } = splitPattern(unquote(resolution));
    const origin = readBerryOrigin(range);
    if (origin === 'skip') continue;
    const version =
      typeof value.version === 'string' || typeof value.version === 'number'
        ? String(value.version)
        : '';
    dependencies.push({
      ecosystem: 'npm',
      name,
      version,
      isExact: origin === 'registry' && isExactNpmVersion(version),
      scope: 'prod',
      origin,
      location: { file, line: read.value.keyLines.get(key) },
    });
    if (dependencies.length >= dependencyFileLimits.maxDependencies) break;
  }
  return { ok: true, value: { format: 'yarn.lock', dependencies, includes: [] } };
}

/** True when the text is a yarn berry lockfile (YAML with `__metadata`). */
function isBerryLockfile(text: string): boolean {
  return /^__metadata:/m.test(text.slice(0, 4096));
}

export function parseYarnLockfile(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  return isBerryLockfile(text) ? parseBerry(text, file) : parseClassic(text, file);
}
