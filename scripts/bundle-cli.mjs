// After tsc: bundles the `thresher` binary with esbuild into dist/cli/main.js and its chunks in
// dist/bundle/, so a command starts by loading a few files instead of hundreds of modules.
// Splitting keeps each `import()` a chunk of its own: a command loads its code and libraries
// (mail, zip, server, storage...) only when it runs, as the unbundled build did. The library entry
// (dist/core/index.js and its types) stays tsc's. Writes dist/bundle/metafile.json (which source
// files each chunk holds; test/e2e/startup-modules.test.ts reads it) and makes the bin executable.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const source = resolve(root, 'src');
const output = resolve(root, 'dist');

/**
 * Modules find shipped files (models/, schema/, data/, package.json) relative to their own place
 * in dist/. Bundled, they live in dist/cli/ or dist/bundle/ (both two folders below the package),
 * so each module's `import.meta.url` becomes the URL its tsc output would have had.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes('import.meta.url') || !path.startsWith(source)) return undefined;
      const compiledPath = relative(source, path).replace(/\.ts$/, '.js').replaceAll('\\', '/');
      const url = `new URL(${JSON.stringify(`../${compiledPath}`)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

// Chunk names carry a content hash: clear the last build's so none goes stale.
rmSync(resolve(output, 'bundle'), { recursive: true, force: true });
const result = await build({
  entryPoints: { 'cli/main': resolve(source, 'cli/main.ts') },
  outdir: output,
  chunkNames: 'bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native code and the PostgreSQL driver's optional native binding stay in node_modules.
  external: ['better-sqlite3', 'pg'],
  // CommonJS libraries inside an ES module bundle still call `require` for Node's own modules.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
  },
  // Less source for V8 to parse on every start; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [keepModuleUrls],
  metafile: true,
  logLevel: 'warning',
});

writeFileSync(resolve(output, 'bundle/metafile.json'), JSON.stringify(result.metafile));
// The bin must be executable for `npx thresher` in a fresh checkout.
chmodSync(resolve(output, 'cli/main.js'), 0o755);
