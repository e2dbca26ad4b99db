// The inbox server's settings: defaults < the --config file (YAML or JSON) < THRESHER_* environment
// < flags. One zod schema checks the file; the entry point passes in the environment and flags.

import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/index.js';

const serverConfigFileSchema = z
  .object({
    port: z.number().int().min(0).max(65535).optional(),
    data: z.string().min(1).optional(),
    'database-url': z.string().min(1).optional(),
    'submissions-per-minute': z.number().int().min(1).max(100000).optional(),
    'rate-limit': z.boolean().optional(),
    'secure-cookies': z.boolean().optional(),
    'max-body-bytes': z.number().int().min(1024).optional(),
  })
  .strict();

export interface ServerConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** Null when rate limits are off. */
  submissionsPerMinute: number | null;
  secureCookies: boolean;
  maxBodyBytes: number;
}

export interface ServerFlags {
  port?: number;
  data?: string;
  config?: string;
  isRateLimitOff?: boolean;
}

export async function loadServerConfig(
  flags: ServerFlags,
  environment: Record<string, string | undefined>,
): Promise<ServerConfig> {
  let file: z.infer<typeof serverConfigFileSchema> = {};
  if (flags.config !== undefined) {
    let text: string;
    try {
      text = await readFile(flags.config, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${flags.config}: ${(error as Error).message}`);
    }
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (error) {
      throw new InputError(`${flags.config}: not YAML or JSON: ${(error as Error).message}`);
    }
    const parsed = serverConfigFileSchema.safeParse(value ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${flags.config}: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    file = parsed.data;
  }
  const isRateLimitOn = !flags.isRateLimitOff && file['rate-limit'] !== false;
  return {
    port: flags.port ?? file.port ?? 8080,
    dataDir: flags.data ?? environment.THRESHER_DATA ?? file.data ?? '.thresher',
    databaseUrl: environment.THRESHER_DATABASE_URL || file['database-url'] || null,
    submissionsPerMinute: isRateLimitOn ? (file['submissions-per-minute'] ?? 10) : null,
    secureCookies: file['secure-cookies'] ?? false,
    maxBodyBytes: file['max-body-bytes'] ?? 2 * 1024 * 1024,
  };
}
