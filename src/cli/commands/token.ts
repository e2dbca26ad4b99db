// `thresher token create --name NAME [--user EMAIL] [--data DIR]`: prints a maintainer API token
// for automation (Authorization: Bearer); only its hash is stored.

import { InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readAdminAction, withAdminInbox } from '../open-admin-inbox.js';

const tokenHelp = `Usage: thresher token create --name NAME [--user EMAIL] [--data DIR]

Create an API token acting for a maintainer (the only one, or --user EMAIL when there are
several). The token is printed once; only its hash is stored.

Options:
      --name NAME     what the token is for ("ci", "tracker sync")
      --user EMAIL    the maintainer it acts for
  -d, --data DIR      the inbox's folder (default .thresher)
  -c, --config FILE   server settings (PostgreSQL URL)
  -h, --help          show this help
`;

export async function runTokenCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const chosen = readAdminAction(args, io, {
    help: tokenHelp,
    actions: ['create'],
    hint: 'thresher token create',
    options: { name: { type: 'string' }, user: { type: 'string' } },
  });
  if (chosen === null) return exitCodes.ok;
  const { values } = chosen;
  if (!values.name) throw new InputError('--name NAME is required');
  const token = await withAdminInbox(values, services, (inbox) =>
    inbox.createApiToken(values.name!, values.user),
  );
  io.stdout(`${token}\n`);
  return exitCodes.ok;
}
