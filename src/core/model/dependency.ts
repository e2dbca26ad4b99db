// What the dependency guard reads and says: dependencies parsed from manifests, lockfiles and
// diffs, and the findings about them (typosquats, invented names, vulnerable versions...).

export type Ecosystem = 'npm' | 'pypi';

export type DependencyFileFormat =
  | 'package.json'
  | 'package-lock.json'
  | 'npm-shrinkwrap.json'
  | 'pnpm-lock.yaml'
  | 'yarn.lock'
  | 'requirements.txt'
  | 'pyproject.toml'
  | 'poetry.lock'
  | 'Pipfile.lock'
  | 'uv.lock';

/** How the project uses the dependency; `import` when only an added source line names it. */
export type DependencyScope = 'prod' | 'dev' | 'optional' | 'peer' | 'import';

/** Where the package comes from: the registry, or a source no registry check applies to. */
export type DependencyOrigin = 'registry' | 'git' | 'path' | 'url' | 'workspace';

export interface DependencyLocation {
  /** The file name as the caller gave it (a path, or `a/b/package.json` inside a diff). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
}

export interface Dependency {
  ecosystem: Ecosystem;
  /** As written (npm names are case-sensitive; PyPI names are compared normalised). */
  name: string;
  /** The range or pin the manifest asks for, or the version a lockfile resolved; '' when none. */
  version: string;
  /** True when `version` is one exact version (a lockfile entry, or `==1.2.3`). */
  isExact: boolean;
  scope: DependencyScope;
  origin: DependencyOrigin;
  location: DependencyLocation;
  /** The lockfile records that the package runs install scripts (npm lockfile v2+). */
  hasInstallScript?: boolean;
}

/** A requirements file that another one pulls in with `-r` or `-c`. */
export interface DependencyInclude {
  path: string;
  line: number;
}

export interface DependencyFile {
  format: DependencyFileFormat;
  dependencies: Dependency[];
  includes: DependencyInclude[];
}

export type DependencyFindingKind =
  | 'not-found'
  | 'version-not-found'
  | 'typosquat'
  | 'new-package'
  | 'install-script'
  | 'deprecated'
  | 'vulnerable'
  | 'placeholder';

export type DependencySeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface DependencyFinding {
  package: string;
  /** The version or range checked; '' when the manifest names none. */
  version: string;
  ecosystem: Ecosystem;
  kind: DependencyFindingKind;
  severity: DependencySeverity;
  message: string;
  /** Human-readable reasons, each one checkable: "one transposition from lodash (rank 101)". */
  evidence: string[];
  location: DependencyLocation;
  /** For typosquats: the popular package it imitates. */
  target?: string;
  /** For vulnerabilities: the advisory ids (GHSA, PYSEC, CVE...). */
  advisories?: string[];
}

export const dependencySeverities: readonly DependencySeverity[] = [
  'info',
  'low',
  'medium',
  'high',
  'critical',
];

/** True when `severity` is at or above `threshold`. */
export function isAtLeastSeverity(
  severity: DependencySeverity,
  threshold: DependencySeverity,
): boolean {
  return dependencySeverities.indexOf(severity) >= dependencySeverities.indexOf(threshold);
}
