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
  root: ['core', 'services', 'config', 'storage', 'adapters'],
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
  return [
    ...text.matchAll(
      /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((match) => (match[1] ?? match[2])!);
}

function findViolations(): string[] {
  const violations: string[] = [];
  for (const file of listSourceFiles(sourceRoot)) {
    const layer = layerOf(file);
    const where = relative(sourceRoot, file);
    for (const specifier of listImports(file)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const targetLayer = layerOf(target);
        const isPortsFile = relative(sourceRoot, target).replace(/\.js$/, '') === 'services/ports';
        const mayImportPorts = layer === 'storage' || layer === 'adapters';
        if (!allowedLayers[layer].includes(targetLayer) && !(isPortsFile && mayImportPorts)) {
          violations.push(`${where}: ${layer} must not import ${targetLayer} (${specifier})`);
        }
      } else if (layer === 'core' && !pureCorePackages.has(specifier)) {
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
    const index = readFileSync(join(sourceRoot, 'core/index.ts'), 'utf8');
    expect(index).not.toMatch(/export \*/);
  });
});
