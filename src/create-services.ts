// The single composition root: builds the adapters and hands them to the services.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readAdvisoryCorpus } from './adapters/advisories/read-advisory-corpus.js';
import { createFileDuplicateStore } from './adapters/duplicates/create-file-duplicate-store.js';
import {
  createGitRepoReader,
  type ProcessEnvironment,
} from './adapters/git/create-git-repo-reader.js';
import { directoryOpener } from './adapters/files/create-directory-access.js';
import { readReportBytes, readReportFiles } from './adapters/report-files/read-report-files.js';
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
import type { InboxService } from './services/create-inbox-service.js';
import type { AdvisoryReader, RepoOpener, ReportReader, ReportStore } from './services/ports.js';
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
  /**
   * Opens the inbox's store: PostgreSQL when `databaseUrl` is given, else `inbox.sqlite` in
   * `dataDir` (created on first open). The caller closes it.
   */
  openInbox(options: {
    dataDir: string;
    databaseUrl?: string | null;
    /** A PostgreSQL schema of its own (benchmarks, tests); the default schema when absent. */
    databaseSchema?: string;
  }): Promise<InboxService>;
  severity: SeverityService;
}

function readPackageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

/** `environment` is the process environment, read only by the entry point that calls this. */
export function createServices(environment: ProcessEnvironment): Services {
  const reportReader: ReportReader = {
    readReports: readReportFiles,
    readReportContent: readReportBytes,
  };
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
  const clock = { now: () => new Date() };
  return {
    triage,
    async openInbox({ dataDir, databaseUrl, databaseSchema }) {
      // Loaded here so that the other commands never load the database drivers.
      const [
        { createScryptPasswordHasher },
        { createInboxService },
        { toJsonReport },
        { createProjectDuplicateStore },
      ] = await Promise.all([
        import('./adapters/auth/create-scrypt-password-hasher.js'),
        import('./services/create-inbox-service.js'),
        import('./presenters/render-triage-report-json.js'),
        import('./storage/create-project-duplicate-store.js'),
      ]);
      const store: ReportStore = databaseUrl
        ? await (
            await import('./storage/open-postgres-report-store.js')
          ).openPostgresReportStore({
            url: databaseUrl,
            ...(databaseSchema !== undefined ? { schema: databaseSchema } : {}),
          })
        : await (
            await import('./storage/open-sqlite-report-store.js')
          ).openSqliteReportStore({ path: join(dataDir, 'inbox.sqlite') });
      return createInboxService({
        store,
        triage,
        reportReader,
        passwords: createScryptPasswordHasher(),
        clock,
        parseProfile: parseSecurityProfile,
        openDuplicateStore: (project) => createProjectDuplicateStore(store, project),
        presentAssessment: (result) => toJsonReport(result, 1),
      });
    },
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
