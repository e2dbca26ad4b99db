// `thresher advisory draft --profile FILE [--cve ID] [--format json] REPORT...`

import { parseArgs } from 'node:util';
import { InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { pickRenderer, requireReportPaths } from '../read-command-options.js';
import { writeOutputFile } from '../write-output-file.js';
import { readReportArguments } from '../read-report-arguments.js';
import { writeProblems } from '../write-problems.js';
import { sanitizeLineForTerminal, stringifyJsonForTerminal } from '../../core/index.js';

const draftHelp = `Usage: thresher advisory draft --profile FILE [--cve ID] [--format json] REPORT...

Draft an advisory from one report, or from an original and its duplicates: every finder is
credited, the earliest report date is kept, and the embargo ends at the profile's disclosure
deadline. The reports are triaged with in-batch duplicate matching; reports that turn out to be
different bugs are refused unless --merge says they are one.

Options:
  -p, --profile FILE    the project's security-profile.yml (required; names the package)
      --cve ID          the CVE id assigned to the vulnerability (CVE-YYYY-NNNN)
      --id ID           the advisory's own id (default: the GHSA id of a GitHub report, else x_PROJECT-YEAR-HASH)
      --ecosystem NAME  the package's OSV ecosystem (npm, PyPI, Go, crates.io, ...); none for a C library
      --merge           draft one advisory even when duplicate matching sees several bugs
  -o, --out FILE        write the draft there instead of stdout
  -f, --format FORMAT   json (the only format; see docs/advisories.md)
  -h, --help            show this help

Notes on what to check go to stderr. Exit status: 0 drafted; 2 bad usage, bad profile,
unreadable reports, or reports of several bugs without --merge.
`;

const cvePattern = /^CVE-\d{4}-\d{4,19}$/;

export async function runAdvisoryDraftCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string', short: 'p' },
      cve: { type: 'string' },
      id: { type: 'string' },
      ecosystem: { type: 'string' },
      merge: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f', default: 'json' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(draftHelp);
    return exitCodes.ok;
  }
  if (!values.profile)
    throw new InputError(
      'advisory draft needs --profile FILE (see thresher advisory draft --help)',
    );
  pickRenderer(values.format, { json: true });
  if (values.cve !== undefined && !cvePattern.test(values.cve)) {
    throw new InputError(`--cve "${values.cve}" is not a CVE id like CVE-2026-12345`);
  }
  requireReportPaths('advisory draft', positionals);
  const profile = await services.loadSecurityProfile(values.profile);
  const input = await readReportArguments(services, positionals);
  const drafted = await services.advisories.draft({
    profile,
    reports: input.reports,
    ...(values.cve === undefined ? {} : { cveId: values.cve }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values.ecosystem === undefined ? {} : { ecosystem: values.ecosystem }),
    merge: values.merge === true,
  });
  const outcome = { ...drafted, problems: [...input.problems, ...drafted.problems] };
  const problemsCode = writeProblems(io, outcome.problems);
  if (outcome.kind === 'no-reports') {
    io.stderr('thresher: no report could be read, so there is nothing to draft\n');
    return exitCodes.input;
  }
  if (outcome.kind === 'several-bugs') {
    const groups = outcome.clusters.map((cluster) => `{${cluster.join(', ')}}`).join('; ');
    io.stderr(
      sanitizeLineForTerminal(
        `thresher: the reports are ${outcome.clusters.length} different bugs by duplicate matching: ${groups}; draft each on its own, or add --merge if they are one bug`,
      ) + '\n',
    );
    return exitCodes.input;
  }
  const json = stringifyJsonForTerminal(outcome.advisory);
  if (values.out === undefined) io.stdout(json);
  else await writeOutputFile(values.out, json);
  for (const note of outcome.notes)
    io.stderr(`${sanitizeLineForTerminal(`thresher: note: ${note}`)}\n`);
  return problemsCode;
}
