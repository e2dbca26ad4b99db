// Parses the command line, runs one subcommand, and maps errors to exit codes and one clear line.

// Nothing but types at the top: `--help` and `--version` must not load the core (markdown-it,
// YAML, CVSS, semver...) nor the composition root; those load when a command runs.
import type { Runtime, Services } from '../create-services.js';
import { mapErrorKind } from '../presenters/map-error-kind.js';
import { answerHelpOrVersion } from './answer-help-or-version.js';
import { exitCodes, type CliIo } from './cli-io.js';

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
async function openServices(runtime: Runtime): Promise<Services> {
  const [{ createServices }, { loadConfig }] = await Promise.all([
    import('../create-services.js'),
    import('../config/load-config.js'),
  ]);
  return createServices(await loadConfig({}, process.env), runtime);
}

/**
 * Runs one command. `givenServices` replaces the ones the settings would build (tests, embedders);
 * `runtime` says what program runs (the bin passes the CLI bundle's build).
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  givenServices?: Services,
  runtime: Runtime = { build: null },
): Promise<number> {
  const answered = answerHelpOrVersion(argv, io);
  if (answered !== null) return answered;
  const [name = '', ...args] = argv;
  const loadCommand = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!loadCommand) {
    io.stderr(`thresher: unknown command "${name}" (try thresher --help)\n`);
    return exitCodes.input;
  }
  try {
    const command = await loadCommand();
    const services = givenServices ?? (await openServices(runtime));
    return await command(args, io, services);
  } catch (error) {
    const { message, code } = describeError(error);
    const { sanitizeLineForTerminal } = await import('../core/triage.js');
    io.stderr(`thresher: ${sanitizeLineForTerminal(message.split('\n')[0] ?? '')}\n`);
    return code;
  }
}
