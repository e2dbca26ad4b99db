import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import { findSupportFolderRuns } from './find-support-folder-runs.js';

const pathsOf = (content: string): string[] =>
  findSupportFolderRuns(content).map((run) => run.path);

describe('scripts run by a bare name from an examples or test folder', () => {
  it.each([
    ['cd aiohttp/examples\npython basic_auth_middleware.py', ['examples/basic_auth_middleware.py']],
    ['git clone https://x/y\ncd y/examples/chat && node server.js', ['examples/chat/server.js']],
    ['$ cd demo\n$ python3 -u app.py --port 8080', ['demo/app.py']],
    ['cd ../tests; python -u test_client.py', ['tests/test_client.py']],
  ])('%s runs %j', (content, paths) => {
    expect(pathsOf(content)).toEqual(paths);
  });

  it.each([
    'python server.py',
    'cd /srv/app\npython server.py',
    'cd examples\ncd ..\npython server.py',
    'cd examples\npython ../lib/server.py',
    'cd examples && pip install aiohttp',
  ])('%s runs nothing from a support folder', (content) => {
    expect(pathsOf(content)).toEqual([]);
  });

  it('gives the examples path as a file-path fact of a shell block', () => {
    const report = buildTestReport(
      '# Timing\n\nThe example compares with ==.\n\n```sh\ncd aiohttp/examples\npython basic_auth_middleware.py\n```\n',
    );
    const paths = extractFacts(report)
      .filter((fact) => fact.kind === 'file-path')
      .map((fact) => [fact.value, fact.quote]);
    expect(paths).toEqual([['examples/basic_auth_middleware.py', 'basic_auth_middleware.py']]);
  });

  it('names each script where the session names it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        const content = `cd examples\npython x.py ${tail}`;
        for (const run of findSupportFolderRuns(content)) {
          expect(run.path.endsWith(content.slice(run.start, run.end))).toBe(true);
        }
      }),
    );
  });
});
