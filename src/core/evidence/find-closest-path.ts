// Maps a path a report cites onto the repository's files: the file it names (behind a leading
// repo folder, `./` or an absolute checkout path), or else the real path it most likely meant.

import { trimEndCharacters } from '../text/trim-characters.js';

const maxPathLength = 1000;

function trimPath(path: string): string {
  const folded = path
    .trim()
    .slice(0, maxPathLength)
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/{2,}/g, '/');
  return trimEndCharacters(folded, '/');
}

function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The repository path a cited path names, or null: an exact match; the path with `./`, a leading
 * `/` or one leading folder (the repository's own name: `tinyhttpd/src/x.c`) removed; for an
 * absolute path (`/home/me/tinyhttpd/src/x.c`) its longest tail that is a file; for a relative
 * path (`lib/x.c`, `parser.c`) the one file ending in it (`expat/lib/x.c`), when there is exactly one.
 */
export function resolveCitedPath(path: string, paths: ReadonlySet<string>): string | null {
  const cited = trimPath(path);
  if (cited === '') return null;
  if (paths.has(cited)) return cited;
  const isAbsolute = cited.startsWith('/') || cited.startsWith('~/');
  const relative = cited.replace(/^~?\/+/, '');
  if (paths.has(relative)) return relative;
  const segments = relative.split('/');
  if (segments.length > 1) {
    // A relative path may carry the repository folder; an absolute one any checkout location.
    const maxDropped = isAbsolute ? segments.length - 1 : 1;
    for (let dropped = 1; dropped <= maxDropped; dropped += 1) {
      const tail = segments.slice(dropped).join('/');
      if (paths.has(tail)) return tail;
    }
    if (isAbsolute) return null;
  }
  // `lib/xmlparse.c` from a release tarball is `expat/lib/xmlparse.c` in a repository that keeps
  // the project in a folder: the one file with that tail.
  const suffix = `/${relative}`;
  let found: string | null = null;
  for (const candidate of paths) {
    if (!candidate.endsWith(suffix)) continue;
    if (found !== null) return null;
    found = candidate;
  }
  return found;
}

/**
 * True for an absolute path (`/srv/shop/app/routes.py`, `C:\\app\\views.py`, `~/site/wsgi.py`)
 * none of whose tails of folders is a folder of the repository from its root (`app` is not
 * `gunicorn/app`): a file on the
 * reporter's machine outside every checkout of the project (their own application, a deployment
 * script), not a claim about the project's tree. A path whose folders the repository has
 * (`/home/me/tinyhttpd/src/http/invented.c`: `src/http`) still claims a file of the project.
 */
export function isOutsideCheckout(path: string, paths: Iterable<string>): boolean {
  const cited = trimPath(path);
  const isAbsolute = /^(?:\/|~\/|[A-Za-z]:\/)/.test(cited);
  if (!isAbsolute) return false;
  const folders = cited
    .replace(/^(?:~|[A-Za-z]:)?\/+/, '')
    .split('/')
    .slice(0, -1)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (folders.length === 0) return false;
  const tails: string[] = [];
  for (let dropped = 0; dropped < folders.length; dropped += 1)
    tails.push(folders.slice(dropped).join('/'));
  for (const candidate of paths) {
    const folder = `${candidate.slice(0, Math.max(0, candidate.lastIndexOf('/')))}/`;
    // `src/http` is a folder of the repository when some file's folder is it or lies under it,
    // from the repository's root: a checkout location ends where the repository's folders begin.
    for (const tail of tails) if (folder.startsWith(`${tail}/`)) return false;
  }
  return true;
}

// Pages and templates a site or an application renders (`templates/profile.html`,
// `partials/user_card.twig`, `views/index.erb`): the user's of a template engine or web server.
const pageExtension =
  /\.(?:html?|xhtml|shtml|twig|jinja2?|j2|erb|haml|mustache|hbs|handlebars|ejs|pug|jade|liquid|njk)$/i;

/**
 * True for a page or template (`templates/profile.html`, `/index.html`) that lies in no folder
 * of the repository (no tail of its folders is one, from the root): the page of the reporter's
 * own site or application that the project renders or serves, not a file of the project. The
 * caller asks only about paths the tree does not hold.
 */
export function isApplicationPage(path: string, paths: Iterable<string>): boolean {
  const cited = trimPath(path).replace(/^(?:~|[A-Za-z]:)?\/+/, '');
  if (!pageExtension.test(cited)) return false;
  const folders = cited
    .split('/')
    .slice(0, -1)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const tails = folders.map((_, dropped) => folders.slice(dropped).join('/'));
  for (const candidate of paths) {
    const folder = `${candidate.slice(0, Math.max(0, candidate.lastIndexOf('/')))}/`;
    for (const tail of tails) if (folder.startsWith(`${tail}/`)) return false;
  }
  return true;
}

// The extensions a project's generator templates carry (`config/runtime.exs.eex`,
// `project_name/settings.py-tpl`, `config.yml.example`): the template of a file every generated
// application has.
const generatorTemplateSuffix =
  /^[.-](?:eex|erb|tmpl|tpl|template|j2|jinja2?|mustache|hbs|dist|example|sample|tt|liquid|njk)$/i;

/**
 * The repository's generator template of a cited path it does not hold (`config/runtime.exs` ->
 * `installer/templates/phx_single/config/runtime.exs.eex`), or null: the cited file is then one of
 * an application generated from the project, not a file of the project. The cited path must have
 * a folder, so that a bare name does not match any template of that name.
 */
export function findGeneratorTemplate(path: string, paths: Iterable<string>): string | null {
  const cited = trimPath(path)
    .replace(/^(?:~|[A-Za-z]:)?\/+/, '')
    .replace(/^\.\//, '');
  if (!cited.includes('/') || cited.startsWith('../')) return null;
  for (const candidate of paths) {
    const at = candidate.lastIndexOf(cited);
    if (at === -1 || (at > 0 && candidate[at - 1] !== '/')) continue;
    if (generatorTemplateSuffix.test(candidate.slice(at + cited.length))) return candidate;
  }
  return null;
}

/**
 * The repository folder a cited path names, or null: a path that is no file but the folder some
 * files are in (`contrib/gregbook`, `src/lib/`), exactly or behind `./`, a leading `/` or one
 * leading folder (the repository's own name), as `resolveCitedPath` reads file paths.
 */
export function resolveCitedFolder(path: string, paths: Iterable<string>): string | null {
  const relative = trimPath(path).replace(/^~?\/+/, '');
  if (relative === '') return null;
  const withoutFirst = relative.includes('/') ? relative.slice(relative.indexOf('/') + 1) : null;
  let droppedMatch: string | null = null;
  for (const candidate of paths) {
    if (candidate.startsWith(`${relative}/`)) return relative;
    if (withoutFirst !== null && candidate.startsWith(`${withoutFirst}/`))
      droppedMatch = withoutFirst;
  }
  return droppedMatch;
}

// Scratch rows for the edit distance, grown as needed: no allocation per compared path.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

function lowerCode(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function bucketOf(code: number): number {
  return code >= 48 && code <= 57 ? code - 48 : code & 63;
}

/** Which of 64 character buckets occur in `text.slice(start)`, as two 32-bit masks. */
function maskCharacters(text: string, start: number): [number, number] {
  let low = 0;
  let high = 0;
  for (let at = start; at < text.length; at += 1) {
    const bucket = bucketOf(lowerCode(text, at));
    if (bucket < 32) low |= 1 << bucket;
    else high |= 1 << (bucket - 32);
  }
  return [low, high];
}

/**
 * A cheap lower bound on the edit distance: every character of one string whose kind never
 * occurs in the other costs at least one edit. Rules out most paths before any distance table.
 */
function countMissing(
  text: string,
  start: number,
  low: number,
  high: number,
  limit: number,
): number {
  let missing = 0;
  for (let at = start; at < text.length; at += 1) {
    const bucket = bucketOf(lowerCode(text, at));
    const isPresent = bucket < 32 ? (low >>> bucket) & 1 : (high >>> (bucket - 32)) & 1;
    if (isPresent === 0 && ++missing > limit) return missing;
  }
  return missing;
}

/**
 * Case-insensitive Levenshtein distance between `a` and `b.slice(bStart)`, or `limit + 1` as
 * soon as it must exceed `limit` (only the band |row - column| <= limit is computed).
 */
function measureDistance(a: string, b: string, bStart: number, limit: number): number {
  const rows = a.length;
  const columns = b.length - bStart;
  if (Math.abs(rows - columns) > limit) return limit + 1;
  if (previousRow.length <= columns) {
    previousRow = new Int32Array(columns + 1);
    currentRow = new Int32Array(columns + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  const outside = limit + 1;
  for (let column = 0; column <= columns; column += 1)
    previous[column] = column <= limit ? column : outside;
  for (let row = 1; row <= rows; row += 1) {
    const low = Math.max(1, row - limit);
    const high = Math.min(columns, row + limit);
    current[0] = row <= limit ? row : outside;
    if (low > 1) current[low - 1] = outside;
    let rowBest = current[0];
    const code = lowerCode(a, row - 1);
    for (let column = low; column <= high; column += 1) {
      const diagonal = previous[column - 1]! + (code === lowerCode(b, bStart + column - 1) ? 0 : 1);
      const up = previous[column]! + 1;
      const left = current[column - 1]! + 1;
      let value = diagonal < up ? diagonal : up;
      if (left < value) value = left;
      if (value > outside) value = outside;
      current[column] = value;
      if (value < rowBest) rowBest = value;
    }
    if (high < columns) current[high + 1] = outside;
    if (rowBest > limit) return outside;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[columns]!, outside);
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}

/** Among paths sharing a good base name, the one whose folders are most like the cited path's. */
function pickByFolders(cited: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER - 1;
  for (const candidate of candidates.slice(0, 500)) {
    // Bounded by the best so far, so most comparisons stop after a few rows.
    const limit = Math.min(bestDistance, Math.max(cited.length, candidate.length));
    const distance = measureDistance(cited, candidate, 0, limit);
    if (
      distance < bestDistance ||
      (distance === bestDistance && best !== null && candidate < best)
    ) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The real path a cited (missing) path most likely meant, or null when none is close: a file of
 * the same name in another folder, else the nearest file name by edit distance (at most a third
 * of its length), else a name containing the cited one or contained in it (`secure_headers.c`
 * for `headers.c`); ties go to the path whose folders are most alike. Full paths are only compared
 * among those candidates, so 50,000 paths cost a few milliseconds.
 */
export function findClosestPath(path: string, paths: readonly string[]): string | null {
  const cited = trimPath(path).replace(/^~?\/+/, '');
  if (cited === '' || paths.length === 0) return null;
  const baseName = baseNameOf(cited);
  const limit = Math.max(1, Math.min(4, Math.floor(baseName.length / 3)));
  const [citedLow, citedHigh] = maskCharacters(baseName, 0);
  let bestDistance = limit + 1;
  let byDistance: string[] = [];
  for (const candidate of paths) {
    const baseStart = candidate.lastIndexOf('/') + 1;
    const baseLength = candidate.length - baseStart;
    if (Math.abs(baseLength - baseName.length) > Math.min(limit, bestDistance)) continue;
    let distance: number;
    if (baseLength === baseName.length && candidate.endsWith(baseName)) distance = 0;
    else if (bestDistance === 0) continue;
    else {
      const bound = Math.min(limit, bestDistance);
      if (countMissing(candidate, baseStart, citedLow, citedHigh, bound) > bound) continue;
      const [low, high] = maskCharacters(candidate, baseStart);
      if (countMissing(baseName, 0, low, high, bound) > bound) continue;
      distance = measureDistance(baseName, candidate, baseStart, bound);
      // Only the letter case differs: nearer than any real edit, farther than the same name.
      if (distance === 0) distance = 0.5;
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      byDistance = [candidate];
    } else if (distance === bestDistance && distance <= limit) byDistance.push(candidate);
  }
  if (byDistance.length > 0) return pickByFolders(cited, byDistance);
  return pickByFolders(cited, findContaining(baseName, paths));
}

/** Paths whose file stem contains the cited one or is contained in it, the nearest in length. */
function findContaining(baseName: string, paths: readonly string[]): string[] {
  const citedStem = stemOf(baseName);
  if (citedStem.length < 4) return [];
  let found: string[] = [];
  let bestGap = Number.POSITIVE_INFINITY;
  for (const candidate of paths) {
    const stem = stemOf(candidate.slice(candidate.lastIndexOf('/') + 1));
    if (stem.length < 4 || !(stem.includes(citedStem) || citedStem.includes(stem))) continue;
    const gap = Math.abs(stem.length - citedStem.length);
    if (gap < bestGap) {
      bestGap = gap;
      found = [candidate];
    } else if (gap === bestGap) found.push(candidate);
  }
  return found;
}
