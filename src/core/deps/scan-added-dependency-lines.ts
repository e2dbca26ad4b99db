// Reads the dependencies a diff adds to an existing manifest or lockfile from its hunks alone:
// a fragment cannot be parsed whole, so each format is scanned line by line, using the context
// lines to know the section, and only entries whose defining line was added are kept.

import type { Dependency, DependencyFileFormat, DependencyScope } from '../model/dependency.js';
import { classifyNpmSpec, isExactNpmVersion } from './classify-npm-spec.js';
import { isExactPypiSpecifier, parsePep508Requirement } from './parse-pep508-requirement.js';
import { readPnpmPackageKey } from './parse-pnpm-lockfile.js';
import { readRequirementLine } from './parse-requirements-file.js';
import type { DiffFile, DiffLine } from './parse-unified-diff.js';

const npmSections: Readonly<Record<string, DependencyScope>> = {
  dependencies: 'prod',
  devDependencies: 'dev',
  optionalDependencies: 'optional',
  peerDependencies: 'peer',
};
// Matched against trimmed lines, so no two whitespace runs can meet at either end.
const jsonStringEntry = /^"([^"\n]{1,214})"\s*:\s*"([^"\n]{0,1000})",?$/;
const jsonObjectOpen = /^"([^"\n]{0,1000})"\s*:\s*\{$/;
const versionLike =
  /^(?:[\^~<>=*xX]|\d|latest$|next$|npm:|git|github:|file:|link:|workspace:|https?:)/;
const notDependencyKeys = new Set([
  'node',
  'npm',
  'yarn',
  'pnpm',
  'name',
  'version',
  'main',
  'types',
]);

function npmDependency(
  file: string,
  line: DiffLine,
  key: string,
  value: string,
  scope: DependencyScope,
): Dependency {
  const spec = classifyNpmSpec(key, value);
  return {
    ecosystem: 'npm',
    name: spec.name,
    version: spec.version,
    isExact: spec.isExact,
    scope,
    origin: spec.origin,
    location: { file, line: line.line },
  };
}

function groupByHunk(lines: readonly DiffLine[]): DiffLine[][] {
  const hunks: DiffLine[][] = [];
  for (const line of lines) {
    const last = hunks[hunks.length - 1];
    if (last && last[0]!.hunk === line.hunk) last.push(line);
    else hunks.push([line]);
  }
  return hunks;
}

function scanPackageJson(file: DiffFile): Dependency[] {
  const found: Dependency[] = [];
  for (const hunk of groupByHunk(file.lines)) {
    // null: the hunk does not show which object we are in.
    let section: string | null = null;
    for (const line of hunk) {
      const opened = jsonObjectOpen.exec(line.text.trim());
      if (opened) {
        section = opened[1]!;
        continue;
      }
      if (/^\s*\}/.test(line.text)) {
        section = section === null ? null : '';
        continue;
      }
      const entry = jsonStringEntry.exec(line.text.trim());
      if (!entry || line.kind !== 'added') continue;
      const [, key, value] = entry as unknown as [string, string, string];
      const scope = section === null ? undefined : npmSections[section];
      const isGuess = section === null && versionLike.test(value) && !notDependencyKeys.has(key);
      if (scope !== undefined || isGuess)
        found.push(npmDependency(file.path, line, key, value, scope ?? 'prod'));
    }
  }
  return found;
}

/** package-lock.json (`"node_modules/x": {` then `"version"`) and Pipfile.lock (`"x": {` ... `"version"`). */
function scanJsonLockfile(file: DiffFile, ecosystem: 'npm' | 'pypi'): Dependency[] {
  const found: Dependency[] = [];
  let pending: { key: string; line: DiffLine } | null = null;
  // The entry just read: flags written after its version still belong to it.
  let current: Dependency | null = null;
  let section = '';
  for (const line of file.lines) {
    const opened = jsonObjectOpen.exec(line.text.trim());
    if (opened) {
      const key = opened[1]!;
      if (['default', 'develop', 'packages', 'dependencies', '_meta'].includes(key)) section = key;
      const isContainer =
        key === '' || key === section || (ecosystem === 'npm' && key === 'dependencies');
      pending = isContainer ? null : { key, line };
      current = null;
      continue;
    }
    const entry = jsonStringEntry.exec(line.text.trim());
    if (entry && entry[1] === 'version' && pending) {
      if (pending.line.kind === 'added') {
        const version = entry[2]!;
        const at = pending.key.lastIndexOf('node_modules/');
        current = {
          ecosystem,
          name: at === -1 ? pending.key : pending.key.slice(at + 'node_modules/'.length),
          version,
          isExact: ecosystem === 'npm' ? isExactNpmVersion(version) : isExactPypiSpecifier(version),
          scope: section === 'develop' ? 'dev' : 'prod',
          origin: 'registry',
          location: { file: file.path, line: pending.line.line },
        };
        found.push(current);
      }
      pending = null;
    } else if (current && /^\s*"(?:dev|devOptional)"\s*:\s*true/.test(line.text)) {
      current.scope = 'dev';
    } else if (current && /^\s*"hasInstallScript"\s*:\s*true/.test(line.text)) {
      current.hasInstallScript = true;
    } else if (/^\s*\}/.test(line.text)) {
      current = null;
    }
  }
  return found;
}

function scanYarnLockfile(file: DiffFile): Dependency[] {
  const found: Dependency[] = [];
  let header: DiffLine | null = null;
  for (const line of file.lines) {
    if (/^[^\s#].*:$/.test(line.text)) {
      header = line;
      continue;
    }
    const version = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line.text);
    if (!version || !header || header.kind !== 'added') continue;
    const first = header.text.slice(0, -1).split(',')[0]!.trim().replace(/^"|"$/g, '');
    const at = first.indexOf('@', 1);
    const spec = classifyNpmSpec(
      at === -1 ? first : first.slice(0, at),
      at === -1 ? '' : first.slice(at + 1).replace(/^npm:(?=[\^~\d])/, ''),
    );
    found.push({
      ecosystem: 'npm',
      name: spec.name,
      version: version[1]!,
      isExact: isExactNpmVersion(version[1]!),
      scope: 'prod',
      origin: spec.origin,
      location: { file: file.path, line: header.line },
    });
    header = null;
  }
  return found;
}

function scanPnpmLockfile(file: DiffFile): Dependency[] {
  const found: Dependency[] = [];
  let section: string | null = null;
  for (const line of file.lines) {
    const top = /^([a-zA-Z]+):\s*$/.exec(line.text);
    if (top) {
      section = top[1]!;
      continue;
    }
    const key = /^ {2}['"]?([^\s'"]+?)['"]?:\s*$/.exec(line.text);
    if (!key || line.kind !== 'added' || (section !== null && section !== 'packages')) continue;
    const parsed = readPnpmPackageKey(key[1]!);
    if (!parsed || !/^\d/.test(parsed.version)) continue;
    found.push({
      ecosystem: 'npm',
      name: parsed.name,
      version: parsed.version,
      isExact: isExactNpmVersion(parsed.version),
      scope: 'prod',
      origin: 'registry',
      location: { file: file.path, line: line.line },
    });
  }
  return found;
}

/** The line without a `#` comment (a `#` at the start or after whitespace). */
function stripComment(text: string): string {
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    if (at === 0 || /\s/.test(text[at - 1]!)) return text.slice(0, at);
  }
  return text;
}

function scanRequirements(file: DiffFile): Dependency[] {
  return file.lines.flatMap((line) => {
    if (line.kind !== 'added') return [];
    const read = readRequirementLine(stripComment(line.text), file.path, line.line);
    return read !== null && !('path' in read) ? [read] : [];
  });
}

function pep508Dependency(
  file: string,
  line: DiffLine,
  text: string,
  scope: DependencyScope,
): Dependency | null {
  const requirement = parsePep508Requirement(text);
  if (requirement === null) return null;
  return {
    ecosystem: 'pypi',
    name: requirement.name,
    version: requirement.specifier,
    isExact: requirement.isExact,
    scope,
    origin: requirement.origin,
    location: { file, line: line.line },
  };
}

function isPoetryDependencyTable(header: string): boolean {
  return /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/.test(
    header,
  );
}

function scanPyproject(file: DiffFile): Dependency[] {
  const found: Dependency[] = [];
  for (const hunk of groupByHunk(file.lines)) {
    let table: string | null = null;
    let isInList: boolean | null = null;
    for (const line of hunk) {
      const header = /^\s*\[([^\]]+)\]\s*$/.exec(line.text);
      if (header) {
        table = header[1]!.trim();
        isInList = false;
        continue;
      }
      const listStart = /^\s*([A-Za-z0-9_-]+)\s*=\s*\[/.exec(line.text);
      if (listStart) {
        const key = listStart[1]!;
        isInList =
          (table === 'project' && key === 'dependencies') ||
          (table === 'build-system' && key === 'requires') ||
          table === 'project.optional-dependencies' ||
          table === 'dependency-groups' ||
          (table === null && /dependencies|requires/.test(key));
      }
      if (line.kind !== 'added') {
        if (/^\s*\]/.test(line.text)) isInList = false;
        continue;
      }
      if (table !== null && isPoetryDependencyTable(table)) {
        const entry = /^\s*"?([A-Za-z0-9][A-Za-z0-9._-]*)"?\s*=\s*(.*)$/.exec(line.text);
        if (entry && entry[1]!.toLowerCase() !== 'python') {
          const version =
            /^\s*"([^"]*)"/.exec(entry[2]!)?.[1] ??
            /version\s*=\s*"([^"]*)"/.exec(entry[2]!)?.[1] ??
            '';
          found.push({
            ecosystem: 'pypi',
            name: entry[1]!,
            version,
            isExact: /^\d+(?:\.\d+)*$/.test(version) || isExactPypiSpecifier(version),
            scope: table.endsWith('tool.poetry.dependencies') ? 'prod' : 'dev',
            origin: 'registry',
            location: { file: file.path, line: line.line },
          });
        }
      } else if (isInList !== false) {
        for (const quoted of line.text.matchAll(/"([^"\n]{1,500})"|'([^'\n]{1,500})'/g)) {
          const text = quoted[1] ?? quoted[2]!;
          const dependency = pep508Dependency(
            file.path,
            line,
            text,
            table === 'project' ? 'prod' : 'optional',
          );
          // Outside a known list, only a requirement with a version is taken for one.
          if (dependency && (isInList === true || dependency.version !== ''))
            found.push(dependency);
        }
      }
      if (/\],?$/.test(line.text.trimEnd())) isInList = false;
    }
  }
  return found;
}

function scanTomlLockfile(file: DiffFile): Dependency[] {
  const found: Dependency[] = [];
  let name: { value: string; line: DiffLine } | null = null;
  for (const line of file.lines) {
    if (/^\s*\[/.test(line.text)) {
      if (/^\s*\[\[package\]\]/.test(line.text)) name = null;
      continue;
    }
    const nameLine = /^name\s*=\s*"([^"]+)"/.exec(line.text);
    if (nameLine) {
      name = { value: nameLine[1]!, line };
      continue;
    }
    const versionLine = /^version\s*=\s*"([^"]+)"/.exec(line.text);
    if (versionLine && name && name.line.kind === 'added') {
      found.push({
        ecosystem: 'pypi',
        name: name.value,
        version: versionLine[1]!,
        isExact: true,
        scope: 'prod',
        origin: 'registry',
        location: { file: file.path, line: name.line.line },
      });
      name = null;
    }
  }
  return found;
}

export function scanAddedDependencyLines(
  format: DependencyFileFormat,
  file: DiffFile,
): Dependency[] {
  switch (format) {
    case 'package.json':
      return scanPackageJson(file);
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return scanJsonLockfile(file, 'npm');
    case 'Pipfile.lock':
      return scanJsonLockfile(file, 'pypi');
    case 'yarn.lock':
      return scanYarnLockfile(file);
    case 'pnpm-lock.yaml':
      return scanPnpmLockfile(file);
    case 'requirements.txt':
      return scanRequirements(file);
    case 'pyproject.toml':
      return scanPyproject(file);
    case 'poetry.lock':
    case 'uv.lock':
      return scanTomlLockfile(file);
  }
}
