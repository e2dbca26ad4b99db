import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findClosestPath,
  findGeneratorTemplate,
  isOutsideCheckout,
  isApplicationPage,
  resolveCitedFolder,
  resolveCitedPath,
} from './find-closest-path.js';

const paths = [
  'README.md',
  'src/http/parser.c',
  'src/http/parser.h',
  'src/http/chunked.c',
  'src/http/headers.c',
  'src/server/main.c',
  'src/util/strbuf.c',
  'tests/http/parser_test.c',
  'docs/config.md',
];
const pathSet = new Set(paths);

describe('findGeneratorTemplate', () => {
  const tree = [
    'installer/templates/phx_single/config/runtime.exs.eex',
    'project_template/project_name/settings.py-tpl',
    'lib/config/runtime.ex',
    'docs/config.yml.example',
  ];

  it("finds the project's template of a generated application's file", () => {
    expect(findGeneratorTemplate('config/runtime.exs', tree)).toBe(
      'installer/templates/phx_single/config/runtime.exs.eex',
    );
    expect(findGeneratorTemplate('./project_name/settings.py', tree)).toBe(
      'project_template/project_name/settings.py-tpl',
    );
    expect(findGeneratorTemplate('docs/config.yml', tree)).toBe('docs/config.yml.example');
  });

  it('finds nothing for a bare name, another extension or a partial folder name', () => {
    expect(findGeneratorTemplate('runtime.exs', tree)).toBeNull();
    expect(findGeneratorTemplate('config/runtime.ex', tree)).toBeNull();
    expect(findGeneratorTemplate('g/config/runtime.exs', tree)).toBeNull();
    expect(findGeneratorTemplate('ig/runtime.exs', tree)).toBeNull();
  });
});

describe('isApplicationPage', () => {
  const tree = ['src/Template.php', 'tests/Fixtures/templates/foo.twig', 'doc/index.rst'];

  it("tells a page of the reporter's site from a template of the project", () => {
    expect(isApplicationPage('partials/user_card.twig', tree)).toBe(true);
    expect(isApplicationPage('/index.html', tree)).toBe(true);
    expect(isApplicationPage('profile.html', tree)).toBe(true);
    // A page in a folder the repository has, from its root, is the project's.
    expect(isApplicationPage('tests/Fixtures/templates/bar.twig', tree)).toBe(false);
    expect(isApplicationPage('twig/tests/Fixtures/bar.twig', tree)).toBe(false);
    expect(isApplicationPage('doc/page.html', tree)).toBe(false);
    // `templates` lies only deeper down (`tests/Fixtures/templates`): not a folder from the root.
    expect(isApplicationPage('templates/bar.twig', tree)).toBe(true);
    // Source files are never pages.
    expect(isApplicationPage('partials/card.php', tree)).toBe(false);
    expect(isApplicationPage('lib/invented.c', tree)).toBe(false);
  });
});

describe('isOutsideCheckout', () => {
  it("tells a file of the reporter's own machine from a path into a checkout", () => {
    // The deployment's own application in a traceback: no folder of it is the repository's.
    expect(isOutsideCheckout('/srv/shop/app/routes.py', paths)).toBe(true);
    expect(isOutsideCheckout('C:\\inetpub\\site\\views.py', paths)).toBe(true);
    expect(isOutsideCheckout('~/site/wsgi.py', paths)).toBe(true);
    // A folder name the repository has deeper down is not a checkout (`http` is `src/http`).
    expect(isOutsideCheckout('/srv/site/http/views.py', paths)).toBe(true);
    // A checkout path, even of a file that does not exist, names the project's folders.
    expect(isOutsideCheckout('/home/me/tinyhttpd/src/http/invented.c', paths)).toBe(false);
    expect(isOutsideCheckout('/opt/build/src/util/other.c', paths)).toBe(false);
    expect(isOutsideCheckout('/work/tests/http/x_test.c', paths)).toBe(false);
    // Relative paths and bare file names are never outside: they are read against the tree.
    expect(isOutsideCheckout('app/routes.py', paths)).toBe(false);
    expect(isOutsideCheckout('/routes.py', paths)).toBe(false);
  });

  it('never calls a path outside when a folder of it is a folder of the repository', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 }),
        fc.constantFrom(...paths.filter((path) => path.includes('/'))),
        fc.stringMatching(/^[a-z]{1,8}\.[a-z]{1,2}$/),
        (prefix, existing, file) => {
          const folder = existing.slice(0, existing.lastIndexOf('/'));
          const cited = `/${[...prefix, folder, file].join('/')}`;
          expect(isOutsideCheckout(cited, paths)).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        expect(typeof isOutsideCheckout(text, paths)).toBe('boolean');
      }),
    );
  });
});

describe('resolveCitedPath', () => {
  it('resolves exact paths, ./ and a leading repository folder', () => {
    expect(resolveCitedPath('src/http/parser.c', pathSet)).toBe('src/http/parser.c');
    expect(resolveCitedPath('./src/http/parser.c', pathSet)).toBe('src/http/parser.c');
    expect(resolveCitedPath('tinyhttpd/src/http/parser.c', pathSet)).toBe('src/http/parser.c');
    expect(resolveCitedPath('tinyhttpd/README.md', pathSet)).toBe('README.md');
  });

  it('resolves an absolute checkout path and a unique bare file name', () => {
    expect(resolveCitedPath('/home/me/build/tinyhttpd/src/http/chunked.c', pathSet)).toBe(
      'src/http/chunked.c',
    );
    expect(resolveCitedPath('chunked.c', pathSet)).toBe('src/http/chunked.c');
  });

  it('does not guess: invented, ambiguous or wrongly foldered paths resolve to null', () => {
    expect(resolveCitedPath('src/http/secure_headers.c', pathSet)).toBeNull();
    expect(resolveCitedPath('main.c', new Set([...paths, 'examples/main.c']))).toBeNull();
    expect(resolveCitedPath('lib/http/parser.c', pathSet)).toBeNull();
    expect(resolveCitedPath('a/b/src/http/parser.c', pathSet)).toBeNull();
    expect(resolveCitedPath('', pathSet)).toBeNull();
  });
});

describe('findClosestPath', () => {
  it('prefers the same file name in another folder', () => {
    expect(findClosestPath('src/parser.c', paths)).toBe('src/http/parser.c');
    expect(findClosestPath('lib/http/chunked.c', paths)).toBe('src/http/chunked.c');
  });

  it('falls back to the nearest file name, then to a containing one', () => {
    expect(findClosestPath('src/http/parse.c', paths)).toBe('src/http/parser.c');
    expect(findClosestPath('src/http/chunk.c', paths)).toBe('src/http/chunked.c');
    expect(findClosestPath('src/http/secure_headers.c', paths)).toBe('src/http/headers.c');
    expect(findClosestPath('src/util/StrBuf.c', paths)).toBe('src/util/strbuf.c');
  });

  it('returns null when nothing is close', () => {
    expect(findClosestPath('src/crypto/aes_gcm_siv.rs', paths)).toBeNull();
    expect(findClosestPath('x.c', [])).toBeNull();
  });

  // Its speed on large trees is a benchmark figure (docs/evidence.md), not a test assertion.
  it('finds the closest of 50,000 paths', () => {
    const many: string[] = [];
    for (let index = 0; index < 50_000; index += 1) {
      many.push(`packages/pkg_${index % 500}/src/module_${index % 977}/file_${index}.ts`);
    }
    many.push('src/http/secure_headers.c');
    expect(findClosestPath('src/http/secure_header.c', many)).toBe('src/http/secure_headers.c');
    expect(findClosestPath('packages/pkg_7/src/module_3/file_1234.js', many)).toBe(
      'packages/pkg_234/src/module_257/file_1234.ts',
    );
  });
});

describe('resolveCitedFolder', () => {
  it('finds a cited folder, with ./, a trailing slash or the repository folder in front', () => {
    expect(resolveCitedFolder('src/http', paths)).toBe('src/http');
    expect(resolveCitedFolder('./src/http/', paths)).toBe('src/http');
    expect(resolveCitedFolder('/src', paths)).toBe('src');
    expect(resolveCitedFolder('tinyhttpd/src/server', paths)).toBe('src/server');
  });

  it('gives null for a file, a partial folder name or an invented folder', () => {
    expect(resolveCitedFolder('src/http/parser.c', paths)).toBeNull();
    expect(resolveCitedFolder('src/ht', paths)).toBeNull();
    expect(resolveCitedFolder('contrib/gregbook', paths)).toBeNull();
    expect(resolveCitedFolder('', paths)).toBeNull();
  });

  it('only ever answers with a folder that holds a file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (cited) => {
        const folder = resolveCitedFolder(cited, paths);
        if (folder !== null) expect(paths.some((path) => path.startsWith(`${folder}/`))).toBe(true);
      }),
    );
  });
});
