// Use case: read reports, triage each against the profile (checking their code claims against a
// repository when one is given), and return the ranked queue.

import {
  extractFacts,
  rankQueue,
  triageFacts,
  type SecurityProfile,
  type TriageResult,
} from '../core/index.js';
import { checkEvidence } from './check-evidence.js';
import type { InputProblem, RepoOpener, ReportReader } from './ports.js';

interface TriageRequest {
  profile: SecurityProfile;
  paths: readonly string[];
  /** A local git repository to check code claims against. */
  repoDir?: string;
}

export interface TriageOutcome {
  /** Highest priority first. */
  queue: TriageResult[];
  problems: InputProblem[];
}

export interface TriageService {
  triage(request: TriageRequest): Promise<TriageOutcome>;
}

export function createTriageService(dependencies: {
  reportReader: ReportReader;
  repoOpener: RepoOpener;
}): TriageService {
  return {
    async triage({ profile, paths, repoDir }) {
      const repo = repoDir === undefined ? null : await dependencies.repoOpener.open(repoDir);
      try {
        const batch = await dependencies.reportReader.readReports(paths);
        const results: TriageResult[] = [];
        for (const report of batch.reports) {
          const facts = extractFacts(report);
          const evidence = repo ? await checkEvidence(report, facts, repo) : null;
          results.push(triageFacts(report, facts, profile, { evidence }));
        }
        return { queue: rankQueue(results), problems: batch.problems };
      } finally {
        repo?.close();
      }
    },
  };
}
