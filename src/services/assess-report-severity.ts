// Use case: `thresher severity`: read reports, predict each one's CVSS base metrics from its text
// with the severity model, and set the prediction beside the reporter's claim.

import {
  combineSeverity,
  extractFacts,
  findClaimedSeverity,
  predictSeverity,
  type ClaimedSeverity,
  type CombinedSeverity,
  type Fact,
  type Report,
  type SeverityPrediction,
} from '../core/index.js';
import { isolateReportFailure } from './isolate-report-failure.js';
import type { InputProblem, ReportReader, SeverityModelSource } from './ports.js';

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
  assess(request: { paths: readonly string[] }): Promise<SeverityOutcome>;
}

/**
 * The body with every CVSS vector blanked out (same length, so spans still point into the body):
 * the prediction reads what the report describes, not the reporter's own vector.
 */
function blankVectors(body: string, facts: readonly Fact[]): string {
  let text = body;
  for (const fact of facts) {
    if (fact.kind !== 'cvss-vector') continue;
    const { start, end } = fact.span;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  return text;
}

/** Predicts and combines for one report. */
function assessReportSeverity(
  report: Report,
  model: Parameters<typeof predictSeverity>[0],
): Omit<ReportSeverity, 'report'> {
  const facts = extractFacts(report);
  const claimed = findClaimedSeverity(facts);
  const predicted = predictSeverity(model, blankVectors(report.body, facts));
  const assessed = combineSeverity({
    claimedVector: claimed?.source === 'cvss' ? claimed.vector : null,
    prediction: predicted,
    facts,
  });
  return { claimed, assessed, predicted };
}

export function createSeverityService(dependencies: {
  reportReader: ReportReader;
  modelSource: SeverityModelSource;
}): SeverityService {
  return {
    async assess({ paths }) {
      const model = await dependencies.modelSource.load();
      const batch = await dependencies.reportReader.readReports(paths);
      const results: ReportSeverity[] = [];
      const problems = [...batch.problems];
      for (const report of batch.reports) {
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
