// `thresher advisory export --format osv|cve5|csaf [--force] [--out FILE] ADVISORY.json`

import { parseArgs } from 'node:util';
import {
  advisoryFormats,
  formatParseIssue,
  InputError,
  type AdvisoryFormat,
} from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { pickRenderer } from '../read-command-options.js';
import { readInputFile } from '../read-input-file.js';
import { writeOutputFile } from '../write-output-file.js';
import { sanitizeLineForTerminal, stringifyJsonForTerminal } from '../../core/index.js';

const exportHelp = `Usage: thresher advisory export --format osv|cve5|csaf [--force] [--out FILE] ADVISORY.json

Write the advisory as a standard document: OSV (osv.dev, GitHub), CVE JSON 5 (a CVE record) or
CSAF 2.0 (a security advisory for vendors and distributions). Every document is validated
against the format's official schema (and CSAF's mandatory tests) before it is written; an
invalid document is never written.

Options:
  -f, --format FORMAT  osv, cve5 or csaf (required)
      --force          export even though the advisory's embargo has not ended
  -o, --out FILE       write the document there instead of stdout
  -h, --help           show this help

Exit status: 0 written; 2 bad usage, an unreadable advisory, or a document that fails validation
(each failing field on stderr); 3 the embargo forbids a public export yet (stderr says until when).
`;

const formats = Object.fromEntries(advisoryFormats.map((format) => [format, format])) as Record<
  AdvisoryFormat,
  AdvisoryFormat
>;
const maxAdvisoryBytes = 4 * 1024 * 1024;

export async function runAdvisoryExportCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      force: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(exportHelp);
    return exitCodes.ok;
  }
  if (values.format === undefined)
    throw new InputError('advisory export needs --format osv|cve5|csaf');
  const format = pickRenderer(values.format, formats);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0)
    throw new InputError('advisory export takes exactly one ADVISORY.json');
  const text = await readInputFile(path, maxAdvisoryBytes);
  const outcome = await services.advisories.exportAdvisory({
    text,
    format,
    force: values.force === true,
  });
  if (outcome.kind === 'embargoed') {
    io.stderr(
      `thresher: ${sanitizeLineForTerminal(path)}: embargoed until ${outcome.until}; it may be exported from then on (--force exports it now, for the CNA or other parties under embargo)\n`,
    );
    return exitCodes.embargoed;
  }
  if (outcome.kind === 'invalid') {
    const what = {
      advisory: 'the advisory is invalid',
      format: `${format} needs more`,
      schema: `the ${format} document fails the official schema`,
    }[outcome.stage];
    io.stderr(`thresher: ${sanitizeLineForTerminal(path)}: ${what}; nothing was written\n`);
    for (const issue of outcome.issues)
      io.stderr(`thresher: ${sanitizeLineForTerminal(formatParseIssue(issue))}\n`);
    return exitCodes.input;
  }
  const json = stringifyJsonForTerminal(outcome.document);
  if (values.out === undefined) io.stdout(json);
  else await writeOutputFile(values.out, json);
  if (outcome.isEmbargoed)
    io.stderr('thresher: note: exported during the embargo (--force); do not publish it yet\n');
  return exitCodes.ok;
}
