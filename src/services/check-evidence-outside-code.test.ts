// The evidence check against a real git repository when the report places the vulnerable code in a
// third-party plugin or a fork: names this repository lacks are unverifiable here, not invented.
import { describe, expect, it } from 'vitest';
import { useEvidenceFixture } from '../../test/support/use-evidence-fixture.js';

const { check } = useEvidenceFixture(async (fixture) => {
  await fixture.writeFiles({
    'server/router.go': [
      'package server',
      '',
      'type Router struct{ plugins []Plugin }',
      '',
      'func (r *Router) ServeRequest(path string) error {',
      '\tfor _, plugin := range r.plugins {',
      '\t\tplugin.Handle(path)',
      '\t}',
      '\treturn nil',
      '}',
      '',
    ].join('\n'),
  });
  await fixture.commit('Router with plugins');
  await fixture.tag('v1.4.0');
});

const pluginReport = (placement: string): string =>
  [
    '# Path traversal in the image cache plugin',
    '',
    '## Summary',
    '',
    `${placement} The function \`resolveCachedImage()\` in \`plugins/imagecache/cache.go\` joins the`,
    'requested path without cleaning it, so `../` escapes the cache folder. It is reached from',
    '`(*Router).ServeRequest` in `server/router.go` on v1.4.0.',
    '',
  ].join('\n');

describe('checkEvidence: code in a third-party plugin', () => {
  it('reads names missing here as unverifiable when the report places them in a third-party plugin', async () => {
    const evidence = await check(
      pluginReport('The bug is in imagecache, a third-party plugin maintained by another team.'),
    );
    expect(evidence.grade).not.toBe('fabricated');
    expect(evidence.grade).not.toBe('contradicted');
    const missing = evidence.claims.find((entry) =>
      entry.claim.text.includes('resolveCachedImage'),
    );
    expect(missing?.status).toBe('unverifiable');
    expect(missing?.proof.summary).toContain('third-party plugin');
    const real = evidence.claims.find((entry) => entry.claim.text.includes('ServeRequest'));
    expect(real?.status).toBe('verified');
  });

  it('reads the same names as fabricated when the report places them in the project', async () => {
    const evidence = await check(pluginReport(''));
    expect(evidence.grade).toBe('fabricated');
  });

  it('keeps the project reading when the report says the code is not a third-party plugin', async () => {
    const evidence = await check(
      pluginReport('This is not a third-party plugin but the core router.'),
    );
    expect(evidence.grade).toBe('fabricated');
  });
});

describe('checkEvidence: code in another product', () => {
  it('reads names missing here as unverifiable when the report says the vulnerable code is in another product', async () => {
    const evidence = await check(
      pluginReport(
        'We link the system libimagecache2, and the vulnerable code is in libimagecache2.',
      ),
    );
    expect(evidence.grade).not.toBe('fabricated');
    const missing = evidence.claims.find((entry) =>
      entry.claim.text.includes('resolveCachedImage'),
    );
    expect(missing?.status).toBe('unverifiable');
    expect(missing?.proof.summary).toContain('vulnerable code is in libimagecache2');
  });

  it('keeps the project reading when the product named is a folder of this repository', async () => {
    const evidence = await check(pluginReport('The vulnerable code is in Server, our router.'));
    expect(evidence.grade).toBe('fabricated');
  });
});
