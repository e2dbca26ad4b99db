// Trains the learned duplicate pair model (src/core/duplicates/duplicate-pair-model.ts) on the
// tune split of the measurement corpus, and only on it: every report is matched against the
// earlier reports of its project's batch, as `thresher triage` does, and each candidate pair is a
// sample, labelled a duplicate when the corpus says the two are one bug. Logistic regression with
// an L2 penalty (Newton's method, so the result is exact and reproducible: no seed), its penalty
// and threshold chosen by leave-one-project-out cross-validation on the verdicts it would change.
// Usage: npm run train:duplicates [-- --write] [-- --penalty 1 --threshold 0.8 --demote-below 0.02]
// Without --write it prints the cross-validated figures and writes nothing.

import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildReportDocument,
  createDuplicateIndex,
  deriveProfileSettingNames,
  deriveProjectNames,
  extractReportFacts,
} from '../src/core/triage.js';
import {
  describePairFeatures,
  pairFeatureNames,
} from '../src/core/duplicates/describe-pair-features.js';
import {
  combineTextSimilarity,
  isLearnedMatchAllowed,
  isRuleMatchDemotable,
  scoreDuplicateSignals,
  type DuplicateSignals,
} from '../src/core/duplicates/score-duplicate-signals.js';
import { duplicatePairModelVersion } from '../src/core/duplicates/duplicate-pair-model.js';
import { fitLogisticRegression } from '../src/core/learning/fit-logistic-regression.js';
import {
  crossValidateByGroup,
  formatWeightLines,
} from '../src/core/learning/cross-validate-by-group.js';
import { createServices } from '../src/create-services.js';
import { createDefaultConfig } from '../src/config/load-config.js';
import { sortByArrival } from '../src/services/load-duplicate-index.js';
import { loadCorpusProfile, readCorpus, type CorpusProject } from '../test/corpus/read-corpus.js';

const { values } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    penalty: { type: 'string' },
    threshold: { type: 'string' },
    'demote-below': { type: 'string' },
  },
});

/** One earlier report a report was matched against. */
interface PairSample {
  features: number[];
  isSameBug: boolean;
  /** The rules' own answer for the pair, and their veto. */
  isRuleStrong: boolean;
  isVetoed: boolean;
  /** The rules' strong match may be demoted when the model doubts it. */
  isDemotable: boolean;
}

/** One report and its candidates, in the index's order. */
interface QuerySample {
  project: string;
  key: string;
  isDuplicate: boolean;
  pairs: PairSample[];
}

const candidateLimit = 5;

/** The report a duplicate's chain of `duplicate-of` ends at (its cluster's first report). */
function findOriginal(project: CorpusProject, key: string): string {
  let at = key;
  for (let step = 0; step < 20; step += 1) {
    const next = project.expected.get(at)?.duplicateOf;
    if (next === undefined) return at;
    at = next;
  }
  return at;
}

async function collectProject(project: CorpusProject): Promise<QuerySample[]> {
  const loaded = await loadCorpusProfile(project);
  if (!loaded.ok) return [];
  const profile = loaded.profile;
  const services = createServices(createDefaultConfig());
  const input = await services.intake.readFiles([project.reportsDir]);
  const projectName = profile.project.name;
  const projectNames = deriveProjectNames(profile.project);
  const profileSettings = deriveProfileSettingNames(profile);
  const index = createDuplicateIndex();
  const keyOf = (source: string): string => relative(project.reportsDir, source);
  const samples: QuerySample[] = [];
  for (const report of sortByArrival(input.reports)) {
    const { facts } = extractReportFacts(report, { projectNames, profileSettings });
    const document = buildReportDocument(report, facts, projectName);
    // Every candidate of the pool, ranked by the rules' own score: the shipped model must not
    // choose its own training pairs.
    const signalsById = new Map<string, DuplicateSignals>();
    index.query(document, {
      limit: 1,
      onSignals: (id, signals) => signalsById.set(id, signals),
    });
    index.add(document);
    const candidates = [...signalsById]
      .map(([id, signals]) => ({
        id,
        signals,
        ...scoreDuplicateSignals(signals, { withPairModel: false }),
      }))
      .sort((first, second) => second.score - first.score || (first.id < second.id ? -1 : 1))
      .slice(0, candidateLimit);
    const key = keyOf(report.source);
    const expected = project.expected.get(key);
    if (expected === undefined) continue;
    const isDuplicate = expected.disposition === 'duplicate';
    const original = isDuplicate ? findOriginal(project, key) : null;
    samples.push({
      project: project.slug,
      key,
      isDuplicate,
      pairs: candidates.map(({ id, signals, isStrong }) => {
        const text = combineTextSimilarity(signals.textByQuery, signals.textByDocument);
        return {
          features: describePairFeatures(signals, text),
          isSameBug: original !== null && findOriginal(project, keyOf(id)) === original,
          isRuleStrong: isStrong,
          isVetoed: !isLearnedMatchAllowed(signals),
          isDemotable: isRuleMatchDemotable(signals),
        };
      }),
    });
  }
  return samples;
}

interface Outcome {
  correctDuplicates: number;
  wrongOriginal: number;
  falseDuplicates: number;
}

/** What the verdicts would be: the rules' strong top candidate, else the model's best pair. */
function decide(
  queries: readonly QuerySample[],
  probabilityOf: (query: QuerySample, pair: PairSample) => number,
  threshold: number,
  withRules = true,
  demoteBelow = 0,
): Outcome {
  const outcome: Outcome = { correctDuplicates: 0, wrongOriginal: 0, falseDuplicates: 0 };
  for (const query of queries) {
    const top = query.pairs[0];
    let chosen: PairSample | undefined =
      withRules &&
      top?.isRuleStrong === true &&
      !(top.isDemotable && probabilityOf(query, top) < demoteBelow)
        ? top
        : undefined;
    if (chosen === undefined) {
      let best = threshold;
      for (const pair of query.pairs) {
        if (pair.isVetoed) continue;
        const p = probabilityOf(query, pair);
        if (p >= best) {
          best = p;
          chosen = pair;
        }
      }
    }
    if (chosen === undefined) continue;
    if (!query.isDuplicate) outcome.falseDuplicates += 1;
    else if (chosen.isSameBug) outcome.correctDuplicates += 1;
    else outcome.wrongOriginal += 1;
  }
  return outcome;
}

const tune = readCorpus().filter((project) => project.split === 'tune');
const queries = (await Promise.all(tune.map(collectProject))).flat();
const pairs = queries.flatMap((query) => query.pairs);
const duplicates = queries.filter((query) => query.isDuplicate).length;
console.log(
  `tune: ${tune.length} projects, ${queries.length} reports (${duplicates} duplicates), ${pairs.length} candidate pairs (${pairs.filter((pair) => pair.isSameBug).length} of one bug)`,
);
const rulesOnly = decide(queries, () => 0, 2);
console.log(
  `rules alone: ${rulesOnly.correctDuplicates}/${duplicates} duplicates right, ${rulesOnly.wrongOriginal} with the wrong original, ${rulesOnly.falseDuplicates} false duplicates`,
);

/** Leave-one-project-out probabilities for every pair. */
function crossValidate(penalty: number): Map<PairSample, number> {
  const grouped = queries.map((query) => [query.project, query.pairs] as const);
  const projects = tune.map((project) => project.slug);
  return crossValidateByGroup(projects, grouped, grouped, (pair) => pair.isSameBug, penalty);
}

const penalties =
  values.penalty !== undefined ? [Number(values.penalty)] : [0.03, 0.1, 0.3, 1, 3, 10];
const thresholds =
  values.threshold !== undefined ? [Number(values.threshold)] : [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const demotionFloors =
  values['demote-below'] !== undefined ? [Number(values['demote-below'])] : [0, 0.02, 0.05, 0.1];

/** Verdicts gained over the rules alone: duplicates found, less false ones and wrong originals. */
function netOf(outcome: Outcome, baseline: Outcome): number {
  return (
    outcome.correctDuplicates -
    baseline.correctDuplicates -
    (outcome.falseDuplicates - baseline.falseDuplicates) -
    (outcome.wrongOriginal - baseline.wrongOriginal)
  );
}

function describeOutcome(outcome: Outcome): string {
  return `${outcome.correctDuplicates}/${duplicates} duplicates right, ${outcome.wrongOriginal} wrong original, ${outcome.falseDuplicates} false duplicates`;
}

// The choice: the most verdicts gained over the rules alone; between equals, the fewer false
// duplicates (a real bug set aside as another's costs a maintainer more than a second finder
// missed), then the model that does best alone (a project whose second finders the rules miss
// leans on it more), then the lower demotion floor.
interface Choice {
  penalty: number;
  threshold: number;
  demoteBelow: number;
  net: number;
  falseDuplicates: number;
  alone: number;
}
let best: Choice | null = null;
const isBetter = (choice: Choice, than: Choice | null): boolean => {
  if (than === null) return true;
  const order: Array<[number, number]> = [
    [choice.net, than.net],
    [than.falseDuplicates, choice.falseDuplicates],
    [choice.alone, than.alone],
    [than.demoteBelow, choice.demoteBelow],
  ];
  for (const [ours, theirs] of order) if (ours !== theirs) return ours > theirs;
  return false;
};
console.log(
  'leave-one-project-out (the rules, with their strong match demoted below the floor, then the model where they find none):',
);
for (const penalty of penalties) {
  const probabilities = crossValidate(penalty);
  const probabilityOf = (_: QuerySample, pair: PairSample): number => probabilities.get(pair)!;
  for (const threshold of thresholds) {
    const alone = decide(queries, probabilityOf, threshold, false);
    const aloneNet = alone.correctDuplicates - alone.falseDuplicates - alone.wrongOriginal;
    console.log(
      `  penalty ${penalty} threshold ${threshold}: the model alone ${describeOutcome(alone)}`,
    );
    for (const demoteBelow of demotionFloors) {
      const outcome = decide(queries, probabilityOf, threshold, true, demoteBelow);
      const net = netOf(outcome, rulesOnly);
      console.log(
        `    demoted below ${demoteBelow}: ${describeOutcome(outcome)}; net ${net >= 0 ? '+' : ''}${net}`,
      );
      const choice = {
        penalty,
        threshold,
        demoteBelow,
        net,
        falseDuplicates: outcome.falseDuplicates,
        alone: aloneNet,
      };
      if (isBetter(choice, best)) best = choice;
    }
  }
}
const chosen = best!;
console.log(
  `chosen: penalty ${chosen.penalty}, threshold ${chosen.threshold}, demoted below ${chosen.demoteBelow} (net ${chosen.net} verdicts on tune, cross-validated)`,
);

if (values.write) {
  const rows = pairs.map((pair) => pair.features);
  const labels = pairs.map((pair) => (pair.isSameBug ? 1 : 0));
  const weights = fitLogisticRegression(rows, labels, chosen.penalty);
  const target = resolve(import.meta.dirname, '../src/core/duplicates/duplicate-pair-weights.ts');
  const lines = [
    '// Generated by `npm run train:duplicates -- --write` (scripts/train-duplicate-pair-model.ts) from',
    `// the corpus tune split: ${tune.length} projects, ${queries.length} reports, ${pairs.length} candidate pairs. Do not edit by hand.`,
    '',
    'export const duplicatePairWeights = {',
    `  version: ${duplicatePairModelVersion},`,
    `  threshold: ${chosen.threshold},`,
    `  demoteBelow: ${chosen.demoteBelow},`,
    ...formatWeightLines(pairFeatureNames, weights),
    '} as const;',
    '',
  ];
  writeFileSync(target, lines.join('\n'));
  console.log(`wrote ${relative(process.cwd(), target)}`);
}
