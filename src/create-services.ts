// The single composition root: builds the adapters and hands them to the services.

import { createRequire } from 'node:module';
import { readAdvisoryCorpus } from './adapters/advisories/read-advisory-corpus.js';
import { createFileDuplicateStore } from './adapters/duplicates/create-file-duplicate-store.js';
import {
  createGitRepoReader,
  type ProcessEnvironment,
} from './adapters/git/create-git-repo-reader.js';
import { directoryOpener } from './adapters/files/create-directory-access.js';
import { readReportFiles } from './adapters/report-files/read-report-files.js';
import { createSeverityModelSource } from './adapters/severity-model/load-severity-model.js';
import {
  createStandardValidator,
  createWeaknessCatalog,
} from './adapters/standards/create-standard-validator.js';
import { createAdvisoryService, type AdvisoryService } from './services/manage-advisories.js';
import { parseSecurityProfile } from './config/parse-security-profile.js';
import { createAuditService, type AuditService } from './services/audit-repository.js';
import { createInitService, type InitService } from './services/init-readiness.js';
import { createNpmRegistryOpener } from './adapters/registry/create-npm-registry.js';
import { popularPackageSource } from './adapters/registry/load-popular-packages.js';
import { createDependencyService, type DependencyService } from './services/check-dependencies.js';
import { createEvidenceService, type EvidenceService } from './services/check-report-evidence.js';
import { createDuplicatesService, type DuplicatesService } from './services/find-duplicates.js';
import type { AdvisoryReader, RepoOpener, ReportReader } from './services/ports.js';
import { createTriageService, type TriageService } from './services/triage-reports.js';
import { createSeverityService, type SeverityService } from './services/assess-report-severity.js';

export interface Services {
  triage: TriageService;
  evidence: EvidenceService;
  duplicates: DuplicatesService;
  advisories: AdvisoryService;
  audit: AuditService;
  init: InitService;
  dependencies: DependencyService;
  severity: SeverityService;
}

function readPackageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

/** `environment` is the process environment, read only by the entry point that calls this. */
export function createServices(environment: ProcessEnvironment): Services {
  const reportReader: ReportReader = { readReports: readReportFiles };
  const advisoryReader: AdvisoryReader = { readAdvisoryCorpus };
  const repoOpener: RepoOpener = { open: (repoDir) => createGitRepoReader(repoDir, environment) };
  const openDuplicateStore = createFileDuplicateStore;
  const dependencies = createDependencyService({
    registryOpener: createNpmRegistryOpener(environment),
    popularPackageSource,
    advisoryReader,
    clock: { now: () => new Date() },
  });
  // One model source: loaded once, on first use, by whichever command needs it.
  const severityModel = createSeverityModelSource();
  // Triage checks the dependencies a report's diffs add through the same service as `thresher deps`.
  const triage = createTriageService({
    reportReader,
    advisoryReader,
    repoOpener,
    openDuplicateStore,
    dependencyService: dependencies,
    severityModel,
  });
  return {
    triage,
    evidence: createEvidenceService({ reportReader, repoOpener }),
    duplicates: createDuplicatesService({ reportReader, advisoryReader, openDuplicateStore }),
    advisories: createAdvisoryService({
      triage,
      validator: createStandardValidator(),
      weaknesses: createWeaknessCatalog(),
      clock: { now: () => new Date() },
      version: readPackageVersion(),
    }),
    audit: createAuditService({ directories: directoryOpener, parseProfile: parseSecurityProfile }),
    init: createInitService({ directories: directoryOpener, parseProfile: parseSecurityProfile }),
    dependencies,
    severity: createSeverityService({ reportReader, modelSource: severityModel }),
  };
}
