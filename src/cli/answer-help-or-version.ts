// `thresher`, `thresher --help` and `thresher --version`: answered without loading any command,
// by main.ts before it loads the CLI bundle, and by runCli.

import { createRequire } from 'node:module';
import { exitCodes, type CliIo } from './cli-io.js';

const mainHelp = `Usage: thresher <command> [options]

The maintainer's security front desk.

Commands:
  triage     triage vulnerability reports against security-profile.yml and rank the queue
  evidence   check what reports say about the code against the project's git repository
  severity   estimate each report's CVSS metrics from its text, with confidence and reasons
  duplicates find earlier reports and published advisories about the same bug
  advisory   draft, export (OSV, CVE JSON 5, CSAF 2.0) and import advisories
  init       write security-profile.yml, SECURITY.md, AI_POLICY.md, security.txt and templates
  audit      check the repository's security readiness (policy, AI policy, workflows, artefacts)
  deps       check dependencies for invented names, typosquats, malware and vulnerabilities
  profile    check a security-profile.yml and list every problem
  serve      run the inbox: web form, API, triaged queue (see docs/server.md)
  project    add a project to the inbox (project add)
  user       add a maintainer to the inbox (user add)
  token      create an API token for the inbox (token create)

Options:
  -h, --help      show help (also: thresher <command> --help)
  -v, --version   print the version

Documentation: docs/cli.md
`;

function readVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

/** Writes the main help or the version when `argv` asks for it and returns the exit code, else null. */
export function answerHelpOrVersion(argv: readonly string[], io: CliIo): number | null {
  const [name] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(mainHelp);
    return exitCodes.ok;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${readVersion()}\n`);
    return exitCodes.ok;
  }
  return null;
}
