import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile } from '../../../test/support/build-fact.js';
import { evaluateScope } from './evaluate-scope.js';
import {
  listCheckoutPaths,
  listInstalledPackagePaths,
  resolveCheckoutPath,
} from './list-checkout-paths.js';
import { createCheckoutPathResolver, matchComponents } from './match-components.js';

describe('listInstalledPackagePaths', () => {
  it('reads an installed module as its path at the top of the repository or under src/', () => {
    expect(listInstalledPackagePaths('/srv/venv/lib/python3.12/site-packages/bottle.py')).toEqual([
      'bottle.py',
      'src/bottle.py',
    ]);
    expect(listInstalledPackagePaths('/usr/lib/python3/dist-packages/jinja2/sandbox.py')).toEqual([
      'jinja2/sandbox.py',
      'src/jinja2/sandbox.py',
    ]);
  });

  it("reads an installed npm package's file as its path at the top of the repository", () => {
    expect(listInstalledPackagePaths('node_modules/sanitize-html/test/test.js')).toEqual([
      'test/test.js',
    ]);
    expect(listInstalledPackagePaths('/app/node_modules/@scope/name/lib/x.js')).toEqual([
      'lib/x.js',
    ]);
    expect(listInstalledPackagePaths('/app/node_modules/a/node_modules/b/dist/index.js')).toEqual([
      'dist/index.js',
    ]);
    expect(listInstalledPackagePaths('node_modules/name')).toEqual([]);
  });

  it('takes the innermost packages folder and leaves other paths alone', () => {
    expect(
      listInstalledPackagePaths('/a/site-packages/tool/vendored/site-packages/six.py'),
    ).toEqual(['six.py', 'src/six.py']);
    expect(listInstalledPackagePaths('/home/ana/build/bottle/bottle.py')).toEqual([]);
    expect(listInstalledPackagePaths('/x/site-packages/')).toEqual([]);
    expect(listInstalledPackagePaths('/x/site-packages/../etc/passwd')).toEqual([]);
  });

  it('only lists tails of the path, never past the packages folder (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9._/-]{0,8}$/), { maxLength: 6 }),
        fc.constantFrom('site-packages', 'dist-packages', 'packages'),
        (parts, folder) => {
          const path = `/v/lib/${folder}/${parts.join('/')}`;
          for (const candidate of listInstalledPackagePaths(path)) {
            const tail = candidate.startsWith('src/') ? candidate.slice(4) : candidate;
            expect(path.endsWith(`-packages/${tail}`) || path.includes(`-packages/${tail}`)).toBe(
              true,
            );
            expect(candidate.split('/')).not.toContain('..');
          }
        },
      ),
    );
  });

  it('places a traceback line of the installed package in the component of its repository file', () => {
    expect(
      resolveCheckoutPath(
        '/srv/venv/lib/python3.12/site-packages/bottle.py',
        (tail) => tail === 'bottle.py',
      ),
    ).toBe('bottle.py');
    expect(
      resolveCheckoutPath(
        '/opt/app/.venv/lib/python3.11/site-packages/werkzeug/serving.py',
        (tail) => tail.startsWith('src/werkzeug/'),
      ),
    ).toBe('src/werkzeug/serving.py');
    expect(
      resolveCheckoutPath('/srv/venv/lib/python3.12/site-packages/requests/api.py', () => false),
    ).toBe('/srv/venv/lib/python3.12/site-packages/requests/api.py');
  });
});

describe('listCheckoutPaths', () => {
  it('lists the tails of a path in a build or work folder, longest first', () => {
    expect(listCheckoutPaths('/home/ana/build/libtiff-4.7.1/libtiff/tif_luv.c')).toEqual([
      'build/libtiff-4.7.1/libtiff/tif_luv.c',
      'libtiff-4.7.1/libtiff/tif_luv.c',
      'libtiff/tif_luv.c',
    ]);
    expect(listCheckoutPaths('/src/zstd/lib/decompress/x.c')).toContain('lib/decompress/x.c');
    expect(listCheckoutPaths('~/work/proj/src/http/parser.c')).toContain('src/http/parser.c');
  });

  it('leaves relative paths and the system’s own folders alone', () => {
    expect(listCheckoutPaths('libtiff/tif_luv.c')).toEqual([]);
    expect(listCheckoutPaths('/usr/include/stdio.h')).toEqual([]);
    expect(listCheckoutPaths('/etc/passwd')).toEqual([]);
  });

  it('only lists tails of the path that keep a folder', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9._-]{0,6}$/), { maxLength: 6 }),
        fc.constantFrom('/home/u/', '/tmp/', '/src/', '~/', '/usr/lib/', ''),
        (parts, root) => {
          const path = root + parts.join('/');
          for (const tail of listCheckoutPaths(path)) {
            expect(path.endsWith(`/${tail}`)).toBe(true);
            expect(tail).toContain('/');
          }
        },
      ),
    );
  });
});

describe('resolveCheckoutPath', () => {
  const isKnown = (tail: string): boolean => /^(?:libtiff|tools|build)\//.test(tail);

  it('takes the shortest tail the profile knows, not the reporter’s own build folder', () => {
    expect(resolveCheckoutPath('/home/ana/build/libtiff-4.7.1/libtiff/tif_luv.c', isKnown)).toBe(
      'libtiff/tif_luv.c',
    );
    expect(resolveCheckoutPath('/home/ana/libtiff/tools/tiffcp.c', isKnown)).toBe('tools/tiffcp.c');
    expect(resolveCheckoutPath('/home/ana/notes/x.c', isKnown)).toBe('/home/ana/notes/x.c');
    expect(resolveCheckoutPath('libtiff/tif_luv.c', () => false)).toBe('libtiff/tif_luv.c');
  });

  it('reads a checkout path as a file the profile lists by name at the top of the repository', () => {
    const isTopLevel = (name: string): boolean => name === 'cJSON.c';
    expect(resolveCheckoutPath('/home/ana/src/cJSON/cJSON.c', () => false, isTopLevel)).toBe(
      'cJSON.c',
    );
    // Another file of the checkout, a system path and a relative path stay as written.
    expect(resolveCheckoutPath('/home/ana/src/cJSON/poc.c', () => false, isTopLevel)).toBe(
      '/home/ana/src/cJSON/poc.c',
    );
    expect(resolveCheckoutPath('/usr/include/cJSON.c', () => false, isTopLevel)).toBe(
      '/usr/include/cJSON.c',
    );
    expect(resolveCheckoutPath('vendor/cJSON.c', () => false, isTopLevel)).toBe('vendor/cJSON.c');
  });

  it('places a trace of a top-level file the profile lists by name in its component', () => {
    const components = [
      { id: 'core', paths: ['cJSON.c', 'cJSON.h'], input: 'untrusted' as const },
      { id: 'utils', paths: ['utils/*.c'], input: 'untrusted' as const },
    ];
    const facts = [
      buildFact('file-path', 'cJSON.c'),
      buildFact('line-reference', '/home/ana/src/cJSON/cJSON.c:786'),
      buildFact('file-path', '/home/ana/src/cJSON/cJSON.c'),
    ];
    const [match] = matchComponents(
      facts,
      components,
      createCheckoutPathResolver(['cJSON.c', 'cJSON.h', 'utils/*.c'], ['cjson']),
    );
    expect(match?.component.id).toBe('core');
    expect(match?.facts.map((fact) => fact.value)).toEqual([]);
    expect(match?.bareNames).toHaveLength(3);
  });

  it('reads a top-level file name only in a folder named like the project', () => {
    const resolve = createCheckoutPathResolver(['index.js', 'lib/*.js'], ['vm2']);
    expect(resolve('/home/ana/vm2-3.10.5/index.js')).toBe('index.js');
    expect(resolve('/opt/other-app/index.js')).toBe('/opt/other-app/index.js');
  });

  it('places a trace in the reporter’s build folder in the component of its repository path', () => {
    const profile = buildProfile();
    const facts = [
      buildFact('file-path', '/home/ana/build/tinyhttpd-2.4.1/src/http/chunked.c'),
      buildFact('file-path', '/home/ana/build/asan.sh'),
    ];
    const ids = matchComponents(facts, profile.threatModel.components).map(
      (match) => match.component.id,
    );
    expect(ids).toEqual(['http-parser']);
  });

  it('does not let a reporter’s `build/` folder make a build-folder exclusion hold', () => {
    const profile = buildProfile({
      outOfScope: [
        {
          id: 'OOS-BUILD',
          statement: 'Only the build scripts.',
          when: { pathsOnly: ['build/**'] },
        },
      ],
    });
    const facts = [buildFact('file-path', '/home/ana/build/tinyhttpd-2.4.1/src/http/chunked.c')];
    const ids = evaluateScope(profile, facts).outOfScope.map((match) => match.ruleId);
    expect(ids).not.toContain('OOS-BUILD');
    const inBuildFolder = [buildFact('file-path', '/home/ana/tinyhttpd/build/gen.sh')];
    expect(evaluateScope(profile, inBuildFolder).outOfScope.map((m) => m.ruleId)).toContain(
      'OOS-BUILD',
    );
  });
});
