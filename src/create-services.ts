// The single composition root: builds the adapters and hands them to the services.

import { readAdvisoryCorpus } from './adapters/advisories/read-advisory-corpus.js';
import { createFileDuplicateStore } from './adapters/duplicates/create-file-duplicate-store.js';
import {
  createGitRepoReader,
  type ProcessEnvironment,
} from './adapters/git/create-git-repo-reader.js';
import { readReportFiles } from './adapters/report-files/read-report-files.js';
import { createNpmRegistryOpener } from './adapters/registry/create-npm-registry.js';
import { popularPackageSource } from './adapters/registry/load-popular-packages.js';
import { createDependencyService, type DependencyService } from './services/check-dependencies.js';
import { createEvidenceService, type EvidenceService } from './services/check-report-evidence.js';
import { createDuplicatesService, type DuplicatesService } from './services/find-duplicates.js';
import type { AdvisoryReader, RepoOpener, ReportReader } from './services/ports.js';
import { createTriageService, type TriageService } from './services/triage-reports.js';

export interface Services {
  triage: TriageService;
  evidence: EvidenceService;
  duplicates: DuplicatesService;
  dependencies: DependencyService;
}

/** `environment` is the process environment, read only by the entry point that calls this. */
export function createServices(environment: ProcessEnvironment): Services {
  const reportReader: ReportReader = { readReports: readReportFiles };
  const advisoryReader: AdvisoryReader = { readAdvisoryCorpus };
  const repoOpener: RepoOpener = { open: (repoDir) => createGitRepoReader(repoDir, environment) };
  const openDuplicateStore = createFileDuplicateStore;
  return {
    triage: createTriageService({ reportReader, advisoryReader, repoOpener, openDuplicateStore }),
    evidence: createEvidenceService({ reportReader, repoOpener }),
    duplicates: createDuplicatesService({ reportReader, advisoryReader, openDuplicateStore }),
    dependencies: createDependencyService({
      registryOpener: createNpmRegistryOpener(environment),
      popularPackageSource,
      advisoryReader,
      clock: { now: () => new Date() },
    }),
  };
}
