// Benchmark: reports per second through the triage pipeline (parse Markdown, extract facts, check
// scope and requirements, assess severity, score, draft the reply) on one core.
// Prints figures; asserts nothing. Usage: npm run bench:triage [-- --seconds 5]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSecurityProfile } from '../src/config/load-security-profile.js';
import { rankQueue, triageReport } from '../src/core/index.js';
import { parseReportText } from '../src/core/report/parse-report.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' } } });
const seconds = Number(values.seconds);
const examples = resolve(import.meta.dirname, '../examples');
const profile = await loadSecurityProfile(join(examples, 'security-profile.yml'));
const texts = readdirSync(join(examples, 'reports'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(join(examples, 'reports', name), 'utf8') }));
const totalBytes = texts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);

function runOnce(): number {
  const results = [];
  for (const { name, text } of texts) {
    const parsed = parseReportText(name, text, 'markdown');
    if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0]?.message}`);
    for (const report of parsed.value) results.push(triageReport(report, profile));
  }
  return rankQueue(results).length;
}

for (let warmup = 0; warmup < 50; warmup += 1) runOnce();
let processed = 0;
const started = process.hrtime.bigint();
const deadline = started + BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() < deadline) processed += runOnce();
const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;

console.log(
  `corpus: ${texts.length} Markdown reports from examples/reports, mean ${Math.round(totalBytes / texts.length)} bytes`,
);
console.log(
  `triaged ${processed} reports in ${elapsedSeconds.toFixed(2)} s on one core (node ${process.version})`,
);
console.log(`throughput: ${Math.round(processed / elapsedSeconds)} reports/s (target > 1000)`);
console.log(`mean latency: ${((elapsedSeconds * 1000) / processed).toFixed(3)} ms per report`);
