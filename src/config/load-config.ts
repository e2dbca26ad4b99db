// Thresher's settings, read in one place and in one order: defaults < the settings file
// (`--config FILE`, else THRESHER_CONFIG; YAML or JSON) < THRESHER_* environment variables < flags.
// Only the entry points call this; everything else receives the `Config` (docs/configuration.md).

import type { ConfigFile } from './config-file-schema.js';
import { InputError } from '../core/errors.js';

type Environment = Readonly<Record<string, string | undefined>>;

export interface Config {
  /** Folder of the inbox's SQLite database. */
  dataDir: string;
  /** PostgreSQL for the inbox instead of SQLite; null for SQLite. */
  databaseUrl: string | null;
  /** Folder of the npm registry cache; null for `$XDG_CACHE_HOME/thresher` (or `~/.cache/thresher`). */
  cacheDir: string | null;
  server: {
    port: number;
    /** Null when rate limits are off. */
    submissionsPerMinute: number | null;
    secureCookies: boolean;
    maxBodyBytes: number;
  };
  /**
   * The process environment as git and npm see it (PATH, HOME, npm_config_*): handed to the
   * adapters that run git or read `.npmrc`, never read for Thresher's own settings.
   */
  environment: Environment;
}

export interface ConfigFlags {
  config?: string;
  port?: number;
  data?: string;
  isRateLimitOff?: boolean;
}

const configDefaults = {
  dataDir: '.thresher',
  port: 8080,
  submissionsPerMinute: 10,
  secureCookies: false,
  maxBodyBytes: 2 * 1024 * 1024,
} as const;

export async function loadConfig(flags: ConfigFlags, environment: Environment): Promise<Config> {
  const path = flags.config ?? (environment.THRESHER_CONFIG || undefined);
  const file = path === undefined ? {} : await readConfigFile(path);
  const isRateLimitOn = !flags.isRateLimitOff && file['rate-limit'] !== false;
  return {
    dataDir: flags.data ?? environment.THRESHER_DATA ?? file.data ?? configDefaults.dataDir,
    databaseUrl: environment.THRESHER_DATABASE_URL || file['database-url'] || null,
    cacheDir: environment.THRESHER_CACHE_DIR || file['cache-dir'] || null,
    server: {
      port: flags.port ?? file.port ?? configDefaults.port,
      submissionsPerMinute: isRateLimitOn
        ? (file['submissions-per-minute'] ?? configDefaults.submissionsPerMinute)
        : null,
      secureCookies: file['secure-cookies'] ?? configDefaults.secureCookies,
      maxBodyBytes: file['max-body-bytes'] ?? configDefaults.maxBodyBytes,
    },
    environment,
  };
}

/** The settings the defaults give, with this environment: for tests and embedders. */
export function createDefaultConfig(environment: Environment = {}): Config {
  return {
    dataDir: configDefaults.dataDir,
    databaseUrl: null,
    cacheDir: null,
    server: {
      port: configDefaults.port,
      submissionsPerMinute: configDefaults.submissionsPerMinute,
      secureCookies: configDefaults.secureCookies,
      maxBodyBytes: configDefaults.maxBodyBytes,
    },
    environment,
  };
}

async function readConfigFile(path: string): Promise<ConfigFile> {
  const [{ readFile }, { parse: parseYaml }, { configFileSchema }] = await Promise.all([
    import('node:fs/promises'),
    import('yaml'),
    import('./config-file-schema.js'),
  ]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new InputError(`${path}: not YAML or JSON: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${path}: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
