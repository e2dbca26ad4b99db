import { describe, expect, it } from 'vitest';
import type { Dependency } from '../model/dependency.js';
import type { PackageRecord } from '../model/package-record.js';
import { checkPackageRecord, resolveNpmVersion } from './check-package-record.js';
import { summarizePackument } from './summarize-packument.js';

const now = new Date('2026-06-01T00:00:00Z');

function dependency(name: string, version: string): Dependency {
  return {
    ecosystem: 'npm',
    name,
    version,
    isExact: /^\d/.test(version),
    scope: 'prod',
    origin: 'registry',
    location: { file: 'package.json', line: 3 },
  };
}

function record(overrides: Partial<PackageRecord> = {}): PackageRecord {
  return {
    name: 'thing',
    createdAt: '2019-01-01T00:00:00Z',
    distTags: { latest: '2.1.0', next: '3.0.0-rc.1' },
    versions: [
      { version: '1.0.0', publishedAt: '2019-01-01T00:00:00Z', installScripts: [] },
      {
        version: '2.1.0',
        publishedAt: '2026-05-29T00:00:00Z',
        installScripts: ['postinstall: node setup.js'],
        deprecated: 'use thing2',
      },
      { version: '3.0.0-rc.1', publishedAt: '2026-05-30T00:00:00Z', installScripts: [] },
    ],
    ...overrides,
  };
}

function kinds(
  name: string,
  version: string,
  overrides: Partial<PackageRecord> = {},
  isPopular = false,
): string[] {
  return checkPackageRecord(dependency(name, version), record(overrides), {
    now,
    isPopular,
  }).findings.map((finding) => `${finding.kind}:${finding.severity}`);
}

describe('checkPackageRecord', () => {
  it('resolves exact versions, ranges and dist-tags as npm would', () => {
    expect(resolveNpmVersion(record(), '^1.0.0')?.version).toBe('1.0.0');
    expect(resolveNpmVersion(record(), '')?.version).toBe('2.1.0');
    expect(resolveNpmVersion(record(), 'next')?.version).toBe('3.0.0-rc.1');
    expect(resolveNpmVersion(record(), '>=4')).toBeNull();
  });

  it('reports a new version, its install script and deprecation, and a missing version', () => {
    expect(kinds('thing', '^2.0.0')).toEqual([
      'new-package:low',
      'install-script:medium',
      'deprecated:low',
    ]);
    expect(kinds('thing', '^2.0.0', {}, true)).toContain('install-script:low');
    expect(kinds('thing', '1.0.0')).toEqual([]);
    expect(kinds('thing', '^9.0.0')).toEqual(['version-not-found:medium']);
  });

  it('reports a package first published days ago, with the clock it is given', () => {
    const fresh = { createdAt: '2026-05-25T00:00:00Z' };
    expect(kinds('thing', '1.0.0', fresh)).toEqual(['new-package:medium']);
    expect(
      checkPackageRecord(dependency('thing', '1.0.0'), record(fresh), {
        now: new Date('2026-09-01T00:00:00Z'),
        isPopular: false,
      }).findings,
    ).toEqual([]);
  });

  it('reports npm security placeholders above all else', () => {
    const placeholder = summarizePackument({
      name: 'loadsh',
      'dist-tags': { latest: '0.0.1-security' },
      versions: { '0.0.1-security': { name: 'loadsh' } },
      time: {},
    });
    expect(placeholder.ok).toBe(true);
    if (!placeholder.ok) return;
    expect(
      checkPackageRecord(dependency('loadsh', '^4.17.21'), placeholder.value, {
        now,
        isPopular: false,
      }).findings,
    ).toMatchObject([{ kind: 'placeholder', severity: 'critical' }]);
  });
});

describe('summarizePackument', () => {
  it('keeps install scripts, deprecation, publish times and unpublished packages', () => {
    const summary = summarizePackument({
      name: 'x',
      'dist-tags': { latest: '1.0.0', bad: 7 },
      versions: {
        '1.0.0': { scripts: { postinstall: 'node a.js', test: 'vitest' }, deprecated: 'old' },
        '0.9.0': { hasInstallScript: true },
      },
      time: { created: '2020-01-01T00:00:00Z', '1.0.0': '2020-02-01T00:00:00Z' },
    });
    expect(summary).toEqual({
      ok: true,
      value: {
        name: 'x',
        createdAt: '2020-01-01T00:00:00Z',
        distTags: { latest: '1.0.0' },
        versions: [
          {
            version: '1.0.0',
            publishedAt: '2020-02-01T00:00:00Z',
            deprecated: 'old',
            installScripts: ['postinstall: node a.js'],
          },
          {
            version: '0.9.0',
            installScripts: ['install scripts (the registry does not say which)'],
          },
        ],
      },
    });
    expect(
      summarizePackument({ name: 'gone', time: { unpublished: { time: '2021-01-01T00:00:00Z' } } }),
    ).toMatchObject({ ok: true, value: { unpublishedAt: '2021-01-01T00:00:00Z' } });
    expect(summarizePackument([1])).toMatchObject({ ok: false });
  });
});
