// Vitest global setup: compile the real `thresher` binary once, so end-to-end tests never run a
// stale dist/.
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
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
  chmodSync(resolve(root, 'dist/cli/main.js'), 0o755);
}
