// Tells a source path ("src/http/parser.c", "./lib/x.js", "/etc/tinyhttpd.conf") from slashed
// prose that only looks like one ("and/or", "I/O", "TCP/IP", "HTTP/1.1", "24/7", "Node.js").

import { codeFileExtensions } from '../text/code-file-extensions.js';
import { trimEndCharacters } from '../text/trim-characters.js';

// Code, and the data, configuration and document files a report also cites.
const sourceExtensions = new Set([
  ...codeFileExtensions,
  ...'html htm xml json yaml yml toml ini cfg conf md txt rst lock properties patch diff'.split(
    ' ',
  ),
]);

const knownRoots = new Set(
  (
    'src lib include inc test tests spec app pkg cmd internal packages bin sbin scripts docs etc usr var tmp ' +
    'home opt proc sys crates modules core tools examples fuzz benches bench vendor node_modules build dist ' +
    'source sources third_party deps contrib'
  ).split(' '),
);

const notPaths = new Set(
  (
    'and/or i/o tcp/ip udp/ip read/write r/w client/server yes/no true/false on/off input/output he/she ' +
    'him/her his/her n/a w/o either/or km/h req/s ops/s ci/cd ui/ux a/b get/post get/set open/close ' +
    'start/stop encode/decode request/response send/recv src/dst'
  ).split(' '),
);

// Framework names that end like a file.
const productNames =
  /^(?:node|vue|next|nuxt|express|three|d3|chart|react|angular|ember|backbone|moment|p5|knockout|alpine|solid|nest|deno|bun|socket|ext|pixi|babylon|anime|video|highlight|marked|day|big|bn|web3|ethers)\.js$/i;
const domainLike =
  /^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|co|gov|edu|app|sh|me|xyz|info|biz|us|uk|de|fr|eu|ai|gg|ly|so|to|tv|cc|example)$/i;

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

/** True when the last dot-separated part is a source or config file extension (`x.c`, `Node.js`). */
export function hasSourceExtension(name: string): boolean {
  const extension = extensionOf(name);
  return extension !== null && sourceExtensions.has(extension);
}

/** Drops `./`, trailing punctuation and trailing slashes: the form a path fact keeps. */
export function normaliseFilePath(path: string): string {
  return trimEndCharacters(trimEndCharacters(path.replace(/^(?:\.\/)+/, ''), '.,;:'), '/');
}

export function isLikelyFilePath(candidate: string, isQuoted: boolean): boolean {
  const path = normaliseFilePath(candidate);
  if (path === '' || notPaths.has(path.toLowerCase())) return false;
  const isRelative = /^(?:\.\.?\/|~\/)/.test(candidate);
  const isAbsolute = candidate.startsWith('/');
  const segments = path.replace(/^(?:~\/|\/|(?:\.\.\/)+)/, '').split('/');
  const last = segments[segments.length - 1]!;
  const first = segments[0]!;
  if (segments.some((segment) => segment === '' || /^[\d.]+$/.test(segment))) return false;
  if (domainLike.test(first) && segments.length > 1) return false;
  const extension = extensionOf(last);
  if (segments.length === 1) {
    return (
      extension !== null &&
      sourceExtensions.has(extension) &&
      !productNames.test(last) &&
      /[a-z]/i.test(last.slice(0, -extension.length - 1))
    );
  }
  if (extension !== null && sourceExtensions.has(extension)) return true;
  // No telling extension: accept only shapes that are clearly paths.
  if (segments.length === 2 && segments.every((segment) => /^[A-Z0-9]{1,5}$/.test(segment)))
    return false;
  // "/admin/users" is far more often a URL route than a file; "./build/x" and "/etc/x" are files.
  if (isRelative) return true;
  if (knownRoots.has(first.toLowerCase())) return true;
  if (isAbsolute) return false;
  if (segments.length >= 3) return segments.every((segment) => /^[a-z0-9_.@+-]+$/.test(segment));
  return isQuoted && segments.some((segment) => /[._-]/.test(segment) || /[a-z]{2}/.test(segment));
}
