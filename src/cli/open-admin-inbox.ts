// Opens the inbox's store for the administration commands (project, user, token): SQLite in
// --data DIR (default .thresher), or PostgreSQL when THRESHER_DATABASE_URL or --config names it.

import { mkdir } from 'node:fs/promises';
import { loadConfig } from '../config/load-config.js';
import type { Services } from '../create-services.js';
import type { InboxService } from '../services/create-inbox-service.js';

export const adminOptions = {
  data: { type: 'string', short: 'd' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function openAdminInbox(
  values: { data?: string | undefined; config?: string | undefined },
  services: Services,
): Promise<InboxService> {
  const config = await loadConfig(
    {
      ...(values.data !== undefined ? { data: values.data } : {}),
      ...(values.config !== undefined ? { config: values.config } : {}),
    },
    process.env,
  );
  if (config.databaseUrl === null) await mkdir(config.dataDir, { recursive: true });
  return services.openInbox({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
}

/** Runs `action` with the inbox open and closes it after. */
export async function withAdminInbox<T>(
  values: { data?: string | undefined; config?: string | undefined },
  services: Services,
  action: (inbox: InboxService) => Promise<T>,
): Promise<T> {
  const inbox = await openAdminInbox(values, services);
  try {
    return await action(inbox);
  } finally {
    await inbox.close();
  }
}
