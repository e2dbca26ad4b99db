// Opens the inbox's store for the administration commands (project, user, token): SQLite in
// --data DIR (default .thresher), or PostgreSQL when THRESHER_DATABASE_URL or --config names it.

import { mkdir } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/index.js';
import { loadConfig } from '../config/load-config.js';
import type { Services } from '../create-services.js';
import type { InboxService } from '../services/create-inbox-service.js';
import type { CliIo } from './cli-io.js';

const adminOptions = {
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
    // The environment the entry point read; flags are layered over it again here.
    services.config.environment,
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

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

type AdminParseConfig<Options extends OptionsConfig> = {
  args: string[];
  options: typeof adminOptions & Options;
  strict: true;
};

/**
 * The action of `thresher project|user|token ACTION [options]` and its option values (the
 * administration options and the command's own); null when the command's help was asked for (it
 * is printed). An unknown action is an InputError that names the ones there are (`hint`:
 * "thresher token create").
 */
export function readAdminAction<Action extends string, const Options extends OptionsConfig>(
  args: readonly string[],
  io: CliIo,
  command: { help: string; actions: readonly Action[]; hint: string; options: Options },
): {
  action: Action;
  values: ReturnType<typeof parseArgs<AdminParseConfig<Options>>>['values'];
} | null {
  const [action, ...rest] = args;
  if (action === undefined || action === '-h' || action === '--help') {
    io.stdout(command.help);
    return null;
  }
  if (!(command.actions as readonly string[]).includes(action)) {
    throw new InputError(`unknown action "${action}" (try ${command.hint})`);
  }
  const { values } = parseArgs<AdminParseConfig<Options>>({
    args: rest,
    options: { ...adminOptions, ...command.options },
    strict: true,
  });
  // `help` is one of adminOptions; the generic values type cannot show it.
  if ((values as { help?: boolean }).help) {
    io.stdout(command.help);
    return null;
  }
  return { action: action as Action, values };
}
