// `thresher project add --name NAME --profile FILE [--repo DIR] [--advisories PATH] [--data DIR]`:
// registers a project of the inbox with its security profile.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError, sanitizeLineForTerminal } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { adminOptions, withAdminInbox } from '../open-admin-inbox.js';

const projectHelp = `Usage: thresher project add --name NAME --profile FILE [--repo DIR] [--advisories PATH] [--data DIR]

Add a project to the inbox (thresher serve): reports to it are triaged against its profile, their
code claims checked against --repo, and duplicates matched against --advisories (a folder or OSV
export of published advisories).

Options:
      --name NAME        the project's name in URLs (/projects/NAME/report)
      --profile FILE     its security-profile.yml (stored as written)
      --repo DIR         a local git repository for code evidence
      --advisories PATH  published advisories for duplicates
  -d, --data DIR         the inbox's folder (default .thresher)
  -c, --config FILE      server settings (PostgreSQL URL)
  -h, --help             show this help
`;

export async function runProjectCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const [action, ...rest] = args;
  if (action === undefined || action === '-h' || action === '--help') {
    io.stdout(projectHelp);
    return exitCodes.ok;
  }
  if (action !== 'add')
    throw new InputError(`unknown action "${action}" (try thresher project add)`);
  const { values } = parseArgs({
    args: rest,
    options: {
      ...adminOptions,
      name: { type: 'string' },
      profile: { type: 'string' },
      repo: { type: 'string' },
      advisories: { type: 'string' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(projectHelp);
    return exitCodes.ok;
  }
  if (!values.name || !/^[A-Za-z0-9][\w.-]{0,99}$/.test(values.name)) {
    throw new InputError('--name is required: letters, digits, dots, dashes and underscores');
  }
  if (!values.profile) throw new InputError('--profile FILE is required');
  let profileYaml: string;
  try {
    profileYaml = await readFile(values.profile, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${values.profile}: ${(error as Error).message}`);
  }
  const project = await withAdminInbox(values, services, (inbox) =>
    inbox.addProject({
      name: values.name!,
      profileYaml,
      repoPath: values.repo ? resolve(values.repo) : null,
      advisoriesPath: values.advisories ? resolve(values.advisories) : null,
    }),
  );
  io.stdout(`added project ${sanitizeLineForTerminal(project.name)}\n`);
  return exitCodes.ok;
}
