// `thresher advisory draft|export|import`: from accepted reports to a published, standard advisory.

import { InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';

const advisoryHelp = `Usage: thresher advisory <draft|export|import> [options]

From accepted reports to a published, standard advisory (see docs/advisories.md).

  draft    build a draft advisory (JSON) from one report or a cluster of duplicates
  export   write an advisory as OSV, CVE JSON 5 or CSAF 2.0, validated against the official schema
  import   read OSV or GitHub advisory JSON into Thresher's advisory model

Run thresher advisory <subcommand> --help for its options.
`;

type Subcommand = (args: string[], io: CliIo, services: Services) => Promise<number>;
const subcommands: Record<string, () => Promise<Subcommand>> = {
  draft: async () => (await import('./advisory-draft.js')).runAdvisoryDraftCommand,
  export: async () => (await import('./advisory-export.js')).runAdvisoryExportCommand,
  import: async () => (await import('./advisory-import.js')).runAdvisoryImportCommand,
};

export async function runAdvisoryCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(advisoryHelp);
    return exitCodes.ok;
  }
  const load = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (load === undefined) {
    throw new InputError(
      `unknown advisory subcommand "${name}" (expected draft, export or import)`,
    );
  }
  return (await load())(rest, io, services);
}
