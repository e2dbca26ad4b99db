// Runs every signal over a list of dependencies and returns the findings, most severe first:
// typosquats against the popular lists, the registry's records (npm), the advisories. Pure: the
// registry answers, advisories and the clock's reading are passed in.

import type { Dependency, DependencyFinding, Ecosystem } from '../model/dependency.js';
import { dependencySeverities } from '../model/dependency.js';
import type { NpmAdvisory, RegistryLookup } from '../model/package-record.js';
import { checkPackageRecord } from './check-package-record.js';
import type { PopularityIndex } from './create-popularity-index.js';
import { describeTyposquat } from './describe-typosquat.js';
import { findTyposquat } from './find-typosquat.js';
import { normalizeForRegistry } from './fold-package-name.js';
import {
  matchNpmAdvisories,
  matchOsvAdvisories,
  type AdvisoryIndex,
} from './match-vulnerabilities.js';

export interface DependencyAssessmentInput {
  dependencies: readonly Dependency[];
  popularity: Readonly<Record<Ecosystem, PopularityIndex>>;
  /** npm name -> the registry's answer; absent names were not asked (offline, no cache). */
  registry: ReadonlyMap<string, RegistryLookup>;
  /** npm name -> advisories from the bulk endpoint. */
  npmAdvisories: ReadonlyMap<string, readonly NpmAdvisory[]>;
  osv: AdvisoryIndex | null;
  now: Date;
}

/**
 * One entry per ecosystem, name and version; the first location is kept. npm names are compared
 * as written (the registry is case-sensitive for old names), PyPI names normalised.
 */
export function dedupeDependencies(dependencies: readonly Dependency[]): Dependency[] {
  // Most names come in one version: the first is kept by name, further versions by name and version.
  const firstByName: Record<Ecosystem, Map<string, Dependency>> = {
    npm: new Map(),
    pypi: new Map(),
  };
  const others = new Set<string>();
  const kept: Dependency[] = [];
  for (const dependency of dependencies) {
    const { ecosystem, version } = dependency;
    const name =
      ecosystem === 'npm' ? dependency.name : normalizeForRegistry(ecosystem, dependency.name);
    const first = firstByName[ecosystem].get(name);
    if (first === undefined) firstByName[ecosystem].set(name, dependency);
    else if (first.version === version) continue;
    else {
      const key = `${ecosystem}:${name}@${version}`;
      if (others.has(key)) continue;
      others.add(key);
    }
    kept.push(dependency);
  }
  return kept;
}

/** Distinct packages (ecosystem and name), whatever their versions. */
export function countPackages(dependencies: readonly Dependency[]): number {
  return new Set(
    dependencies.map(
      (dependency) =>
        `${dependency.ecosystem}:${normalizeForRegistry(dependency.ecosystem, dependency.name)}`,
    ),
  ).size;
}

function findingKey(finding: DependencyFinding): string {
  const isPackageLevel =
    finding.kind === 'typosquat' || finding.kind === 'not-found' || finding.kind === 'placeholder';
  return [
    finding.ecosystem,
    finding.package,
    isPackageLevel ? '' : finding.version,
    finding.kind,
    finding.advisories?.join(',') ?? '',
  ].join('\0');
}

function notFound(
  dependency: Dependency,
  evidence: string[],
  severity: DependencyFinding['severity'],
  message: string,
): DependencyFinding {
  return {
    package: dependency.name,
    version: dependency.version,
    ecosystem: dependency.ecosystem,
    kind: 'not-found',
    severity,
    message,
    evidence,
    location: dependency.location,
  };
}

/** What is known of one name, worked out once however many versions of it are used. */
interface NameVerdict {
  isPopular: boolean;
  typosquat: DependencyFinding | null;
}

const noFindings: readonly DependencyFinding[] = [];
const popularVerdict: NameVerdict = { isPopular: true, typosquat: null };

function judgeName(dependency: Dependency, input: DependencyAssessmentInput): NameVerdict {
  const index = input.popularity[dependency.ecosystem];
  const popular = index.find(dependency.name);
  const isPopular = popular !== undefined;
  // The fast path: a listed name is one map look-up (on npm, another letter case still imitates).
  const match =
    isPopular && (dependency.ecosystem !== 'npm' || popular.name === dependency.name)
      ? null
      : findTyposquat(dependency.ecosystem, dependency.name, index);
  if (!match) return { isPopular, typosquat: null };
  const lookup = dependency.ecosystem === 'npm' ? input.registry.get(dependency.name) : undefined;
  const record = lookup?.status === 'found' ? lookup.record : undefined;
  return {
    isPopular,
    typosquat: describeTyposquat(dependency, match, index, record, input.now),
  };
}

function assessOne(
  dependency: Dependency,
  input: DependencyAssessmentInput,
  { isPopular, typosquat: typosquatFinding }: NameVerdict,
): readonly DependencyFinding[] {
  // Most dependencies of a lockfile checked offline: a popular npm name nothing is known about.
  if (
    isPopular &&
    dependency.ecosystem === 'npm' &&
    input.osv === null &&
    dependency.hasInstallScript !== true &&
    !input.registry.has(dependency.name) &&
    !input.npmAdvisories.has(dependency.name)
  )
    return noFindings;
  const findings: DependencyFinding[] = typosquatFinding ? [typosquatFinding] : [];
  const index = input.popularity[dependency.ecosystem];
  // `==1.2.3` pins one PyPI version; the advisories compare the bare version.
  let version = !dependency.isExact
    ? ''
    : dependency.version.startsWith('=')
      ? dependency.version.replace(/^===?\s*/, '')
      : dependency.version;
  if (dependency.ecosystem === 'npm') {
    const lookup = input.registry.get(dependency.name);
    if (lookup?.status === 'not-found') {
      findings.push(
        notFound(
          dependency,
          [
            'the registry answered 404 Not Found',
            'an invented name can be registered by anyone, and installs whatever they publish',
          ],
          'high',
          `${dependency.name} does not exist on the npm registry`,
        ),
      );
    } else if (lookup?.status === 'found' && lookup.record.unpublishedAt) {
      findings.push(
        notFound(
          dependency,
          [`every version was unpublished on ${lookup.record.unpublishedAt}`],
          'high',
          `${dependency.name} was unpublished from the npm registry`,
        ),
      );
    } else if (lookup?.status === 'found') {
      const checked = checkPackageRecord(dependency, lookup.record, { now: input.now, isPopular });
      findings.push(...checked.findings);
      version = checked.resolved?.version ?? version;
    }
    if (
      dependency.hasInstallScript &&
      !findings.some((finding) => finding.kind === 'install-script')
    ) {
      findings.push({
        package: dependency.name,
        version: dependency.version,
        ecosystem: 'npm',
        kind: 'install-script',
        severity: isPopular ? 'low' : 'medium',
        message: `${dependency.name} ${dependency.version} runs code when installed`,
        evidence: ['the lockfile records hasInstallScript (or requiresBuild)'],
        location: dependency.location,
      });
    }
    const advisories = input.npmAdvisories.get(dependency.name);
    if (version !== '' && advisories !== undefined)
      findings.push(...matchNpmAdvisories(dependency, version, advisories));
  } else if (!isPopular && typosquatFinding === null) {
    findings.push(
      notFound(
        dependency,
        [
          'PyPI is not queried: existence is checked offline against the shipped list only',
          `${dependency.name} is not among the ${index.size.toLocaleString('en-US')} ${index.listName}`,
        ],
        'info',
        `${dependency.name} is unverifiable offline (not a well-known PyPI project)`,
      ),
    );
  }
  if (input.osv && version !== '')
    findings.push(...matchOsvAdvisories(dependency, version, input.osv));
  return findings;
}

/** For each dependency, whether its name is listed as written: one batch per ecosystem. */
function markListed(input: DependencyAssessmentInput): boolean[] {
  const isListed = new Array<boolean>(input.dependencies.length).fill(false);
  for (const ecosystem of ['npm', 'pypi'] as const) {
    const positions: number[] = [];
    const names: string[] = [];
    input.dependencies.forEach((dependency, position) => {
      if (dependency.ecosystem !== ecosystem || dependency.origin !== 'registry') return;
      positions.push(position);
      names.push(dependency.name);
    });
    if (names.length === 0) continue;
    const listed = input.popularity[ecosystem].hasEachName(names);
    for (let at = 0; at < positions.length; at += 1) isListed[positions[at]!] = listed[at]!;
  }
  return isListed;
}

export function assessDependencies(input: DependencyAssessmentInput): DependencyFinding[] {
  const verdicts: Record<Ecosystem, Map<string, NameVerdict>> = { npm: new Map(), pypi: new Map() };
  const findings = new Map<string, DependencyFinding>();
  // Offline with nothing cached and no advisories, a listed npm name has nothing to report.
  const isNothingKnown =
    input.osv === null && input.registry.size === 0 && input.npmAdvisories.size === 0;
  const isListed = markListed(input);
  input.dependencies.forEach((dependency, position) => {
    if (dependency.origin !== 'registry') return;
    if (
      isListed[position] &&
      isNothingKnown &&
      dependency.ecosystem === 'npm' &&
      dependency.hasInstallScript !== true
    )
      return;
    // A popular name spelt as listed needs no memo: its verdict is one look-up.
    const known = verdicts[dependency.ecosystem];
    let verdict = isListed[position] ? popularVerdict : known.get(dependency.name);
    if (verdict === undefined) {
      verdict = judgeName(dependency, input);
      known.set(dependency.name, verdict);
    }
    for (const finding of assessOne(dependency, input, verdict)) {
      const key = findingKey(finding);
      if (!findings.has(key)) findings.set(key, finding);
    }
  });
  return [...findings.values()].sort(
    (a, b) =>
      dependencySeverities.indexOf(b.severity) - dependencySeverities.indexOf(a.severity) ||
      a.package.localeCompare(b.package),
  );
}
