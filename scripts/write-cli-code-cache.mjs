// Writes the CLI bundle's V8 code cache (src/cli/load-cli-bundle.ts): runs a one-report triage
// of an example report through dist/cli/thresher.cjs, output discarded, then saves the bytecode of
// every function that ran. Run by scripts/bundle-cli.mjs in a fresh process, so the cache holds
// what a triage compiles and was made with the flags a plain `node` start has.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
// The bin's own loader, from its source: dist/cli/ holds only the bundled bin (CommonJS).
const loader = await build({
  entryPoints: [resolve(root, 'src/cli/load-cli-bundle.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const { encodeCodeCache, loadCliBundle } = await import(
  `data:text/javascript;base64,${Buffer.from(loader.outputFiles[0].text).toString('base64')}`
);
const bundlePath = resolve(root, 'dist/cli/thresher.cjs');
const bundle = loadCliBundle(bundlePath, false);
if (bundle.cachePath === null)
  throw new Error(`${bundlePath} does not name its build on its first line`);
let errors = '';
const exitCode = await bundle.runCli(
  [
    'triage',
    '--profile',
    resolve(root, 'examples/security-profile.yml'),
    resolve(root, 'examples/reports/01-chunked-size-integer-overflow.md'),
  ],
  { stdout: () => undefined, stderr: (text) => (errors += text), isStderrTerminal: false },
);
if (exitCode !== 0) throw new Error(`the triage for the code cache exited ${exitCode}: ${errors}`);
writeFileSync(bundle.cachePath, encodeCodeCache(bundle.script.createCachedData()));
