// Reads what a unified diff adds: dependencies of new and changed manifests and lockfiles, and
// the packages that added source lines import (JavaScript/TypeScript and Python).

import type { Dependency } from '../model/dependency.js';
import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import { detectSourceLanguage, extractJsImports, extractPythonImports } from './extract-imports.js';
import { mapJsImportToPackage, mapPythonImportToPackage } from './map-import-to-package.js';
import { detectDependencyFileFormat, parseDependencyFile } from './parse-dependency-file.js';
import { parseUnifiedDiff, type DiffFile } from './parse-unified-diff.js';
import { scanAddedDependencyLines } from './scan-added-dependency-lines.js';

interface ImportedDependency extends Dependency {
  /** The module the source names, when it differs from the package (`sklearn`). */
  importedAs?: string;
}

export interface DependencyDiff {
  /** Dependencies added to manifests and lockfiles. */
  dependencies: Dependency[];
  /** Packages imported by added source lines (every one; the caller drops declared ones). */
  imports: ImportedDependency[];
  /** Python modules and folders the diff itself adds or changes (local, not packages). */
  localModules: string[];
  /** Files the diff touches that could not be read (a new lockfile that does not parse). */
  issues: Array<ParseIssue & { file: string }>;
}

function readImports(file: DiffFile): ImportedDependency[] {
  const language = detectSourceLanguage(file.path);
  if (language === null) return [];
  const found: ImportedDependency[] = [];
  for (const line of file.lines) {
    if (line.kind !== 'added') continue;
    const modules =
      language === 'javascript' ? extractJsImports(line.text) : extractPythonImports(line.text);
    for (const module of modules) {
      const imported =
        language === 'javascript' ? mapJsImportToPackage(module) : mapPythonImportToPackage(module);
      if (imported === null) continue;
      found.push({
        ecosystem: imported.ecosystem,
        name: imported.name,
        version: '',
        isExact: false,
        scope: 'import',
        origin: 'registry',
        location: { file: file.path, line: line.line },
        ...(imported.importedAs ? { importedAs: imported.importedAs } : {}),
      });
    }
  }
  return found;
}

/** `src/app/models.py` -> `src`, `app`, `models`: a Python import of these is local code. */
function listLocalModules(path: string): string[] {
  if (detectSourceLanguage(path) !== 'python') return [];
  return path
    .replace(/\.pyi?$/i, '')
    .split('/')
    .filter((part) => part !== '' && part !== '__init__');
}

export function parseDependencyDiff(text: string): ParseResult<DependencyDiff> {
  const parsed = parseUnifiedDiff(text);
  if (!parsed.ok) return parsed;
  const result: DependencyDiff = { dependencies: [], imports: [], localModules: [], issues: [] };
  for (const file of parsed.value) {
    if (file.isDeleted) continue;
    result.localModules.push(...listLocalModules(file.path));
    const format = detectDependencyFileFormat(file.path);
    if (format === null) {
      result.imports.push(...readImports(file));
      continue;
    }
    if (file.isNew) {
      const whole = parseDependencyFile(
        file.path,
        file.lines.map((line) => line.text).join('\n'),
        format,
      );
      if (whole.ok) {
        result.dependencies.push(...whole.value.dependencies);
        continue;
      }
      result.issues.push(...whole.issues.map((issue) => ({ ...issue, file: file.path })));
    }
    result.dependencies.push(...scanAddedDependencyLines(format, file));
  }
  result.localModules = [...new Set(result.localModules)];
  return { ok: true, value: result };
}
