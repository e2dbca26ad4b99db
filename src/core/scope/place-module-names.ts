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
import { reverseDomainRoots } from '../text/reverse-domain-roots.js';

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

/**
 * The file a PHP class (`Twig\\Sandbox\\SecurityPolicy`) lives in by PSR-4: the namespace after
 * the vendor's own, under `src/` (`src/Sandbox/SecurityPolicy.php`). A glob that lists the file
 * decides; a wildcard glob holds it only when its literal folder reaches past `src/` into the
 * namespace (`src/Sandbox/**`, never a bare `src/**`). Null when none places it.
 */
function placePhpClassName(name: string, globs: readonly string[]): string | null {
  const file = `src/${name.split('\\').slice(1).join('/')}.php`;
  const isListed = globs.some(
    (glob) => !globCharacter.test(glob) && glob.replace(/^\.?\//, '') === file,
  );
  if (isListed) return file;
  const reaching = globs.filter(
    (glob) => globCharacter.test(glob) && literalFolder(glob).split('/').length >= 2,
  );
  return reaching.length > 0 && compileGlobs(reaching)(file) ? file : null;
}

/**
 * The file a JVM class named by its reverse-domain package (`org.jsoup.safety.Cleaner`) lives in
 * by the Maven and Gradle layout: the package's folders, then the class's `.java` (or `.kt`) file,
 * under the folder a glob puts before the package (`src/main/java/`). Placed only when a glob
 * names the package's folder literally (`src/main/java/org/jsoup/safety/**`) and holds the file.
 */
function placeJvmClassName(
  name: string,
  globs: readonly string[],
  packageNames: readonly string[],
): string | null {
  const segments = name.split('.');
  const classAt = segments.findIndex((segment) => /^[A-Z]/.test(segment));
  if (classAt < 2 || !reverseDomainRoots.has(segments[0]!)) return null;
  if (!packageNames.includes(segments[1]!)) return null;
  const packagePath = segments.slice(0, classAt).join('/');
  const root = `${segments[0]!}/${segments[1]!}/`;
  for (const glob of globs) {
    const folder = `${literalFolder(glob)}/`;
    const at = folder.indexOf(root);
    if (at === -1 || (at > 0 && folder[at - 1] !== '/')) continue;
    const prefix = folder.slice(0, at);
    for (const extension of ['.java', '.kt']) {
      const file = `${prefix}${packagePath}/${segments[classAt]!}${extension}`;
      const isHeld = globCharacter.test(glob)
        ? compileGlobs([glob])(file)
        : glob.replace(/^\.?\//, '') === file;
      if (isHeld) return file;
    }
  }
  return null;
}

/**
 * The repository file of a dotted name whose first segment is one of `packageNames`, by `globs`;
 * null when no glob places it. PHP classes are placed by PSR-4 (placePhpClassName).
 */
export function placeModuleName(
  name: string,
  globs: readonly string[],
  packageNames: readonly string[],
): string | null {
  if (name.includes('\\')) return placePhpClassName(name, globs);
  const jvmClass = placeJvmClassName(name, globs, packageNames);
  if (jvmClass !== null) return jvmClass;
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
