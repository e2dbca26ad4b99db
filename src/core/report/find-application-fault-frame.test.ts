import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

const callerCode = (body: string) =>
  extractFacts(buildTestReport(body), { projectNames: ['gunicorn'] })
    .filter((fact) => fact.kind === 'requires-config' && fact.value === 'caller-callback')
    .map((fact) => [fact.quote, fact.actor]);

const traceback = (innermost: string, exception: string) =>
  [
    'Error log:',
    '',
    '```',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/gunicorn/workers/sync.py", line 177, in handle_request',
    '    respiter = self.wsgi(environ, resp.start_response)',
    innermost,
    '    rows = db.execute("SELECT * FROM t WHERE name = \'" + q + "\'").fetchall()',
    exception,
    '```',
    '',
  ].join('\n');

describe('addApplicationFaultFrames', () => {
  it("reads a traceback that fails in the application's own file as the caller's code", () => {
    const body = traceback(
      '  File "/srv/shop/app/routes.py", line 41, in search',
      'sqlite3.OperationalError: near "1": syntax error',
    );
    expect(callerCode(body)).toEqual([['/srv/shop/app/routes.py', 'user']]);
    // Module-level code runs too (`in <module>`), and a `> `-quoted trace reads the same.
    const moduleLevel = traceback(
      '  File "/srv/shop/app/boot.py", line 7, in <module>',
      'KeyError: 1',
    );
    expect(callerCode(moduleLevel)).toEqual([['/srv/shop/app/boot.py', 'user']]);
  });

  it('leaves a fault in an installed package, a script, an assert or a syntax error alone', () => {
    const inPackage = '  File "/srv/venv/lib/python3.12/site-packages/flask/app.py", line 9, in f';
    expect(callerCode(traceback(inPackage, 'KeyError: 1'))).toEqual([]);
    const script = '  File "/home/ana/poc.py", line 9, in main';
    expect(callerCode(traceback(script, 'ValueError: x'))).toEqual([]);
    const app = '  File "/srv/shop/app/routes.py", line 41, in search';
    expect(callerCode(traceback(app, 'AssertionError'))).toEqual([]);
    const compiled = '  File "/srv/shop/app/settings.py", line 88';
    expect(callerCode(traceback(compiled, "SyntaxError: '{' was never closed"))).toEqual([]);
  });

  it("needs a frame of the project's own package in the traceback", () => {
    const body = traceback(
      '  File "/srv/shop/app/routes.py", line 41, in search',
      'KeyError: 1',
    ).replace('site-packages/gunicorn/', 'site-packages/waitress/');
    expect(callerCode(body)).toEqual([]);
  });
});
