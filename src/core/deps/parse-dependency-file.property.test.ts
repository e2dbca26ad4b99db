import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DependencyFileFormat } from '../model/dependency.js';
import { parseDependencyDiff } from './parse-dependency-diff.js';
import { parseDependencyFile } from './parse-dependency-file.js';
import { findUnifiedDiffs } from './find-unified-diffs.js';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/deps');
const realFiles = readdirSync(fixtures)
  .filter((folder) => !['registry', 'osv', 'diffs'].includes(folder))
  .flatMap((folder) =>
    readdirSync(join(fixtures, folder)).map((name) => ({
      name,
      text: readFileSync(join(fixtures, folder, name), 'utf8'),
    })),
  );
const fileNames: DependencyFileFormat[] = [
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'requirements.txt',
  'pyproject.toml',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
];

/** Pieces of every syntax the parsers meet, so random text reaches deep into each. */
const piece = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    ':',
    ',',
    '=',
    '\n',
    '\r\n',
    '  ',
    '\t',
    '#',
    '\\',
    '@',
    '/',
  ),
  fc.constantFrom(
    '"dependencies": {',
    '"packages": {',
    '"node_modules/a": {',
    '"version": "1.0.0"',
    'lockfileVersion: 9',
    'packages:',
    '  /a@1.0.0:',
    '__metadata:',
    'a@^1:\n  version "1.0.0"',
  ),
  fc.constantFrom(
    '[[package]]',
    'name = "a"',
    'version = "1"',
    '[project]',
    'dependencies = [',
    '[tool.poetry.dependencies]',
    '-r other.txt',
    'requests==2.0 --hash=sha256:00',
    '-e git+x#egg=y',
  ),
  fc.constantFrom('\0', '\uFEFF', '\u202E', 'é', '🐍', '&a *a', '!!binary'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const noisyText = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

function expectWellFormed(name: string, text: string): void {
  const parsed = parseDependencyFile(name, text);
  if (!parsed.ok) {
    expect(parsed.issues.length).toBeGreaterThan(0);
    for (const issue of parsed.issues) expect(issue.message).not.toBe('');
    return;
  }
  const lineCount = text.split('\n').length;
  for (const dependency of parsed.value.dependencies) {
    expect(typeof dependency.name).toBe('string');
    if (dependency.location.line !== undefined) {
      expect(dependency.location.line).toBeGreaterThanOrEqual(1);
      expect(dependency.location.line).toBeLessThanOrEqual(lineCount);
    }
  }
}

describe('every parser on arbitrary text', () => {
  it.each(fileNames)('%s never throws and gives a value or positioned issues', (name) => {
    fc.assert(
      fc.property(noisyText, (text) => expectWellFormed(name, text)),
      { numRuns: 300 },
    );
  });

  it('never throws on real files cut anywhere (truncated downloads, partial writes)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realFiles), fc.nat(), ({ name, text }, cut) => {
        expectWellFormed(name, text.slice(0, cut % (text.length + 1)));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on real files with bytes flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realFiles),
        fc.nat(),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
        ({ name, text }, at, noise) => {
          const position = at % (text.length + 1);
          expectWellFormed(
            name,
            text.slice(0, position) + noise + text.slice(position + noise.length),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('hostile input', () => {
  it.each(fileNames)(
    '%s refuses deep nesting, binary and oversized text with a clear issue',
    (name) => {
      for (const text of [
        '['.repeat(100_000),
        '{"a":'.repeat(50_000),
        'a:\n'.concat(' - '.repeat(20_000)),
        '\0ELF\x02\x01',
      ]) {
        expectWellFormed(name, text);
      }
      const huge = parseDependencyFile(name, 'x'.repeat(64 * 1024 * 1024 + 1));
      expect(huge).toMatchObject({
        ok: false,
        issues: [{ message: expect.stringContaining('too large') as string }],
      });
    },
  );

  it('reads a large real-shaped lockfile whole', () => {
    const packages: Record<string, unknown> = { '': { name: 'big' } };
    for (let index = 0; index < 20_000; index += 1)
      packages[`node_modules/pkg-${index}`] = {
        version: `1.0.${index}`,
        resolved: `https://registry.npmjs.org/pkg-${index}/-/pkg-${index}-1.0.${index}.tgz`,
      };
    const text = JSON.stringify({ lockfileVersion: 3, packages }, null, 2);
    const parsed = parseDependencyFile('package-lock.json', text);
    expect(parsed.ok && parsed.value.dependencies.length).toBe(20_000);
    expect(parsed.ok && parsed.value.dependencies[19_999]!.location.line).toBe(
      text.split('\n').findIndex((line) => line.includes('"node_modules/pkg-19999"')) + 1,
    );
  });
});

const packageName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const npmRange = fc.constantFrom('^1.2.3', '~0.4.0', '1.0.0', '>=2 <3', '*', 'latest', '2.x');

describe('round trips', () => {
  it('package.json: every declared dependency comes back with its spec and line', () => {
    fc.assert(
      fc.property(fc.dictionary(packageName, npmRange, { maxKeys: 30 }), (dependencies) => {
        const text = JSON.stringify({ name: 'x', dependencies }, null, 2);
        const parsed = parseDependencyFile('package.json', text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(
          parsed.value.dependencies.map((dependency) => [dependency.name, dependency.version]),
        ).toEqual(Object.entries(dependencies));
        for (const dependency of parsed.value.dependencies)
          expect(text.split('\n')[dependency.location.line! - 1]).toContain(`"${dependency.name}"`);
      }),
    );
  });

  it('a diff that creates a requirements file adds exactly what parsing the file gives', () => {
    const requirement = fc
      .tuple(
        packageName,
        fc.constantFrom('', '==1.0', '>=2,<3', '[extra]>=1', ' ; python_version > "3"'),
      )
      .map(([name, rest]) => `${name}${rest}`);
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 20 }), (lines) => {
        const diff = [
          'diff --git a/requirements.txt b/requirements.txt',
          'new file mode 100644',
          '--- /dev/null',
          '+++ b/requirements.txt',
          `@@ -0,0 +1,${lines.length} @@`,
          ...lines.map((line) => `+${line}`),
        ].join('\n');
        const fromDiff = parseDependencyDiff(diff);
        const fromFile = parseDependencyFile('requirements.txt', lines.join('\n'));
        expect(fromDiff.ok && fromFile.ok).toBe(true);
        if (!fromDiff.ok || !fromFile.ok) return;
        expect(fromDiff.value.dependencies).toEqual(fromFile.value.dependencies);
      }),
    );
  });

  it('the diff parser never throws and keeps new-file line numbers in range', () => {
    const diffPiece = fc.oneof(
      piece,
      fc.constantFrom(
        '\n+',
        '\n-',
        '\n ',
        '\n@@ -1,2 +1,3 @@',
        '\n--- a/package.json',
        '\n+++ b/package.json',
        '\ndiff --git a/x.py b/x.py',
        '\n+import os, requests',
        '\n+const a = require("loadsh")',
      ),
    );
    fc.assert(
      fc.property(fc.array(diffPiece, { maxLength: 80 }), (pieces) => {
        const parsed = parseDependencyDiff(pieces.join(''));
        if (parsed.ok)
          for (const dependency of [...parsed.value.dependencies, ...parsed.value.imports])
            expect(dependency.location.line ?? 1).toBeGreaterThanOrEqual(0);
        else expect(parsed.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('report bodies: every diff found in any text parses or says why, without throwing', () => {
    const bodyPiece = fc.oneof(
      piece,
      fc.constantFrom(
        '\n```diff',
        '\n```',
        '\n~~~diff',
        '\n    ```diff',
        '\ndiff --git a/requirements.txt b/requirements.txt',
        '\n--- a/requirements.txt',
        '\n+++ b/requirements.txt',
        '\n@@ -1 +1,2 @@',
        '\n+reqeusts==2.31.0',
        '\n+from bs4 import BeautifulSoup',
        '\n+import x from "@scope/pkg/sub"',
        '\n> ```diff',
      ),
    );
    fc.assert(
      fc.property(fc.array(bodyPiece, { maxLength: 120 }), (pieces) => {
        const body = pieces.join('');
        for (const diff of findUnifiedDiffs(body)) {
          expect(body).toContain(diff.split('\n')[0]!);
          const parsed = parseDependencyDiff(diff);
          if (!parsed.ok) expect(parsed.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
