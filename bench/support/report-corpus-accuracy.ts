// Triages every corpus project in one batch per project, compares each verdict with
// expected.yml and prints accuracy for the tune and measure splits, then every miss with what
// was expected, what Thresher said and the expected reason. Projects given a repository
// (`--repo SLUG=DIR`) are triaged with it, as `thresher triage --repo` does, and compared with
// their `with-repo` expectations; a section then counts genuine reports graded invalid,
// fabricated reports caught and where the fabricated ones rank.

import {
  expectedVerdictFor,
  loadCorpusProfile,
  readCorpus,
  type CorpusProject,
  type Split,
} from '../../test/corpus/read-corpus.js';
import {
  compareVerdict,
  describeMiss,
  formatRatio,
  summariseAccuracy,
  type VerdictComparison,
} from '../../test/corpus/score-verdicts.js';
import { triageCorpusProject } from '../../test/corpus/triage-corpus-project.js';
import { printLine } from './print-line.js';

interface ProjectRun {
  project: CorpusProject;
  /** Null when the profile does not load; `skipReason` says why. */
  comparisons: VerdictComparison[] | null;
  skipReason: string | null;
  /** The repository the project was triaged with, or null. */
  repoDir: string | null;
}

async function runProject(project: CorpusProject, repoDir: string | null): Promise<ProjectRun> {
  const loaded = await loadCorpusProfile(project);
  if (!loaded.ok) return { project, comparisons: null, skipReason: loaded.reason, repoDir };
  const { results, problems } = await triageCorpusProject(project, loaded.profile, repoDir);
  const comparisons = [...project.expected].map(([key, expected]) =>
    compareVerdict(
      key,
      expectedVerdictFor(expected, repoDir !== null),
      results.get(key) ?? null,
      problems.get(key) ?? null,
    ),
  );
  return { project, comparisons, skipReason: null, repoDir };
}

/**
 * With the repository: genuine reports (not expected invalid) that were graded invalid or whose
 * evidence was graded fabricated or contradicted, fabricated reports caught, and whether each
 * fabricated report ranks below every genuine report of its project.
 */
function printWithRepository(runs: readonly ProjectRun[]): void {
  const withRepo = runs.filter((run) => run.repoDir !== null && run.comparisons !== null);
  if (withRepo.length === 0) return;
  printLine(`with the repository: ${withRepo.map((run) => run.project.slug).join(', ')}`);
  const wrong: string[] = [];
  const doubted: string[] = [];
  const fabricated: string[] = [];
  const caught: string[] = [];
  const rankedLow: string[] = [];
  for (const run of withRepo) {
    const comparisons = run.comparisons ?? [];
    const isFabricated = (comparison: VerdictComparison): boolean =>
      comparison.expected.disposition === 'invalid';
    const genuine = comparisons.filter((comparison) => !isFabricated(comparison));
    const lastGenuine = Math.max(...genuine.map((comparison) => comparison.got?.rank ?? 0));
    for (const comparison of comparisons) {
      const where = `${run.project.slug}/${comparison.key}`;
      const got = comparison.got;
      if (isFabricated(comparison)) {
        fabricated.push(where);
        if (got?.verdict === 'invalid') caught.push(where);
        if (got?.rank !== undefined && got.rank > lastGenuine) rankedLow.push(where);
        continue;
      }
      if (got?.verdict === 'invalid' || got?.evidenceGrade === 'fabricated') {
        wrong.push(`${where} (${got.verdict}, evidence ${got.evidenceGrade ?? 'none'})`);
      } else if (got?.evidenceGrade === 'contradicted') {
        doubted.push(`${where} (${got.verdict})`);
      }
    }
  }
  printLine(`  genuine reports graded invalid or fabricated: ${wrong.length}`);
  for (const line of wrong) printLine(`    ${line}`);
  printLine(`  genuine reports whose evidence is contradicted: ${doubted.length}`);
  for (const line of doubted) printLine(`    ${line}`);
  printLine(
    `  fabricated reports caught (invalid)      ${formatRatio(caught.length, fabricated.length)}`,
  );
  printLine(
    `  fabricated ranked below every genuine report of its project ${formatRatio(rankedLow.length, fabricated.length)}`,
  );
  for (const where of fabricated.filter((item) => !caught.includes(item)))
    printLine(`    not caught: ${where}`);
}

function printSplit(split: Split, runs: readonly ProjectRun[]): void {
  const ofSplit = runs.filter((run) => run.project.split === split);
  if (ofSplit.length === 0) return;
  const total = ofSplit.reduce((sum, run) => sum + run.project.expected.size, 0);
  const triaged = ofSplit.flatMap((run) => run.comparisons ?? []);
  const summary = summariseAccuracy(triaged);
  const label = split === 'measure' ? 'measure (held out, report this)' : 'tune';
  printLine(`${label}: ${ofSplit.map((run) => run.project.slug).join(', ')}; ${total} reports`);
  for (const run of ofSplit.filter((candidate) => candidate.comparisons === null)) {
    printLine(
      `  not triaged: ${run.project.slug} (${run.project.expected.size} reports), ${run.skipReason}`,
    );
  }
  printLine(
    `  verdicts correct   ${formatRatio(summary.verdictsCorrect, total)} of all reports; ${formatRatio(summary.verdictsCorrect, summary.reports)} of those triaged`,
  );
  printLine(`  rules correct      ${formatRatio(summary.rulesCorrect, summary.rulesChecked)}`);
  printLine(`  missing correct    ${formatRatio(summary.missingCorrect, summary.missingChecked)}`);
  printLine(
    `  severity band      ${formatRatio(summary.severityCorrect, summary.reports)} (for information)`,
  );
  for (const run of ofSplit) {
    if (run.comparisons === null) continue;
    const ofProject = summariseAccuracy(run.comparisons);
    printLine(
      `  ${run.project.slug.padEnd(18)} verdicts ${formatRatio(ofProject.verdictsCorrect, run.project.expected.size)}, rules ${formatRatio(ofProject.rulesCorrect, ofProject.rulesChecked)}${run.repoDir === null ? '' : ' (with the repository)'}`,
    );
  }
}

function printMisses(split: Split, runs: readonly ProjectRun[]): void {
  const misses = runs
    .filter((run) => run.project.split === split)
    .flatMap((run) =>
      (run.comparisons ?? [])
        .filter(
          (comparison) =>
            !comparison.isVerdictCorrect ||
            comparison.isRulesCorrect === false ||
            comparison.isMissingCorrect === false,
        )
        .map((comparison) => ({ slug: run.project.slug, comparison })),
    );
  if (!runs.some((run) => run.project.split === split)) return;
  printLine(`misses in ${split} (${misses.length}):`);
  for (const { slug, comparison } of misses) {
    printLine(`  ${slug}/${comparison.key}: ${describeMiss(comparison)}`);
    printLine(`      expected because: ${comparison.expected.reason}`);
  }
}

/**
 * Prints the accuracy section of bench:triage. `misses` chooses whose misses are listed: while
 * tuning, list only the tune split's, so the held-out reports are never read for tuning.
 * `split` triages only that split's projects (`tune` while tuning, so the held-out projects are
 * not even run until the one measured run). `projects`, when not empty, triages and prints only
 * the projects with these slugs (per-project lines and their misses), so a newly added held-out
 * project is measured without printing any other measure project's figures or misses. `repos`
 * maps project slugs to repository folders.
 */
export async function reportCorpusAccuracy(
  misses: 'all' | Split = 'all',
  split: 'all' | Split = 'all',
  projects: readonly string[] = [],
  repos: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const corpus = readCorpus();
  const unknown = projects.filter((slug) => !corpus.some((project) => project.slug === slug));
  if (unknown.length > 0) {
    throw new Error(`--project: no corpus project named ${unknown.join(', ')}`);
  }
  const unknownRepos = [...repos.keys()].filter(
    (slug) => !corpus.some((project) => project.slug === slug),
  );
  if (unknownRepos.length > 0)
    throw new Error(`--repo names no corpus project: ${unknownRepos.join(', ')}`);
  const isChosen = (project: CorpusProject): boolean =>
    (split === 'all' || project.split === split) &&
    (projects.length === 0 || projects.includes(project.slug));
  const runs: ProjectRun[] = [];
  for (const project of corpus) {
    if (isChosen(project)) runs.push(await runProject(project, repos.get(project.slug) ?? null));
  }
  printLine(
    'accuracy on test/corpus (expected verdicts decided from each project’s policy; one batch per project):',
  );
  if (split !== 'tune') printSplit('measure', runs);
  if (split !== 'measure') printSplit('tune', runs);
  printLine();
  if (misses !== 'tune' && split !== 'tune') printMisses('measure', runs);
  if (misses !== 'measure' && split !== 'measure') printMisses('tune', runs);
  if (repos.size > 0) {
    printLine();
    printWithRepository(runs);
  }
}
