// Reads where a shell session runs a bare script from: `cd aiohttp/examples` then
// `python basic_auth_middleware.py` runs `examples/basic_auth_middleware.py`, not a file of the
// library. Only folders of code that ships beside the product but is not it (examples, demos,
// samples, tests, docs, benchmarks) are read, so that a bare `server.py` run from an examples
// folder is placed there and not in whatever top-level path a profile lists.

import { forEachMatch } from './for-each-match.js';
import { createSupportFolderTest, notProductFolderKinds } from './support-folders.js';

/** A script a shell session runs, as its path under a support folder, and where it is named. */
export interface SupportFolderRun {
  path: string;
  start: number;
  end: number;
}

const isSupportSegment = createSupportFolderTest(notProductFolderKinds);

// `cd DIR` (optionally after a prompt), on its own line or before `&&`.
const changeDirectory =
  /(?:^|\n)[ \t]*(?:[$>%#][ \t]+)?cd[ \t]+(["']?)([\w./~@+-]{1,200})\1[ \t]*(?=\n|$|&&|;)/g;
// `python x.py`, `python3 -m x`, `node x.js`: the interpreter, its flags, then a bare file name.
const runCommand =
  /(?:^|\n|&&|;)[ \t]*(?:[$>%#][ \t]+)?(?:python(?:3(?:\.\d{1,2})?)?|pypy3?|node|nodejs|deno[ \t]+run|bun(?:[ \t]+run)?|ruby|php|perl|go[ \t]+run|tsx|ts-node)(?:[ \t]{1,8}-{1,2}\w[\w-]{0,29}){0,8}[ \t]{1,8}([\w@+-][\w.@+-]{0,100}\.(?:py|js|mjs|cjs|ts|rb|php|pl|go))(?=[ \t]|\n|$)/g;

/** The folder below the first support segment of `directory` (`aiohttp/examples` -> `examples`). */
function readSupportFolder(directory: string): string | null {
  const parts = directory
    .replace(/^\.\//, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  const first = parts.findIndex(isSupportSegment);
  if (first === -1 || parts.slice(first).includes('..')) return null;
  return parts.slice(first).join('/');
}

/** The scripts `content` (a shell session) runs by a bare name from a support folder. */
export function findSupportFolderRuns(content: string, offset = 0): SupportFolderRun[] {
  const folders: Array<{ at: number; folder: string | null }> = [];
  forEachMatch(changeDirectory, content, (match) => {
    folders.push({ at: match.index, folder: readSupportFolder(match[2]!) });
  });
  // A run is placed only after a `cd` into a support folder: without one there is nothing to read
  // (and the long interpreter pattern is not run).
  if (!folders.some((change) => change.folder !== null)) return [];
  const runs: SupportFolderRun[] = [];
  forEachMatch(runCommand, content, (match) => {
    let folder: string | null = null;
    for (const change of folders) if (change.at < match.index) folder = change.folder;
    if (folder === null) return;
    const name = match[1]!;
    const start = offset + match.index + match[0].length - name.length;
    runs.push({ path: `${folder}/${name}`, start, end: start + name.length });
  });
  return runs;
}
