// Where a path in the reporter's own build directory lies in the repository. Sanitizer traces and
// build logs print absolute paths of the reporter's checkout or unpacked tarball
// (`/home/ana/build/libtiff-4.7.1/libtiff/tif_luv.c`, `/src/project/lib/x.c` on OSS-Fuzz): the
// repository path is some tail of it, after the folder the sources were unpacked into, whose name
// (`libtiff-4.7.1`, `tiff-4.7.1`, `checkout`) says nothing reliable. The shortest tail the profile
// knows (a component's or an exclusion's glob holds it) is taken: the longer ones run through the
// reporter's own folders (`build/libtiff-4.7.1/...` is not the project's `build/` folder).

// Home, temporary, build and work folders a checkout lives in; never the system's own folders
// (`/usr/include/stdio.h` is not the project's `include/stdio.h`).
const workingRoot =
  /^(?:~|\/home\/[^/]+|\/Users\/[^/]+|\/root|\/tmp|\/var\/tmp|\/builds?|\/src|\/work(?:space)?s?|\/opt|\/mnt|\/srv|\/usr(?:\/local)?\/src)\//;

/**
 * The tails of an absolute path under a home, build or work folder that could be its path in the
 * repository, longest first, each with at least one folder (`libtiff/tif_luv.c`, not `tif_luv.c`);
 * none for a relative path or a system path.
 */
export function listCheckoutPaths(path: string): string[] {
  const root = workingRoot.exec(path);
  if (root === null) return [];
  const parts = path.slice(root[0].length).split('/');
  const tails: string[] = [];
  for (let first = 0; first <= parts.length - 2; first += 1) {
    if (parts[first] === '' || parts[first] === '.' || parts[first] === '..') continue;
    tails.push(parts.slice(first).join('/'));
  }
  return tails;
}

// An installed Python package: a traceback prints the module's installed file
// (`/srv/venv/lib/python3.12/site-packages/bottle.py`, `/usr/lib/python3/dist-packages/jinja2/
// sandbox.py`). What follows the packages folder is the module's path in the distribution, which
// the repository keeps at its top (`bottle.py`, `jinja2/sandbox.py`) or under `src/` (the src
// layout); a single-module distribution's file has no folder of its own.
const installedPackagesFolder = /\/(?:site|dist)-packages\//g;
// An installed npm package: `node_modules/sanitize-html/test/test.js`,
// `/app/node_modules/@scope/name/lib/x.js`. What follows the package's own folder is its path in
// the package, which the repository keeps at its top.
const installedNpmPackage = /(?<=^|\/)node_modules\/(?:@[\w.-]{1,100}\/)?[\w.-]{1,100}\//g;

/**
 * The paths in the repository an installed package's file may have, the top first, then the src
 * layout (Python); none for a path outside a `site-packages`, `dist-packages` or npm package's
 * `node_modules/<name>` folder.
 */
export function listInstalledPackagePaths(path: string): string[] {
  let tailStart = -1;
  for (const match of path.matchAll(installedPackagesFolder))
    tailStart = match.index + match[0].length;
  let npmTailStart = -1;
  for (const match of path.matchAll(installedNpmPackage))
    npmTailStart = match.index + match[0].length;
  const isNpm = npmTailStart > tailStart;
  if (isNpm) tailStart = npmTailStart;
  if (tailStart === -1) return [];
  const tail = path.slice(tailStart);
  if (tail === '' || tail.split('/').some((part) => part === '' || part === '.' || part === '..'))
    return [];
  return isNpm ? [tail] : [tail, `src/${tail}`];
}

/**
 * The repository path of a cited path: for an installed package's file, the first of its
 * repository paths `isKnownPath` accepts; for an absolute path in a build or work folder, the
 * shortest of its tails that `isKnownPath` accepts, else its file name when the profile lists
 * that very file at the top of the repository (`isTopLevelFile`: `cJSON.c` for
 * `/home/ana/src/cJSON/cJSON.c`; a single-file library keeps its code there, and a name the
 * profile spells out is no guess); otherwise the path itself.
 */
export function resolveCheckoutPath(
  path: string,
  isKnownPath: (tail: string) => boolean,
  isTopLevelFile: (name: string) => boolean = () => false,
): string {
  const installed = listInstalledPackagePaths(path).find((candidate) => isKnownPath(candidate));
  if (installed !== undefined) return installed;
  const tails = listCheckoutPaths(path);
  for (let index = tails.length - 1; index >= 0; index -= 1) {
    if (isKnownPath(tails[index]!)) return tails[index]!;
  }
  if (workingRoot.test(path)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name !== '' && isTopLevelFile(name)) return name;
  }
  return path;
}
