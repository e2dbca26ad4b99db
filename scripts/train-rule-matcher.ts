// Trains the learned rule matcher (src/core/scope/rule-matcher-model.ts) on the tune split of the
// measurement corpus, and only on it: every tune project is triaged as `thresher triage` does but
// with the rule engine alone, and every report whose expected verdict cites rules is paired with
// every rule of its profile (a positive pair: a rule the verdict cites). Logistic regression with
// an L2 penalty (Newton's method: exact and reproducible, no seed); its penalty and thresholds are
// chosen by leave-one-project-out (LOPO) cross-validation on the verdicts the matcher would change:
// the most verdicts gained net, then the fewest broken, then the higher thresholds.
// Usage: npm run train:rules [-- --write] [-- --penalty 1 --threshold 0.8 --needs-info 0.95]
//        [-- --cache FILE] (reuse the samples a run wrote to FILE; written when absent)
// Without --write it prints the cross-validated figures and writes nothing.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../src/create-services.js';
import { createDefaultConfig } from '../src/config/load-config.js';
import {
  describeRuleFeatures,
  ruleFeatureNames,
} from '../src/core/scope/describe-rule-features.js';
import { ruleMatcherModelVersion } from '../src/core/scope/rule-matcher-model.js';
import { fitLogisticRegression } from '../src/core/learning/fit-logistic-regression.js';
import {
  crossValidateByGroup,
  formatWeightLines,
} from '../src/core/learning/cross-validate-by-group.js';
import { loadCorpusProfile, readCorpus, type CorpusProject } from '../test/corpus/read-corpus.js';
import { compareVerdict, type TriagedReport } from '../test/corpus/score-verdicts.js';
import type { ExpectedVerdict } from '../test/corpus/read-corpus.js';

const { values } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    penalty: { type: 'string' },
    threshold: { type: 'string' },
    'needs-info': { type: 'string' },
    cache: { type: 'string' },
  },
});

interface RuleSample {
  ruleId: string;
  side: 'in-scope' | 'out-of-scope';
  features: number[];
  isExpected: boolean;
}

interface ReportSample {
  project: string;
  key: string;
  expected: ExpectedVerdict;
  /** What the rule engine alone concluded. */
  engine: TriagedReport;
  rules: RuleSample[];
}

async function collectProject(project: CorpusProject): Promise<ReportSample[]> {
  const loaded = await loadCorpusProfile(project);
  if (!loaded.ok) return [];
  const profile = loaded.profile;
  const services = createServices(createDefaultConfig());
  const input = await services.intake.readFiles([project.reportsDir]);
  const { queue } = await services.triage.triage({
    profile,
    reports: input.reports,
    withRuleMatcher: false,
  });
  const keyOf = (source: string): string => relative(project.reportsDir, source);
  const samples: ReportSample[] = [];
  for (const result of queue) {
    const key = keyOf(result.report.source);
    const expected = project.expected.get(key);
    if (expected === undefined) continue;
    const wanted = new Set(expected.rules ?? []);
    samples.push({
      project: project.slug,
      key,
      expected,
      engine: {
        verdict: result.verdict,
        rules: result.rules,
        missing: result.missing,
        duplicateOf: result.duplicateOf === null ? null : keyOf(result.duplicateOf),
        severity: result.severity.assessed.rating,
      },
      rules: describeRuleFeatures(profile, {
        report: result.report,
        facts: result.facts,
        ruleMatches: result.ruleMatches,
        versionSupport: result.versionSupport,
      }).map(({ rule, side, values: features }) => ({
        ruleId: rule.id,
        side,
        features,
        isExpected: wanted.has(rule.id),
      })),
    });
  }
  return samples;
}

const tune = readCorpus().filter((project) => project.split === 'tune');
let reports: ReportSample[];
if (values.cache !== undefined && existsSync(values.cache)) {
  reports = JSON.parse(readFileSync(values.cache, 'utf8')) as ReportSample[];
} else {
  reports = [];
  for (const project of tune) reports.push(...(await collectProject(project)));
  if (values.cache !== undefined) writeFileSync(values.cache, JSON.stringify(reports));
}
const withRules = reports.filter((report) => (report.expected.rules ?? []).length > 0);
const trainingPairs = withRules.flatMap((report) => report.rules);
const undetermined = reports.filter((report) => report.engine.verdict === 'undetermined');
const needsInfo = reports.filter((report) => report.engine.verdict === 'needs-info');
console.log(
  `tune: ${tune.length} projects, ${reports.length} reports, ${withRules.length} citing rules, ${trainingPairs.length} (report, rule) pairs (${trainingPairs.filter((pair) => pair.isExpected).length} positive); the engine alone: ${undetermined.length} undetermined, ${needsInfo.length} needs-info`,
);

/** Leave-one-project-out probabilities for every rule of every report. */
function crossValidate(penalty: number): Map<RuleSample, number> {
  return crossValidateByGroup(
    tune.map((project) => project.slug),
    withRules.map((report) => [report.project, report.rules] as const),
    reports.map((report) => [report.project, report.rules] as const),
    (rule) => rule.isExpected,
    penalty,
  );
}

interface Outcome {
  gained: number;
  broken: number;
  rulesGained: number;
  rulesBroken: number;
  acted: number;
}

/** The verdicts the matcher changes: undetermined above `threshold`, needs-info above `needsInfo`. */
function simulate(
  probabilityOf: (rule: RuleSample) => number,
  threshold: number,
  needsInfoThreshold: number | null,
): Outcome {
  const outcome: Outcome = { gained: 0, broken: 0, rulesGained: 0, rulesBroken: 0, acted: 0 };
  for (const report of reports) {
    const best = bestRule(report, probabilityOf);
    if (best === undefined) continue;
    const p = probabilityOf(best);
    const acts =
      report.engine.verdict === 'undetermined'
        ? p >= threshold
        : report.engine.verdict === 'needs-info' &&
          needsInfoThreshold !== null &&
          best.side === 'out-of-scope' &&
          p >= needsInfoThreshold;
    if (!acts) continue;
    outcome.acted += 1;
    const before = compareVerdict(report.key, report.expected, report.engine);
    const after = compareVerdict(report.key, report.expected, {
      ...report.engine,
      verdict: best.side,
      rules: [best.ruleId],
    });
    if (after.isVerdictCorrect && !before.isVerdictCorrect) outcome.gained += 1;
    if (!after.isVerdictCorrect && before.isVerdictCorrect) outcome.broken += 1;
    if (after.isRulesCorrect === true && before.isRulesCorrect !== true) outcome.rulesGained += 1;
    if (after.isRulesCorrect !== true && before.isRulesCorrect === true) outcome.rulesBroken += 1;
  }
  return outcome;
}

function bestRule(
  report: ReportSample,
  probabilityOf: (rule: RuleSample) => number,
): RuleSample | undefined {
  let best: RuleSample | undefined;
  for (const rule of report.rules) {
    if (
      best === undefined ||
      probabilityOf(rule) > probabilityOf(best) ||
      (probabilityOf(rule) === probabilityOf(best) && rule.ruleId < best.ruleId)
    )
      best = rule;
  }
  return best;
}

const penalties = values.penalty !== undefined ? [Number(values.penalty)] : [0.1, 0.3, 1, 3, 10];
const thresholds =
  values.threshold !== undefined ? [Number(values.threshold)] : [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const needsInfoThresholds: Array<number | null> =
  values['needs-info'] !== undefined
    ? [values['needs-info'] === 'off' ? null : Number(values['needs-info'])]
    : [null, 0.8, 0.9, 0.95];

interface Choice {
  penalty: number;
  threshold: number;
  needsInfoThreshold: number | null;
  net: number;
  broken: number;
}
// The choice: the most verdicts gained net of those broken; between equals the fewest broken,
// then the matcher that acts on needs-info verdicts least (off, then the higher threshold), then
// the higher threshold, then the lower penalty.
const isBetter = (choice: Choice, than: Choice | null): boolean => {
  if (than === null) return true;
  const order: Array<[number, number]> = [
    [choice.net, than.net],
    [than.broken, choice.broken],
    [choice.needsInfoThreshold ?? 2, than.needsInfoThreshold ?? 2],
    [choice.threshold, than.threshold],
    [than.penalty, choice.penalty],
  ];
  for (const [ours, theirs] of order) if (ours !== theirs) return ours > theirs;
  return false;
};
let best: Choice | null = null;
const describe = (outcome: Outcome): string =>
  `acts on ${outcome.acted}, verdicts +${outcome.gained} -${outcome.broken}, rules +${outcome.rulesGained} -${outcome.rulesBroken}`;
console.log('leave-one-project-out:');
for (const penalty of penalties) {
  const probabilities = crossValidate(penalty);
  const probabilityOf = (rule: RuleSample): number => probabilities.get(rule)!;
  const topRight = withRules.filter((report) => bestRule(report, probabilityOf)?.isExpected).length;
  // Where the engine holds none of the expected rules the matcher cannot copy it: the figure
  // that says how well the words alone generalise.
  const unheld = withRules.filter(
    (report) => !report.expected.rules!.some((id) => report.engine.rules.includes(id)),
  );
  const unheldRight = unheld.filter((report) => bestRule(report, probabilityOf)?.isExpected).length;
  console.log(
    `  penalty ${penalty}: top-1 rule right on ${topRight}/${withRules.length} tune reports citing rules (${((100 * topRight) / withRules.length).toFixed(1)}%); on ${unheldRight}/${unheld.length} of those whose expected rules the engine does not cite`,
  );
  for (const threshold of thresholds) {
    const confident = withRules.filter(
      (report) => probabilityOf(bestRule(report, probabilityOf)!) >= threshold,
    );
    const right = confident.filter((report) => bestRule(report, probabilityOf)?.isExpected).length;
    const precision =
      confident.length === 0 ? '-' : `${((100 * right) / confident.length).toFixed(1)}%`;
    console.log(
      `    threshold ${threshold}: precision ${right}/${confident.length} (${precision}) of the reports citing rules whose best rule reaches it`,
    );
    for (const needsInfoThreshold of needsInfoThresholds) {
      const outcome = simulate(probabilityOf, threshold, needsInfoThreshold);
      const net = outcome.gained - outcome.broken;
      console.log(
        `      needs-info ${needsInfoThreshold ?? 'off'}: ${describe(outcome)}; net ${net >= 0 ? '+' : ''}${net}`,
      );
      const choice = { penalty, threshold, needsInfoThreshold, net, broken: outcome.broken };
      if (isBetter(choice, best)) best = choice;
    }
  }
}
const chosen = best!;
console.log(
  `chosen: penalty ${chosen.penalty}, threshold ${chosen.threshold}, needs-info ${chosen.needsInfoThreshold ?? 'off'} (net ${chosen.net} verdicts on tune, cross-validated, ${chosen.broken} broken)`,
);

if (values.write) {
  const rows = trainingPairs.map((pair) => pair.features);
  const labels = trainingPairs.map((pair) => (pair.isExpected ? 1 : 0));
  const weights = fitLogisticRegression(rows, labels, chosen.penalty);
  const target = resolve(import.meta.dirname, '../src/core/scope/rule-matcher-weights.ts');
  const lines = [
    '// Generated by `npm run train:rules -- --write` (scripts/train-rule-matcher.ts) from the corpus',
    `// tune split: ${tune.length} projects, ${withRules.length} reports citing rules, ${trainingPairs.length} (report, rule) pairs. Do not edit by hand.`,
    '',
    "import type { RuleMatcherWeights } from './rule-matcher-model.js';",
    '',
    'export const ruleMatcherWeights: RuleMatcherWeights = {',
    `  version: ${ruleMatcherModelVersion},`,
    `  threshold: ${chosen.threshold},`,
    `  needsInfoThreshold: ${chosen.needsInfoThreshold ?? 'null'},`,
    ...formatWeightLines(ruleFeatureNames, weights),
    '};',
    '',
  ];
  writeFileSync(target, lines.join('\n'));
  console.log(`wrote ${relative(process.cwd(), target)}`);
}
