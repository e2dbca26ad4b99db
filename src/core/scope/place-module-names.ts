// Where a dotted name of the project's own Python package lies in the repository:
// `twisted.web.static.File` is in `src/twisted/web/static.py`, `aiohttp.web_urldispatcher` in
// `aiohttp/web_urldispatcher.py`. A maintainer reads such a name as the module's file; the
// profile's globs say where the package folder is (`src/twisted/...`, `aiohttp/...`), so a name is
// placed only under a folder a glob names literally, never guessed under a bare `lib/**`.
// Modules are the leading lower-case segments (PEP 8: `File`, `Session`, `HTTPChannel` are
// classes). First the module file a glob lists exactly (the longest prefix: the module, not its
// package); otherwise a package a wildcard glob holds, as its `__init__.py` (the shortest: the
// real `ssh` package before an invented `ssh/transport` one), never an invented module file
// (`requests.get` is no `requests/get.py`). A name placed nowhere stays a `module` fact, which no
// path condition reads.

import type { Fact } from '../model/fact.js';
import { compileGlobs, globCharacter, literalFolder } from './match-components.js';

/** The folders before each package's own folder in the globs: `src/` for `src/twisted/web/x.py`. */
function listPackagePrefixes(globs: readonly string[], packageName: string): string[] {
  const prefixes = new Set<string>();
  for (const glob of globs) {
    const parts = literalFolder(glob).split('/');
    const at = parts.indexOf(packageName);
    if (at !== -1)
      prefixes.add(
        parts
          .slice(0, at)
          .map((part) => `${part}/`)
          .join(''),
      );
  }
  return [...prefixes];
}

const moduleSegment = /^[a-z_][a-z0-9_]*$/;

/** The files the first `count` segments may be: the module's `.py` or its package's `__init__.py`. */
function listModuleFiles(
  segments: readonly string[],
  count: number,
  prefixes: readonly string[],
  isPackageOnly = false,
): string[] {
  const base = segments.slice(0, count).join('/');
  return prefixes.flatMap((prefix) =>
    isPackageOnly
      ? [`${prefix}${base}/__init__.py`]
      : [`${prefix}${base}.py`, `${prefix}${base}/__init__.py`],
  );
}

const snakeCaseBoundary = /([a-z0-9])([A-Z])|([A-Z])([A-Z][a-z])/g;

function toSnakeCase(segment: string): string {
  return segment
    .replace(snakeCaseBoundary, (_, a, b, c, d) => (a ? `${a}_${b}` : `${c}_${d}`))
    .toLowerCase();
}

/**
 * The file a PHP class (`Twig\Sandbox\SecurityPolicy`) or a Ruby constant path
 * (`Sinatra::IndifferentHash`) lives in by its language's convention: PSR-4 puts the namespace
 * after the vendor's own in `src/` (`src/Sandbox/SecurityPolicy.php`); Ruby puts each constant,
 * snake-cased, under `lib/` (`lib/sinatra/indifferent_hash.rb`), a nested class maybe in its
 * parent's file (`lib/sinatra/base.rb` holds no `Sinatra::Base::Helpers` file). A glob that lists
 * the file decides; a wildcard glob holds it only when its literal folder reaches past `src/` or
 * `lib/` into the namespace (`src/Sandbox/**`, never a bare `src/**`). Null when none places it.
 */
function placeClassName(name: string, globs: readonly string[]): string | null {
  const isPhp = name.includes('\\');
  const segments = name.split(isPhp ? '\\' : '::');
  const files: string[] = [];
  if (isPhp) files.push(`src/${segments.slice(1).join('/')}.php`);
  else {
    const folders = segments.map(toSnakeCase);
    for (let count = folders.length; count >= 2; count -= 1)
      files.push(`lib/${folders.slice(0, count).join('/')}.rb`);
  }
  const exact = new Set(
    globs.filter((glob) => !globCharacter.test(glob)).map((glob) => glob.replace(/^\.?\//, '')),
  );
  const listed = files.find((file) => exact.has(file));
  if (listed !== undefined) return listed;
  const reaching = globs.filter(
    (glob) => globCharacter.test(glob) && literalFolder(glob).split('/').length >= 2,
  );
  if (reaching.length === 0) return null;
  const isHeld = compileGlobs(reaching);
  return files.find((file) => isHeld(file)) ?? null;
}

/**
 * The repository file of a dotted name whose first segment is one of `packageNames`, by `globs`;
 * null when no glob places it. PHP classes and Ruby constant paths are placed by their own
 * conventions (placeClassName).
 */
export function placeModuleName(
  name: string,
  globs: readonly string[],
  packageNames: readonly string[],
): string | null {
  if (name.includes('\\') || name.includes('::')) return placeClassName(name, globs);
  const dotted = name.split('.');
  const classAt = dotted.findIndex((segment) => !moduleSegment.test(segment));
  const segments = classAt === -1 ? dotted : dotted.slice(0, classAt);
  if (segments.length < 2 || !packageNames.includes(segments[0]!)) return null;
  const prefixes = listPackagePrefixes(globs, segments[0]!);
  if (prefixes.length === 0) return null;
  const exact = new Set(
    globs.filter((glob) => !globCharacter.test(glob)).map((glob) => glob.replace(/^\.?\//, '')),
  );
  for (let count = segments.length; count >= 2; count -= 1) {
    const file = listModuleFiles(segments, count, prefixes).find((candidate) =>
      exact.has(candidate),
    );
    if (file !== undefined) return file;
  }
  const wildcards = globs.filter((glob) => globCharacter.test(glob));
  if (wildcards.length === 0) return null;
  const isHeld = compileGlobs(wildcards);
  for (let count = 2; count <= segments.length; count += 1) {
    const file = listModuleFiles(segments, count, prefixes, true).find((candidate) =>
      isHeld(candidate),
    );
    if (file !== undefined) return file;
  }
  return null;
}

/**
 * `facts` with each `module` fact the globs place turned into a `file-path` fact of its file (same
 * span and quote), so `components:` and `paths-only:` read it like a cited path.
 */
export function placeModuleNames(
  facts: readonly Fact[],
  globs: readonly string[],
  packageNames: readonly string[],
): Fact[] {
  if (!facts.some((fact) => fact.kind === 'module')) return [...facts];
  return facts.map((fact) => {
    if (fact.kind !== 'module') return fact;
    const file = placeModuleName(fact.value, globs, packageNames);
    return file === null ? fact : { ...fact, kind: 'file-path', value: file };
  });
}
