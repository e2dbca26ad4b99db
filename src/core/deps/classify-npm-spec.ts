// Reads what an npm dependency spec points at: a registry range or tag, an alias to another
// package (`npm:real@^1`), or a source no registry check applies to (git, path, url, workspace).

import type { DependencyOrigin } from '../model/dependency.js';

export interface NpmSpec {
  /** The package the registry is asked about (the real name behind an alias). */
  name: string;
  version: string;
  origin: DependencyOrigin;
  isExact: boolean;
}

const exactVersion = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function isExactNpmVersion(version: string): boolean {
  return version.length < 256 && exactVersion.test(version.trim());
}

function classifyOrigin(spec: string): DependencyOrigin {
  const lower = spec.toLowerCase();
  if (lower.startsWith('workspace:')) return 'workspace';
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(lower)) return 'git';
  if (/^(?:file:|link:|portal:|\.{1,2}\/|\/|~\/)/.test(lower)) return 'path';
  if (/^https?:/.test(lower)) return 'url';
  // `user/repo` and `user/repo#ref` are GitHub shorthands.
  if (/^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec)) return 'git';
  return 'registry';
}

/** `name` as the manifest key, `spec` as its value. */
export function classifyNpmSpec(name: string, spec: string): NpmSpec {
  const trimmed = spec.trim();
  if (trimmed.startsWith('npm:')) {
    const target = trimmed.slice(4);
    const at = target.indexOf('@', 1);
    const realName = at === -1 ? target : target.slice(0, at);
    const version = at === -1 ? '' : target.slice(at + 1);
    return { name: realName, version, origin: 'registry', isExact: isExactNpmVersion(version) };
  }
  const origin = classifyOrigin(trimmed);
  return {
    name,
    version: trimmed,
    origin,
    isExact: origin === 'registry' && isExactNpmVersion(trimmed),
  };
}
