// The settings file (`--config FILE` or THRESHER_CONFIG, YAML or JSON): one zod schema, loaded only
// when there is a file to check, so that commands without one never load zod.

import * as z from 'zod';

export const configFileSchema = z
  .object({
    port: z.number().int().min(0).max(65535).optional(),
    data: z.string().min(1).optional(),
    'database-url': z.string().min(1).optional(),
    'cache-dir': z.string().min(1).optional(),
    'submissions-per-minute': z.number().int().min(1).max(100000).optional(),
    'rate-limit': z.boolean().optional(),
    'secure-cookies': z.boolean().optional(),
    'max-body-bytes': z.number().int().min(1024).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
