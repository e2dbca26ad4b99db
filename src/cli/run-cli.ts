// Parses the command line, runs one subcommand, and maps errors to exit codes and one clear line.

import { createRequire } from 'node:module';
import { createServices, type Services } from '../create-services.js';
import { exitCodes, type CliIo } from './cli-io.js';

const mainHelp = `Usage: thresher <command> [options]

The maintainer's security front desk.

Commands:
  triage     triage vulnerability reports against security-profile.yml and rank the queue
  evidence   check what reports say about the code against the project's git repository
  duplicates find earlier reports and published advisories about the same bug
  deps       check dependencies for invented names, typosquats, malware and vulnerabilities

Options:
  -h, --help      show help (also: thresher <command> --help)
  -v, --version   print the version

Documentation: docs/cli.md
`;

function readVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

type Command = (args: string[], io: CliIo, services: Services) => Promise<number>;
// Each command's code loads only when it runs, so `--help` and one command stay fast.
const commands: Record<string, () => Promise<Command>> = {
  triage: async () => (await import('./commands/triage.js')).runTriageCommand,
  evidence: async () => (await import('./commands/evidence.js')).runEvidenceCommand,
  duplicates: async () => (await import('./commands/duplicates.js')).runDuplicatesCommand,
  deps: async () => (await import('./commands/deps.js')).runDepsCommand,
};

function describeError(error: unknown): { message: string; code: number } {
  if (error instanceof Error && 'code' in error && error.code === 'input') {
    return { message: error.message, code: exitCodes.input };
  }
  // parseArgs reports unknown or malformed options with these codes.
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    return { message: error.message, code: exitCodes.input };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${message}`, code: exitCodes.internal };
}

export async function runCli(
  argv: string[],
  io: CliIo,
  services: Services = createServices(process.env),
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(mainHelp);
    return exitCodes.ok;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${readVersion()}\n`);
    return exitCodes.ok;
  }
  const loadCommand = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!loadCommand) {
    io.stderr(`thresher: unknown command "${name}" (try thresher --help)\n`);
    return exitCodes.input;
  }
  try {
    const command = await loadCommand();
    return await command(args, io, services);
  } catch (error) {
    const { message, code } = describeError(error);
    io.stderr(`thresher: ${message.split('\n')[0]}\n`);
    return code;
  }
}
