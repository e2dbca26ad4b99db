// The evidence check against a real git repository when a report names the wrong version: the
// cited file was added after it, so it is missing at the named tag but present at HEAD. A missing
// file is only a proof against the report when no revision in the history ever held it.
import { describe, expect, it } from 'vitest';
import { useEvidenceFixture } from '../../test/support/use-evidence-fixture.js';

const { check } = useEvidenceFixture(async (fixture) => {
  await fixture.writeFiles({
    'lib/router.js': 'export function route(path) {\n  return path;\n}\n',
  });
  await fixture.commit('Initial router');
  await fixture.tag('v1.0.0');
  await fixture.writeFiles({
    'lib/cookies.js':
      'export function parseCookieHeader(header) {\n  return header.split(";").map((part) => part.trim());\n}\n',
  });
  await fixture.commit('Parse cookies');
  await fixture.tag('v2.0.0');
  await fixture.rename('lib/router.js', 'lib/routing/index.js');
  await fixture.commit('Move the router into its own folder');
  await fixture.tag('v3.0.0');
});

describe('a cited file missing at the named version', () => {
  it('is unverifiable, not contradicted, when HEAD holds it', async () => {
    const evidence = await check(`# Quadratic time in cookie parsing

Version: 1.0.0

The vulnerable code is in \`lib/cookies.js\`: a header with many \`;\` is split and trimmed again
for every lookup.
`);
    expect(evidence.revision.resolved).toBe('v1.0.0');
    const file = evidence.claims.find((checked) => checked.claim.text === 'lib/cookies.js');
    expect(file?.status).toBe('unverifiable');
    expect(file?.proof.summary).toContain('HEAD has lib/cookies.js');
    expect(evidence.grade).not.toBe('fabricated');
  });

  it('is unverifiable, not contradicted, when an older revision held it (moved since)', async () => {
    const evidence = await check(`# Route confusion in the router

Version: 3.0.0

The vulnerable function \`route()\` is in \`lib/router.js\`.
`);
    expect(evidence.revision.resolved).toBe('v3.0.0');
    const file = evidence.claims.find((checked) => checked.claim.text === 'lib/router.js');
    expect(file?.status).toBe('unverifiable');
    expect(file?.proof.summary).toContain('the repository held it elsewhere in history');
    expect(file?.proof.commit?.subject).toBe('Move the router into its own folder');
    expect(evidence.grade).not.toBe('fabricated');
    expect(evidence.grade).not.toBe('contradicted');
  });

  it('is still contradicted when no revision ever held it', async () => {
    const evidence = await check(`# Quadratic time in session parsing

Version: 1.0.0

The vulnerable function \`parseSessionHeader()\` is in \`lib/sessions.js\`.
`);
    const file = evidence.claims.find((checked) => checked.claim.text === 'lib/sessions.js');
    expect(file?.status).toBe('contradicted');
    expect(evidence.grade).toBe('fabricated');
  });
});
