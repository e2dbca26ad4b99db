// The single composition root: builds the adapters and hands them to the services.

import { createGitRepoReader } from './adapters/git/create-git-repo-reader.js';
import { readReportFiles } from './adapters/report-files/read-report-files.js';
import { createEvidenceService, type EvidenceService } from './services/check-report-evidence.js';
import type { RepoOpener, ReportReader } from './services/ports.js';
import { createTriageService, type TriageService } from './services/triage-reports.js';

export interface Services {
  triage: TriageService;
  evidence: EvidenceService;
}

export function createServices(): Services {
  const reportReader: ReportReader = { readReports: (paths) => readReportFiles([...paths]) };
  const repoOpener: RepoOpener = { open: (repoDir) => createGitRepoReader(repoDir) };
  return {
    triage: createTriageService({ reportReader, repoOpener }),
    evidence: createEvidenceService({ reportReader, repoOpener }),
  };
}
