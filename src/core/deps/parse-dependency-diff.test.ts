import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDependencyDiff } from './parse-dependency-diff.js';
import { findUnifiedDiffs } from './find-unified-diffs.js';

const diffText = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/deps/diffs/pull-request.diff'),
  'utf8',
);

describe('parseDependencyDiff', () => {
  const parsed = parseDependencyDiff(diffText);
  const value = parsed.ok ? parsed.value : null;

  it('reads only what the diff adds to manifests and lockfiles, at new-file lines', () => {
    expect(
      value?.dependencies.map(
        (dependency) =>
          `${dependency.location.file}:${dependency.location.line} ${dependency.ecosystem} ${dependency.name}@${dependency.version} ${dependency.scope}${dependency.hasInstallScript ? ' install-script' : ''}`,
      ),
    ).toEqual([
      'package.json:12 npm lodash@4.17.21 prod',
      'package.json:13 npm loadsh@^4.17.21 prod',
      'package.json:14 npm @azure/identity@^4.0.0 prod',
      'package.json:33 npm vitest-coverage-helperz@^0.1.0 prod',
      'package-lock.json:402 npm loadsh@4.17.21 prod install-script',
      'requirements.txt:3 pypi reqeusts@==2.31.0 prod',
      'pyproject.toml:10 pypi colourama@>=0.4 optional',
      'yarn.lock:43 npm colros@1.4.0 prod',
      'pnpm-lock.yaml:122 npm typescirpt@5.4.2 prod',
      'poetry.lock:52 pypi jeilyfish@0.5.1 prod',
    ]);
  });

  it('maps imports to packages and skips relative, builtin and standard-library modules', () => {
    expect(
      value?.imports.map(
        (dependency) =>
          `${dependency.location.file}:${dependency.location.line} ${dependency.ecosystem} ${dependency.name}${dependency.importedAs ? ` (as ${dependency.importedAs})` : ''}`,
      ),
    ).toEqual([
      'src/app/service.py:3 pypi app',
      'src/app/service.py:4 pypi scikit-learn (as sklearn)',
      'src/app/service.py:5 pypi beautifulsoup4 (as bs4)',
      'src/app/service.py:6 pypi opencv-python (as cv2)',
      'src/app/service.py:7 pypi PyYAML (as yaml)',
      'src/app/service.py:8 pypi huggingface-hubb',
      'src/app/service.py:9 pypi requests',
      'web/index.ts:5 npm zod-validatorr',
      'web/index.ts:6 npm @acme/left-pad',
      'web/index.ts:9 npm express-sessionn',
    ]);
    expect(value?.localModules).toEqual(expect.arrayContaining(['src', 'app', 'service']));
  });

  it('refuses text that is not a diff', () => {
    expect(parseDependencyDiff('hello\nworld')).toMatchObject({ ok: false });
    expect(parseDependencyDiff('--- a/x\n+++ b/x\n@@ nonsense @@\n+y')).toMatchObject({
      ok: false,
      issues: [{ line: 3 }],
    });
  });
});

describe('findUnifiedDiffs', () => {
  it('finds fenced and bare diffs in a report body', () => {
    const body = `The PR adds a dependency:\n\n\`\`\`diff\n--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1 +1,2 @@\n flask\n+reqeusts\n\`\`\`\n\nAnd also:\n\ndiff --git a/package.json b/package.json\n--- a/package.json\n+++ b/package.json\n@@ -1,3 +1,4 @@\n {\n+  "loadsh": "^1.0.0",\n   "x": "1"\n }\nThanks!`;
    const diffs = findUnifiedDiffs(body);
    expect(diffs).toHaveLength(2);
    expect(
      diffs.flatMap((diff) => {
        const parsed = parseDependencyDiff(diff);
        return parsed.ok ? parsed.value.dependencies.map((dependency) => dependency.name) : [];
      }),
    ).toEqual(['reqeusts', 'loadsh']);
    expect(findUnifiedDiffs('no patch here\n```js\nconst a = 1;\n```')).toEqual([]);
  });
});
