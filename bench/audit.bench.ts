// Benchmark: time to audit a generated repository of 10,000 files and 50 workflows through the
// real directory adapter and every rule, next to baselines: a plain directory walk, the walk
// reading the same files the audit reads, and the walk reading every file. Prints figures only.
// Usage: npm run bench:audit [-- --files 10000 --workflows 50 --runs 7]
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeSnapshotNeeds } from '../src/core/index.js';
import { createServices } from '../src/create-services.js';
import { createDefaultConfig } from '../src/config/load-config.js';
import { generateAuditRepo } from './support/generate-audit-repo.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    workflows: { type: 'string', default: '50' },
    runs: { type: 'string', default: '7' },
  },
});
const fileCount = Number(values.files);
const workflowCount = Number(values.workflows);
const runs = Number(values.runs);

async function walk(root: string, folder = ''): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory())
        return entry.name === '.git' || entry.name === 'node_modules' ? [] : walk(root, path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

async function time(task: () => Promise<unknown>): Promise<number[]> {
  await task();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

function describe(label: string, times: number[]): string {
  const median = times[Math.floor(times.length / 2)] ?? 0;
  return `${label.padEnd(42)} median ${median.toFixed(0).padStart(5)} ms   min ${(times[0] ?? 0).toFixed(0).padStart(5)} ms`;
}

const dir = mkdtempSync(join(tmpdir(), 'thresher-bench-audit-'));
try {
  generateAuditRepo(dir, fileCount, workflowCount);
  const services = createServices(createDefaultConfig());
  const now = new Date();
  let results = 0;
  let fails = 0;
  const auditTimes = await time(async () => {
    const outcome = await services.audit.audit({ dir, now });
    results = outcome.report.checks.length;
    fails = outcome.report.summary.fail;
  });
  const walkTimes = await time(() => walk(dir));
  const readAllTimes = await time(async () => {
    const paths = await walk(dir);
    for (let start = 0; start < paths.length; start += 32) {
      await Promise.all(paths.slice(start, start + 32).map((path) => readFile(join(dir, path))));
    }
  });
  const needs = describeSnapshotNeeds();
  const sameFilesTimes = await time(async () => {
    const paths = (await walk(dir)).filter(
      (path) => needs.readsContent(path) || needs.readsHead(path),
    );
    for (let start = 0; start < paths.length; start += 32) {
      await Promise.all(paths.slice(start, start + 32).map((path) => readFile(join(dir, path))));
    }
  });
  console.log(
    `repository: ${fileCount} files, ${workflowCount} workflows (${results} results, ${fails} failing); ${runs} runs after a warm-up`,
  );
  console.log(describe('thresher audit (service, real adapter)', auditTimes));
  console.log(describe('baseline: directory walk only', walkTimes));
  console.log(describe('baseline: walk + read the files audit reads', sameFilesTimes));
  console.log(describe('baseline: walk + read every file', readAllTimes));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
