// Triages one corpus project the way `thresher triage` does: every report file of the project
// in one batch through the real triage service, so later reports are matched against earlier
// ones and second finders can be recognised. With `repoDir` the project's repository is opened and
// given to triage as `thresher triage --repo DIR` does, so each report's code claims are checked
// at the version it cites. Results are keyed like expected.yml.

import { relative } from 'node:path';
import type { SecurityProfile, TriageResult } from '../../src/core/index.js';
import { createServices } from '../../src/create-services.js';
import { createDefaultConfig } from '../../src/config/load-config.js';
import type { CorpusProject } from './read-corpus.js';
import type { TriagedReport } from './score-verdicts.js';

export interface TriagedProject {
  /** Keyed by report file name (or `file.mbox#N`). */
  results: Map<string, TriagedReport>;
  /** Files (or mbox messages) that could not be read, with the reason. */
  problems: Map<string, string>;
}

export async function triageCorpusProject(
  project: CorpusProject,
  profile: SecurityProfile,
  repoDir: string | null = null,
): Promise<TriagedProject> {
  const services = createServices(createDefaultConfig());
  const repo = repoDir === null ? null : await services.openRepository(repoDir);
  const input = await services.intake.readFiles([project.reportsDir]);
  const triaged = await services.triage
    .triage({ profile, reports: input.reports, ...(repo ? { repo } : {}) })
    .finally(() => repo?.close());
  const outcome = { ...triaged, problems: [...input.problems, ...triaged.problems] };
  const keyOf = (source: string): string => relative(project.reportsDir, source);
  const results = new Map<string, TriagedReport>();
  for (const [rank, result] of outcome.queue.entries()) {
    results.set(keyOf(result.report.source), { ...toTriagedReport(result, keyOf), rank: rank + 1 });
  }
  const problems = new Map(
    outcome.problems.map((problem) => [keyOf(problem.source), problem.message] as const),
  );
  return { results, problems };
}

function toTriagedReport(result: TriageResult, keyOf: (source: string) => string): TriagedReport {
  return {
    verdict: result.verdict,
    rules: result.rules,
    missing: result.missing,
    duplicateOf: result.duplicateOf === null ? null : keyOf(result.duplicateOf),
    severity: result.severity.assessed.rating,
    evidenceGrade: result.evidence?.grade ?? null,
  };
}
