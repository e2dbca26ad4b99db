// Use case: `thresher evidence`: read reports and check each one's code claims against a repository.

import { extractFacts, type EvidenceSummary, type Report } from '../core/index.js';
import { checkEvidence } from './check-evidence.js';
import { isolateReportFailure } from './isolate-report-failure.js';
import type { InputProblem, RepoOpener, ReportReader } from './ports.js';

interface ReportEvidence {
  report: Report;
  evidence: EvidenceSummary;
}

export interface EvidenceOutcome {
  results: ReportEvidence[];
  problems: InputProblem[];
}

export interface EvidenceService {
  check(request: { repoDir: string; paths: readonly string[] }): Promise<EvidenceOutcome>;
}

export function createEvidenceService(dependencies: {
  reportReader: ReportReader;
  repoOpener: RepoOpener;
}): EvidenceService {
  return {
    async check({ repoDir, paths }) {
      const repo = await dependencies.repoOpener.open(repoDir);
      try {
        const batch = await dependencies.reportReader.readReports(paths);
        const results: ReportEvidence[] = [];
        const problems = [...batch.problems];
        for (const report of batch.reports) {
          const evidence = await isolateReportFailure(
            report.source,
            'the code evidence check',
            () => checkEvidence(report, extractFacts(report), repo),
            problems,
          );
          if (evidence) results.push({ report, evidence });
        }
        return { results, problems };
      } finally {
        repo.close();
      }
    },
  };
}
