// After tsc: bundles the `thresher` binary with esbuild. Two files and a cache in dist/cli/
// (which only this script writes: tsc leaves src/cli out):
// - main.js, the bin (CommonJS, a few KB; dist/cli/package.json says `"type": "commonjs"`, since
//   an ES module entry costs every start Node's ES module loader): answers `thresher`, `--help`
//   and `--version` itself and loads the CLI bundle for any command (src/cli/main.ts);
// - thresher.cjs, the CLI bundle: src/cli/run-cli.ts and everything it imports in one CommonJS
//   script. Each `import()` of the source stays lazy (esbuild wraps the module in an initialiser
//   that runs on first import), so a command still evaluates only the code and libraries it uses;
// - thresher-<build>.codecache, V8's code cache for the bundle, written by running a one-report
//   triage through it in a child process (scripts/write-cli-code-cache.mjs), so a start does not
//   parse and compile that code again (src/cli/load-cli-bundle.ts; optional, checked, ignored
//   when it does not fit).
// The library entry (dist/core/index.js and its types) stays tsc's.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { execPath } from 'node:process';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const source = resolve(root, 'src');
const output = resolve(root, 'dist');

/**
 * Modules find shipped files (models/, schema/, data/, package.json) relative to their own place
 * in dist/. Bundled, they live in dist/cli/ (two folders below the package), so each module's
 * `import.meta.url` becomes the URL its tsc output would have had, relative to the bundle's own
 * URL (`moduleUrl` in the bin, `bundleUrl` in the CLI bundle).
 */
function keepModuleUrls(ownUrl) {
  return {
    name: 'keep-module-urls',
    setup(bundler) {
      bundler.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        if (!text.includes('import.meta.url') || !path.startsWith(source)) return undefined;
        const compiledPath = relative(source, path).replace(/\.ts$/, '.js').replaceAll('\\', '/');
        const url = `new URL(${JSON.stringify(`../${compiledPath}`)}, ${ownUrl}).href`;
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * In a CommonJS script compiled with `vm.Script`, `import()` needs a flag on Node 20, so Node's
 * own modules imported on demand (`await import('node:crypto')`) become a `require` wrapped as
 * a module namespace, still loaded only when the import runs.
 */
const requireNodeModulesOnDemand = {
  name: 'require-node-modules-on-demand',
  setup(bundler) {
    bundler.onResolve({ filter: /^node:/ }, ({ path, kind }) =>
      kind === 'dynamic-import' ? { path, namespace: 'node-module' } : undefined,
    );
    bundler.onLoad({ filter: /.*/, namespace: 'node-module' }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Large packages a triage never loads stay in node_modules (required at run time): a smaller
 * bundle is less to read and a smaller code cache to take in on every start. Imported with
 * `import()`, each becomes a module holding what Node's own `import()` of it gives (an ES
 * module's namespace; for CommonJS, `default` as module.exports and its named exports), with the
 * export names read here, at build time.
 */
const packagesLeftOut = ['npm-high-impact', '@secvisogram/csaf-validator-lib', 'ajv', 'kysely'];
const isLeftOut = (path) =>
  packagesLeftOut.some((name) => path === name || path.startsWith(`${name}/`));

const importLeftOutOnDemand = {
  name: 'import-left-out-packages-on-demand',
  setup(bundler) {
    bundler.onResolve({ filter: /^[@a-z]/ }, ({ path, kind }) => {
      if (!isLeftOut(path)) return undefined;
      return kind === 'dynamic-import' ? { path, namespace: 'left-out' } : { path, external: true };
    });
    bundler.onLoad({ filter: /.*/, namespace: 'left-out' }, async ({ path }) => {
      const names = Object.keys(await import(path)).filter((name) => name !== 'default');
      const specifier = JSON.stringify(path);
      const lines = [
        `const loaded = require(${specifier});`,
        // require() of an ES module gives its namespace; of CommonJS, module.exports.
        "const namespace = Object.prototype.toString.call(loaded) === '[object Module]' ? loaded : { ...loaded, default: loaded };",
        'const exported = namespace.default;',
        'export { exported as default };',
        ...names.map(
          (name, index) =>
            `const export${index} = namespace[${JSON.stringify(name)}]; export { export${index} as ${JSON.stringify(name)} };`,
        ),
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

/**
 * esbuild escapes every non-ASCII character of its output but those in regular expression
 * literals (the phrase rules' `’`, `ê`, ...). One such character makes the whole 1.9 MB source a
 * two-byte string for V8: twice the memory, a slower read (UTF-8 decoding) and a slower compile.
 * `\uXXXX` means the same character in a regex literal (with or without the u flag, a surrogate
 * pair for one above U+FFFF) as in a string or a comment; an identity escape (`\’`) is replaced
 * whole.
 */
function escapeNonAscii(source) {
  return source.replace(/(\\*)([^\p{ASCII}])/gu, (_, backslashes, character) => {
    let escaped = backslashes.slice(0, backslashes.length - (backslashes.length % 2));
    for (let at = 0; at < character.length; at += 1)
      escaped += `\\u${character.charCodeAt(at).toString(16).padStart(4, '0')}`;
    return escaped;
  });
}

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Less source for V8 to parse; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

// The last build's chunks (before the CLI bundle), code caches and anything else in dist/cli/
// (tsc's output of src/cli, before it was left out) go: none may go stale.
rmSync(resolve(output, 'bundle'), { recursive: true, force: true });
rmSync(resolve(output, 'cli'), { recursive: true, force: true });
mkdirSync(resolve(output, 'cli'));
writeFileSync(resolve(output, 'cli/package.json'), '{ "type": "commonjs" }\n');

await build({
  ...shared,
  entryPoints: { 'cli/main': resolve(source, 'cli/main.ts') },
  outdir: output,
  format: 'cjs',
  // The directive first: the bin's code keeps the strict mode it has as an ES module source.
  banner: {
    js: '"use strict";\nconst moduleUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  plugins: [keepModuleUrls('moduleUrl')],
});

const bundled = await build({
  ...shared,
  entryPoints: [resolve(source, 'cli/run-cli.ts')],
  outfile: resolve(output, 'cli/thresher.cjs'),
  format: 'cjs',
  write: false,
  // Native code and the PostgreSQL driver's optional native binding stay in node_modules.
  external: ['better-sqlite3', 'pg'],
  banner: { js: 'const bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [keepModuleUrls('bundleUrl'), requireNodeModulesOnDemand, importLeftOutOnDemand],
});
const text = escapeNonAscii(bundled.outputFiles[0].text);
// The bin reads the bundle as Latin-1 (cli/load-cli-bundle.ts): only ASCII decodes the same way.
if (/[^\p{ASCII}]/u.test(text)) throw new Error('the CLI bundle is not ASCII after escaping');
// The first line names the build: a code cache is only read for the bundle it was made from.
const buildName = createHash('sha256').update(text).digest('hex').slice(0, 32);
writeFileSync(resolve(output, 'cli/thresher.cjs'), `// thresher-bundle ${buildName}\n${text}`);

// The bin must be executable for `npx thresher` in a fresh checkout.
chmodSync(resolve(output, 'cli/main.js'), 0o755);

execFileSync(execPath, [resolve(root, 'scripts/write-cli-code-cache.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
