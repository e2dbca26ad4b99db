// `thresher project add|update|triage --name NAME ...`: registers a project of the inbox with its
// security profile, changes it (a new profile re-triages the open reports), or re-triages on demand.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, sanitizeLineForTerminal } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readAdminAction, withAdminInbox } from '../open-admin-inbox.js';

const projectHelp = `Usage: thresher project add --name NAME --profile FILE [--repo DIR] [--advisories PATH] [--data DIR]
       thresher project update --name NAME [--profile FILE] [--repo DIR] [--advisories PATH] [--data DIR]
       thresher project triage --name NAME [--data DIR]

Add a project to the inbox (thresher serve): reports to it are triaged against its profile, their
code claims checked against --repo, and duplicates matched against --advisories (a folder or OSV
export of published advisories). update changes them; a changed profile or repository triages the
project's open reports again. triage triages them again on demand.

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
  const chosen = readAdminAction(args, io, {
    help: projectHelp,
    actions: ['add', 'update', 'triage'],
    hint: 'thresher project add, update or triage',
    options: {
      name: { type: 'string' },
      profile: { type: 'string' },
      repo: { type: 'string' },
      advisories: { type: 'string' },
    },
  });
  if (chosen === null) return exitCodes.ok;
  const { action, values } = chosen;
  if (!values.name || !/^[A-Za-z0-9][\w.-]{0,99}$/.test(values.name)) {
    throw new InputError('--name is required: letters, digits, dots, dashes and underscores');
  }
  const name = values.name;
  if (action === 'triage') {
    const outcome = await withAdminInbox(values, services, (inbox) => inbox.retriageProject(name));
    io.stdout(describeRetriage(name, outcome));
    return exitCodes.ok;
  }
  if (action === 'add' && !values.profile) throw new InputError('--profile FILE is required');
  let profileYaml: string | undefined;
  if (values.profile) {
    try {
      profileYaml = await readFile(values.profile, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${values.profile}: ${(error as Error).message}`);
    }
  }
  if (action === 'update') {
    const outcome = await withAdminInbox(values, services, (inbox) =>
      inbox.updateProject(name, {
        ...(profileYaml !== undefined ? { profileYaml } : {}),
        ...(values.repo !== undefined ? { repoPath: resolve(values.repo) } : {}),
        ...(values.advisories !== undefined ? { advisoriesPath: resolve(values.advisories) } : {}),
      }),
    );
    io.stdout(describeRetriage(name, outcome, 'updated'));
    return exitCodes.ok;
  }
  const project = await withAdminInbox(values, services, (inbox) =>
    inbox.addProject({
      name,
      profileYaml: profileYaml!,
      repoPath: values.repo ? resolve(values.repo) : null,
      advisoriesPath: values.advisories ? resolve(values.advisories) : null,
    }),
  );
  io.stdout(`added project ${sanitizeLineForTerminal(project.name)}\n`);
  return exitCodes.ok;
}

function describeRetriage(
  name: string,
  outcome: { retriaged: number; failed: number },
  verb?: string,
): string {
  const project = sanitizeLineForTerminal(name);
  const failed = outcome.failed > 0 ? `; ${outcome.failed} could not be triaged` : '';
  return `${verb ? `${verb} project ${project}; ` : ''}triaged ${outcome.retriaged} open reports of ${project} again${failed}\n`;
}
