// `thresher serve [--port N] [--data DIR] [--config FILE] [--no-rate-limit] [--demo]`: the inbox
// server (API under /api/v1 and the web UI) over SQLite in DIR or PostgreSQL from the config.

import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, sanitizeLineForTerminal } from '../../core/index.js';
import { loadConfig } from '../../config/load-config.js';
import type { Services } from '../../create-services.js';
import type { InboxService } from '../../services/create-inbox-service.js';
import { serveInbox } from '../../server/serve.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { readFile } from 'node:fs/promises';

const serveHelp = `Usage: thresher serve [--port N] [--data DIR] [--config FILE] [--no-rate-limit] [--demo]

Start the inbox: private vulnerability reports arrive through the web form or the API
(/api/v1, described at /api/v1/openapi.json), are triaged against each project's profile, and
wait in the maintainers' queue. Add projects, maintainers and API tokens with
thresher project add, thresher user add and thresher token create (same --data).

Options:
  -p, --port N          port to listen on (default 8080; 0 picks a free one)
      --host HOST       address to listen on (default 127.0.0.1)
  -d, --data DIR        folder of the SQLite database (default .thresher; env THRESHER_DATA)
  -c, --config FILE     YAML settings (see docs/server.md); THRESHER_DATABASE_URL selects PostgreSQL
      --no-rate-limit   no per-address limit on report submissions (trusted intake, tests)
      --demo            add the demo project (examples/) with its example reports and a maintainer
  -h, --help            show this help
`;

const demoProject = 'demo';

/** The example profile and reports shipped in examples/, beside src/ and dist/. */
function findExamples(): string {
  return fileURLToPath(new URL('../../../examples/', import.meta.url));
}

const demoMaintainer = 'demo@example.org';

/** The demo project with the example reports, and a maintainer with a fresh password each start. */
async function addDemo(inbox: InboxService, io: CliIo, services: Services): Promise<void> {
  const examples = findExamples();
  if (!(await inbox.listProjects()).some((project) => project.name === demoProject)) {
    await inbox.addProject({
      name: demoProject,
      profileYaml: await readFile(join(examples, 'security-profile.yml'), 'utf8'),
    });
    const reportsDir = join(examples, 'reports');
    const files = (await readdir(reportsDir)).filter((name) => name !== 'README.md').sort();
    const batch = await services.intake.readFiles(files.map((name) => join(reportsDir, name)));
    const imported = await inbox.importReports(demoProject, batch.reports);
    io.stdout(`demo: project "${demoProject}" with ${imported.added} example reports\n`);
  }
  const users = await inbox.listMaintainers();
  const password = users.some((user) => user.email === demoMaintainer)
    ? await inbox.resetPassword(demoMaintainer)
    : (await inbox.addMaintainer(demoMaintainer)).password;
  io.stdout(`demo: log in as ${demoMaintainer} with password ${password}\n`);
}

export async function runServeCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      data: { type: 'string', short: 'd' },
      config: { type: 'string', short: 'c' },
      'no-rate-limit': { type: 'boolean' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(serveHelp);
    return exitCodes.ok;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new InputError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const config = await loadConfig(
    {
      ...(port !== undefined ? { port } : {}),
      ...(values.data !== undefined ? { data: values.data } : {}),
      ...(values.config !== undefined ? { config: values.config } : {}),
      isRateLimitOff: values['no-rate-limit'] === true,
    },
    services.config.environment,
  );
  const { mkdir } = await import('node:fs/promises');
  if (config.databaseUrl === null) await mkdir(config.dataDir, { recursive: true });
  const inbox = await services.openInbox({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
  });
  if (values.demo) await addDemo(inbox, io, services);
  const server = await serveInbox(inbox, {
    port: config.server.port,
    ...(values.host !== undefined ? { hostname: values.host } : {}),
    submissionsPerMinute: config.server.submissionsPerMinute,
    secureCookies: config.server.secureCookies,
    maxBodyBytes: config.server.maxBodyBytes,
  });
  io.stdout(
    `thresher inbox listening on ${server.url} (${config.databaseUrl ? 'PostgreSQL' : sanitizeLineForTerminal(join(config.dataDir, 'inbox.sqlite'))})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await inbox.close();
  return exitCodes.ok;
}
