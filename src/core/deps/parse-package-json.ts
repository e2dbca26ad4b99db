// Reads the dependencies a package.json declares, by section, with the line of each.

import type { Dependency, DependencyFile, DependencyScope } from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { parseJsonText } from '../report/parse-json-text.js';
import { checkDependencyText } from './check-dependency-text.js';
import { classifyNpmSpec } from './classify-npm-spec.js';
import { locateJsonKeys } from './locate-json-keys.js';

const sections: ReadonlyArray<[string, DependencyScope]> = [
  ['dependencies', 'prod'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parsePackageJson(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value))
    return { ok: false, issues: [{ message: 'package.json must be a JSON object', line: 1 }] };
  const lines = new Map<string, number>();
  locateJsonKeys(text, (parents, key, line) => {
    if (parents.length === 2) lines.set(`${parents[1]}\0${key}`, line);
  });
  const dependencies: Dependency[] = [];
  for (const [section, scope] of sections) {
    const entries = parsed.value[section];
    if (!isPlainObject(entries)) continue;
    for (const [key, value] of Object.entries(entries)) {
      if (typeof value !== 'string') continue;
      const spec = classifyNpmSpec(key, value);
      dependencies.push({
        ecosystem: 'npm',
        name: spec.name,
        version: spec.version,
        isExact: spec.isExact,
        scope,
        origin: spec.origin,
        location: { file, line: lines.get(`${section}\0${key}`) },
      });
    }
  }
  return { ok: true, value: { format: 'package.json', dependencies, includes: [] } };
}
