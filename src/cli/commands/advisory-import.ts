// `thresher advisory import [--out FILE] FILE`: OSV or GitHub advisory JSON into the advisory model.

import { parseArgs } from 'node:util';
import { formatParseIssue, InputError } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readInputFile } from '../read-input-file.js';
import { writeOutputFile } from '../write-output-file.js';
import { sanitizeLineForTerminal, stringifyJsonForTerminal } from '../../core/index.js';

const importHelp = `Usage: thresher advisory import [--out FILE] FILE

Read an advisory written elsewhere into Thresher's advisory model (the JSON that draft writes and
export reads): an OSV record or a list of them (any OSV database, GitHub's advisory-database
files, Thresher's own exports), or GitHub REST API advisory JSON (global or repository).
A list in gives a list out.

Options:
  -o, --out FILE  write the advisory JSON there instead of stdout
  -h, --help      show this help

Exit status: 0 imported; 2 bad usage or an advisory that cannot be read (each field on stderr).
`;

const maxImportBytes = 32 * 1024 * 1024;

export async function runAdvisoryImportCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(importHelp);
    return exitCodes.ok;
  }
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0)
    throw new InputError('advisory import takes exactly one FILE');
  const outcome = await services.advisories.importAdvisories(
    await readInputFile(path, maxImportBytes),
  );
  if (outcome.kind === 'invalid') {
    io.stderr(`thresher: ${sanitizeLineForTerminal(path)}: cannot import; nothing was written\n`);
    for (const issue of outcome.issues.slice(0, 50))
      io.stderr(`thresher: ${sanitizeLineForTerminal(formatParseIssue(issue))}\n`);
    return exitCodes.input;
  }
  const advisories = outcome.advisories.map((imported) => imported.advisory);
  const json = stringifyJsonForTerminal(outcome.isList ? advisories : advisories[0]);
  if (values.out === undefined) io.stdout(json);
  else await writeOutputFile(values.out, json);
  for (const imported of outcome.advisories) {
    for (const note of imported.notes)
      io.stderr(`${sanitizeLineForTerminal(`thresher: note: ${imported.advisory.id}: ${note}`)}\n`);
  }
  return exitCodes.ok;
}
