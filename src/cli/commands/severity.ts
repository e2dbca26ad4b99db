// `thresher severity [--format text|json] REPORT...`

import { parseArgs } from 'node:util';
import type { Services } from '../../create-services.js';
import { renderSeverityJson, renderSeverityText } from '../../presenters/render-severity-report.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { pickRenderer, requireReportPaths } from '../read-command-options.js';
import { readReportArguments } from '../read-report-arguments.js';
import { writeProblems } from '../write-problems.js';

const severityHelp = `Usage: thresher severity [--format text|json] REPORT...

Estimate each report's CVSS v3.1 base metrics from its text with the severity model trained on
published advisories: a calibrated probability per metric, the words that weighed most, the
vector, score and rating. Set beside the reporter's own vector: where the model is confident and
disagrees, the assessed vector takes the model's value and says why; with no vector and an
unsure model, the rating is a range or unknown.

Options:
  -f, --format FORMAT  text (default) or json (see docs/severity.md)
  -h, --help           show this help

Exit status: 0 done; 2 bad usage, unreadable input or an unusable model file.
`;

export async function runSeverityCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(severityHelp);
    return exitCodes.ok;
  }
  const render = pickRenderer(values.format, {
    text: renderSeverityText,
    json: renderSeverityJson,
  });
  requireReportPaths('severity', positionals);
  const input = await readReportArguments(services, positionals);
  const assessed = await services.severity.assess({ reports: input.reports });
  const outcome = { ...assessed, problems: [...input.problems, ...assessed.problems] };
  io.stdout(render(outcome));
  return writeProblems(io, outcome.problems);
}
