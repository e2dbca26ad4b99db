// Use case: read reports, triage each against the profile and return the ranked queue. Reports are
// taken in arrival order and matched against the earlier ones (and against published advisories
// and earlier reports given with --against), and their code claims are checked against a
// repository when one is given.

import {
  blankCvssVectors,
  buildReportDocument,
  deriveProjectNames,
  extractReportFacts,
  predictSeverity,
  rankQueue,
  resolveSupportedVersions,
  triageFacts,
  type DependencyFacts,
  type Report,
  type SecurityProfile,
  type TriageResult,
} from '../core/triage.js';
import type { DependencyService } from './check-dependencies.js';
import { checkEvidence } from './check-evidence.js';
import { isolateReportFailure } from './isolate-report-failure.js';
import {
  createDuplicateIndexCache,
  loadDuplicateIndex,
  sortByArrival,
  type DuplicateSources,
} from './load-duplicate-index.js';
import type {
  DuplicateStore,
  InputProblem,
  RepoOpener,
  RepoReader,
  SeverityModelSource,
} from './ports.js';

const duplicateCandidateLimit = 5;

interface TriageRequest {
  profile: SecurityProfile;
  paths: readonly string[];
  /** Reports already read (by the caller), triaged with those read from `paths`. */
  reports?: readonly Report[];
  /** A local git repository to check code claims against. */
  repoDir?: string;
  /** OSV advisories (folders, zips) and earlier reports to match duplicates against. */
  againstPaths?: readonly string[];
  /** Keep the triaged reports for duplicate matching in later runs. */
  storePath?: string;
  /** Or an open store of those documents (the inbox keeps each project's in its database). */
  duplicateStore?: DuplicateStore;
  /**
   * Keep the duplicate index of `duplicateStore` between calls under this name, rebuilt when
   * `version` changes or another process wrote to the store (the inbox: one per project).
   */
  keepDuplicateIndex?: { name: string; version: string };
  /**
   * Check the dependencies the reports' diffs add: `offline` (the default: shipped lists, cache,
   * no network), `online` (the registry too) or `off`.
   */
  dependencyCheck?: 'offline' | 'online' | 'off';
}

export interface TriageOutcome {
  /** Highest priority first. */
  queue: TriageResult[];
  problems: InputProblem[];
}

export interface TriageService {
  triage(request: TriageRequest): Promise<TriageOutcome>;
}

export function createTriageService(
  dependencies: DuplicateSources & {
    repoOpener: RepoOpener;
    openDuplicateStore: (path: string) => DuplicateStore;
    /** The dependency guard: the same service `thresher deps` uses, not a copy. */
    dependencyService?: DependencyService;
    /** The severity model (loaded on first use); without it, severity is rule-based only. */
    severityModel?: SeverityModelSource;
  },
): TriageService {
  /** The dependency guard's findings on the diffs in a report, as facts; null without a diff. */
  async function checkDependencies(
    report: Report,
    mode: 'offline' | 'online' | 'off',
  ): Promise<DependencyFacts | null> {
    if (mode === 'off' || dependencies.dependencyService === undefined) return null;
    const outcome = await dependencies.dependencyService.checkReportBody(
      { name: report.source, text: report.body },
      { offline: mode === 'offline' },
    );
    return outcome && { dependencies: outcome.dependencies, findings: outcome.findings };
  }

  const indexCache = createDuplicateIndexCache(dependencies);

  return {
    async triage({
      profile: givenProfile,
      paths,
      reports = [],
      repoDir,
      againstPaths = [],
      storePath,
      duplicateStore,
      keepDuplicateIndex,
      dependencyCheck = 'offline',
    }) {
      const repo = repoDir === undefined ? null : await dependencies.repoOpener.open(repoDir);
      try {
        const profile = repo ? await resolveProfileVersions(givenProfile, repo) : givenProfile;
        const store =
          duplicateStore ??
          (storePath === undefined ? null : dependencies.openDuplicateStore(storePath));
        const projectName = profile.project.name;
        const projectNames = deriveProjectNames(profile.project);
        const countDocuments = store?.countDocuments?.bind(store);
        const { problems, matchThenAdd, commit } =
          keepDuplicateIndex && store && countDocuments
            ? await indexCache.load({
                ...keepDuplicateIndex,
                againstPaths,
                projectName,
                store,
                countDocuments,
              })
            : await loadDuplicateIndex(dependencies, againstPaths, projectName, store);
        const batch = await dependencies.reportReader.readReports(paths);
        const allReports = sortByArrival([...reports, ...batch.reports]);
        const model =
          allReports.length > 0 && dependencies.severityModel
            ? await dependencies.severityModel.load()
            : null;
        const results: TriageResult[] = [];
        const reportProblems: InputProblem[] = [];
        for (const report of allReports) {
          const { facts, limits } = extractReportFacts(report, { projectNames });
          const evidence = repo
            ? await isolateReportFailure(
                report.source,
                'the code evidence check',
                () => checkEvidence(report, facts, repo),
                reportProblems,
              )
            : null;
          const checked = await isolateReportFailure(
            report.source,
            'the dependency check',
            () => checkDependencies(report, dependencyCheck),
            reportProblems,
          );
          const document = buildReportDocument(report, facts, projectName);
          const duplicates = await matchThenAdd(document, duplicateCandidateLimit);
          results.push(
            triageFacts(report, facts, profile, {
              evidence,
              duplicates,
              limits,
              dependencies: checked,
              prediction: model
                ? predictSeverity(model, blankCvssVectors(report.body, facts))
                : null,
            }),
          );
        }
        await commit();
        return {
          queue: rankQueue(results),
          problems: [...problems, ...batch.problems, ...reportProblems],
        };
      } finally {
        repo?.close();
      }
    },
  };
}

/** `supported-versions: latest...` read as ranges from the repository's release tags. */
async function resolveProfileVersions(
  profile: SecurityProfile,
  repo: RepoReader,
): Promise<SecurityProfile> {
  const keyword = profile.policy.supportedVersions;
  if (typeof keyword !== 'string') return profile;
  const tags = await repo.listTags();
  const resolved = resolveSupportedVersions(
    keyword,
    tags.map((tag) => tag.name),
  );
  if (resolved === null) return profile;
  return { ...profile, policy: { ...profile.policy, supportedVersions: resolved.ranges } };
}
