// The evidence check against a real git repository when the reporter re-formatted the code they
// quote (indentation, line breaks, spaces, quote marks): no line of it is in the repository as
// written, yet it is the project's code. Invented code stays contradicted.
import { describe, expect, it } from 'vitest';
import { useEvidenceFixture } from '../../test/support/use-evidence-fixture.js';

const { check } = useEvidenceFixture(async (fixture) => {
  await fixture.writeFiles({
    'lib/session.js': [
      'export function readSession(request, store) {',
      "  const token = request.headers['x-session-token'];",
      '  if (!token) return null;',
      '  return store.lookup(token, { touch: true });',
      '}',
      '',
    ].join('\n'),
    'lib/router.js': 'export function route(path) {\n  return path;\n}\n',
  });
  await fixture.commit('Sessions');
  await fixture.tag('v1.0.0');
});

describe('a quoted snippet the reporter re-formatted', () => {
  it('is found modulo whitespace, line breaks and quote marks', async () => {
    const evidence = await check(`# Session fixation in readSession

Version: 1.0.0

The session lookup never rotates the token:

\`\`\`js
const token = request.headers["x-session-token"];
if(!token)
    return null;
return store.lookup(token, {touch: true});
\`\`\`
`);
    const snippet = evidence.claims.find((checked) => checked.claim.kind === 'snippet');
    expect(snippet?.status).toBe('verified');
    expect(snippet?.proof.path).toBe('lib/session.js');
  });

  it('stays contradicted when the code is invented', async () => {
    const evidence = await check(`# Admin bypass in readSession

Version: 1.0.0

The session code grants admin rights from a header:

\`\`\`js
const secret = request.headers["x-admin-override"];
grantAdministratorAccess(secret, {bypass: true, scope: "global"});
elevatePrivileges(request.session, secret);
\`\`\`
`);
    const snippet = evidence.claims.find((checked) => checked.claim.kind === 'snippet');
    expect(snippet?.status).toBe('contradicted');
  });
});
