// `thresher audit [DIR] [--format text|json|sarif] [--as-of DATE] [--verbose]`

import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import {
  renderAuditJson,
  renderAuditSarif,
  renderAuditText,
  type AuditDocument,
} from '../../presenters/render-audit-report.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { sanitizeForTerminal } from '../../core/index.js';
import { pickRenderer } from '../read-command-options.js';

const auditHelp = `Usage: thresher audit [DIR] [--format text|json|sarif] [--as-of YYYY-MM-DD] [--verbose]

Check a repository's security readiness: the security policy, security.txt, the AI policy, the
security profile and whether they agree, GitHub workflows, dependency updates and committed
binaries or models. Every result names the file and lines it read and how to fix what is
missing. Runs offline; nothing in the repository is executed. Checks: docs/audit-checks.md.

Arguments:
  DIR                  the repository folder (default: the current folder)

Options:
  -f, --format FORMAT  text (default), json or sarif (SARIF 2.1.0, for code scanning)
      --as-of DATE     judge expiry dates as of this day instead of today
  -v, --verbose        text: also list passing and skipped checks
  -h, --help           show this help

Exit status: 0 no check failed; 1 at least one check failed; 2 bad usage or unreadable folder.
`;

function readVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../../package.json') as { version: string }).version;
}

function parseAsOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00Z`) : Number.NaN;
  if (Number.isNaN(time))
    throw new InputError(`--as-of "${value}" is not a date written YYYY-MM-DD`);
  return new Date(time);
}

export async function runAuditCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      'as-of': { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(auditHelp);
    return exitCodes.ok;
  }
  if (positionals.length > 1)
    throw new InputError('audit takes one DIR (see thresher audit --help)');
  const verbose = values.verbose === true;
  const render = pickRenderer(values.format, {
    text: (document: AuditDocument) => sanitizeForTerminal(renderAuditText(document, { verbose })),
    json: renderAuditJson,
    sarif: renderAuditSarif,
  });
  const now = parseAsOf(values['as-of']);
  const outcome = await services.audit.audit({ dir: positionals[0] ?? '.', now });
  io.stdout(render({ ...outcome, toolVersion: readVersion() }));
  for (const problem of outcome.problems)
    io.stderr(sanitizeForTerminal(`thresher: ${problem.source}: ${problem.message}\n`));
  return outcome.report.summary.fail > 0 ? exitCodes.checksFailed : exitCodes.ok;
}
