import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdvisoryCorpus } from '../adapters/advisories/read-advisory-corpus.js';
import { createNpmRegistryOpener } from '../adapters/registry/create-npm-registry.js';
import { popularPackageSource } from '../adapters/registry/load-popular-packages.js';
import {
  serveRegistryFixtures,
  type FixtureRegistry,
} from '../../test/support/serve-registry-fixtures.js';
import { createDependencyService, type DependencyService } from './check-dependencies.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/deps');
const read = (path: string) => ({ name: path, text: readFileSync(join(fixtures, path), 'utf8') });

let registry: FixtureRegistry;
let cache: string;
let service: DependencyService;

beforeAll(async () => {
  registry = await serveRegistryFixtures();
  cache = mkdtempSync(join(tmpdir(), 'thresher-deps-service-'));
  service = createDependencyService({
    registryOpener: createNpmRegistryOpener(
      { HOME: cache, npm_config_registry: registry.url },
      { cacheDir: cache },
    ),
    popularPackageSource,
    advisoryReader: { readAdvisoryCorpus },
    clock: { now: () => new Date() },
  });
});
afterAll(async () => {
  await registry.close();
  rmSync(cache, { recursive: true, force: true });
});

function describeFindings(
  findings: ReadonlyArray<{ kind: string; package: string; severity: string }>,
): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.kind} ${finding.package}`).sort();
}

describe('checking dependencies through the registry', () => {
  it('reports every registry signal for a project manifest and lockfile', async () => {
    const outcome = await service.check({
      files: [read('npm-lock-v3/package.json'), read('npm-lock-v3/package-lock.json')],
    });
    expect(outcome.problems).toEqual([]);
    expect(describeFindings(outcome.findings)).toEqual([
      'critical placeholder loadsh',
      'high not-found made-up-ai-helper',
      'high typosquat loadsh',
      'high vulnerable lodash',
      'low deprecated left-pad',
      'low deprecated request',
      'low install-script esbuild',
      'low new-package react',
      'medium vulnerable lodash',
    ]);
    expect(outcome.dependencies).toBe(12);
    expect(outcome.registry).toMatchObject({ offline: false, unverified: 0 });
    const typosquat = outcome.findings.find((finding) => finding.kind === 'typosquat');
    expect(typosquat).toMatchObject({
      target: 'lodash',
      location: { file: 'npm-lock-v3/package.json', line: 11 },
    });
  });

  it('reports the diff of a pull request: added dependencies and undeclared imports only', async () => {
    const outcome = await service.check({ files: [], diffs: [read('diffs/pull-request.diff')] });
    const typosquats = outcome.findings
      .filter((finding) => finding.kind === 'typosquat')
      .map((finding) => `${finding.package}->${finding.target}`);
    expect(typosquats).toEqual(
      expect.arrayContaining([
        'loadsh->lodash',
        'reqeusts->requests',
        'colros->colors',
        'typescirpt->typescript',
        'jeilyfish->jellyfish',
        'colourama->colorama',
        'express-sessionn->express-session',
        'huggingface-hubb->huggingface-hub',
      ]),
    );
    const notFound = outcome.findings
      .filter((finding) => finding.kind === 'not-found')
      .map((finding) => finding.package);
    expect(notFound).toEqual(expect.arrayContaining(['zod-validatorr', '@acme/left-pad']));
    // Local code and declared packages are not dependencies to check.
    expect(notFound).not.toContain('app');
    expect(outcome.findings.some((finding) => finding.package === 'requests')).toBe(false);
  });

  it('checks versions against OSV advisories offline, asking no registry', async () => {
    const before = registry.requests.length;
    const outcome = await service.check({
      files: [read('requirements/requirements.txt'), read('requirements/requirements-base.txt')],
      offline: true,
      advisoryPaths: [join(fixtures, 'osv')],
    });
    expect(registry.requests.length).toBe(before);
    const vulnerable = outcome.findings.filter((finding) => finding.kind === 'vulnerable');
    expect(
      vulnerable.map(
        (finding) =>
          `${finding.package} ${finding.version} ${finding.advisories![0]} ${finding.severity}`,
      ),
    ).toEqual(['urllib3 1.26.5 GHSA-v845-jxx5-vc9f medium']);
    expect(describeFindings(outcome.findings)).toContain('info not-found sklearn-helpers');
  });

  it('finds diffs in a report body, and nothing in a body without one', async () => {
    const body =
      'Please merge:\n\n```diff\n--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1 +1,2 @@\n flask\n+reqeusts==2.31.0\n```\n';
    const outcome = await service.checkReportBody(
      { name: 'report.md', text: body },
      { offline: true },
    );
    expect(outcome?.findings.map((finding) => finding.kind)).toEqual(['typosquat']);
    expect(await service.checkReportBody({ name: 'r.md', text: 'no diff' })).toBeNull();
  });

  it('names unreadable inputs and keeps checking the rest', async () => {
    const outcome = await service.check({
      files: [
        { name: 'package-lock.json', text: '{"lockfileVersion": 3, "packages": {' },
        read('yarn-classic/yarn.lock'),
      ],
      offline: true,
    });
    expect(outcome.problems).toMatchObject([
      { source: 'package-lock.json', message: expect.stringContaining('invalid JSON') as string },
    ]);
    expect(outcome.findings.map((finding) => `${finding.kind} ${finding.package}`)).toContain(
      'typosquat colros',
    );
  });
});
