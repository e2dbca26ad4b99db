// `thresher triage --profile FILE [--format text|json|jsonl|markdown] REPORT...`

import { parseArgs } from 'node:util';
import {
  compareQueuePlaces,
  InputError,
  placeInQueue,
  rankQueue,
  type QueuePlace,
  stringifyJsonLineForTerminal,
  type TriageResult,
} from '../../core/triage.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { writeProblems } from '../write-problems.js';
import { pickRenderer, requireReportPaths } from '../read-command-options.js';
import { toJsonReport } from '../../presenters/render-triage-report-json.js';
import type { InputProblem } from '../../services/ports.js';
import { createProgress, type Progress } from '../create-progress.js';
import { readReportArguments } from '../read-report-arguments.js';
import { renderTriageJson } from '../output/render-triage-json.js';
import { renderTriageMarkdown } from '../output/render-triage-markdown.js';
import { renderTriageText } from '../output/render-triage-text.js';

const triageHelp = `Usage: thresher triage --profile FILE [--repo DIR] [--against DIR_OR_OSV]... [--format text|json|jsonl|markdown] REPORT...

Triage vulnerability reports against a project's security-profile.yml and print the
ranked queue: verdict (citing the rule), severity claimed vs assessed, priority, draft reply.

REPORT is a file (.md, .markdown, .txt, .json, .eml, .mbox) or a folder of them.

Options:
  -p, --profile FILE   the project's security-profile.yml (required)
  -r, --repo DIR       check each report's code claims against this git repository
  -a, --against PATH   earlier reports and OSV advisories (folder, JSON, zip) to find duplicates in;
                       reports in the batch are always matched against the earlier ones (repeatable)
  -s, --store FILE     keep triaged reports in this file for duplicate matching in later runs
  -f, --format FORMAT  text (ranked table, default), json (stable, see docs/cli.md), markdown,
                       jsonl (one JSON object per line as each report is triaged, for long batches)
  -q, --quiet          no progress on stderr (shown for batches when stderr is a terminal)
  -h, --help           show this help

Exit status: 0 done; 2 bad profile, bad usage or unreadable input (one line on stderr each).
`;

const renderers = {
  text: renderTriageText,
  json: renderTriageJson,
  markdown: renderTriageMarkdown,
  jsonl: null,
};

export async function runTriageCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string', short: 'p' },
      repo: { type: 'string', short: 'r' },
      against: { type: 'string', short: 'a', multiple: true },
      store: { type: 'string', short: 's' },
      format: { type: 'string', short: 'f', default: 'text' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(triageHelp);
    return exitCodes.ok;
  }
  if (!values.profile)
    throw new InputError('triage needs --profile FILE (see thresher triage --help)');
  const render = pickRenderer(values.format, renderers);
  requireReportPaths('triage', positionals);

  const profile = await services.loadSecurityProfile(values.profile);
  // The repository first: a folder that is not one stops the run before any report is read.
  const repo = values.repo === undefined ? null : await services.openRepository(values.repo);
  // Ended on failure too, so that an error line never lands on the progress line.
  let progress: Progress | null = null;
  try {
    const input = await readReportArguments(services, positionals, values.against ?? []);
    const request = {
      profile,
      reports: input.reports,
      ...(repo ? { repo } : {}),
      ...(input.against ? { against: input.against } : {}),
      ...(values.store !== undefined
        ? { duplicateStore: services.openDuplicateStore(values.store) }
        : {}),
    };
    const shown = createProgress(io, {
      total: input.reports.length,
      verb: 'triaged',
      isQuiet: values.quiet === true,
    });
    progress = shown;
    if (render === null) {
      const problems = await streamTriageLines(io, services, request, input.problems, shown);
      return writeProblems(io, problems);
    }
    const results: TriageResult[] = [];
    const outcome = await services.triage.triageEach(request, (result) => {
      results.push(result);
      shown.advance();
    });
    shown.finish();
    const problems = [...input.problems, ...outcome.problems];
    io.stdout(render({ queue: rankQueue(results), problems }));
    return writeProblems(io, problems);
  } finally {
    progress?.finish();
    repo?.close();
  }
}

/**
 * `--format jsonl`: a `problem` line for each input that could not be read, then a `report` line
 * per report as soon as it is triaged (arrival order), then one `summary` line with the ranking
 * (arrival numbers, highest priority first). Only priorities are kept, never the results.
 */
async function streamTriageLines(
  io: CliIo,
  services: Services,
  request: Parameters<Services['triage']['triageEach']>[0],
  inputProblems: readonly InputProblem[],
  progress: Progress,
): Promise<InputProblem[]> {
  for (const problem of inputProblems)
    io.stdout(stringifyJsonLineForTerminal({ kind: 'problem', ...problem }));
  const priorities: QueuePlace[] = [];
  const outcome = await services.triage.triageEach(request, (result, arrival) => {
    // The rank is known only at the end: the summary line gives it.
    const fields: Record<string, unknown> = toJsonReport(result, arrival);
    delete fields.rank;
    io.stdout(stringifyJsonLineForTerminal({ kind: 'report', arrival, ...fields }));
    priorities.push(placeInQueue(result, arrival));
    progress.advance();
  });
  progress.finish();
  for (const problem of outcome.problems)
    io.stdout(stringifyJsonLineForTerminal({ kind: 'problem', ...problem }));
  const problems = [...inputProblems, ...outcome.problems];
  // The order `rankQueue` gives the JSON queue.
  const ranking = priorities.sort(compareQueuePlaces).map((entry) => entry.arrival);
  io.stdout(
    stringifyJsonLineForTerminal({
      kind: 'summary',
      reports: priorities.length,
      problems: problems.length,
      ranking,
    }),
  );
  return problems;
}
