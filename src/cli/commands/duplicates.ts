// `thresher duplicates --against DIR_OR_OSV [--against ...] [--format text|json] REPORT...`

import { parseArgs } from 'node:util';
import { InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readReportArguments } from '../read-report-arguments.js';
import { writeProblems } from '../write-problems.js';
import { pickRenderer, requireReportPaths } from '../read-command-options.js';
import { renderDuplicatesJson, renderDuplicatesText } from '../output/render-duplicates.js';

const duplicatesHelp = `Usage: thresher duplicates --against DIR_OR_OSV [--against ...] [--format text|json] REPORT...

Find the earlier reports and published advisories about the same bug as each REPORT, best
first, with the evidence for each match (shared ids, package and versions, functions and files,
CWE, text similarity, near-copies). Reports are taken in arrival order, so later reports in the
same batch also find the earlier ones.

DIR_OR_OSV is a folder of earlier reports and/or OSV advisory JSON files, an OSV JSON file, or a
zip of OSV files as the OSV project distributes them per ecosystem.

Options:
  -a, --against PATH   what to match against (repeatable; required unless --store holds documents)
  -s, --store FILE     keep checked reports in this file and match against them in later runs
  -n, --limit N        candidates per report (default 10, at most 100)
  -f, --format FORMAT  text (default) or json (see docs/cli.md)
  -h, --help           show this help

Exit status: 0 done; 2 bad usage or unreadable input (one line on stderr each).
`;

export async function runDuplicatesCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      against: { type: 'string', short: 'a', multiple: true },
      store: { type: 'string', short: 's' },
      limit: { type: 'string', short: 'n', default: '10' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(duplicatesHelp);
    return exitCodes.ok;
  }
  const against = values.against ?? [];
  if (against.length === 0 && !values.store) {
    throw new InputError(
      'duplicates needs --against DIR_OR_OSV or --store FILE (see thresher duplicates --help)',
    );
  }
  const render = pickRenderer(values.format, {
    text: renderDuplicatesText,
    json: renderDuplicatesJson,
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new InputError('--limit must be a whole number from 1 to 100');
  requireReportPaths('duplicates', positionals);
  const input = await readReportArguments(services, positionals, against);
  const outcome = await services.duplicates.find({
    reports: input.reports,
    ...(input.against ? { against: input.against } : {}),
    limit,
    ...(values.store !== undefined
      ? { duplicateStore: services.openDuplicateStore(values.store) }
      : {}),
  });
  io.stdout(render({ ...outcome, problems: input.problems }));
  return writeProblems(io, input.problems);
}
