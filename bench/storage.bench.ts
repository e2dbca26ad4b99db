// Benchmark: the report store on SQLite (a temporary file, WAL, synchronous=FULL) and on
// PostgreSQL (THRESHER_TEST_DATABASE_URL, a schema of its own): durable adds one at a time and
// 16 in flight, queue pages of 50 over the stored reports, and versioned updates, each next to
// the same statement run bare on the driver (the ratio is the cost of the store's layer and
// checks). Prints figures; asserts nothing.
// Usage: npm run bench:storage [-- --reports 2000]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ReportStore } from '../src/services/ports.js';
import { openPostgresReportStore } from '../src/storage/open-postgres-report-store.js';
import { openSqliteReportStore } from '../src/storage/open-sqlite-report-store.js';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '2000' } } });
const reportCount = Number(values.reports);
const body = `## Summary\n\nHeap overflow in parse_header.\n\n${'Details of the bug. '.repeat(100)}`;

async function measure(label: string, count: number, work: (index: number) => Promise<unknown>) {
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) await work(index);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`  ${label.padEnd(44)} ${(count / seconds).toFixed(0).padStart(7)} /s`);
  return count / seconds;
}

async function measureParallel(
  label: string,
  count: number,
  inFlight: number,
  work: (index: number) => Promise<unknown>,
) {
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let index = next++; index < count; index = next++) await work(index);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`  ${label.padEnd(44)} ${(count / seconds).toFixed(0).padStart(7)} /s`);
}

async function benchStore(store: ReportStore, tag: string) {
  await store.projects.add({ name: 'bench', profileYaml: 'version: 1\n' });
  const ids: string[] = [];
  await measure('add report (one at a time, durable)', reportCount / 2, async (index) => {
    const { report } = await store.reports.add({
      project: 'bench',
      title: `report ${tag} ${index}`,
      body: `${body} ${index}`,
      channel: 'api',
      format: 'markdown',
    });
    ids.push(report.id);
  });
  await measureParallel('add report (16 in flight)', reportCount / 2, 16, async (index) => {
    const { report } = await store.reports.add({
      project: 'bench',
      title: `parallel ${tag} ${index}`,
      body: `${body} p${index}`,
      channel: 'api',
      format: 'markdown',
    });
    ids.push(report.id);
  });
  await measure('update priority at version', 500, (index) =>
    store.reports.update(ids[index]!, 1, { priority: index % 97 }, 'bench'),
  );
  let cursor: string | null = null;
  await measure('queue page of 50 (walking all pages)', 400, async () => {
    const page = await store.reports.listQueue({ project: 'bench', limit: 50, cursor });
    cursor = page.next;
  });
  await measure('get report by id', 2000, (index) => store.reports.get(ids[index % ids.length]!));
}

async function benchSqlite() {
  const folder = mkdtempSync(join(tmpdir(), 'thresher-bench-store-'));
  try {
    console.log(`SQLite (${reportCount} reports, WAL, synchronous=FULL)`);
    const store = await openSqliteReportStore({ path: join(folder, 'store.sqlite') });
    await benchStore(store, 'sqlite');
    await store.close();
    const bare = new Database(join(folder, 'bare.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('create table t (id text primary key, title text, body text)');
    const insert = bare.prepare('insert into t values (?, ?, ?)');
    await measure('bare better-sqlite3 insert (autocommit)', reportCount / 2, (index) =>
      Promise.resolve(insert.run(`r${index}`, `t${index}`, body)),
    );
    bare.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string) {
  const schema = `thresher_bench_${randomBytes(4).toString('hex')}`;
  console.log(`PostgreSQL (${reportCount} reports, schema ${schema})`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const store = await openPostgresReportStore({ url, schema });
    await benchStore(store, 'pg');
    await store.close();
    await client.query(`create table ${schema}.bare (id text primary key, title text, body text)`);
    await measure('bare pg insert (autocommit)', reportCount / 2, (index) =>
      client.query(`insert into ${schema}.bare values ($1, $2, $3)`, [
        `r${index}`,
        `t${index}`,
        body,
      ]),
    );
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

await benchSqlite();
const url = process.env.THRESHER_TEST_DATABASE_URL;
if (url) await benchPostgres(url);
else console.log('PostgreSQL: skipped (set THRESHER_TEST_DATABASE_URL)');
