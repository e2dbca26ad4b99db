// Reads pyproject.toml: PEP 621 `[project]` dependencies and optional dependencies, PEP 735
// dependency groups, build requirements, and Poetry's dependency tables and groups.

import type { Dependency, DependencyFile, DependencyScope } from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { checkDependencyText } from './check-dependency-text.js';
import { isPlainObject } from './parse-package-json.js';
import {
  isExactPypiSpecifier,
  parsePep508Requirement,
  readOriginOfUrl,
} from './parse-pep508-requirement.js';
import { createLineFinder, readTomlText } from './read-toml-text.js';

type LineFinder = ReturnType<typeof createLineFinder>;
type Table = Record<string, unknown>;

function readPep508List(
  list: unknown,
  scope: DependencyScope,
  file: string,
  lines: LineFinder,
): Dependency[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): Dependency[] => {
    if (typeof entry !== 'string') return [];
    const requirement = parsePep508Requirement(entry);
    if (requirement === null) return [];
    return [
      {
        ecosystem: 'pypi',
        name: requirement.name,
        version: requirement.specifier,
        isExact: requirement.isExact,
        scope,
        origin: requirement.origin,
        location: { file, line: lines.find(entry) },
      },
    ];
  });
}

/** Poetry writes `1.2.3` for an exact pin, `^1.2`, `~1.2`, `>=1,<2` or `*` for ranges. */
function readPoetryVersion(value: unknown): { version: string; origin: Dependency['origin'] } {
  const table = Array.isArray(value) ? (value.find(isPlainObject) ?? {}) : value;
  if (typeof table === 'string') return { version: table, origin: 'registry' };
  if (!isPlainObject(table)) return { version: '', origin: 'registry' };
  if (typeof table.git === 'string') return { version: table.git, origin: 'git' };
  if (typeof table.path === 'string') return { version: table.path, origin: 'path' };
  if (typeof table.url === 'string')
    return { version: table.url, origin: readOriginOfUrl(table.url) };
  return { version: typeof table.version === 'string' ? table.version : '', origin: 'registry' };
}

function isExactPoetryVersion(version: string): boolean {
  return /^\d+(?:\.\d+)*$/.test(version.trim()) || isExactPypiSpecifier(version);
}

function readPoetryTable(
  table: unknown,
  header: string,
  scope: DependencyScope,
  file: string,
  lines: LineFinder,
): Dependency[] {
  if (!isPlainObject(table)) return [];
  lines.seek(`[${header}]`);
  return Object.entries(table).flatMap(([name, value]): Dependency[] => {
    if (name.toLowerCase() === 'python') return [];
    const { version, origin } = readPoetryVersion(value);
    return [
      {
        ecosystem: 'pypi',
        name,
        version,
        isExact: origin === 'registry' && isExactPoetryVersion(version),
        scope,
        origin,
        location: { file, line: lines.find(`\n${name}`) ?? lines.find(`\n"${name}"`) },
      },
    ];
  });
}

function readPoetry(poetry: Table, file: string, lines: LineFinder): Dependency[] {
  const found = [
    ...readPoetryTable(poetry.dependencies, 'tool.poetry.dependencies', 'prod', file, lines),
    ...readPoetryTable(
      poetry['dev-dependencies'],
      'tool.poetry.dev-dependencies',
      'dev',
      file,
      lines,
    ),
  ];
  const groups = isPlainObject(poetry.group) ? poetry.group : {};
  for (const [group, content] of Object.entries(groups)) {
    if (!isPlainObject(content)) continue;
    const header = `tool.poetry.group.${group}.dependencies`;
    found.push(...readPoetryTable(content.dependencies, header, 'dev', file, lines));
  }
  return found;
}

export function parsePyproject(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const parsed = readTomlText(text);
  if (!parsed.ok) return parsed;
  const document = parsed.value;
  const lines = createLineFinder(text);
  const dependencies: Dependency[] = [];
  const buildSystem = isPlainObject(document['build-system']) ? document['build-system'] : {};
  lines.seek('[build-system]');
  dependencies.push(...readPep508List(buildSystem.requires, 'dev', file, lines));
  const project = isPlainObject(document.project) ? document.project : {};
  lines.seek('[project]');
  dependencies.push(...readPep508List(project.dependencies, 'prod', file, lines));
  const optional = isPlainObject(project['optional-dependencies'])
    ? project['optional-dependencies']
    : {};
  for (const list of Object.values(optional))
    dependencies.push(...readPep508List(list, 'optional', file, lines));
  const groups = isPlainObject(document['dependency-groups']) ? document['dependency-groups'] : {};
  lines.seek('[dependency-groups]');
  for (const list of Object.values(groups))
    dependencies.push(...readPep508List(list, 'dev', file, lines));
  const tool = isPlainObject(document.tool) ? document.tool : {};
  if (isPlainObject(tool.poetry)) dependencies.push(...readPoetry(tool.poetry, file, lines));
  return { ok: true, value: { format: 'pyproject.toml', dependencies, includes: [] } };
}
