// The single composition root: builds the adapters once from the Config and hands them to the
// services. Services take content (reports, an open repository, a store); the front ends reach
// files through `intake`, `openRepository` and `openDuplicateStore`.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readAdvisoryCorpus } from './adapters/advisories/read-advisory-corpus.js';
import { createFileDuplicateStore } from './adapters/duplicates/create-file-duplicate-store.js';
import { createGitRepoReader } from './adapters/git/create-git-repo-reader.js';
import { postalMimeMailReader } from './adapters/mail/parse-email-reports.js';
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
import type { InboxService } from './services/create-inbox-service.js';
import type { Config } from './config/load-config.js';
import { createIntakeService, type IntakeService } from './services/read-report-intake.js';
import type {
  AdvisoryReader,
  DuplicateStore,
  OpenedRepo,
  RepoOpener,
  ReportReader,
  ReportStore,
} from './services/ports.js';
import { createTriageService, type TriageService } from './services/triage-reports.js';
import { createSeverityService, type SeverityService } from './services/assess-report-severity.js';

export interface Services {
  /** The settings the services were built with. */
  config: Config;
  /** Report bodies, files and the --against corpus into reports (the only way in for content). */
  intake: IntakeService;
  /** A local git repository, read-only; throws InputError when it is not one. The caller closes it. */
  openRepository(dir: string): Promise<OpenedRepo>;
  /** The duplicate store kept in a file between runs (`--store FILE`), created on first commit. */
  openDuplicateStore(path: string): DuplicateStore;
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

/** `config` comes from `loadConfig` (src/config/load-config.ts), called by the entry point. */
export function createServices(config: Config): Services {
  const { environment } = config;
  const reportReader: ReportReader = {
    readReports: (paths) => readReportFiles(paths, postalMimeMailReader),
  };
  const advisoryReader: AdvisoryReader = { readAdvisoryCorpus };
  const repoOpener: RepoOpener = { open: (repoDir) => createGitRepoReader(repoDir, environment) };
  const intake = createIntakeService({ mail: postalMimeMailReader, reportReader, advisoryReader });
  const dependencies = createDependencyService({
    registryOpener: createNpmRegistryOpener(environment, { cacheDir: config.cacheDir }),
    popularPackageSource,
    advisoryReader,
    clock: { now: () => new Date() },
  });
  // One model source: loaded once, on first use, by whichever command needs it.
  const severityModel = createSeverityModelSource();
  // Triage checks the dependencies a report's diffs add through the same service as `thresher deps`.
  const triage = createTriageService({ dependencyService: dependencies, severityModel });
  const clock = { now: () => new Date() };
  return {
    config,
    intake,
    openRepository: (dir) => repoOpener.open(dir),
    openDuplicateStore: createFileDuplicateStore,
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
        repoOpener,
        readCorpus: (paths) => intake.readCorpus(paths),
        passwords: createScryptPasswordHasher(),
        clock,
        parseProfile: parseSecurityProfile,
        openDuplicateStore: (project) => createProjectDuplicateStore(store, project),
        presentAssessment: (result) => toJsonReport(result, 1),
      });
    },
    evidence: createEvidenceService(),
    duplicates: createDuplicatesService(),
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
    severity: createSeverityService({ modelSource: severityModel }),
  };
}
