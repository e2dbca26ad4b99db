// Use case: triage reports (content, never paths) against the profile and return the ranked queue.
// Reports are taken in arrival order and matched against the earlier ones (and against the
// published advisories and earlier reports given), and their code claims are checked against a
// repository when one is given.

import {
  blankCvssVectors,
  buildReportDocument,
  deriveProfileSettingNames,
  deriveProjectNames,
  extractReportFacts,
  findUnifiedDiffs,
  keepClustersApart,
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
import { isolateReportFailure } from './isolate-report-failure.js';
import {
  createDuplicateIndexCache,
  loadDuplicateIndex,
  sortByArrival,
} from './load-duplicate-index.js';
import type {
  DuplicateCorpus,
  DuplicateStore,
  InputProblem,
  RepoReader,
  SeverityModelSource,
} from './ports.js';

const duplicateCandidateLimit = 5;

interface TriageRequest {
  profile: SecurityProfile;
  /** The reports to triage, as the intake read them; taken in arrival order. */
  reports: readonly Report[];
  /** An open repository to check code claims against; the caller opens and closes it. */
  repo?: RepoReader;
  /**
   * Published advisories and earlier reports to match duplicates against, or a loader of them
   * (called only when the index is built: with `keepDuplicateIndex`, not on every call).
   */
  against?: DuplicateCorpus | (() => Promise<DuplicateCorpus>);
  /**
   * Where triaged reports are kept for duplicate matching in later runs (a file for the CLI, each
   * project's records in the inbox's database); none when absent.
   */
  duplicateStore?: DuplicateStore;
  /**
   * Keep the duplicate index of `duplicateStore` between calls under this name, rebuilt when
   * `version` changes or another process wrote to the store (the inbox: one per project).
   */
  keepDuplicateIndex?: { name: string; version: string };
  /** False: the rule engine's verdicts alone, without the learned rule matcher (its trainer). */
  withRuleMatcher?: boolean;
  /**
   * Check the dependencies the reports' diffs add: `offline` (the default: shipped lists, cache,
   * no network), `online` (the registry too) or `off`.
   */
  dependencyCheck?: 'offline' | 'online' | 'off';
}

export interface TriageOutcome {
  /** Highest priority first. */
  queue: TriageResult[];
  /** Reports whose triage failed in part (the rest of the batch went on). */
  problems: InputProblem[];
}

/** Told of each result as soon as it is ready; `arrival` is its 1-based place in arrival order. */
type ResultListener = (result: TriageResult, arrival: number) => void | Promise<void>;

export interface TriageService {
  triage(request: TriageRequest): Promise<TriageOutcome>;
  /**
   * The same triage, handing each result to `onResult` in arrival order and keeping none of them,
   * so that a long batch runs in memory that does not grow with its results.
   */
  triageEach(
    request: TriageRequest,
    onResult: ResultListener,
  ): Promise<{ problems: InputProblem[] }>;
}

export function createTriageService(dependencies: {
  /** The dependency guard: the same service `thresher deps` uses, not a copy. */
  dependencyService?: DependencyService;
  /** The severity model (loaded on first use); without it, severity is rule-based only. */
  severityModel?: SeverityModelSource;
}): TriageService {
  /** The dependency guard's findings on the diffs in a report, as facts; null without a diff. */
  async function checkDependencies(
    report: Report,
    mode: 'offline' | 'online' | 'off',
  ): Promise<DependencyFacts | null> {
    if (mode === 'off' || dependencies.dependencyService === undefined) return null;
    // Most reports hold no diff: the guard (and its parsers and indexes) is not even loaded.
    if (findUnifiedDiffs(report.body).length === 0) return null;
    const outcome = await dependencies.dependencyService.checkReportBody(
      { name: report.source, text: report.body },
      { offline: mode === 'offline' },
    );
    return outcome && { dependencies: outcome.dependencies, findings: outcome.findings };
  }

  const indexCache = createDuplicateIndexCache();

  async function triageEach(
    {
      profile: givenProfile,
      reports,
      repo,
      against,
      duplicateStore,
      keepDuplicateIndex,
      dependencyCheck = 'offline',
      withRuleMatcher = true,
    }: TriageRequest,
    onResult: ResultListener,
  ): Promise<{ problems: InputProblem[] }> {
    const profile = repo ? await resolveProfileVersions(givenProfile, repo) : givenProfile;
    const projectName = profile.project.name;
    const projectNames = deriveProjectNames(profile.project);
    const profileSettings = deriveProfileSettingNames(profile);
    const readAgainst = async (): Promise<DuplicateCorpus | null> =>
      typeof against === 'function' ? against() : (against ?? null);
    const countDocuments = duplicateStore?.countDocuments?.bind(duplicateStore);
    const { matchThenAdd, commit } =
      keepDuplicateIndex && duplicateStore && countDocuments
        ? await indexCache.load({
            ...keepDuplicateIndex,
            against: readAgainst,
            projectName,
            store: duplicateStore,
            countDocuments,
          })
        : await loadDuplicateIndex(await readAgainst(), projectName, duplicateStore ?? null);
    const ordered = sortByArrival(reports);
    const model =
      ordered.length > 0 && dependencies.severityModel
        ? await dependencies.severityModel.load()
        : null;
    const problems: InputProblem[] = [];
    // The report each report of this batch was found to duplicate, by id.
    const originals = new Map<string, string>();
    for (const [position, report] of ordered.entries()) {
      const { facts, limits } = extractReportFacts(report, { projectNames, profileSettings });
      const evidence = repo
        ? await isolateReportFailure(
            report.source,
            'the code evidence check',
            async () =>
              (await import('./check-evidence.js')).checkEvidence(report, facts, repo, {
                projectNames,
              }),
            problems,
          )
        : null;
      const checked = await isolateReportFailure(
        report.source,
        'the dependency check',
        () => checkDependencies(report, dependencyCheck),
        problems,
      );
      const document = buildReportDocument(report, facts, projectName);
      const duplicates = keepClustersApart(
        await matchThenAdd(document, duplicateCandidateLimit),
        (id) => originals.get(id) ?? null,
      );
      const result = triageFacts(report, facts, profile, {
        evidence,
        duplicates,
        limits,
        dependencies: checked,
        prediction: model ? predictSeverity(model, blankCvssVectors(report.body, facts)) : null,
        ...(withRuleMatcher ? {} : { ruleMatcher: null }),
      });
      if (result.duplicateOf !== null) {
        originals.set(document.id, originals.get(result.duplicateOf) ?? result.duplicateOf);
      }
      await onResult(result, position + 1);
    }
    await commit();
    return { problems };
  }

  return {
    triageEach,
    async triage(request) {
      const results: TriageResult[] = [];
      const { problems } = await triageEach(request, (result) => {
        results.push(result);
      });
      return { queue: rankQueue(results), problems };
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
