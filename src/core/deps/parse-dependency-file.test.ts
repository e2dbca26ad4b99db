import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dependency } from '../model/dependency.js';
import { detectDependencyFileFormat, parseDependencyFile } from './parse-dependency-file.js';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/deps');

function parseFixture(folder: string, file: string): Dependency[] {
  const parsed = parseDependencyFile(file, readFileSync(join(fixtures, folder, file), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value.dependencies;
}

function summarize(dependencies: readonly Dependency[]): string[] {
  return dependencies.map(
    (dependency) =>
      `${dependency.name}@${dependency.version}${dependency.isExact ? ' exact' : ''} ${dependency.scope} ${dependency.origin}${dependency.hasInstallScript ? ' install-script' : ''} :${dependency.location.line}`,
  );
}

describe('detectDependencyFileFormat', () => {
  it('knows every manifest and lockfile by name, wherever it is', () => {
    expect(detectDependencyFileFormat('a/b/package-lock.json')).toBe('package-lock.json');
    expect(detectDependencyFileFormat('requirements-dev.txt')).toBe('requirements.txt');
    expect(detectDependencyFileFormat('requirements/base.txt')).toBe('requirements.txt');
    expect(detectDependencyFileFormat('requirements.in')).toBe('requirements.txt');
    expect(detectDependencyFileFormat('docs/notes.txt')).toBeNull();
    expect(detectDependencyFileFormat('Pipfile.lock')).toBe('Pipfile.lock');
    expect(detectDependencyFileFormat('pipfile.lock')).toBeNull();
  });
});

describe('npm manifests and lockfiles', () => {
  it('reads package.json sections, aliases, git and file specs, with lines', () => {
    expect(summarize(parseFixture('npm-lock-v3', 'package.json'))).toEqual([
      'express@^4.18.2 prod registry :10',
      'loadsh@^4.17.21 prod registry :11',
      'lodash@4.17.20 exact prod registry :12',
      'made-up-ai-helper@^1.0.0 prod registry :13',
      'left-pad@1.3.0 exact prod registry :14',
      'my-fork@github:someone/my-fork#v1 prod git :15',
      'local-lib@file:../local-lib prod path :16',
      'esbuild@0.20.2 exact dev registry :19',
      'request@^2.88.2 dev registry :20',
      'react@>=18 peer registry :23',
    ]);
  });

  it('reads package-lock.json v3: nested paths, install scripts, git, links skipped', () => {
    expect(summarize(parseFixture('npm-lock-v3', 'package-lock.json'))).toEqual([
      '@esbuild/linux-x64@0.20.2 exact dev registry :18',
      'esbuild@0.20.2 exact dev registry install-script :30',
      'express@4.18.2 exact prod registry :43',
      'body-parser@1.20.1 exact prod registry :54',
      'lodash@4.17.20 exact prod registry :59',
      'left-pad@1.3.0 exact prod registry :64',
      'my-fork@1.0.0 prod git :71',
    ]);
  });

  it('reads lockfile v1 nesting and v2 shrinkwrap (packages, not the legacy copy)', () => {
    expect(summarize(parseFixture('npm-lock-v1', 'package-lock.json'))).toEqual([
      'debug@2.6.9 exact prod registry :7',
      'ms@2.0.0 exact prod registry :15',
      'ms@2.1.3 exact dev registry :22',
      'crossenv@6.1.1 exact prod registry :28',
    ]);
    expect(summarize(parseFixture('npm-shrinkwrap', 'npm-shrinkwrap.json'))).toEqual([
      'chalk@4.1.2 exact prod registry :14',
    ]);
  });

  it('reads pnpm lockfiles v5, v6 and v9 with peer suffixes and requiresBuild', () => {
    expect(summarize(parseFixture('pnpm-v5', 'pnpm-lock.yaml'))).toEqual([
      '@types/node@18.15.11 exact dev registry :15',
      'chalk@5.2.0 exact prod registry :19',
    ]);
    expect(summarize(parseFixture('pnpm-v6', 'pnpm-lock.yaml'))).toEqual([
      'sharp@0.33.2 exact prod registry install-script :19',
      'vitest@1.3.1 exact dev registry :25',
    ]);
    expect(summarize(parseFixture('pnpm-v9', 'pnpm-lock.yaml'))).toEqual([
      '@babel/core@7.24.0 exact prod registry :24',
      'react-dom@18.2.0 exact prod registry :28',
      'react@18.2.0 exact prod registry :33',
      'typescirpt@5.4.2 exact prod registry :37',
      '@github/my-tool@1.0.0 prod url :41',
    ]);
  });

  it('reads yarn.lock classic (aliases, git) and berry (patches, workspaces skipped)', () => {
    expect(summarize(parseFixture('yarn-classic', 'yarn.lock'))).toEqual([
      '@babel/code-frame@7.22.13 exact prod registry :5',
      'chalk@2.4.2 exact prod registry :13',
      'colros@1.4.0 exact prod registry :18',
      'strip-ansi@6.0.1 exact prod registry :23',
      'private-tool@2.0.0 prod git :28',
    ]);
    expect(summarize(parseFixture('yarn-berry', 'yarn.lock'))).toEqual([
      'ansi-regex@5.0.1 exact prod registry :8',
      'expresss@4.18.2 exact prod registry :24',
      'typescript@5.4.2 exact prod registry :31',
    ]);
  });
});

describe('Python manifests and lockfiles', () => {
  it('reads requirements files: hashes, extras, markers, continuations, includes, editables', () => {
    const parsed = parseDependencyFile(
      'requirements.txt',
      readFileSync(join(fixtures, 'requirements/requirements.txt'), 'utf8'),
    );
    expect(parsed.ok && parsed.value.includes).toEqual([
      { path: 'requirements-base.txt', line: 3 },
    ]);
    expect(summarize(parseFixture('requirements', 'requirements.txt'))).toEqual([
      'Django@==4.2.7 exact prod registry :4',
      'requests@>=2.28,<3 prod registry :7',
      'reqeusts@==2.31.0 exact prod registry :8',
      'sklearn-helpers@>=0.1 prod registry :9',
      'internal-utils@ prod git :10',
    ]);
  });

  it('reads pyproject.toml: PEP 621, optional dependencies, dependency groups, build requirements', () => {
    expect(summarize(parseFixture('pyproject-pep621', 'pyproject.toml'))).toEqual([
      'hatchling@>=1.18 dev registry :2',
      'pandas@>=2.1 prod registry :10',
      'beautifulsoup4@==4.12.2 exact prod registry :11',
      'pyyaml@ prod registry :12',
      'colourama@>=0.4 prod registry :13',
      'scikit-learn@>=1.3 optional registry :17',
      'torch@==2.1.0 exact optional registry :17',
      'pytest@>=7 dev registry :20',
      'ruff@==0.1.6 exact dev registry :21',
    ]);
  });

  it('reads Poetry tables: exact versions, inline tables, git sources, groups', () => {
    expect(summarize(parseFixture('pyproject-poetry', 'pyproject.toml'))).toEqual([
      'poetry-core@ dev registry :19',
      'fastapi@^0.104.1 prod registry :8',
      'pydantic@2.5.2 exact prod registry :9',
      'internal-sdk@https://github.com/acme/internal-sdk.git prod git :10',
      'urlib3@1.26.18 exact prod registry :11',
      'pytest@^7.4.3 dev registry :14',
      'mypy@>=1.7,<2 dev registry :15',
    ]);
  });

  it('reads poetry.lock, uv.lock (the project itself skipped) and Pipfile.lock', () => {
    expect(summarize(parseFixture('poetry-lock', 'poetry.lock'))).toEqual([
      'certifi@2023.11.17 exact prod registry :4',
      'pytest@7.4.3 exact prod registry :14',
      'internal-sdk@3.0.0 prod git :25',
      'pyaml-env@1.2.1 exact optional registry :39',
    ]);
    expect(summarize(parseFixture('uv-lock', 'uv.lock'))).toEqual([
      'anyio@4.2.0 exact prod registry :5',
      'numpyy@1.0.0 exact prod registry :20',
      'shared-models@0.2.0 prod git :29',
    ]);
    expect(summarize(parseFixture('pipfile-lock', 'Pipfile.lock'))).toEqual([
      'flask@==3.0.0 exact prod registry :19',
      'jeilyfish@==0.5.1 exact prod registry :27',
      'my-lib@ prod path :31',
      'black@==23.11.0 exact dev registry :37',
    ]);
  });
});

describe('bad input', () => {
  it('names the problem and its line', () => {
    const truncated = parseDependencyFile(
      'package-lock.json',
      '{\n  "lockfileVersion": 3,\n  "packages": {',
    );
    expect(truncated).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('invalid JSON') as string }],
    });
    const toml = parseDependencyFile('pyproject.toml', '[project]\ndependencies = ["a"\nname = ');
    expect(toml).toMatchObject({ ok: false, issues: [{ line: expect.any(Number) as number }] });
    expect(parseDependencyFile('package-lock.json', '{"lockfileVersion": 7}')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('lockfileVersion 7') as string }],
    });
    expect(parseDependencyFile('pnpm-lock.yaml', 'a: [1, 2')).toMatchObject({ ok: false });
    expect(parseDependencyFile('notes.md', 'x')).toMatchObject({ ok: false });
    expect(parseDependencyFile('package.json', '\0\0\0binary')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('binary') as string }],
    });
  });
});
