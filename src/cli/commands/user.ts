// `thresher user add --maintainer EMAIL [--data DIR]`: adds a maintainer of the inbox and prints a
// one-time password (only its scrypt hash is stored).

import { InputError, sanitizeLineForTerminal } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readAdminAction, withAdminInbox } from '../open-admin-inbox.js';

const userHelp = `Usage: thresher user add --maintainer EMAIL [--data DIR]

Add a maintainer who can log in to the inbox (thresher serve). Prints a one-time password: it is
shown once and stored only as a memory-hard hash.

Options:
      --maintainer EMAIL  the maintainer's e-mail address (their login)
  -d, --data DIR          the inbox's folder (default .thresher)
  -c, --config FILE       server settings (PostgreSQL URL)
  -h, --help              show this help
`;

export async function runUserCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const chosen = readAdminAction(args, io, {
    help: userHelp,
    actions: ['add'],
    hint: 'thresher user add',
    options: { maintainer: { type: 'string' } },
  });
  if (chosen === null) return exitCodes.ok;
  const { values } = chosen;
  if (!values.maintainer) throw new InputError('--maintainer EMAIL is required');
  const { user, password } = await withAdminInbox(values, services, (inbox) =>
    inbox.addMaintainer(values.maintainer!),
  );
  io.stdout(
    `added maintainer ${sanitizeLineForTerminal(user.email)}\none-time password: ${password}\n`,
  );
  return exitCodes.ok;
}
