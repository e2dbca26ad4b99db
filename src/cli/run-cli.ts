// Parses the command line, runs one subcommand, and maps errors to exit codes and one clear line.

import { createRequire } from 'node:module';
// Deep imports on purpose: `--help` and `--version` must not load the whole core (markdown-it,
// YAML, CVSS, semver...) nor the composition root; those load when a command runs.
import type { ErrorCode } from '../core/errors.js';
import { sanitizeLineForTerminal } from '../core/text/sanitize-for-terminal.js';
import type { Services } from '../create-services.js';
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

/**
 * The one mapping from error kinds to exit codes: what the user must fix (bad input, a missing
 * file, a conflicting state, something that did not answer in time) is 2; a bug is 1.
 */
const exitCodeOfKind: Record<ErrorCode, number> = {
  input: exitCodes.input,
  'not-found': exitCodes.input,
  conflict: exitCodes.input,
  'rate-limited': exitCodes.input,
  unavailable: exitCodes.input,
  internal: exitCodes.internal,
};

function describeError(error: unknown): { message: string; code: number } {
  if (
    error instanceof Error &&
    'code' in error &&
    Object.hasOwn(exitCodeOfKind, String(error.code))
  ) {
    const code = exitCodeOfKind[error.code as ErrorCode];
    if (code !== exitCodes.internal) return { message: error.message, code };
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
    const services =
      givenServices ?? (await import('../create-services.js')).createServices(process.env);
    return await command(args, io, services);
  } catch (error) {
    const { message, code } = describeError(error);
    io.stderr(`thresher: ${sanitizeLineForTerminal(message.split('\n')[0] ?? '')}\n`);
    return code;
  }
}
