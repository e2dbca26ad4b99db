// Benchmark: writing-style robustness. Every corpus report that has sections is rendered in every
// style (test/robustness/render-report.ts) and each rendering is triaged on its own through the
// real triage service with the project's profile. Prints, per style, how often the disposition,
// cited rules and found requirements equal those of the canonical Markdown rendering, then every
// rendering that differs. Asserts nothing.
// Usage: npm run bench:robustness
import { loadCorpusProfile, readCorpus } from '../test/corpus/read-corpus.js';
import { reportStyles } from '../test/robustness/render-report.js';
import {
  canonicalStyle,
  triageRenderings,
  type RenderingOutcome,
} from '../test/robustness/triage-renderings.js';
import { formatRatio } from '../test/corpus/score-verdicts.js';
import { printLine } from './support/print-line.js';

const outcomes: RenderingOutcome[] = [];
const skipped: string[] = [];
const started = process.hrtime.bigint();
for (const project of readCorpus()) {
  const loaded = await loadCorpusProfile(project);
  if (!loaded.ok) {
    skipped.push(`${project.slug}: ${loaded.reason}`);
    continue;
  }
  outcomes.push(...(await triageRenderings(project, loaded.profile)));
}
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;

const reports = new Set(outcomes.map((outcome) => outcome.report));
printLine(
  `corpus: ${reports.size} reports with sections, ${reportStyles.length - 1} styles against the canonical ${canonicalStyle} rendering, ${outcomes.length} renderings triaged in ${elapsed.toFixed(1)} s; node ${process.version}`,
);
for (const line of skipped) printLine(`skipped ${line}`);
printLine();
printLine('invariance per style (same disposition, rules and found requirements as canonical):');
for (const style of reportStyles) {
  if (style === canonicalStyle) continue;
  const ofStyle = outcomes.filter((outcome) => outcome.style === style);
  const invariant = ofStyle.filter((outcome) => outcome.changes.length === 0).length;
  printLine(`  ${style.padEnd(22)} ${formatRatio(invariant, ofStyle.length)}`);
}
const invariant = outcomes.filter((outcome) => outcome.changes.length === 0).length;
printLine(`  ${'all styles'.padEnd(22)} ${formatRatio(invariant, outcomes.length)}`);

const varying = outcomes.filter((outcome) => outcome.changes.length > 0);
printLine();
printLine(`renderings that differ (${varying.length}):`);
for (const outcome of varying) {
  printLine(`  ${outcome.report} [${outcome.style}]: ${outcome.changes.join('; ')}`);
}
