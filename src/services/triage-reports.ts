// Use case: read reports, triage each against the profile, and return the ranked queue.

import { rankQueue, triageReport, type SecurityProfile, type TriageResult } from '../core/index.js';
import type { InputProblem, ReportReader } from './ports.js';

interface TriageRequest {
  profile: SecurityProfile;
  paths: readonly string[];
}

export interface TriageOutcome {
  /** Highest priority first. */
  queue: TriageResult[];
  problems: InputProblem[];
}

export interface TriageService {
  triage(request: TriageRequest): Promise<TriageOutcome>;
}

export function createTriageService(dependencies: { reportReader: ReportReader }): TriageService {
  return {
    async triage({ profile, paths }) {
      const batch = await dependencies.reportReader.readReports(paths);
      const results = batch.reports.map((report) => triageReport(report, profile));
      return { queue: rankQueue(results), problems: batch.problems };
    },
  };
}
