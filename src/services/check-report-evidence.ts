// Use case: `thresher evidence`: check each report's code claims against an open repository.
// Takes reports and a repository reader, never paths.

import { extractFacts, type EvidenceSummary, type Report } from '../core/index.js';
import { checkEvidence } from './check-evidence.js';
import { isolateReportFailure } from './isolate-report-failure.js';
import type { InputProblem, RepoReader } from './ports.js';

interface ReportEvidence {
  report: Report;
  evidence: EvidenceSummary;
}

export interface EvidenceOutcome {
  results: ReportEvidence[];
  /** Reports whose check failed (the rest of the batch went on). */
  problems: InputProblem[];
}

export interface EvidenceService {
  check(request: { repo: RepoReader; reports: readonly Report[] }): Promise<EvidenceOutcome>;
}

export function createEvidenceService(): EvidenceService {
  return {
    async check({ repo, reports }) {
      const results: ReportEvidence[] = [];
      const problems: InputProblem[] = [];
      for (const report of reports) {
        const evidence = await isolateReportFailure(
          report.source,
          'the code evidence check',
          () => checkEvidence(report, extractFacts(report), repo),
          problems,
        );
        if (evidence) results.push({ report, evidence });
      }
      return { results, problems };
    },
  };
}
