// `thresher profile check [--strict] [--format text|json] FILE`: every problem of a
// security-profile.yml at once (YAML, schema, then rules that can never hold or always conflict).

import { parseArgs } from 'node:util';
import { findProfileWarnings, InputError, sanitizeLineForTerminal } from '../../core/index.js';
import type { ParseIssue } from '../../core/index.js';
import type { ProfileWarning } from '../../core/index.js';
import {
  formatProfileIssue,
  InvalidSecurityProfileError,
  loadSecurityProfile,
} from '../../config/load-security-profile.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { pickRenderer } from '../read-command-options.js';

const profileHelp = `Usage: thresher profile check [--strict] [--format text|json] FILE

Check a security-profile.yml and list every problem, not only the first: YAML errors, unknown or
misspelt keys, wrong values (each with its line, column and field), then warnings about a valid
profile: rules that can never hold, in- and out-of-scope rules that always conflict, promises the
replies cannot make.

Options:
  -f, --format FORMAT  text (default) or json (see docs/cli.md)
      --strict         treat warnings as problems (exit 1)
  -h, --help           show this help

Exit status: 0 valid; 1 the profile has problems (or warnings, with --strict); 2 the file cannot
be read or bad usage.
`;

interface ProfileCheck {
  file: string;
  isValid: boolean;
  problems: readonly ParseIssue[];
  warnings: readonly ProfileWarning[];
}

async function checkProfile(file: string): Promise<ProfileCheck> {
  try {
    const profile = await loadSecurityProfile(file);
    return { file, isValid: true, problems: [], warnings: findProfileWarnings(profile) };
  } catch (error) {
    if (!(error instanceof InvalidSecurityProfileError)) throw error;
    return { file, isValid: false, problems: error.issues, warnings: [] };
  }
}

function renderText(check: ProfileCheck): string {
  const lines = check.problems.map((issue) => formatProfileIssue(check.file, issue));
  lines.push(
    ...check.warnings.map(
      (warning) => `${check.file}: warning: ${warning.path}: ${warning.message}`,
    ),
  );
  const count = check.problems.length;
  lines.push(
    check.isValid
      ? `${check.file}: valid${check.warnings.length > 0 ? `, ${check.warnings.length} warning${check.warnings.length === 1 ? '' : 's'}` : ''}`
      : `${check.file}: ${count} problem${count === 1 ? '' : 's'}`,
  );
  return `${lines.map((line) => sanitizeLineForTerminal(line)).join('\n')}\n`;
}

function renderJson(check: ProfileCheck): string {
  const document = {
    file: check.file,
    valid: check.isValid,
    problems: check.problems.map((issue) => ({
      line: issue.line ?? null,
      column: issue.column ?? null,
      path: issue.path ?? null,
      message: issue.message,
    })),
    warnings: check.warnings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function runProfileCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') {
    io.stdout(profileHelp);
    return subcommand === undefined ? exitCodes.input : exitCodes.ok;
  }
  if (subcommand !== 'check')
    throw new InputError(`unknown profile command "${subcommand}" (see thresher profile --help)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(profileHelp);
    return exitCodes.ok;
  }
  const render = pickRenderer(values.format, { text: renderText, json: renderJson });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new InputError('profile check needs exactly one FILE (see thresher profile --help)');
  const check = await checkProfile(file);
  io.stdout(render(check));
  const hasFailed = !check.isValid || (values.strict === true && check.warnings.length > 0);
  return hasFailed ? exitCodes.checksFailed : exitCodes.ok;
}
