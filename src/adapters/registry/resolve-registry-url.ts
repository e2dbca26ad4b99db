// Finds the registry npm itself would use: `npm_config_registry` in the environment, then the
// project's `.npmrc`, then the user's, then the public registry; `@scope:registry=` lines too.
// `${VAR}` in .npmrc values is expanded from the environment, as npm does. Tokens are never read.

export type ProcessEnvironment = Readonly<Record<string, string | undefined>>;

const defaultRegistryUrl = 'https://registry.npmjs.org/';

export interface RegistryConfig {
  url: string;
  /** `@scope` -> registry URL. */
  scopes: Map<string, string>;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function expand(value: string, environment: ProcessEnvironment): string {
  return value.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => environment[name] ?? '');
}

/** `registry=` and `@scope:registry=` lines of one .npmrc text; later lines win, as in npm. */
export function readNpmrcRegistries(
  text: string,
  environment: ProcessEnvironment,
): { url?: string; scopes: Map<string, string> } {
  const scopes = new Map<string, string>();
  let url: string | undefined;
  for (const rawLine of text.split(/\r?\n/).slice(0, 10_000)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const equals = line.indexOf('=');
    if (equals === -1) continue;
    const key = line.slice(0, equals).trim();
    const value = expand(
      line
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
      environment,
    );
    if (!/^https?:\/\//i.test(value)) continue;
    if (key === 'registry') url = withSlash(value);
    const scoped = /^(@[^:]+):registry$/.exec(key);
    if (scoped) scopes.set(scoped[1]!, withSlash(value));
  }
  return { url, scopes };
}

/** `npmrcTexts` from the most general (user) to the most specific (project). */
export function resolveRegistryConfig(
  environment: ProcessEnvironment,
  npmrcTexts: readonly string[],
): RegistryConfig {
  let url = defaultRegistryUrl;
  const scopes = new Map<string, string>();
  for (const text of npmrcTexts) {
    const read = readNpmrcRegistries(text, environment);
    if (read.url) url = read.url;
    for (const [scope, scopeUrl] of read.scopes) scopes.set(scope, scopeUrl);
  }
  const fromEnvironment = environment.npm_config_registry ?? environment.NPM_CONFIG_REGISTRY;
  if (fromEnvironment && /^https?:\/\//i.test(fromEnvironment)) url = withSlash(fromEnvironment);
  return { url, scopes };
}

export function registryUrlFor(config: RegistryConfig, name: string): string {
  const slash = name.indexOf('/');
  return name.startsWith('@') && slash !== -1
    ? (config.scopes.get(name.slice(0, slash)) ?? config.url)
    : config.url;
}
