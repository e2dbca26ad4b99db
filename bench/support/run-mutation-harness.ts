// Runs the evidence mutation harness over the projects given as `name=DIR` and prints the
// invented-name recall and the true-name contradiction rate per split (tune / measure).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createGitRepoReader } from '../../src/adapters/git/create-git-repo-reader.js';
import { scoreProject, type ProjectScore } from './mutate-evidence.js';

const corpusDir = 'test/corpus';
const advisoryDir = 'bench/data/evidence-advisories';

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function printTotals(label: string, scores: readonly ProjectScore[]): void {
  const sum = (pick: (score: ProjectScore) => number): number =>
    scores.reduce((total, score) => total + pick(score), 0);
  const trueNames = sum((score) => score.trueNames);
  const contradicted = sum((score) => score.trueContradicted.length);
  const invented = sum((score) => score.invented);
  const caught = sum((score) => score.inventedCaught);
  const mutated = sum((score) => score.mutatedReports);
  const fabricated = sum((score) => score.mutatedFabricated);
  const typos = sum((score) => score.typoReports);
  const typoFabricated = sum((score) => score.typoFabricated.length);
  const originals = sum((score) => score.originalFabricated.length);
  const designed = sum((score) => score.fabricatedReports);
  const designedCaught = sum((score) => score.fabricatedCaught);
  console.log(`${label} (${scores.map((score) => score.project).join(', ')}):`);
  console.log(`  reports: ${sum((score) => score.reports)}, true names: ${trueNames}`);
  console.log(
    `  invented-name recall: ${caught} of ${invented} caught = ${percent(caught, invented)} (target >= 95%)`,
  );
  console.log(
    `  true names contradicted: ${contradicted} of ${trueNames} = ${percent(contradicted, trueNames)} (target <= 2%)`,
  );
  console.log(
    `  reports with every true name replaced graded fabricated: ${fabricated} of ${mutated} = ${percent(fabricated, mutated)}`,
  );
  console.log(
    `  reports with one function-name typo graded fabricated: ${typoFabricated} of ${typos} (target 0)`,
  );
  console.log(`  genuine reports graded fabricated: ${originals} (target 0)`);
  console.log(
    `  the corpus's fabricated reports graded fabricated: ${designedCaught} of ${designed}`,
  );
}

function printDetails(score: ProjectScore): void {
  for (const line of score.trueContradicted) console.log(`    true name contradicted: ${line}`);
  for (const line of score.inventedMissed) console.log(`    invented name missed: ${line}`);
  for (const line of score.typoFabricated) console.log(`    typo graded fabricated: ${line}`);
  for (const line of score.originalFabricated)
    console.log(`    genuine graded fabricated: ${line}`);
}

export async function runMutationHarness(repoArguments: readonly string[]): Promise<void> {
  if (repoArguments.length === 0) {
    console.log('give at least one --repo PROJECT=DIR (a git clone of a test/corpus project)');
    process.exitCode = 2;
    return;
  }
  const split = parse(readFileSync(join(corpusDir, 'split.yml'), 'utf8')) as {
    tune: string[];
    measure: string[];
  };
  const scores: ProjectScore[] = [];
  for (const argument of repoArguments) {
    const [project, repoDir] = argument.split('=', 2) as [string, string | undefined];
    if (repoDir === undefined) throw new Error(`--repo takes PROJECT=DIR, not ${argument}`);
    const reportDirs = [join(corpusDir, project, 'reports'), join(advisoryDir, project)].filter(
      (dir) => existsSync(dir),
    );
    const expectedPath = join(corpusDir, project, 'expected.yml');
    const expected = existsSync(expectedPath)
      ? (parse(readFileSync(expectedPath, 'utf8')) as {
          reports: Record<string, { reason?: string; 'with-repo'?: { disposition?: string } }>;
        })
      : { reports: {} };
    const fabricated = new Set(
      Object.entries(expected.reports)
        .filter(
          ([, entry]) =>
            entry['with-repo']?.disposition === 'invalid' ||
            /would be invalid/.test(entry.reason ?? ''),
        )
        .map(([name]) => name),
    );
    const repo = await createGitRepoReader(repoDir, process.env);
    try {
      console.log(`${project} (${repoDir}):`);
      const score = await scoreProject({
        project,
        repoDir,
        repo,
        reportDirs,
        fabricated,
        onReport: (line) => console.log(line),
      });
      printDetails(score);
      scores.push(score);
    } finally {
      repo.close();
    }
  }
  for (const half of ['tune', 'measure'] as const) {
    const chosen = scores.filter((score) => split[half].includes(score.project));
    if (chosen.length > 0) printTotals(half, chosen);
  }
}
