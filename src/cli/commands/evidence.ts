// `thresher evidence --repo DIR [--format text|json] REPORT...`

import { parseArgs } from 'node:util';
import { InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readReportArguments } from '../read-report-arguments.js';
import { writeProblems } from '../write-problems.js';
import { pickRenderer, requireReportPaths } from '../read-command-options.js';
import { renderEvidenceJson, renderEvidenceText } from '../output/render-evidence.js';

const evidenceHelp = `Usage: thresher evidence --repo DIR [--format text|json] REPORT...

Check what each report says about the code (files, lines, functions, quoted snippets, proposed
patches, versions) against a local git repository, at the version the report names (HEAD when
it names none, and the output says so). The repository is only read: nothing is checked out,
nothing in the report is run.

Options:
  -r, --repo DIR       the project's git repository (required)
  -f, --format FORMAT  text (default) or json (see docs/evidence.md)
  -h, --help           show this help

Exit status: 0 done; 2 not a repository, bad usage or unreadable input.
`;

export async function runEvidenceCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', short: 'r' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(evidenceHelp);
    return exitCodes.ok;
  }
  if (!values.repo)
    throw new InputError('evidence needs --repo DIR (see thresher evidence --help)');
  const render = pickRenderer(values.format, {
    text: renderEvidenceText,
    json: renderEvidenceJson,
  });
  requireReportPaths('evidence', positionals);
  const repo = await services.openRepository(values.repo);
  try {
    const input = await readReportArguments(services, positionals);
    const outcome = await services.evidence.check({ repo, reports: input.reports });
    const problems = [...input.problems, ...outcome.problems];
    io.stdout(render({ ...outcome, problems }));
    return writeProblems(io, problems);
  } finally {
    repo.close();
  }
}
