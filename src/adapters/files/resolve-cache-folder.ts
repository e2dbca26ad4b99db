// Thresher's cache folder, shared by every cache it keeps (npm registry documents, parsed
// profiles): `Config.cacheDir` when set, else `$XDG_CACHE_HOME/thresher`, else `~/.cache/thresher`.

import { join } from 'node:path';

type Environment = Readonly<Record<string, string | undefined>>;

export function resolveCacheFolder(environment: Environment, cacheDir: string | null): string {
  if (cacheDir) return cacheDir;
  const base =
    environment.XDG_CACHE_HOME ||
    join(environment.HOME ?? environment.USERPROFILE ?? '.', '.cache');
  return join(base, 'thresher');
}
