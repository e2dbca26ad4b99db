import { describe, expect, it } from 'vitest';
import type { Dependency } from '../model/dependency.js';
import type { DuplicateDocument } from '../model/duplicate.js';
import {
  createAdvisoryIndex,
  matchNpmAdvisories,
  matchOsvAdvisories,
} from './match-vulnerabilities.js';

function dependency(ecosystem: 'npm' | 'pypi', name: string): Dependency {
  return {
    ecosystem,
    name,
    version: '',
    isExact: true,
    scope: 'prod',
    origin: 'registry',
    location: { file: 'f' },
  };
}

function advisory(
  id: string,
  ecosystem: string,
  name: string,
  events: Array<[string, string]>,
  listed: string[] = [],
): DuplicateDocument {
  return {
    id,
    kind: 'advisory',
    title: `${id} title`,
    text: '',
    aliases: [id, `CVE-${id}`],
    cwes: [],
    paths: [],
    functions: [],
    published: null,
    packages: [
      {
        ecosystem,
        name,
        versions: [],
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: events.map(([kind, version]) => ({ kind: kind as 'introduced', version })),
          },
        ],
        listedVersions: listed,
      },
    ],
  };
}

describe('matchOsvAdvisories', () => {
  const index = createAdvisoryIndex([
    advisory('PYSEC-1', 'PyPI', 'Django', [
      ['introduced', '0'],
      ['fixed', '4.2.8'],
    ]),
    advisory('PYSEC-2', 'PyPI', 'django', [
      ['introduced', '5.0'],
      ['last_affected', '5.0.2'],
    ]),
    advisory('GHSA-npm', 'npm', 'lodash', [
      ['introduced', '4.0.0'],
      ['fixed', '4.17.21'],
    ]),
    advisory('RUSTSEC-1', 'crates.io', 'lodash', [['introduced', '0']]),
    advisory('PYSEC-3', 'PyPI', 'old-lib', [], ['1.0']),
  ]);
  const ids = (ecosystem: 'npm' | 'pypi', name: string, version: string) =>
    matchOsvAdvisories(dependency(ecosystem, name), version, index).map(
      (finding) => finding.advisories![0],
    );

  it('evaluates introduced, fixed and last_affected events in version order (PEP 440 for PyPI)', () => {
    expect(ids('pypi', 'django', '4.2.7')).toEqual(['PYSEC-1']);
    expect(ids('pypi', 'Django', '4.2.8')).toEqual([]);
    expect(ids('pypi', 'django', '4.2.8rc1')).toEqual(['PYSEC-1']);
    expect(ids('pypi', 'django', '5.0.2')).toEqual(['PYSEC-2']);
    expect(ids('pypi', 'django', '5.0.3')).toEqual([]);
    expect(ids('npm', 'lodash', '4.17.20')).toEqual(['GHSA-npm']);
    expect(ids('npm', 'lodash', '3.10.1')).toEqual([]);
    expect(ids('pypi', 'old-lib', '1.0')).toEqual(['PYSEC-3']);
    expect(ids('pypi', 'django', 'not a version')).toEqual([]);
  });
});

describe('matchNpmAdvisories', () => {
  it('keeps the advisories whose vulnerable range holds the version', () => {
    const advisories = [
      {
        id: '1',
        url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
        title: 'Command Injection',
        severity: 'high',
        vulnerableVersions: '<4.17.21',
      },
      { id: '2', url: '', title: 'Old', severity: 'moderate', vulnerableVersions: '<3.0.0' },
    ];
    const findings = matchNpmAdvisories(dependency('npm', 'lodash'), '4.17.20', advisories);
    expect(findings).toMatchObject([
      { kind: 'vulnerable', severity: 'high', advisories: ['GHSA-35jh-r3h4-6jhm'] },
    ]);
    expect(
      matchNpmAdvisories(dependency('npm', 'lodash'), '2.0.0', advisories).map(
        (finding) => finding.severity,
      ),
    ).toEqual(['high', 'medium']);
  });
});
