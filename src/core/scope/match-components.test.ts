import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFact } from '../../../test/support/build-fact.js';
import type { ThreatComponent } from '../model/security-profile.js';
import {
  createPathMatcher,
  findOwningComponents,
  matchComponents,
  resolveBareFileName,
  resolveBareNamesInCitedFolder,
} from './match-components.js';

const components: ThreatComponent[] = [
  { id: 'server', paths: ['src/**'], input: 'untrusted' },
  { id: 'scripting', paths: ['deps/lua/**', 'src/script_lua.c'], input: 'untrusted' },
  { id: 'tests', paths: ['tests/**'], input: 'trusted' },
];
const ids = (found: readonly ThreatComponent[]) => found.map((component) => component.id);

describe('resolveBareFileName', () => {
  it('lets a component path ending in the name decide alone', () => {
    expect(ids(resolveBareFileName('script_lua.c', components))).toEqual(['scripting']);
    const libssh2: ThreatComponent[] = [
      { id: 'transport', paths: ['src/session.c', 'src/kex.c'], input: 'untrusted' },
      { id: 'examples', paths: ['example/**'], input: 'trusted' },
    ];
    expect(ids(resolveBareFileName('session.c', libssh2))).toEqual(['transport']);
  });

  it('places a name in every folder glob that could hold it, but not in test or example folders', () => {
    expect(ids(resolveBareFileName('t_hash.c', components))).toEqual(['server', 'scripting']);
    expect(ids(resolveBareFileName('test_helpers.c', components))).toEqual([
      'server',
      'scripting',
      'tests',
    ]);
  });

  it('counts a regression-test folder as a test folder', () => {
    const openssh: ThreatComponent[] = [
      { id: 'client', paths: ['sshconnect*.c'], input: 'untrusted' },
      { id: 'regress', paths: ['regress/**'], input: 'trusted' },
    ];
    expect(ids(resolveBareFileName('sshconnect2.c', openssh))).toEqual(['client']);
    expect(ids(resolveBareFileName('regress_netcat.c', openssh))).toEqual(['regress']);
  });

  it('respects file-name patterns in globs', () => {
    const typed: ThreatComponent[] = [
      { id: 'lib', paths: ['lib/*.c'], input: 'untrusted' },
      { id: 'scripts', paths: ['tools/*.py'], input: 'trusted' },
    ];
    expect(ids(resolveBareFileName('parse.c', typed))).toEqual(['lib']);
    expect(ids(resolveBareFileName('build.py', typed))).toEqual(['scripts']);
    expect(ids(resolveBareFileName('README', typed))).toEqual([]);
  });

  it('never throws and only returns given components, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const found = resolveBareFileName(name, components);
        expect(found.every((component) => components.includes(component))).toBe(true);
      }),
    );
  });
});

describe('matchComponents with bare file names', () => {
  it('records every component a bare name could be in, and keeps folder paths exact', () => {
    const facts = [
      buildFact('file-path', 't_hash.c', 'In t_hash.c the field is freed'),
      buildFact('file-path', 'src/acl.c', 'src/acl.c'),
    ];
    const matches = matchComponents(facts, components);
    expect(matches.map((match) => match.component.id)).toEqual(['server', 'scripting']);
    expect(matches[0]?.facts.map((fact) => fact.value)).toEqual(['src/acl.c']);
    expect(matches[1]?.facts).toEqual([]);
    expect(matches[1]?.bareNames.map(({ candidates }) => candidates)).toEqual([
      ['server', 'scripting'],
    ]);
  });
});

describe('resolveBareNamesInCitedFolder', () => {
  const pngComponents: ThreatComponent[] = [
    { id: 'library', paths: ['pngrutil.c', 'arm/**'], input: 'untrusted' },
    { id: 'contrib', paths: ['contrib/**'], input: 'trusted' },
  ];
  const identity = (path: string): string => path;

  it('puts a bare name into the one folder the report cites', () => {
    const facts = [
      buildFact('file-path', 'contrib/gregbook'),
      buildFact('file-path', 'readpng2.c', 'The bug is in readpng2.c'),
    ];
    const resolve = resolveBareNamesInCitedFolder(identity, facts, pngComponents);
    expect(resolve('readpng2.c')).toBe('contrib/gregbook/readpng2.c');
    expect(resolve('contrib/gregbook')).toBe('contrib/gregbook');
    const matches = matchComponents(facts, pngComponents, resolve);
    expect(matches.map((match) => match.component.id)).toEqual(['contrib']);
  });

  it('keeps names a component lists, and bare names when no folder or several are cited', () => {
    const one = [buildFact('file-path', 'contrib/gregbook')];
    expect(resolveBareNamesInCitedFolder(identity, one, pngComponents)('pngrutil.c')).toBe(
      'pngrutil.c',
    );
    const two = [
      buildFact('file-path', 'contrib/gregbook'),
      buildFact('file-path', 'contrib/tools'),
    ];
    expect(resolveBareNamesInCitedFolder(identity, two, pngComponents)('readpng2.c')).toBe(
      'readpng2.c',
    );
    const files = [buildFact('file-path', 'contrib/tools/pngfix.c')];
    expect(resolveBareNamesInCitedFolder(identity, files, pngComponents)('readpng2.c')).toBe(
      'readpng2.c',
    );
  });

  it('reads a bare name as the one path the report also cites with its folder', () => {
    const facts = [
      buildFact('file-path', 'contrib/tools/pngfix.c'),
      buildFact('file-path', 'pngfix.c', 'crashes in pngfix.c:62'),
    ];
    const resolve = resolveBareNamesInCitedFolder(identity, facts, pngComponents);
    expect(resolve('pngfix.c')).toBe('contrib/tools/pngfix.c');
    const matches = matchComponents(facts, pngComponents, resolve);
    expect(matches.map((match) => match.component.id)).toEqual(['contrib']);
    expect(matches[0]!.bareNames).toEqual([]);
    const twoCopies = [
      buildFact('file-path', 'contrib/tools/pngfix.c'),
      buildFact('file-path', 'contrib/other/pngfix.c'),
    ];
    expect(resolveBareNamesInCitedFolder(identity, twoCopies, pngComponents)('pngfix.c')).toBe(
      'pngfix.c',
    );
  });

  it('reads a bare `x.php` as the cited `x.phps` a PHP project ships to be renamed and run', () => {
    const mailComponents: ThreatComponent[] = [
      { id: 'library', paths: ['src/**'], input: 'untrusted' },
      { id: 'examples', paths: ['examples/**'], input: 'trusted' },
    ];
    const facts = [
      buildFact('file-path', 'examples/contactform.phps'),
      buildFact('file-path', 'contactform.php', 'copied to the server as contactform.php'),
    ];
    const resolve = resolveBareNamesInCitedFolder(identity, facts, mailComponents);
    expect(resolve('contactform.php')).toBe('examples/contactform.phps');
    expect(resolve('mailer.php')).toBe('mailer.php');
    const matches = matchComponents(facts, mailComponents, resolve);
    expect(matches.map((match) => match.component.id)).toEqual(['examples']);
  });
});

describe('findOwningComponents', () => {
  const goProject: ThreatComponent[] = [
    { id: 'broker', paths: ['broker/**', 'main.go'], input: 'untrusted' },
    { id: 'tests', paths: ['**/*_test.go', 'testdata/**'], input: 'trusted' },
    { id: 'auth', paths: ['broker/auth.go'], input: 'untrusted' },
  ];

  it('gives a test file beside the code to the component that names that kind of file', () => {
    expect([...findOwningComponents('broker/session_test.go', goProject)]).toEqual(['tests']);
    expect([...findOwningComponents('broker/session.go', goProject)]).toEqual(['broker']);
  });

  it('keeps layered components: an exact file over a folder keeps both', () => {
    expect([...findOwningComponents('broker/auth.go', goProject)]).toEqual(['broker', 'auth']);
  });

  it('drops a leading folder only when no component holds the path as written', () => {
    const layered: ThreatComponent[] = [
      { id: 'tls', paths: ['src/**'], input: 'untrusted' },
      { id: 'crypto', paths: ['wolfcrypt/src/**'], input: 'untrusted' },
    ];
    // `wolfcrypt/src/asn.c` is the crypto component's file, not `src/asn.c` of a checkout folder.
    expect([...findOwningComponents('wolfcrypt/src/asn.c', layered)]).toEqual(['crypto']);
    // A path no glob holds as written is still read without its checkout folder.
    expect([...findOwningComponents('wolfssl-5.9.1/src/ssl.c', layered)]).toEqual(['tls']);
  });

  it('changes nothing for paths only one component holds, or none', () => {
    expect([...findOwningComponents('testdata/x.bin', goProject)]).toEqual(['tests']);
    expect([...findOwningComponents('docs/readme.md', goProject)]).toEqual([]);
  });

  it('returns only components that hold the path, and one at least when any does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_/.]{1,30}$/), (path) => {
        const owners = findOwningComponents(path, goProject);
        const holding = goProject.filter((component) => createPathMatcher(component.paths)(path));
        for (const id of owners) expect(holding.map((component) => component.id)).toContain(id);
        expect(owners.size > 0).toBe(holding.length > 0);
      }),
    );
  });
});
