// Guards the layering of ../shared/STYLE.md: which folder may import which, checked against the
// import specifiers in every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceRoot = resolve(import.meta.dirname, '../src');

/** Pure npm helpers the core may use: no I/O, no globals. */
const pureCorePackages = new Set([
  'semver',
  'picomatch',
  'ae-cvss-calculator',
  'markdown-it',
  'yaml',
  'smol-toml',
  '@renovatebot/pep440',
]);

/**
 * Core files that may load a pure package on first use with `node:module`'s createRequire, instead
 * of importing it (and loading it with every triage). Nothing else of Node's.
 */
const lazyLoadingCoreFiles = new Set(['core/severity/load-cvss-calculator.ts']);

/**
 * The core's entry points: the only core files another layer may import. `index.ts` is the whole
 * library API; `triage.ts` is the part a triage run loads (so `thresher triage` does not load the
 * readiness rules, advisory formats or inbox workflow); `dependencies.ts` and `evidence.ts` the
 * parts it loads only for a report with a diff or with a repository; `errors.ts` holds the error
 * classes.
 */
const coreEntryPoints = new Set([
  'core/index',
  'core/triage',
  'core/dependencies',
  'core/evidence',
  'core/errors',
]);

/** Pure npm helpers a presenter may use to shape a document (jsdiff renders unified diffs). */
const purePresenterPackages = new Set(['diff']);

type Layer =
  | 'core'
  | 'services'
  | 'config'
  | 'storage'
  | 'adapters'
  | 'presenters'
  | 'cli'
  | 'server'
  | 'mcp'
  | 'root';

const allowedLayers: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  services: ['core', 'services'],
  config: ['core', 'config'],
  storage: ['core', 'storage'],
  adapters: ['core', 'adapters'],
  // Shared output documents (JSON, Markdown, SARIF): they read results, they do no I/O.
  presenters: ['core', 'services', 'presenters'],
  cli: ['services', 'core', 'config', 'root', 'presenters', 'cli'],
  server: ['services', 'core', 'config', 'root', 'presenters', 'server'],
  mcp: ['services', 'core', 'config', 'root', 'presenters', 'mcp'],
  root: ['core', 'services', 'config', 'storage', 'adapters', 'presenters'],
};

function listSourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listSourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function layerOf(file: string): Layer {
  const [first] = relative(sourceRoot, file).split('/');
  return first && first in allowedLayers && !first.endsWith('.ts') ? (first as Layer) : 'root';
}

function listImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const staticImports = [
    ...text.matchAll(
      /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((match) => (match[1] ?? match[2])!);
  // Commands, services and adapters load on first use through `import('...')`: same rules.
  const dynamicImports = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1]!,
  );
  return [...staticImports, ...dynamicImports];
}

function findViolations(): string[] {
  return listSourceFiles(sourceRoot).flatMap((file) => checkImports(file, listImports(file)));
}

function checkImports(file: string, specifiers: readonly string[]): string[] {
  const violations: string[] = [];
  {
    const layer = layerOf(file);
    const where = relative(sourceRoot, file);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const targetLayer = layerOf(target);
        const isPortsFile = relative(sourceRoot, target).replace(/\.js$/, '') === 'services/ports';
        const mayImportPorts = layer === 'storage' || layer === 'adapters';
        // `thresher serve` starts the server through its one entry point, and nothing else of it.
        const isServeEntry =
          layer === 'cli' && relative(sourceRoot, target).replace(/\.js$/, '') === 'server/serve';
        const targetPath = relative(sourceRoot, target).replace(/\.js$/, '');
        if (layer !== 'core' && targetLayer === 'core' && !coreEntryPoints.has(targetPath)) {
          violations.push(`${where}: import the core through an entry point, not ${specifier}`);
        }
        if (
          !allowedLayers[layer].includes(targetLayer) &&
          !(isPortsFile && mayImportPorts) &&
          !isServeEntry
        ) {
          violations.push(`${where}: ${layer} must not import ${targetLayer} (${specifier})`);
        }
      } else if (
        layer === 'core' &&
        !pureCorePackages.has(specifier) &&
        !(specifier === 'node:module' && lazyLoadingCoreFiles.has(where))
      ) {
        violations.push(`${where}: core must stay pure, but imports ${specifier}`);
      } else if (layer === 'presenters' && !purePresenterPackages.has(specifier)) {
        violations.push(`${where}: presenters only shape documents, but import ${specifier}`);
      } else if (layer === 'services') {
        violations.push(`${where}: services reach the world through ports, not ${specifier}`);
      } else if (
        layer === 'config' &&
        !['zod', 'yaml', 'semver'].includes(specifier) &&
        !specifier.startsWith('node:')
      ) {
        violations.push(`${where}: config may use zod, yaml and semver, not ${specifier}`);
      }
    }
  }
  return violations;
}

describe('architecture', () => {
  it('keeps every import within the layering table', () => {
    expect(findViolations()).toEqual([]);
  });

  it('sees the layers it guards', () => {
    const layers = new Set(listSourceFiles(sourceRoot).map(layerOf));
    for (const layer of [
      'core',
      'services',
      'config',
      'storage',
      'adapters',
      'presenters',
      'cli',
      'root',
    ] as const) {
      expect(layers).toContain(layer);
    }
  });

  it('exports the core API by name only', () => {
    for (const entry of coreEntryPoints) {
      const text = readFileSync(join(sourceRoot, `${entry}.ts`), 'utf8');
      expect(text, entry).not.toMatch(/export \*/);
    }
  });

  it('keeps every narrow core entry point a part of the library API', async () => {
    const index = (await import('../src/core/index.js')) as Record<string, unknown>;
    const narrowEntries = {
      triage: (await import('../src/core/triage.js')) as Record<string, unknown>,
      dependencies: (await import('../src/core/dependencies.js')) as Record<string, unknown>,
      evidence: (await import('../src/core/evidence.js')) as Record<string, unknown>,
      errors: (await import('../src/core/errors.js')) as Record<string, unknown>,
    };
    for (const [entry, narrow] of Object.entries(narrowEntries)) {
      expect(Object.keys(narrow).length).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(narrow)) {
        expect(index[name], `core/${entry}.ts exports ${name}`).toBe(value);
      }
    }
  });

  it('lets other layers reach the core through its entry points only', () => {
    const command = join(sourceRoot, 'cli/commands/example.ts');
    expect(checkImports(command, ['../../core/triage.js', '../../core/index.js'])).toEqual([]);
    expect(checkImports(command, ['../../core/report/parse-report.js'])).toEqual([
      'cli/commands/example.ts: import the core through an entry point, not ../../core/report/parse-report.js',
    ]);
    expect(checkImports(join(sourceRoot, 'core/report/x.ts'), ['./parse-report.js'])).toEqual([]);
  });

  it('reads dynamic imports too', () => {
    expect(listImports(join(sourceRoot, 'create-services.ts'))).toContain(
      './services/triage-reports.js',
    );
  });
});
