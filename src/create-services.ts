// The single composition root: builds the adapters from the Config and hands them to the
// services. Services take content (reports, an open repository, a store); the front ends reach
// files through `intake`, `openRepository` and `openDuplicateStore`. Every service and adapter is
// built on its first use (dynamic imports), so a command loads only the modules it runs:
// `thresher triage` never loads the git reader, the zip reader or the advisory standards, and the
// mail parser loads only when e-mail is read.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createFileDuplicateStore } from './adapters/duplicates/create-file-duplicate-store.js';
import type { AdvisoryService } from './services/manage-advisories.js';
import type { AuditService } from './services/audit-repository.js';
import type { InitService } from './services/init-readiness.js';
import type { DependencyService } from './services/check-dependencies.js';
import type { EvidenceService } from './services/check-report-evidence.js';
import type { DuplicatesService } from './services/find-duplicates.js';
import type { InboxService } from './services/create-inbox-service.js';
import type { Config } from './config/load-config.js';
import type { IntakeService } from './services/read-report-intake.js';
import type { MailReader, ProfileCache, SecurityProfile } from './core/triage.js';
import type {
  AdvisoryReader,
  DirectoryOpener,
  DuplicateStore,
  OpenedRepo,
  PopularPackageSource,
  RegistryOpener,
  RepoOpener,
  ReportReader,
  ReportStore,
  SeverityModelSource,
} from './services/ports.js';
import type { TriageService } from './services/triage-reports.js';
import type { SeverityService } from './services/assess-report-severity.js';

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
  /**
   * Reads and validates a `security-profile.yml` (InputError naming the first problem), through
   * the profile cache when this process runs a build that names itself (`runtime.build`).
   */
  loadSecurityProfile(path: string): Promise<SecurityProfile>;
}

/** What the running program is, as its entry point knows it. */
export interface Runtime {
  /**
   * The CLI bundle's build (a hash of its text), or null when unknown (tests, the library):
   * caches of what this code computed (parsed profiles) are kept only under a build's name.
   */
  build: string | null;
}

function readPackageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

/** Builds a value on its first request and hands the same one to every later request. */
function buildOnFirstUse<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | null = null;
  return () => (built ??= build());
}

/** `config` comes from `loadConfig` (src/config/load-config.ts), called by the entry point. */
export function createServices(config: Config, runtime: Runtime = { build: null }): Services {
  const { environment } = config;
  // Ports: each adapter's module loads on the port's first call.
  // The intake's mail port: postal-mime loads only when e-mail is read.
  const mail: MailReader = {
    readMail: async (source, bytes) =>
      (await import('./adapters/mail/parse-email-reports.js')).postalMimeMailReader.readMail(
        source,
        bytes,
      ),
  };
  const reportReader: ReportReader = {
    readReports: async (paths) =>
      (await import('./adapters/report-files/read-report-files.js')).readReportFiles(paths, mail),
  };
  const advisoryReader: AdvisoryReader = {
    readAdvisoryCorpus: async (paths) =>
      (await import('./adapters/advisories/read-advisory-corpus.js')).readAdvisoryCorpus(paths),
  };
  const repoOpener: RepoOpener = {
    open: async (repoDir) =>
      (await import('./adapters/git/create-git-repo-reader.js')).createGitRepoReader(
        repoDir,
        environment,
      ),
  };
  const openDuplicateStore: (path: string) => DuplicateStore = createFileDuplicateStore;
  const popularPackageSource: PopularPackageSource = {
    loadPopularPackages: async () =>
      (
        await import('./adapters/registry/load-popular-packages.js')
      ).popularPackageSource.loadPopularPackages(),
  };
  const loadDirectories = async (): Promise<DirectoryOpener> =>
    (await import('./adapters/files/create-directory-access.js')).directoryOpener;
  const directories: DirectoryOpener = {
    openTree: async (dir) => (await loadDirectories()).openTree(dir),
    openProject: async (dir) => (await loadDirectories()).openProject(dir),
  };
  const clock = { now: () => new Date() };

  const loadIntake = buildOnFirstUse(async () =>
    (await import('./services/read-report-intake.js')).createIntakeService({
      mail,
      reportReader,
      advisoryReader,
    }),
  );
  const intake: IntakeService = {
    read: async (input) => (await loadIntake()).read(input),
    readFiles: async (paths) => (await loadIntake()).readFiles(paths),
    readCorpus: async (paths) => (await loadIntake()).readCorpus(paths),
  };

  const loadDependencies = buildOnFirstUse(async () => {
    const [{ createDependencyService }, { createNpmRegistryOpener }] = await Promise.all([
      import('./services/check-dependencies.js'),
      import('./adapters/registry/create-npm-registry.js'),
    ]);
    const registryOpener: RegistryOpener = createNpmRegistryOpener(environment, {
      cacheDir: config.cacheDir,
    });
    return createDependencyService({ registryOpener, popularPackageSource, advisoryReader, clock });
  });
  const dependencies: DependencyService = {
    check: async (request) => (await loadDependencies()).check(request),
    checkReportBody: async (body, options) =>
      (await loadDependencies()).checkReportBody(body, options),
  };
  // One model source: loaded once, on first use, by whichever command needs it.
  const loadSeverityModel = buildOnFirstUse(async () =>
    (await import('./adapters/severity-model/load-severity-model.js')).createSeverityModelSource(),
  );
  const severityModel: SeverityModelSource = {
    load: async () => (await loadSeverityModel()).load(),
  };
  // Triage checks the dependencies a report's diffs add through the same service as `thresher deps`.
  const loadTriage = buildOnFirstUse(async () =>
    (await import('./services/triage-reports.js')).createTriageService({
      dependencyService: dependencies,
      severityModel,
    }),
  );
  const triage: TriageService = {
    triage: async (request) => (await loadTriage()).triage(request),
    triageEach: async (request, onResult) => (await loadTriage()).triageEach(request, onResult),
  };

  // Parsed profiles are cached only under the name of the build that parsed them.
  const loadProfileCache = buildOnFirstUse(async (): Promise<ProfileCache | undefined> => {
    const { build } = runtime;
    if (build === null) return undefined;
    const [{ createFileProfileCache }, { resolveCacheFolder }] = await Promise.all([
      import('./adapters/profile-cache/create-file-profile-cache.js'),
      import('./adapters/files/resolve-cache-folder.js'),
    ]);
    return createFileProfileCache({
      folder: resolveCacheFolder(environment, config.cacheDir),
      build,
    });
  });

  const loadEvidence = buildOnFirstUse(async () =>
    (await import('./services/check-report-evidence.js')).createEvidenceService(),
  );
  const loadDuplicates = buildOnFirstUse(async () =>
    (await import('./services/find-duplicates.js')).createDuplicatesService(),
  );
  const loadAdvisories = buildOnFirstUse(async () => {
    const [{ createAdvisoryService }, { createStandardValidator, createWeaknessCatalog }] =
      await Promise.all([
        import('./services/manage-advisories.js'),
        import('./adapters/standards/create-standard-validator.js'),
      ]);
    return createAdvisoryService({
      triage,
      validator: createStandardValidator(),
      weaknesses: createWeaknessCatalog(),
      clock,
      version: readPackageVersion(),
    });
  });
  // Loaded on first use: the schemas and the CSAF validator only when an advisory is handled.
  const advisories: AdvisoryService = {
    draft: async (request) => (await loadAdvisories()).draft(request),
    exportAdvisory: async (request) => (await loadAdvisories()).exportAdvisory(request),
    importAdvisories: async (text) => (await loadAdvisories()).importAdvisories(text),
  };
  const loadAudit = buildOnFirstUse(async () => {
    const [{ createAuditService }, { parseSecurityProfile }] = await Promise.all([
      import('./services/audit-repository.js'),
      import('./config/parse-security-profile.js'),
    ]);
    return createAuditService({ directories, parseProfile: parseSecurityProfile });
  });
  const loadInit = buildOnFirstUse(async () => {
    const [{ createInitService }, { parseSecurityProfile }] = await Promise.all([
      import('./services/init-readiness.js'),
      import('./config/parse-security-profile.js'),
    ]);
    return createInitService({ directories, parseProfile: parseSecurityProfile });
  });
  const loadSeverity = buildOnFirstUse(async () =>
    (await import('./services/assess-report-severity.js')).createSeverityService({
      modelSource: severityModel,
    }),
  );

  return {
    config,
    intake,
    openRepository: (dir) => repoOpener.open(dir),
    openDuplicateStore,
    triage,
    async openInbox({ dataDir, databaseUrl, databaseSchema }) {
      // Loaded here so that the other commands never load the database drivers.
      const [
        { createScryptPasswordHasher },
        { createInboxService },
        { toJsonReport },
        { createProjectDuplicateStore },
        { parseSecurityProfile },
      ] = await Promise.all([
        import('./adapters/auth/create-scrypt-password-hasher.js'),
        import('./services/create-inbox-service.js'),
        import('./presenters/render-triage-report-json.js'),
        import('./storage/create-project-duplicate-store.js'),
        import('./config/parse-security-profile.js'),
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
        readReport: (input) => intake.read(input),
        passwords: createScryptPasswordHasher(),
        clock,
        parseProfile: parseSecurityProfile,
        openDuplicateStore: (project) => createProjectDuplicateStore(store, project),
        presentAssessment: (result) => toJsonReport(result, 1),
        advisories,
      });
    },
    evidence: { check: async (request) => (await loadEvidence()).check(request) },
    duplicates: { find: async (request) => (await loadDuplicates()).find(request) },
    advisories,
    audit: { audit: async (request) => (await loadAudit()).audit(request) },
    init: {
      hasProfile: async (dir) => (await loadInit()).hasProfile(dir),
      plan: async (request) => (await loadInit()).plan(request),
      write: async (plan, options) => (await loadInit()).write(plan, options),
    },
    dependencies,
    severity: { assess: async (request) => (await loadSeverity()).assess(request) },
    async loadSecurityProfile(path) {
      const { loadSecurityProfile } = await import('./config/load-security-profile.js');
      return loadSecurityProfile(path, await loadProfileCache());
    },
  };
}
