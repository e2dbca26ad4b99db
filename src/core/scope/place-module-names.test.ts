import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile } from '../../../test/support/build-fact.js';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { evaluateScope } from './evaluate-scope.js';
import { placeModuleName, placeModuleNames } from './place-module-names.js';

const twistedGlobs = [
  'src/twisted/web/http.py',
  'src/twisted/web/static.py',
  'src/twisted/conch/ssh/**',
  'src/twisted/**/test/**',
  'docs/**',
];

describe('placeModuleName', () => {
  it('places a qualified name in the module file a glob lists, not in its package', () => {
    expect(placeModuleName('twisted.web.static.File', twistedGlobs, ['twisted'])).toBe(
      'src/twisted/web/static.py',
    );
    expect(
      placeModuleName('twisted.web.http.HTTPChannel.headerReceived', twistedGlobs, ['twisted']),
    ).toBe('src/twisted/web/http.py');
  });

  it('under a wildcard glob, takes the shortest file it holds (the package before an invented file)', () => {
    expect(
      placeModuleName('twisted.conch.ssh.transport.SSHServerTransport', twistedGlobs, ['twisted']),
    ).toBe('src/twisted/conch/ssh/__init__.py');
    expect(
      placeModuleName('twisted.web.test.test_http.ChunkedTests', twistedGlobs, ['twisted']),
    ).toBe('src/twisted/web/test/__init__.py');
  });

  it('works with the package at the top of the repository', () => {
    expect(
      placeModuleName(
        'aiohttp.web_urldispatcher.StaticResource',
        ['aiohttp/web_urldispatcher.py'],
        ['aiohttp'],
      ),
    ).toBe('aiohttp/web_urldispatcher.py');
  });

  it('reads modules up to the first class, and invents no module file under a wildcard', () => {
    const requestsGlobs = ['src/requests/sessions.py', 'requests/*.py'];
    expect(placeModuleName('requests.sessions.Session', requestsGlobs, ['requests'])).toBe(
      'src/requests/sessions.py',
    );
    expect(placeModuleName('requests.Session', requestsGlobs, ['requests'])).toBeNull();
    expect(placeModuleName('requests.get', requestsGlobs, ['requests'])).toBeNull();
  });

  it('never guesses: other packages, one segment, folders no glob names literally', () => {
    expect(placeModuleName('requests.get', twistedGlobs, ['twisted'])).toBeNull();
    expect(placeModuleName('twisted', twistedGlobs, ['twisted'])).toBeNull();
    expect(placeModuleName('node.js', ['lib/**', 'src/**'], ['node'])).toBeNull();
    expect(placeModuleName('twisted.internet.reactor', twistedGlobs, ['twisted'])).toBeNull();
  });

  it('turns placed module facts into file-path facts with the same span, and leaves others', () => {
    const placed = buildFact('module', 'twisted.web.static.File');
    const unplaced = buildFact('module', 'twisted.internet.reactor');
    const other = buildFact('version', '24.7.0');
    const result = placeModuleNames([placed, unplaced, other], twistedGlobs, ['twisted']);
    expect(result[0]).toEqual({ ...placed, kind: 'file-path', value: 'src/twisted/web/static.py' });
    expect(result.slice(1)).toEqual([unplaced, other]);
  });

  it('returns a file a glob holds, whose path spells the name, or null, for any dotted name', () => {
    const segment = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const name = ['twisted', ...segments].join('.');
        const file = placeModuleName(name, twistedGlobs, ['twisted']);
        if (file !== null) {
          expect(file.startsWith('src/twisted/')).toBe(true);
          expect(file.endsWith('.py')).toBe(true);
        }
      }),
    );
  });
});

describe('JVM classes by their reverse-domain package', () => {
  const jvmGlobs = ['src/main/java/org/jsoup/safety/**', 'src/main/java/org/jsoup/parser/**'];

  it('places a class in its Maven layout file under the glob that names its package folder', () => {
    expect(placeModuleName('org.jsoup.safety.Cleaner', jvmGlobs, ['jsoup'])).toBe(
      'src/main/java/org/jsoup/safety/Cleaner.java',
    );
    expect(placeModuleName('org.jsoup.safety.Safelist.isSafeAttribute', jvmGlobs, ['jsoup'])).toBe(
      'src/main/java/org/jsoup/safety/Safelist.java',
    );
    expect(
      placeModuleName('io.ktor.server.plugins.Forwarded', ['ktor-server/src/io/ktor/**'], ['ktor']),
    ).toBe('ktor-server/src/io/ktor/server/plugins/Forwarded.java');
  });

  it('never guesses: another project, no class, no glob naming the package folder', () => {
    expect(placeModuleName('org.apache.commons.Text', jvmGlobs, ['jsoup'])).toBeNull();
    expect(placeModuleName('org.jsoup.safety', jvmGlobs, ['jsoup'])).toBeNull();
    expect(placeModuleName('org.jsoup.nodes.Element', jvmGlobs, ['jsoup'])).toBeNull();
    expect(placeModuleName('org.jsoup.safety.Cleaner', ['src/**'], ['jsoup'])).toBeNull();
  });

  it('reads the qualified class names of the project in reports', () => {
    const modules = extractFacts(
      buildTestReport('# Component\n\n`org.jsoup.safety.Cleaner` and org.apache.commons.Text.\n'),
      { projectNames: ['jsoup'] },
    )
      .filter((fact) => fact.kind === 'module')
      .map((fact) => fact.value);
    expect(modules).toEqual(['org.jsoup.safety.Cleaner']);
  });
});

describe('module names in reports', () => {
  const modulesOf = (text: string): string[] =>
    extractFacts(buildTestReport(text), { projectNames: ['twisted'] })
      .filter((fact) => fact.kind === 'module')
      .map((fact) => fact.value);

  it('reads dotted names of the project’s package in prose and inline code', () => {
    expect(
      modulesOf(
        '# Ranges\n\n`twisted.web.static.File` answers, and twisted.web.util.redirectTo too.\n',
      ),
    ).toEqual(['twisted.web.static.File', 'twisted.web.util.redirectTo']);
  });

  it('leaves addresses, URLs, file names and other packages alone', () => {
    expect(
      modulesOf(
        '# Notes\n\nMail security@twisted.org, see https://docs.twisted.org/en and twisted.py, or aiohttp.web.Application.\n',
      ),
    ).toEqual([]);
  });

  it('lets a components rule hold on a name alone', () => {
    const profile = {
      ...buildProfile({
        components: [
          { id: 'web', paths: ['src/twisted/web/static.py'], input: 'untrusted' as const },
        ],
        inScope: [{ id: 'IN-WEB', statement: 'web', when: { components: ['web'] } }],
        outOfScope: [],
      }),
      project: { name: 'twisted' },
    };
    const report = buildTestReport(
      '# Ranges\n\n`twisted.web.static.File` serves overlapping ranges in full.\n',
    );
    const facts = extractFacts(report, { projectNames: ['twisted'] });
    expect(evaluateScope(profile, facts, report).inScope.map((match) => match.ruleId)).toEqual([
      'IN-WEB',
    ]);
  });
});

describe('PHP classes', () => {
  const twigGlobs = ['src/Sandbox/**', 'src/Extension/CoreExtension.php', 'src/**', 'tests/**'];

  it('places a PHP class by PSR-4 under src/, by a listed file or a folder glob that reaches it', () => {
    expect(placeModuleName('Twig\\Extension\\CoreExtension', twigGlobs, ['twig'])).toBe(
      'src/Extension/CoreExtension.php',
    );
    expect(placeModuleName('Twig\\Sandbox\\SecurityPolicy', twigGlobs, ['twig'])).toBe(
      'src/Sandbox/SecurityPolicy.php',
    );
    // A bare `src/**` would hold any invented class: not read.
    expect(placeModuleName('Twig\\Node\\CheckToStringNode', twigGlobs, ['twig'])).toBeNull();
  });

  it('reads them from a report in the project’s own namespace only, not Ruby constants', () => {
    const modules = (text: string, names: string[]): string[] =>
      extractFacts(buildTestReport(text), { projectNames: names })
        .filter((fact) => fact.kind === 'module')
        .map((fact) => fact.value);
    expect(
      modules(
        '# Bug\n\n`\\Twig\\Extension\\SandboxExtension::ensureToStringAllowed()` and Symfony\\Component\\HttpFoundation\\Request.\n',
        ['twig'],
      ),
    ).toEqual(['Twig\\Extension\\SandboxExtension']);
    expect(modules('# Bug\n\n`Sinatra::IndifferentHash#convert_value`.\n', ['sinatra'])).toEqual(
      [],
    );
  });

  it('never throws on names made of separators and capitals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Twig', 'Sandbox', '\\', '::', 'A', 'b', '#', ' '), {
          maxLength: 30,
        }),
        (parts) => {
          const placed = placeModuleName(parts.join(''), twigGlobs, ['twig']);
          expect(placed === null || typeof placed === 'string').toBe(true);
        },
      ),
    );
  });
});
