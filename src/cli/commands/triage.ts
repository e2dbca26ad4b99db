// `thresher triage --profile FILE [--format text|json|markdown] REPORT...`

import { parseArgs } from 'node:util';
import { InputError } from '../../core/triage.js';
import { loadSecurityProfile } from '../../config/load-security-profile.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { writeProblems } from '../write-problems.js';
import { pickRenderer, requireReportPaths } from '../read-command-options.js';
import { renderTriageJson } from '../output/render-triage-json.js';
import { renderTriageMarkdown } from '../output/render-triage-markdown.js';
import { renderTriageText } from '../output/render-triage-text.js';

const triageHelp = `Usage: thresher triage --profile FILE [--repo DIR] [--against DIR_OR_OSV]... [--format text|json|markdown] REPORT...

Triage vulnerability reports against a project's security-profile.yml and print the
ranked queue: verdict (citing the rule), severity claimed vs assessed, priority, draft reply.

REPORT is a file (.md, .markdown, .txt, .json, .eml, .mbox) or a folder of them.

Options:
  -p, --profile FILE   the project's security-profile.yml (required)
  -r, --repo DIR       check each report's code claims against this git repository
  -a, --against PATH   earlier reports and OSV advisories (folder, JSON, zip) to find duplicates in;
                       reports in the batch are always matched against the earlier ones (repeatable)
  -s, --store FILE     keep triaged reports in this file for duplicate matching in later runs
  -f, --format FORMAT  text (ranked table, default), json (stable, see docs/cli.md), markdown
  -h, --help           show this help

Exit status: 0 done; 2 bad profile, bad usage or unreadable input (one line on stderr each).
`;

const renderers = {
  text: renderTriageText,
  json: renderTriageJson,
  markdown: renderTriageMarkdown,
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

  const profile = await loadSecurityProfile(values.profile);
  const outcome = await services.triage.triage({
    profile,
    paths: positionals,
    ...(values.repo !== undefined ? { repoDir: values.repo } : {}),
    againstPaths: values.against ?? [],
    ...(values.store !== undefined ? { storePath: values.store } : {}),
  });
  io.stdout(render(outcome));
  return writeProblems(io, outcome.problems);
}
