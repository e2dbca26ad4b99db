// After tsc: the `thresher` bin must be executable for `npx thresher` in a fresh checkout.
import { chmodSync } from 'node:fs';
import { URL } from 'node:url';

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
