import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAdvisories } from './import-advisories.js';

const folder = resolve(import.meta.dirname, '../../../test/fixtures/advisory-import');
const now = '2026-12-01T00:00:00Z';
const samples = ['ghsa-osv-npm.json', 'github-rest-global-pip.json'].map(
  (name) => JSON.parse(readFileSync(resolve(folder, name), 'utf8')) as Record<string, unknown>,
);

/** Replaces the value at a random path of a JSON value (objects and arrays alike). */
function replaceAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [first, ...rest] = path;
  const index = first! % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...(value as unknown[])]
    : { ...value };
  const key = entries[index]![0];
  (copy as Record<string, unknown>)[key] = replaceAt(entries[index]![1], rest, replacement);
  return copy;
}

describe('advisory import, properties', () => {
  it('never throws on OSV and GitHub advisories with any part replaced by any JSON', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.jsonValue(),
        (sample, path, replacement) => {
          const input = replaceAt(sample, path, replacement);
          const result = importAdvisories(JSON.stringify(input), now);
          if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
          else
            expect(result.value.advisories).toHaveLength(Array.isArray(input) ? input.length : 1);
        },
      ),
    );
  });

  it('reads the GitHub range syntax into events that hold, or says it cannot', () => {
    const sample = samples[1]!;
    const bound = fc.tuple(
      fc.constantFrom('>=', '<=', '>', '<', '=', ''),
      fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)).map((parts) => parts.join('.')),
    );
    fc.assert(
      fc.property(fc.array(bound, { minLength: 1, maxLength: 3 }), (bounds) => {
        const range = bounds.map(([operator, version]) => `${operator} ${version}`).join(', ');
        const vulnerabilities = [
          { package: { ecosystem: 'npm', name: 'x' }, vulnerable_version_range: range },
        ];
        const result = importAdvisories(JSON.stringify({ ...sample, vulnerabilities }), now);
        // Either a valid advisory, or issues naming the range's events.
        if (!result.ok) {
          expect(result.issues.every((issue) => issue.path?.startsWith('affected[0]'))).toBe(true);
        }
      }),
    );
  });
});
