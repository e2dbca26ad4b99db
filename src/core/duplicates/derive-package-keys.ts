// Canonical keys for an affected package: one exact key (ecosystem + normalised name) and the
// ecosystem-free name keys that let `github.com/hashicorp/vault` (Go) meet `vault` (Bitnami).

import type { AffectedPackage } from '../model/duplicate.js';
import { normalizeForMatching } from './normalize-for-matching.js';

export interface PackageKeys {
  /** `ecosystem:name`, e.g. `pypi:pyarrow`, `npm:@scope/name`, `go:github.com/a/b`. */
  exact: string;
  /** Shown in evidence: `PyPI/pyarrow`. */
  label: string;
  /** Distinctive name parts without the ecosystem: `vault`, `docker`, `phpmailer`. */
  names: string[];
}

// Path segments that name a host or a layout, not a product.
const genericSegments = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'golang.org',
  'google.golang.org',
  'gopkg.in',
  'go.googlesource.com',
  'k8s.io',
  'sigs.k8s.io',
  'x',
  'pkg',
  'cmd',
  'internal',
  'src',
  'lib',
  'api',
  'v1',
  'v2',
  'v3',
  'v4',
  'v5',
  'v6',
  'v7',
  'v8',
  'v9',
  'server',
  'client',
  'core',
  'sdk',
  'common',
  'util',
  'utils',
  'go',
  'http',
  'apis',
  'plugins',
  'plugin',
  'contrib',
  'modules',
  'app',
  'www',
]);

const affixes =
  /^(?:python-|py-|go-|golang-|node-|php-|ruby-|rust-|lib)|(?:-python|-py|-go|-golang|-js|-node|-php|-ruby|-rs|-rust|-cli|-core|-sdk)$/;

function normalizeEcosystem(ecosystem: string): string {
  const e = ecosystem.trim().toLowerCase();
  if (e === 'ruby') return 'rubygems';
  if (e === 'golang') return 'go';
  if (e === 'crates' || e === 'cargo') return 'crates.io';
  if (e === 'composer' || e === 'php') return 'packagist';
  if (e === 'pip' || e === 'python') return 'pypi';
  return e;
}

/** Name as the ecosystem compares it: PyPI folds `_`/`.`/`-` runs, Go drops a `/vN` suffix. */
function normalizePackageName(ecosystem: string, name: string): string {
  const eco = normalizeEcosystem(ecosystem);
  let n = normalizeForMatching(name).trim().toLowerCase();
  if (eco === 'pypi') n = n.replace(/[-_.]+/g, '-');
  if (eco === 'go') n = n.replace(/\/v\d+$/, '');
  if (eco === 'rubygems' || eco === 'crates.io') n = n.replace(/_/g, '-');
  return n;
}

export function derivePackageKeys(pkg: AffectedPackage): PackageKeys | null {
  const eco = normalizeEcosystem(pkg.ecosystem);
  const name = normalizePackageName(pkg.ecosystem, pkg.name);
  if (name.length === 0) return null;
  const names = new Set<string>();
  const segments = name.split('/');
  const isGoStandardLibrary = eco === 'go' && !segments[0]!.includes('.');
  if (isGoStandardLibrary || name === 'stdlib' || name === 'toolchain') names.add('golang');
  for (const raw of segments) {
    const segment = raw.replace(/^@/, '').replace(/[-_.]+/g, '-');
    if (segment.length < 2 || genericSegments.has(raw) || genericSegments.has(segment)) continue;
    names.add(segment);
    const bare = segment.replace(affixes, '');
    if (bare.length >= 3 && bare !== segment) names.add(bare);
  }
  return {
    exact: `${eco}:${name}`,
    label: pkg.ecosystem ? `${pkg.ecosystem}/${pkg.name}` : pkg.name,
    names: [...names],
  };
}
