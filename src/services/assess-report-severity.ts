// Use case: `thresher severity`: predict each report's CVSS base metrics from its text with the
// severity model, and set the prediction beside the reporter's claim. Takes reports, never paths.

import {
  blankCvssVectors,
  combineSeverity,
  extractFacts,
  findClaimedSeverity,
  predictSeverity,
  type ClaimedSeverity,
  type CombinedSeverity,
  type Report,
  type SeverityPrediction,
} from '../core/index.js';
import { isolateReportFailure } from './isolate-report-failure.js';
import type { InputProblem, SeverityModelSource } from './ports.js';

export interface ReportSeverity {
  report: Report;
  claimed: ClaimedSeverity | null;
  assessed: CombinedSeverity;
  predicted: SeverityPrediction;
}

export interface SeverityOutcome {
  results: ReportSeverity[];
  problems: InputProblem[];
}

export interface SeverityService {
  assess(request: { reports: readonly Report[] }): Promise<SeverityOutcome>;
}

/** Predicts and combines for one report. */
function assessReportSeverity(
  report: Report,
  model: Parameters<typeof predictSeverity>[0],
): Omit<ReportSeverity, 'report'> {
  const facts = extractFacts(report);
  const claimed = findClaimedSeverity(facts);
  const predicted = predictSeverity(model, blankCvssVectors(report.body, facts));
  const assessed = combineSeverity({
    claimedVector: claimed?.source === 'cvss' ? claimed.vector : null,
    prediction: predicted,
    facts,
  });
  return { claimed, assessed, predicted };
}

export function createSeverityService(dependencies: {
  modelSource: SeverityModelSource;
}): SeverityService {
  return {
    async assess({ reports }) {
      const model = await dependencies.modelSource.load();
      const results: ReportSeverity[] = [];
      const problems: InputProblem[] = [];
      for (const report of reports) {
        const assessment = await isolateReportFailure(
          report.source,
          'the severity assessment',
          () => Promise.resolve(assessReportSeverity(report, model)),
          problems,
        );
        if (assessment) results.push({ report, ...assessment });
      }
      return { results, problems };
    },
  };
}
