// Benchmark: the inbox over HTTP with autocannon. Submissions (each stored durably, then triaged,
// before its 201) and queue reads (a page of 50, maintainer token), on SQLite and on PostgreSQL
// (THRESHER_TEST_DATABASE_URL, a schema of its own), each next to a bare Hono route doing the same
// insert or select on the driver: the ratio is the cost of the inbox's layers. Prints figures;
// asserts nothing.
// Usage: npm run bench:server [-- --seconds 5 --connections 10]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import pg from 'pg';
import { createServices } from '../src/create-services.js';
import { createDefaultConfig } from '../src/config/load-config.js';
import { serveInbox, type RunningServer } from '../src/server/serve.js';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const profileYaml = readFileSync(
  join(import.meta.dirname, '../examples/security-profile.yml'),
  'utf8',
);
const reportBody = `Affected version: 1.9.0

The function parse_header in src/http/parse.c reads past the end of its buffer when a header
line has no colon.

Steps to reproduce:
1. Send "GET / HTTP/1.1\\r\\nX\\r\\n\\r\\n".

Impact: a heap out-of-bounds read crashes the worker.`;

let sequence = 0;
function nextSubmission(): string {
  sequence += 1;
  return JSON.stringify({
    title: `Heap over-read ${sequence} ${randomBytes(4).toString('hex')}`,
    body: `${reportBody}\n\nRun ${sequence}.`,
    reporter: { name: 'Bench', email: 'bench@example.org' },
  });
}

async function runLoad(
  label: string,
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string> = {},
) {
  const result = await autocannon({
    url,
    method,
    duration,
    connections,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        method,
        setupRequest: (request) =>
          method === 'POST' ? { ...request, body: nextSubmission() } : request,
      },
    ],
  });
  const ok = result['2xx'];
  const perSecond = ok / duration;
  console.log(
    `  ${label.padEnd(40)} ${perSecond.toFixed(0).padStart(7)} /s   p99 ${String(result.latency.p99).padStart(5)} ms   (${ok} ok, ${result.non2xx} other, ${result.errors} errors)`,
  );
  return perSecond;
}

function listen(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        }),
    );
  });
}

/** The same work without the inbox: parse JSON, one durable insert (or a select of 50), answer. */
interface BareDatabase {
  insert: (id: string, title: string, body: string) => Promise<void>;
  select: () => Promise<unknown[]>;
  /** Keeps `count` rows, so both read the same number of reports. */
  trim: (count: number) => Promise<void>;
}

function createBareApp(database: BareDatabase): Hono {
  const app = new Hono();
  app.post('/reports', async (c) => {
    const body = await c.req.json<{ title: string; body: string }>();
    const id = `r_${randomBytes(10).toString('hex')}`;
    await database.insert(id, body.title, body.body);
    return c.json({ id }, 201);
  });
  app.get('/reports', async (c) => c.json({ reports: await database.select() }));
  return app;
}

async function benchInbox(
  name: string,
  open: () => Promise<Awaited<ReturnType<ReturnType<typeof createServices>['openInbox']>>>,
  bareDatabase: BareDatabase,
) {
  const bare = createBareApp(bareDatabase);
  console.log(`${name} (${duration} s per run, ${connections} connections)`);
  const inbox = await open();
  await inbox.addProject({ name: 'demo', profileYaml });
  await inbox.addMaintainer('bench@example.org');
  const token = await inbox.createApiToken('bench');
  const server: RunningServer = await serveInbox(inbox, { port: 0, submissionsPerMinute: null });
  const bareServer = await listen(bare);
  try {
    const submissions = await runLoad(
      'inbox: submissions (store + triage)',
      `${server.url}/api/v1/projects/demo/reports`,
      'POST',
    );
    const bareInserts = await runLoad(
      'bare Hono route: same insert',
      `${bareServer.url}/reports`,
      'POST',
    );
    const counts = await inbox.countByStatus('demo');
    await bareDatabase.trim(Object.values(counts).reduce((sum, count) => sum + count, 0));
    const reads = await runLoad(
      'inbox: queue reads (page of 50)',
      `${server.url}/api/v1/projects/demo/reports?limit=50`,
      'GET',
      { authorization: `Bearer ${token}` },
    );
    const bareReads = await runLoad(
      'bare Hono route: same select',
      `${bareServer.url}/reports`,
      'GET',
    );
    console.log(
      `  ratio inbox/bare: submissions ${(submissions / bareInserts).toFixed(2)}, queue reads ${(reads / bareReads).toFixed(2)}`,
    );
  } finally {
    await server.close();
    await bareServer.close();
    await inbox.close();
  }
}

const services = createServices(createDefaultConfig());
const sqliteDir = mkdtempSync(join(tmpdir(), 'thresher-bench-server-'));
try {
  const bareDatabase = new Database(join(sqliteDir, 'bare.sqlite'));
  bareDatabase.pragma('journal_mode = WAL');
  bareDatabase.pragma('synchronous = FULL');
  bareDatabase.exec(
    'create table bare (id text primary key, title text, body text, priority integer default 0)',
  );
  bareDatabase.exec('create index bare_queue on bare (priority desc, id)');
  const insert = bareDatabase.prepare('insert into bare (id, title, body) values (?, ?, ?)');
  const select = bareDatabase.prepare(
    'select id, title, priority from bare order by priority desc, id limit 50',
  );
  await benchInbox('SQLite', () => services.openInbox({ dataDir: sqliteDir }), {
    insert: (id, title, body) => {
      insert.run(id, title, body);
      return Promise.resolve();
    },
    select: () => Promise.resolve(select.all()),
    trim: (count) => {
      bareDatabase
        .prepare('delete from bare where id not in (select id from bare order by id limit ?)')
        .run(count);
      return Promise.resolve();
    },
  });
  bareDatabase.close();
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}

const url = process.env.THRESHER_TEST_DATABASE_URL;
if (url) {
  const schema = `thresher_bench_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    await pool.query(`create schema ${schema}`);
    await pool.query(
      `create table ${schema}.bare (id text primary key, title text, body text, priority integer default 0)`,
    );
    await pool.query(`create index bare_queue on ${schema}.bare (priority desc, id)`);
    await benchInbox(
      `PostgreSQL (schema ${schema})`,
      () => services.openInbox({ dataDir: sqliteDir, databaseUrl: url, databaseSchema: schema }),
      {
        insert: async (id, title, body) =>
          void (await pool.query(
            `insert into ${schema}.bare (id, title, body) values ($1, $2, $3)`,
            [id, title, body],
          )),
        select: async () =>
          (
            await pool.query(
              `select id, title, priority from ${schema}.bare order by priority desc, id limit 50`,
            )
          ).rows as unknown[],
        trim: async (count) =>
          void (await pool.query(
            `delete from ${schema}.bare where id not in (select id from ${schema}.bare order by id limit $1)`,
            [count],
          )),
      },
    );
  } finally {
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
  }
} else {
  console.log('PostgreSQL: skipped (set THRESHER_TEST_DATABASE_URL)');
}
