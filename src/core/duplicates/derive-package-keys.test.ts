import { describe, expect, it } from 'vitest';
import { derivePackageKeys } from './derive-package-keys.js';

describe('derivePackageKeys', () => {
  it('normalises PyPI names and Go module paths', () => {
    expect(
      derivePackageKeys({ ecosystem: 'PyPI', name: 'Py_Arrow.lib', versions: [] })?.exact,
    ).toBe('pypi:py-arrow-lib');
    expect(
      derivePackageKeys({ ecosystem: 'Go', name: 'github.com/argoproj/argo-cd/v2', versions: [] }),
    ).toMatchObject({
      exact: 'go:github.com/argoproj/argo-cd',
      names: ['argoproj', 'argo-cd'],
    });
  });

  it('gives cross-ecosystem names: npm scopes, affixes, the Go standard library', () => {
    expect(
      derivePackageKeys({ ecosystem: 'npm', name: '@scope/name', versions: [] })?.names,
    ).toEqual(['scope', 'name']);
    expect(
      derivePackageKeys({ ecosystem: 'PyPI', name: 'docker-py', versions: [] })?.names,
    ).toEqual(['docker-py', 'docker']);
    expect(
      derivePackageKeys({ ecosystem: 'Go', name: 'net/http/cgi', versions: [] })?.names,
    ).toContain('golang');
    expect(derivePackageKeys({ ecosystem: 'npm', name: '  ', versions: [] })).toBeNull();
  });
});
