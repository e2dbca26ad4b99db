// Parses the command line, runs one subcommand, and maps errors to exit codes and one clear line.

import { createRequire } from 'node:module';
// Nothing but types at the top: `--help` and `--version` must not load the core (markdown-it,
// YAML, CVSS, semver...) nor the composition root; those load when a command runs.
import type { Services } from '../create-services.js';
import { mapErrorKind } from '../presenters/map-error-kind.js';
import { exitCodes, type CliIo } from './cli-io.js';

const mainHelp = `Usage: thresher <command> [options]

The maintainer's security front desk.

Commands:
  triage     triage vulnerability reports against security-profile.yml and rank the queue
  evidence   check what reports say about the code against the project's git repository
  severity   estimate each report's CVSS metrics from its text, with confidence and reasons
  duplicates find earlier reports and published advisories about the same bug
  advisory   draft, export (OSV, CVE JSON 5, CSAF 2.0) and import advisories
  init       write security-profile.yml, SECURITY.md, AI_POLICY.md, security.txt and templates
  audit      check the repository's security readiness (policy, AI policy, workflows, artefacts)
  deps       check dependencies for invented names, typosquats, malware and vulnerabilities
  profile    check a security-profile.yml and list every problem
  serve      run the inbox: web form, API, triaged queue (see docs/server.md)
  project    add a project to the inbox (project add)
  user       add a maintainer to the inbox (user add)
  token      create an API token for the inbox (token create)

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
  severity: async () => (await import('./commands/severity.js')).runSeverityCommand,
  duplicates: async () => (await import('./commands/duplicates.js')).runDuplicatesCommand,
  advisory: async () => (await import('./commands/advisory.js')).runAdvisoryCommand,
  init: async () => (await import('./commands/init.js')).runInitCommand,
  audit: async () => (await import('./commands/audit.js')).runAuditCommand,
  deps: async () => (await import('./commands/deps.js')).runDepsCommand,
  profile: async () => (await import('./commands/profile.js')).runProfileCommand,
  serve: async () => (await import('./commands/serve.js')).runServeCommand,
  project: async () => (await import('./commands/project.js')).runProjectCommand,
  user: async () => (await import('./commands/user.js')).runUserCommand,
  token: async () => (await import('./commands/token.js')).runTokenCommand,
};

/** The CLI's side of the one error table (presenters/map-error-kind.ts): exit code and one line. */
function describeError(error: unknown): { message: string; code: number } {
  // parseArgs reports unknown or malformed options with these codes: bad input.
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    return { message: error.message, code: exitCodes.input };
  }
  const mapped = mapErrorKind(error);
  const message = mapped.isMessageShown ? mapped.message : `internal error: ${mapped.message}`;
  return { message, code: mapped.exitCode };
}

/** The services, built from the settings: file (THRESHER_CONFIG), then environment. */
async function openServices(): Promise<Services> {
  const [{ createServices }, { loadConfig }] = await Promise.all([
    import('../create-services.js'),
    import('../config/load-config.js'),
  ]);
  return createServices(await loadConfig({}, process.env));
}

export async function runCli(argv: string[], io: CliIo, givenServices?: Services): Promise<number> {
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
    const services = givenServices ?? (await openServices());
    return await command(args, io, services);
  } catch (error) {
    const { message, code } = describeError(error);
    const { sanitizeLineForTerminal } = await import('../core/triage.js');
    io.stderr(`thresher: ${sanitizeLineForTerminal(message.split('\n')[0] ?? '')}\n`);
    return code;
  }
}
