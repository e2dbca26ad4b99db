// Use case: `thresher deps` and every place dependencies arrive (a pull-request diff, a report
// body with a patch): parse manifests, lockfiles and diffs given as content, ask the registry and
// the advisories, and return the findings. Files are read by the caller; this never sees a path
// except the OSV corpus, read through its port.

import {
  findUnifiedDiffs,
  type Dependency,
  type DependencyFileFormat,
  type DependencyFinding,
  type Ecosystem,
  type NpmAdvisory,
  type RegistryLookup,
} from '../core/triage.js';
import {
  assessDependencies,
  countPackages,
  createAdvisoryIndex,
  createPopularityIndexes,
  dedupeDependencies,
  normalizeForRegistry,
  parseDependencyDiff,
  parseDependencyFile,
  type PopularityIndex,
  resolveNpmVersion,
} from '../core/dependencies.js';
import type {
  AdvisoryReader,
  Clock,
  InputProblem,
  PopularPackageSource,
  RegistryOpener,
} from './ports.js';

export interface ContentFile {
  name: string;
  text: string;
}

interface DependencyCheckRequest {
  /** Manifests and lockfiles (package.json, poetry.lock, requirements.txt...). */
  files: readonly ContentFile[];
  /** A unified diff: only what it adds is checked. */
  diffs?: readonly ContentFile[];
  offline?: boolean;
  /** The project's .npmrc texts (the user's is read by the registry adapter). */
  npmrcTexts?: readonly string[];
  /** OSV folders or zips to check versions against, offline. */
  advisoryPaths?: readonly string[];
  /** Python modules of the project itself: imports of them are not dependencies. */
  localModules?: readonly string[];
}

interface CheckedFile {
  name: string;
  format: DependencyFileFormat | 'diff';
  dependencies: number;
}

export interface DependencyCheckOutcome {
  /** Distinct packages checked. */
  dependencies: number;
  findings: DependencyFinding[];
  files: CheckedFile[];
  registry: {
    url: string;
    offline: boolean;
    requests: number;
    cacheHits: number;
    unverified: number;
  };
  /** Inputs that could not be read or parsed: the caller's to fix. */
  problems: InputProblem[];
  /** What could not be checked this time (the registry did not answer): not the input's fault. */
  warnings: InputProblem[];
}

export interface DependencyService {
  check(request: DependencyCheckRequest): Promise<DependencyCheckOutcome>;
  /** The diffs inside a report or pull-request body, checked; null when the body has none. */
  checkReportBody(
    body: ContentFile,
    options?: { offline?: boolean },
  ): Promise<DependencyCheckOutcome | null>;
}

interface DependencyServiceParts {
  registryOpener: RegistryOpener;
  popularPackageSource: PopularPackageSource;
  advisoryReader: AdvisoryReader;
  clock: Clock;
}

function collect(
  request: DependencyCheckRequest,
  problems: InputProblem[],
  files: CheckedFile[],
): Dependency[] {
  const declared: Dependency[] = [];
  for (const file of request.files) {
    const parsed = parseDependencyFile(file.name, file.text);
    if (!parsed.ok) {
      problems.push(
        ...parsed.issues.map((issue) => ({
          source: file.name,
          message: `${issue.message}${issue.line ? ` (line ${issue.line})` : ''}`,
        })),
      );
      continue;
    }
    files.push({
      name: file.name,
      format: parsed.value.format,
      dependencies: parsed.value.dependencies.length,
    });
    declared.push(...parsed.value.dependencies);
  }
  const imports: Dependency[] = [];
  const localModules = new Set(request.localModules ?? []);
  for (const diff of request.diffs ?? []) {
    const parsed = parseDependencyDiff(diff.text);
    if (!parsed.ok) {
      problems.push(
        ...parsed.issues.map((issue) => ({ source: diff.name, message: issue.message })),
      );
      continue;
    }
    for (const issue of parsed.value.issues)
      problems.push({ source: `${diff.name}: ${issue.file}`, message: issue.message });
    files.push({
      name: diff.name,
      format: 'diff',
      dependencies: parsed.value.dependencies.length + parsed.value.imports.length,
    });
    declared.push(...parsed.value.dependencies);
    imports.push(...parsed.value.imports);
    for (const module of parsed.value.localModules) localModules.add(module);
  }
  const keyOf = (dependency: Dependency): string =>
    `${dependency.ecosystem}:${normalizeForRegistry(dependency.ecosystem, dependency.name)}`;
  const declaredNames = new Set(declared.map(keyOf));
  const undeclared = imports.filter(
    (dependency) =>
      !declaredNames.has(keyOf(dependency)) &&
      !(dependency.ecosystem === 'pypi' && localModules.has(dependency.name)),
  );
  return [...declared, ...undeclared];
}

export function createDependencyService(parts: DependencyServiceParts): DependencyService {
  let popularity: Promise<Record<Ecosystem, PopularityIndex>> | null = null;
  const loadPopularity = () =>
    (popularity ??= parts.popularPackageSource
      .loadPopularPackages()
      .then((lists) => createPopularityIndexes(lists)));

  async function check(request: DependencyCheckRequest): Promise<DependencyCheckOutcome> {
    const problems: InputProblem[] = [];
    const files: CheckedFile[] = [];
    const dependencies = dedupeDependencies(collect(request, problems, files));
    const offline = request.offline ?? false;
    const registry = parts.registryOpener.open({ offline, npmrcTexts: request.npmrcTexts ?? [] });
    const npmNames = [
      ...new Set(
        dependencies
          .filter(
            (dependency) => dependency.ecosystem === 'npm' && dependency.origin === 'registry',
          )
          .map((dependency) => dependency.name),
      ),
    ];
    // The popular-package lists (65,000 names) load only when a registry package is checked.
    const isJudgingNames = dependencies.some((dependency) => dependency.origin === 'registry');
    const [index, lookups, corpus] = await Promise.all([
      isJudgingNames ? loadPopularity() : null,
      registry.lookupPackages(npmNames),
      request.advisoryPaths && request.advisoryPaths.length > 0
        ? parts.advisoryReader.readAdvisoryCorpus(request.advisoryPaths)
        : null,
    ]);
    if (corpus)
      problems.push(
        ...corpus.problems,
        ...corpus.reportPaths.map((path) => ({ source: path, message: 'not an OSV advisory' })),
      );
    const npmAdvisories = await fetchNpmAdvisories(registry, dependencies, lookups);
    const warnings: InputProblem[] = [];
    if (npmAdvisories.problem && !offline)
      warnings.push({ source: 'npm advisories', message: npmAdvisories.problem });
    // Only registry packages are judged, so without one there is no finding to make.
    const findings =
      index === null
        ? []
        : assessDependencies({
            dependencies,
            popularity: index,
            registry: lookups,
            npmAdvisories: npmAdvisories.advisories,
            osv: corpus ? createAdvisoryIndex(corpus.advisories) : null,
            now: parts.clock.now(),
          });
    for (const [name, lookup] of lookups)
      if (lookup.status === 'unavailable')
        warnings.push({ source: `npm registry: ${name}`, message: lookup.reason });
    return {
      dependencies: countPackages(dependencies),
      findings,
      files,
      registry: {
        url: await registry.resolveUrl(),
        offline,
        requests: registry.counts.requests,
        cacheHits: registry.counts.cacheHits,
        unverified: npmNames.filter(
          (name) =>
            lookups.get(name)?.status !== 'found' && lookups.get(name)?.status !== 'not-found',
        ).length,
      },
      problems,
      warnings,
    };
  }

  return {
    check,
    async checkReportBody(body, options = {}) {
      const diffs = findUnifiedDiffs(body.text);
      if (diffs.length === 0) return null;
      return check({
        files: [],
        diffs: diffs.map((text, index) => ({ name: `${body.name}#diff-${index + 1}`, text })),
        offline: options.offline ?? false,
      });
    },
  };
}

/** Exact versions (or the version a range resolves to on the registry) for the bulk endpoint. */
async function fetchNpmAdvisories(
  registry: ReturnType<RegistryOpener['open']>,
  dependencies: readonly Dependency[],
  lookups: ReadonlyMap<string, RegistryLookup>,
): Promise<{ advisories: Map<string, NpmAdvisory[]>; problem?: string }> {
  const versions = new Map<string, string[]>();
  for (const dependency of dependencies) {
    if (dependency.ecosystem !== 'npm' || dependency.origin !== 'registry') continue;
    const lookup = lookups.get(dependency.name);
    let version = dependency.isExact ? dependency.version : '';
    if (!version && lookup?.status === 'found')
      version = resolveNpmVersion(lookup.record, dependency.version)?.version ?? '';
    if (version) versions.set(dependency.name, [...(versions.get(dependency.name) ?? []), version]);
  }
  if (versions.size === 0) return { advisories: new Map() };
  return registry.fetchAdvisories(versions);
}
