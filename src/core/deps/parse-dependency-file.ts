// Picks the parser for a manifest or lockfile by its file name and runs it.

import type { DependencyFile, DependencyFileFormat } from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { parseNpmLockfile } from './parse-npm-lockfile.js';
import { parsePackageJson } from './parse-package-json.js';
import { parsePnpmLockfile } from './parse-pnpm-lockfile.js';
import { parsePyproject } from './parse-pyproject.js';
import { parsePipfileLock, parsePoetryLockfile, parseUvLockfile } from './parse-python-lockfile.js';
import { parseRequirementsFile } from './parse-requirements-file.js';
import { parseYarnLockfile } from './parse-yarn-lockfile.js';

const formatsByName: Record<string, DependencyFileFormat> = {
  'package.json': 'package.json',
  'package-lock.json': 'package-lock.json',
  'npm-shrinkwrap.json': 'npm-shrinkwrap.json',
  'pnpm-lock.yaml': 'pnpm-lock.yaml',
  'yarn.lock': 'yarn.lock',
  'pyproject.toml': 'pyproject.toml',
  'poetry.lock': 'poetry.lock',
  'Pipfile.lock': 'Pipfile.lock',
  'uv.lock': 'uv.lock',
};

/**
 * The format of a dependency file from its name: `package-lock.json`, `requirements-dev.txt`,
 * `requirements/base.txt`, `requirements.in`...; null for any other file.
 */
export function detectDependencyFileFormat(path: string): DependencyFileFormat | null {
  const parts = path.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? '';
  const known = Object.hasOwn(formatsByName, base) ? formatsByName[base] : undefined;
  if (known) return known;
  const lower = base.toLowerCase();
  if (/^requirements.*\.(?:txt|in)$/.test(lower)) return 'requirements.txt';
  if (parts[parts.length - 2]?.toLowerCase() === 'requirements' && /\.(?:txt|in)$/.test(lower))
    return 'requirements.txt';
  return null;
}

export function parseDependencyFile(
  name: string,
  text: string,
  format: DependencyFileFormat | null = detectDependencyFileFormat(name),
): ParseResult<DependencyFile> {
  switch (format) {
    case 'package.json':
      return parsePackageJson(text, name);
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return parseNpmLockfile(text, name, format);
    case 'pnpm-lock.yaml':
      return parsePnpmLockfile(text, name);
    case 'yarn.lock':
      return parseYarnLockfile(text, name);
    case 'requirements.txt':
      return parseRequirementsFile(text, name);
    case 'pyproject.toml':
      return parsePyproject(text, name);
    case 'poetry.lock':
      return parsePoetryLockfile(text, name);
    case 'Pipfile.lock':
      return parsePipfileLock(text, name);
    case 'uv.lock':
      return parseUvLockfile(text, name);
    case null:
      return {
        ok: false,
        issues: [{ message: `not a dependency file this tool reads: ${name}` }],
      };
  }
}
