// Maps the code locations a report cites to the threat model's components by their path globs.

import picomatch from 'picomatch';
import type { Fact } from '../model/fact.js';
import type { ThreatComponent } from '../model/security-profile.js';
import { dropAllocationFrames } from './drop-allocation-frames.js';
import { resolveCheckoutPath } from './list-checkout-paths.js';
import { listTraceCallers } from './list-trace-callers.js';
import { placeFaultInHelperFrame } from './place-fault-in-helper-frame.js';
import { isCodePath, selectCitedCode } from './select-cited-code.js';
import { createSupportFolderTest, notProductFolderKinds } from '../report/support-folders.js';

export interface ComponentMatch {
  component: ThreatComponent;
  /** Cited paths with folders that the component's globs hold. */
  facts: Fact[];
  /**
   * Bare file names (`t_hash.c`) that may be this component's, each with every component it may
   * belong to: a rule holds on one only when it covers all of them, wherever the file is.
   */
  bareNames: Array<{ fact: Fact; candidates: readonly string[] }>;
}

const pathKinds = new Set(['file-path', 'line-reference', 'diff']);

/** The repository path a path-like fact names, without `:line` or `#L..` suffixes. */
export function toCitedPath(fact: Fact): string {
  return fact.value.replace(/#L\d+(?:-L?\d+)?$/, '').replace(/(?::\d+){1,2}(?:-\d+)?$/, '');
}

/**
 * The cited paths that say where the code is (see select-cited-code.ts), without the frames of
 * allocation wrappers in a trace (drop-allocation-frames.ts; `body` is the report's text), and
 * without a trace's library frames when its fault is in helper code (place-fault-in-helper-frame.ts).
 */
export function listCitedPaths(facts: readonly Fact[], body?: string): Fact[] {
  const cited = facts.filter((fact) => pathKinds.has(fact.kind) && toCitedPath(fact).length > 0);
  const isCode = (fact: Fact): boolean => fact.kind === 'diff' || isCodePath(toCitedPath(fact));
  const withoutAllocators = dropAllocationFrames(cited, facts, isCode, body);
  return selectCitedCode(
    placeFaultInHelperFrame(withoutAllocators, toCitedPath, body),
    toCitedPath,
  );
}

/** The cited paths in the frames of a sanitizer trace that called the fault's (list-trace-callers.ts). */
export function listCitedTraceCallers(facts: readonly Fact[], body?: string): Fact[] {
  return listTraceCallers(listCitedPaths(facts, body), toCitedPath, body);
}

// Compiling globs costs more than matching them; profiles are few and long-lived.
const compiledGlobs = new Map<string, (path: string) => boolean>();

/** Whether a repository path is one `globs` holds (no leading folder dropped, dotfiles included). */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let isMatch = compiledGlobs.get(key);
  if (!isMatch) {
    if (compiledGlobs.size > 1000) compiledGlobs.clear();
    isMatch = picomatch([...globs], { dot: true });
    compiledGlobs.set(key, isMatch);
  }
  return isMatch;
}

/** Builds a matcher that also accepts a path cited with a leading repository folder. */
export function createPathMatcher(globs: readonly string[]): (path: string) => boolean {
  const isMatch = compileGlobs(globs);
  return (path) => {
    const clean = path.replace(/^\.?\//, '');
    if (isMatch(clean)) return true;
    const withoutFirstFolder = clean.replace(/^[^/]+\//, '');
    return withoutFirstFolder !== clean && isMatch(withoutFirstFolder);
  };
}

/**
 * Turns a cited path into its repository path: an absolute path in the reporter's build or work
 * folder becomes the shortest tail one of `globs` holds (list-checkout-paths.ts).
 */
export function createCheckoutPathResolver(
  globs: readonly string[],
  projectNames: readonly string[] = [],
): (path: string) => string {
  const isKnownPath = compileGlobs(globs);
  // Files a glob names at the top of the repository, without a wildcard (`cJSON.c`).
  const topLevelFiles = new Set(
    globs
      .map((glob) => glob.replace(/^\.?\//, ''))
      .filter((glob) => !glob.includes('/') && !globCharacter.test(glob)),
  );
  return (path) =>
    resolveCheckoutPath(
      path,
      isKnownPath,
      (name) => topLevelFiles.has(name) && isProjectCheckout(path, projectNames),
    );
}

/**
 * The folder holding `path` is named like the project: its checkout or unpacked release
 * (`cJSON`, `cJSON-1.7.17`, `cjson_master`), not another application's folder (`other-app`).
 */
function isProjectCheckout(path: string, projectNames: readonly string[]): boolean {
  const parts = path.split('/');
  const folder = (parts[parts.length - 2] ?? '').toLowerCase();
  return projectNames.some(
    (name) => folder === name || folder.startsWith(`${name}-`) || folder.startsWith(`${name}_`),
  );
}

// Folders of code that ships with a project but is not the product: a bare file name is not
// taken to live there unless its own name says so (`test_parser.c`, `fuzz_target.cc`).
const isSupportFolder = createSupportFolderTest(notProductFolderKinds);
const supportName = /test|regress|spec|fuzz|example|bench/i;
export const globCharacter = /[*?[\]{}()!]/;

// The folders of a glob before its first wildcard: `src/twisted/conch` for `src/twisted/conch/x.py`.
export function literalFolder(glob: string): string {
  const parts = glob.replace(/^\.?\//, '').split('/');
  const literal: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (globCharacter.test(part)) break;
    literal.push(part);
  }
  return literal.join('/');
}

function isSupportComponent(component: ThreatComponent): boolean {
  return component.paths.every((glob) =>
    isSupportFolder(glob.replace(/^\.?\//, '').split('/', 1)[0]!),
  );
}

/**
 * The components a bare file name (`session.c`, no folder) can belong to. A component path that
 * ends in exactly that name decides alone (`src/session.c`); otherwise every component with a
 * glob that would hold a file of that name in its literal folder (`src/**` holds `src/t_hash.c`),
 * leaving out test, fuzz, example and documentation folders unless the name itself is one.
 */
export function resolveBareFileName(
  name: string,
  components: readonly ThreatComponent[],
): ThreatComponent[] {
  const exact = components.filter((component) =>
    component.paths.some(
      (glob) => !globCharacter.test(glob) && (glob === name || glob.endsWith(`/${name}`)),
    ),
  );
  if (exact.length > 0) return exact;
  return components.filter((component) => {
    if (isSupportComponent(component) && !supportName.test(name)) return false;
    const isMatch = compileGlobs(component.paths);
    return component.paths.some((glob) => {
      const folder = literalFolder(glob);
      return globCharacter.test(glob) && isMatch(folder === '' ? name : `${folder}/${name}`);
    });
  });
}

function isBareFileName(path: string): boolean {
  return !path.includes('/');
}

function isListedExactly(name: string, components: readonly ThreatComponent[]): boolean {
  return components.some((component) =>
    component.paths.some(
      (glob) => !globCharacter.test(glob) && (glob === name || glob.endsWith(`/${name}`)),
    ),
  );
}

/**
 * A report that cites one folder of the project (a link to `.../tree/<ref>/contrib/gregbook`, or
 * `contrib/gregbook/` in its text) and names a file without a folder (`readpng2.c`) means a file
 * of that folder, unless a component lists that name elsewhere (`pngrutil.c` at the top). With no
 * folder, or several, the bare name stays bare. A bare name the report also cites with its folder
(`plugins/x/y.c` in the text, `y.c:62` in a trace) is that path, when only one cited path has
that name (`lib/handle_auth.c` and `src/handle_auth.c` leave `handle_auth.c` bare); `x.php` is a
cited `examples/x.phps`, the copy a PHP project's reader renames to run it. Wraps
`resolvePath`.
 */
export function resolveBareNamesInCitedFolder(
  resolvePath: (path: string) => string,
  facts: readonly Fact[],
  components: readonly ThreatComponent[],
): (path: string) => string {
  const folders = new Set<string>();
  const pathsByName = new Map<string, Set<string>>();
  for (const fact of facts) {
    if (fact.kind !== 'file-path') continue;
    const path = trimTrailingSlash(resolvePath(toCitedPath(fact)));
    if (!path.includes('/')) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!name.includes('.')) folders.add(path);
    else {
      pathsByName.set(name, (pathsByName.get(name) ?? new Set<string>()).add(path));
      // A PHP project ships examples as `x.phps` (shown, not run); the reader's copy renamed
      // to run it (`x.php`) is that file.
      const runnable = name.endsWith('.phps') ? name.slice(0, -1) : null;
      if (runnable !== null)
        pathsByName.set(runnable, (pathsByName.get(runnable) ?? new Set<string>()).add(path));
    }
  }
  const [folder] = folders;
  return (path) => {
    const resolved = resolvePath(path);
    if (!isBareFileName(resolved)) return resolved;
    // The same file named with its folder elsewhere in the report ("`src/x/y.c`" in the text,
    // "y.c:62" in the trace) is that file, when only one cited path has that name.
    const withFolder = pathsByName.get(resolved);
    if (withFolder?.size === 1) return [...withFolder][0]!;
    if (folders.size !== 1 || isListedExactly(resolved, components)) return resolved;
    return `${folder!}/${resolved}`;
  };
}

function trimTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

// A glob for a kind of file wherever it is (`**/*_test.go`, `**/*.spec.ts`): no literal folder,
// a file-name pattern with a wildcard and some literal text.
function isFileKindGlob(glob: string): boolean {
  let rest = glob.replace(/^\.?\//, '');
  if (!rest.startsWith('**/')) return false;
  while (rest.startsWith('**/')) rest = rest.slice(3);
  return !rest.includes('/') && /[*?]/.test(rest) && /[^*?]/.test(rest);
}
// A glob for whatever is in a folder (`server/**`, `src/*`).
const folderGlob = /(?:^|\/)\*{1,2}$/;

/**
 * The components a repository path belongs to. A component that holds the path by a glob for a
 * kind of file (`**\/*_test.go`) takes it from components that hold it only by a folder
 * (`server/**`), as a Go test file beside the code it tests is a test; otherwise every component
 * whose globs hold the path keeps it (a profile may layer `lib/path.js` over `lib/**`). The first
 * folder of a path is dropped (a checkout's name, `node-tar/lib/x.js`) only when no component
 * holds the path as written.
 */
export function findOwningComponents(
  path: string,
  components: readonly ThreatComponent[],
): ReadonlySet<string> {
  // A path some component holds as written (`wolfcrypt/src/asn.c`) is not read with its first
  // folder dropped as a checkout's name (`src/asn.c` under `src/**`): that is only for paths the
  // profile's globs do not hold as written.
  const clean = path.replace(/^\.?\//, '');
  const asWritten = components.filter((component) => compileGlobs(component.paths)(clean));
  const holds = (globs: readonly string[]): boolean =>
    asWritten.length > 0 ? compileGlobs(globs)(clean) : createPathMatcher(globs)(path);
  const holding = components.filter((component) => holds(component.paths));
  const globsHolding = (component: ThreatComponent): string[] =>
    component.paths.filter((glob) => holds([glob]));
  const byKind = holding.filter((component) => globsHolding(component).some(isFileKindGlob));
  if (byKind.length === 0) return new Set(holding.map((component) => component.id));
  const kept = holding.filter(
    (component) =>
      byKind.includes(component) || !globsHolding(component).every((glob) => folderGlob.test(glob)),
  );
  return new Set(kept.map((component) => component.id));
}

/**
 * `resolvePath` turns a build-folder path into its repository path (by default, by the
 * components' globs); `body` is the report's text, where trace frames are read.
 */
export function matchComponents(
  facts: readonly Fact[],
  components: readonly ThreatComponent[],
  resolvePath = createCheckoutPathResolver(components.flatMap((component) => component.paths)),
  body?: string,
): ComponentMatch[] {
  const cited = listCitedPaths(facts, body);
  const bare = new Map<Fact, readonly string[]>();
  for (const fact of cited) {
    const path = resolvePath(toCitedPath(fact));
    if (isBareFileName(path)) {
      bare.set(
        fact,
        resolveBareFileName(path, components).map((component) => component.id),
      );
    }
  }
  const owners = new Map<Fact, ReadonlySet<string>>();
  for (const fact of cited)
    if (!bare.has(fact))
      owners.set(fact, findOwningComponents(resolvePath(toCitedPath(fact)), components));
  const matches: ComponentMatch[] = [];
  for (const component of components) {
    const matching = cited.filter((fact) => owners.get(fact)?.has(component.id) === true);
    const bareMatching = [...bare]
      .filter(([, ids]) => ids.includes(component.id))
      .map(([fact, ids]) => ({ fact, candidates: ids }));
    if (matching.length > 0 || bareMatching.length > 0) {
      matches.push({ component, facts: matching, bareNames: bareMatching });
    }
  }
  return matches;
}
