// Vitest global setup: build the real `thresher` binary once (tsc, then the esbuild bundle, as
// `npm run build` does), so end-to-end tests never run a stale dist/.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildBinary(): void {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  execFileSync(process.execPath, [resolve(root, 'scripts/bundle-cli.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
}
