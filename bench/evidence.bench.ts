// Benchmark: time to check a report with 20 code claims against a generated repository of 5,000
// files and 1,000 commits (and, to show the cost does not grow with history, one with 4,000
// commits), through the real git adapter. Prints figures; asserts nothing.
// Usage: npm run bench:evidence [-- --reports 30]
//        npm run bench:evidence -- --mutate --repo libexpat=DIR --repo jq=DIR [--repo axios=DIR]
// With --mutate it runs the mutation harness instead (see bench/support/mutate-evidence.ts): the
// reports of test/corpus/<project>/reports and bench/data/evidence-advisories/<project>/ are
// checked against the project's repository (a clone you pass; nothing is fetched), then every
// true name is replaced by an invented near miss. The figures are printed per split of
// test/corpus/split.yml: tune on `tune`, report `measure`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGitRepoReader } from '../src/adapters/git/create-git-repo-reader.js';
import { extractFacts } from '../src/core/index.js';
import { parseReportText } from '../src/core/report/parse-report.js';
import { checkEvidence } from '../src/services/check-evidence.js';
import { runMutationHarness } from './support/run-mutation-harness.js';
import {
  generateEvidenceRepo,
  type EvidenceRepo,
  type SampleFile,
} from './support/generate-evidence-repo.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '30' },
    mutate: { type: 'boolean', default: false },
    repo: { type: 'string', multiple: true, default: [] },
  },
});
const reportCount = Number(values.reports);

/** A report with 20 claims: real and invented files, functions, lines, a quoted snippet, a patch. */
function buildReport(repo: EvidenceRepo, index: number): string {
  const version = repo.sampleFiles[0]!.tag.replace(/^v/, '');
  const pick = (offset: number): SampleFile =>
    repo.sampleFiles[(index * 7 + offset) % repo.sampleFiles.length]!;
  const files = [pick(0), pick(1), pick(2), pick(3)];
  const lines: string[] = [
    `# Crash in ${files[0]!.functions[0]!.name}`,
    '',
    `Affected version: ${version}`,
    '',
  ];
  files.forEach((file, position) => {
    const fn = file.functions[position % file.functions.length]!;
    lines.push(
      `The bug is in \`${fn.name}()\` in \`${file.path}:${fn.startLine}\`, called from \`${file.functions.at(-1)!.name}()\`.`,
    );
  });
  lines.push(
    `It also affects \`src/imaginary/secure_${index}.c\` and \`tools/made_up_${index}.py\`.`,
  );
  lines.push(
    `The vulnerable helpers are \`http_parse_secure_headers_${index}()\`, \`sanitize_input_${index}()\` and \`validate_request_${index}()\`.`,
  );
  lines.push(
    `See \`${files[1]!.path}#L${files[1]!.functions[0]!.startLine}-L${files[1]!.functions[0]!.endLine}\` and \`${files[2]!.path}:${files[2]!.lineCount + 40}\`.`,
  );
  const source = readFileSync(join(repo.dir, files[3]!.path), 'utf8').split('\n');
  const fn = files[3]!.functions[0]!;
  const language = { c: 'c', javascript: 'js', python: 'python', go: 'go' }[files[3]!.language];
  lines.push(
    '',
    'The code:',
    '',
    '```' + language,
    ...source.slice(fn.startLine - 1, Math.min(fn.endLine, fn.startLine + 8)),
    '```',
    '',
  );
  lines.push(
    'Proposed patch:',
    '',
    '```diff',
    `--- a/${files[0]!.path}`,
    `+++ b/${files[0]!.path}`,
    '@@ -1,1 +1,2 @@',
    ...readFileSync(join(repo.dir, files[0]!.path), 'utf8')
      .split('\n')
      .slice(0, 1)
      .map((line) => ` ${line}`),
    '+/* checked */',
    '```',
  );
  return lines.join('\n');
}

async function measure(commits: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'thresher-bench-evidence-'));
  try {
    const started = performance.now();
    const repo = await generateEvidenceRepo(dir, { files: 5000, commits });
    const generated = performance.now() - started;
    const reader = await createGitRepoReader(repo.dir, process.env);
    const timings: number[] = [];
    let claimCount = 0;
    const grades = new Map<string, number>();
    try {
      for (let index = 0; index < reportCount; index += 1) {
        const parsed = parseReportText(`bench-${index}.md`, buildReport(repo, index), 'markdown');
        if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
        const report = parsed.value[0]!;
        const begin = performance.now();
        const evidence = await checkEvidence(report, extractFacts(report), reader);
        timings.push(performance.now() - begin);
        claimCount += evidence.claims.length;
        grades.set(evidence.grade, (grades.get(evidence.grade) ?? 0) + 1);
      }
    } finally {
      reader.close();
    }
    const [first, ...rest] = timings;
    const sorted = [...rest].sort((a, b) => a - b);
    const quantile = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    console.log(
      `repository: 5000 files, ${commits} commits, generated in ${(generated / 1000).toFixed(1)} s`,
    );
    console.log(
      `  reports: ${reportCount}, mean claims per report: ${(claimCount / reportCount).toFixed(1)}, grades: ${[...grades].map(([grade, count]) => `${grade} ${count}`).join(', ')}`,
    );
    console.log(`  first report: ${first!.toFixed(1)} ms (cold caches, git processes starting)`);
    console.log(
      `  after the first: p50 ${quantile(0.5).toFixed(1)} ms, p95 ${quantile(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (target < 300 ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`node ${process.version}`);
if (values.mutate) {
  await runMutationHarness(values.repo);
} else {
  await measure(1000);
  await measure(4000);
}
