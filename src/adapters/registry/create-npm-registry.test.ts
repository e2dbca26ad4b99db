import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  serveRegistryFixtures,
  type FixtureRegistry,
} from '../../../test/support/serve-registry-fixtures.js';
import { createNpmRegistryOpener } from './create-npm-registry.js';
import { readNpmrcRegistries, resolveRegistryConfig } from './resolve-registry-url.js';

let registry: FixtureRegistry;
let home: string;

beforeEach(async () => {
  registry = await serveRegistryFixtures();
  home = mkdtempSync(join(tmpdir(), 'thresher-registry-'));
});
afterEach(async () => {
  await registry.close();
  rmSync(home, { recursive: true, force: true });
});

function open(
  environment: Record<string, string>,
  options: { offline?: boolean; npmrcTexts?: string[] } = {},
) {
  const { cacheDir = join(home, 'cache'), ...rest } = environment;
  return createNpmRegistryOpener({ HOME: home, ...rest }, { backoffMs: () => 1, cacheDir }).open({
    offline: options.offline ?? false,
    npmrcTexts: options.npmrcTexts ?? [],
  });
}

describe('registry configuration', () => {
  it('takes the environment over the project .npmrc over the user .npmrc, and scoped registries', () => {
    const environment = { HOST: 'npm.example.org' };
    expect(
      readNpmrcRegistries(
        'registry=https://${HOST}/npm\n@acme:registry=https://acme.example.org\n//x/:_authToken=secret',
        environment,
      ),
    ).toEqual({
      url: 'https://npm.example.org/npm/',
      scopes: new Map([['@acme', 'https://acme.example.org/']]),
    });
    expect(
      resolveRegistryConfig({}, [
        'registry=https://user.example/',
        'registry=https://project.example/',
      ]).url,
    ).toBe('https://project.example/');
    expect(
      resolveRegistryConfig({ npm_config_registry: 'https://env.example' }, [
        'registry=https://project.example/',
      ]).url,
    ).toBe('https://env.example/');
    expect(resolveRegistryConfig({}, []).url).toBe('https://registry.npmjs.org/');
  });
});

describe('npm registry adapter', () => {
  it('summarises packuments, says 404 for unknown names and asks through the configured registry', async () => {
    const client = open({}, { npmrcTexts: [`registry=${registry.url}`] });
    const answers = await client.lookupPackages(['lodash', 'made-up-ai-helper', 'loadsh']);
    expect(answers.get('lodash')).toMatchObject({
      status: 'found',
      record: { name: 'lodash', distTags: { latest: '4.17.21' } },
    });
    expect(answers.get('made-up-ai-helper')).toEqual({ status: 'not-found' });
    expect(answers.get('loadsh')).toMatchObject({
      status: 'found',
      record: { versions: [{ version: '0.0.1-security' }] },
    });
    expect(await client.resolveUrl()).toBe(registry.url);
    expect(registry.requests.map((request) => request.path).sort()).toEqual([
      '/loadsh',
      '/lodash',
      '/made-up-ai-helper',
    ]);
  });

  it('answers again from the disk cache, and offline from the cache only', async () => {
    const environment = { npm_config_registry: registry.url };
    await open(environment).lookupPackages(['lodash', 'made-up-ai-helper']);
    expect(registry.requests).toHaveLength(2);
    const again = open(environment);
    expect((await again.lookupPackages(['lodash', 'made-up-ai-helper'])).size).toBe(2);
    expect(again.counts).toEqual({ requests: 0, cacheHits: 2 });
    const offline = open(environment, { offline: true });
    const answers = await offline.lookupPackages(['lodash', 'express']);
    expect([...answers.keys()]).toEqual(['lodash']);
    expect(await offline.fetchAdvisories(new Map([['lodash', ['4.17.20']]]))).toMatchObject({
      problem: expect.stringContaining('offline') as string,
    });
    expect(registry.requests).toHaveLength(2);
  });

  it('expires cached answers', async () => {
    const opener = createNpmRegistryOpener(
      { HOME: home, npm_config_registry: registry.url },
      { cacheMaxAgeMs: 0, cacheDir: join(home, 'expiring') },
    );
    await opener.open({ offline: false, npmrcTexts: [] }).lookupPackages(['lodash']);
    await opener.open({ offline: false, npmrcTexts: [] }).lookupPackages(['lodash']);
    expect(registry.requests).toHaveLength(2);
  });

  it('retries busy answers, then reports the registry unavailable', async () => {
    await registry.close();
    registry = await serveRegistryFixtures({ failures: 2 });
    const answers = await open({ npm_config_registry: registry.url }).lookupPackages(['lodash']);
    expect(answers.get('lodash')?.status).toBe('found');
    expect(registry.requests).toHaveLength(3);
    await registry.close();
    registry = await serveRegistryFixtures({ failures: 10 });
    const failed = await open({
      npm_config_registry: registry.url,
      cacheDir: join(home, 'other'),
    }).lookupPackages(['express']);
    expect(failed.get('express')).toEqual({ status: 'unavailable', reason: 'HTTP 503' });
    expect(registry.requests).toHaveLength(3);
  });

  it('keeps at most the configured number of requests in flight', async () => {
    await registry.close();
    registry = await serveRegistryFixtures({ delayMs: 20 });
    const names = Array.from({ length: 30 }, (_, index) => `pkg-${index}`);
    const client = createNpmRegistryOpener(
      { HOME: home, npm_config_registry: registry.url },
      { concurrency: 4, cacheDir: join(home, 'c') },
    ).open({ offline: false, npmrcTexts: [] });
    expect((await client.lookupPackages(names)).size).toBe(30);
    expect(registry.peakConcurrency()).toBeLessThanOrEqual(4);
    expect(registry.peakConcurrency()).toBeGreaterThan(1);
  });

  it('posts versions to the bulk advisory endpoint and reads the answer', async () => {
    const client = open({ npm_config_registry: registry.url });
    const { advisories, problem } = await client.fetchAdvisories(
      new Map([
        ['lodash', ['4.17.20']],
        ['express', ['4.18.2']],
      ]),
    );
    expect(problem).toBeUndefined();
    expect(advisories.get('lodash')?.map((advisory) => advisory.vulnerableVersions)).toEqual([
      '<4.17.21',
      '>=4.0.0 <4.17.21',
    ]);
    const post = registry.requests.find((request) => request.method === 'POST');
    expect(JSON.parse(post!.body)).toEqual({ lodash: ['4.17.20'], express: ['4.18.2'] });
  });

  it('reads the user .npmrc from HOME, and sends scoped names to their registry', async () => {
    writeFileSync(
      join(home, '.npmrc'),
      `@acme:registry=${registry.url}\nregistry=http://127.0.0.1:9/\n`,
    );
    const client = open({});
    expect(await client.resolveUrl()).toBe('http://127.0.0.1:9/');
    const answers = await client.lookupPackages(['@acme/tool']);
    expect(answers.get('@acme/tool')).toEqual({ status: 'not-found' });
    expect(registry.requests.map((request) => request.path)).toEqual(['/@acme/tool']);
  });
});
