// Finds the functions and files an advisory's prose names, for matching a report that cites the
// same code: `name()`, snake_case (`http_read_chunked`), lower camelCase (`dtdCopy`),
// `Class::method`, `pkg.func()`, and paths or file names with a source extension. Advisories
// carry no structured location, so this is the only place it can come from.

const callPattern = /\b([A-Za-z_$][\w$]*(?:(?:::|\.)[A-Za-z_$][\w$]*){0,3})\(/g;
const snakePattern = /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g;
const camelPattern = /\b[a-z][a-z0-9]+[A-Z][A-Za-z0-9]*\b/g;
const scopedPattern = /\b[A-Za-z_]\w*::[A-Za-z_]\w*\b/g;
const pathPattern =
  /(?<![\w/.-])(?:[\w.-]{1,64}\/){0,8}[\w.-]{1,64}\.(?:c|h|cc|cpp|hpp|cxx|rs|go|py|js|mjs|cjs|ts|rb|php|java|kt|cs|swift|m|pl|lua|sh)\b/g;
const maxNames = 50;
/**
 * Runtimes and frameworks named like a JavaScript file ("tested on Node.js 22", "a Vue.js app"):
 * a product, not a source file.
 */
const productNamedLikeFilePattern =
  /^(?:node|deno|vue|next|nuxt|express|react|angular|ember|backbone|three|d3|chart|moment|alpine|svelte|solid)\.js$/i;
// Words of prose that the shapes above would take for code.
const notCode = new Set(['e.g', 'i.e', 'etc', 'macos', 'ios', 'ebay', 'iphone', 'ipad']);

export interface CodeNames {
  functions: string[];
  paths: string[];
}

export function findCodeNames(text: string): CodeNames {
  const bounded = text.slice(0, 20_000);
  const functions = new Set<string>();
  const add = (name: string): void => {
    if (functions.size < maxNames && name.length >= 4 && !notCode.has(name.toLowerCase())) {
      functions.add(name);
    }
  };
  for (const match of bounded.matchAll(callPattern)) add(match[1]!);
  for (const pattern of [snakePattern, camelPattern, scopedPattern]) {
    for (const match of bounded.matchAll(pattern)) add(match[0]);
  }
  const paths = new Set<string>();
  for (const match of bounded.matchAll(pathPattern)) {
    if (
      paths.size < maxNames &&
      !/^\d/.test(match[0]) &&
      !productNamedLikeFilePattern.test(match[0])
    )
      paths.add(match[0]);
  }
  // A file name is not a function: `xmlparse.c` would match `pkg.func`-like shapes above.
  for (const path of paths) functions.delete(path);
  return { functions: [...functions], paths: [...paths] };
}
