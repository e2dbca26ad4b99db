// Benchmark: reports per second through the triage pipeline on one core: parse Markdown, extract
// facts, check scope and requirements, assess severity, score, draft the reply, and (second
// figure) match each report against the earlier ones in the batch, as `thresher triage` does.
// Then the triage core's cost per report as a multiple of markdown-it parsing the same report,
// and the accuracy of the verdicts on the measurement corpus (test/corpus), per split.
// Prints figures; asserts nothing.
// Usage: npm run bench:triage [-- --seconds 5 --ratio-iterations 300 --only accuracy --split tune
//        --repo libexpat=DIR ...] (`--repo`: triage that project with its repository, as
//        `thresher triage --repo DIR` does, against its `with-repo` expectations)
//        npm run bench:triage -- --only accuracy --project mbedtls --project node-tar
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSecurityProfile } from '../src/config/load-security-profile.js';
import {
  buildReportDocument,
  createDuplicateIndex,
  extractFacts,
  rankQueue,
  triageFacts,
  type TriageResult,
} from '../src/core/index.js';
import { parseReportText } from '../src/core/report/parse-report.js';
import { loadCorpusProfile, readCorpus } from '../test/corpus/read-corpus.js';
import { measureParseRatio, type RatioInput } from './support/measure-parse-ratio.js';
import { printLine } from './support/print-line.js';
import { reportCorpusAccuracy } from './support/report-corpus-accuracy.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    'ratio-iterations': { type: 'string', default: '300' },
    // `accuracy` skips the throughput and cost figures, `ratio` all but the cost ratio;
    // `--misses tune` lists the tune split's misses only (what the engine may be tuned on).
    only: { type: 'string' },
    misses: { type: 'string', default: 'all' },
    // `--split tune` triages the tune projects only (while tuning, never run the held-out ones).
    split: { type: 'string', default: 'all' },
    // `--repo SLUG=DIR` (repeatable): triage that corpus project with its repository.
    repo: { type: 'string', multiple: true, default: [] },
    // `--project NAME` (repeatable) triages and prints only the named projects: a new held-out
    // project's blind figure without seeing any other measure project's output.
    project: { type: 'string', multiple: true, default: [] },
  },
});
const repos = new Map(
  values.repo.map((pair) => {
    const [slug, ...dir] = pair.split('=');
    if (!slug || dir.length === 0) throw new Error(`--repo wants SLUG=DIR, got ${pair}`);
    return [slug, resolve(dir.join('='))] as const;
  }),
);
const misses = values.misses === 'tune' || values.misses === 'measure' ? values.misses : 'all';
const split = values.split === 'tune' || values.split === 'measure' ? values.split : 'all';
const seconds = Number(values.seconds);
const ratioIterations = Number(values['ratio-iterations']);
const examples = resolve(import.meta.dirname, '../examples');
const profile = await loadSecurityProfile(join(examples, 'security-profile.yml'));
const texts = readdirSync(join(examples, 'reports'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(join(examples, 'reports', name), 'utf8') }));
const totalBytes = texts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);

/** One batch of the corpus; with `matchDuplicates`, each report also queries and joins an index. */
function runOnce(matchDuplicates: boolean): number {
  const results: TriageResult[] = [];
  const index = createDuplicateIndex();
  for (const { name, text } of texts) {
    const parsed = parseReportText(name, text, 'markdown');
    if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0]?.message}`);
    for (const report of parsed.value) {
      const facts = extractFacts(report);
      if (!matchDuplicates) {
        results.push(triageFacts(report, facts, profile));
        continue;
      }
      const document = buildReportDocument(report, facts, profile.project.name);
      const duplicates = index.query(document, { limit: 5 });
      results.push(triageFacts(report, facts, profile, { duplicates }));
      index.add(document);
    }
  }
  return rankQueue(results).length;
}

function measure(matchDuplicates: boolean): {
  perSecond: number;
  latencyMs: number;
  count: number;
  elapsed: number;
} {
  for (let warmup = 0; warmup < 50; warmup += 1) runOnce(matchDuplicates);
  let processed = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) processed += runOnce(matchDuplicates);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    perSecond: processed / elapsed,
    latencyMs: (elapsed * 1000) / processed,
    count: processed,
    elapsed,
  };
}

if (values.only !== 'accuracy') {
  console.log(
    `corpus: ${texts.length} Markdown reports from examples/reports, mean ${Math.round(totalBytes / texts.length)} bytes; node ${process.version}, one core`,
  );
  for (const [label, matchDuplicates] of values.only === 'ratio'
    ? []
    : ([
        ['triage (parse, facts, scope, completeness, severity, priority, reply)', false],
        ['triage + in-batch duplicate matching (as `thresher triage` runs it)', true],
      ] as const)) {
    const figures = measure(matchDuplicates);
    console.log(`${label}:`);
    console.log(
      `  ${Math.round(figures.perSecond)} reports/s (target > 1000), ${figures.latencyMs.toFixed(3)} ms per report (${figures.count} in ${figures.elapsed.toFixed(2)} s)`,
    );
  }

  /** The corpus's Markdown and plain-text reports of every project whose profile loads today. */
  async function readCorpusRatioInputs(): Promise<RatioInput[]> {
    const inputs: RatioInput[] = [];
    for (const project of readCorpus()) {
      const loaded = await loadCorpusProfile(project);
      if (!loaded.ok) continue;
      for (const name of project.reportFiles.filter((file) => /\.(md|txt)$/.test(file))) {
        const text = readFileSync(join(project.reportsDir, name), 'utf8');
        inputs.push({ name: `${project.slug}/${name}`, text, profile: loaded.profile });
      }
    }
    return inputs;
  }

  printLine();
  printLine(
    'triage core cost per report / markdown-it parse() of the same report (default preset; paired, alternating order, per-report medians; target <= 3x):',
  );
  for (const [label, inputs] of [
    ['examples/reports', texts.map(({ name, text }) => ({ name, text, profile }))],
    ['test/corpus (profiles that load)', await readCorpusRatioInputs()],
  ] as const) {
    const figures = measureParseRatio(inputs, ratioIterations);
    printLine(
      `  ${label}: ${figures.ratio.toFixed(2)}x (${figures.triageMicroseconds.toFixed(0)} vs ${figures.markdownMicroseconds.toFixed(0)} µs per report; ${inputs.length} reports x ${figures.iterations} iterations)`,
    );
  }
}

if (values.only !== 'ratio') {
  printLine();
  await reportCorpusAccuracy(misses, split, values.project, repos);
}
