// The one settings loader: defaults < settings file (--config or THRESHER_CONFIG) < environment < flags.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultConfig, loadConfig } from './load-config.js';

let folder: string;
let file: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'thresher-config-'));
  file = join(folder, 'thresher.yml');
  await writeFile(
    file,
    'data: from-file\ndatabase-url: postgres://file\ncache-dir: /cache/file\nport: 9000\nrate-limit: false\n',
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('gives the defaults with no file, environment or flags', async () => {
    const config = await loadConfig({}, {});
    expect(config).toEqual(createDefaultConfig({}));
    expect(config).toMatchObject({
      dataDir: '.thresher',
      databaseUrl: null,
      cacheDir: null,
      server: { port: 8080, submissionsPerMinute: 10, maxBodyBytes: 2 * 1024 * 1024 },
    });
  });

  it('reads the file named by THRESHER_CONFIG, and --config before it', async () => {
    const fromEnvironment = await loadConfig({}, { THRESHER_CONFIG: file });
    expect(fromEnvironment).toMatchObject({
      dataDir: 'from-file',
      databaseUrl: 'postgres://file',
      cacheDir: '/cache/file',
      server: { port: 9000, submissionsPerMinute: null },
    });
    const other = join(folder, 'other.json');
    await writeFile(other, '{"port": 7000}');
    const fromFlag = await loadConfig({ config: other }, { THRESHER_CONFIG: file });
    expect(fromFlag.server.port).toBe(7000);
    expect(fromFlag.dataDir).toBe('.thresher');
  });

  it('lets the environment override the file, and flags override both', async () => {
    const environment = {
      THRESHER_CONFIG: file,
      THRESHER_DATA: 'from-env',
      THRESHER_DATABASE_URL: 'postgres://env',
      THRESHER_CACHE_DIR: '/cache/env',
    };
    const config = await loadConfig({}, environment);
    expect(config).toMatchObject({
      dataDir: 'from-env',
      databaseUrl: 'postgres://env',
      cacheDir: '/cache/env',
    });
    const flagged = await loadConfig({ data: 'from-flag', port: 1234 }, environment);
    expect(flagged.dataDir).toBe('from-flag');
    expect(flagged.server.port).toBe(1234);
    expect(flagged.environment).toBe(environment);
  });

  it('refuses a file with an unknown key, naming it', async () => {
    const typo = join(folder, 'typo.yml');
    await writeFile(typo, 'prot: 80\n');
    await expect(loadConfig({ config: typo }, {})).rejects.toThrow(/typo\.yml: .*prot/);
    await expect(loadConfig({ config: join(folder, 'missing.yml') }, {})).rejects.toThrow(
      /^cannot read /,
    );
  });
});
