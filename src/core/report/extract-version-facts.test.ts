import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import fc from 'fast-check';
import {
  dropBuildDescription,
  versionPatternLiterals,
  versionPatterns,
} from './extract-version-facts.js';
import { findRequiredLiterals } from './find-required-literals.js';

function versionsOf(markdown: string): string[] {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === 'version')
    .map((fact) => fact.value);
}

describe('versions', () => {
  it.each([
    ['Tested on version 2.3.1.', ['2.3.1']],
    ['Tested on v2.3.1.', ['2.3.1']],
    ['Affects tinyhttpd 2.3.1 and later releases.', ['>=2.3.1']],
    ['Pinned to 2.13.1 because we ship on Python 3.6 and later releases dropped it.', ['2.13.1']],
    ['Affected: <= 2.4.0', ['<=2.4.0']],
    ['Range: >=1.0.0 <2.0.0', ['>=1.0.0 <2.0.0']],
    ['All 2.x releases are affected.', ['2.x']],
    ['All versions before 2.5.0 are affected.', ['<2.5.0']],
    ['All versions prior to 2.5 are affected.', ['<2.5']],
    ['Affected versions: 2.0.0 - 2.4.1', ['>=2.0.0 <=2.4.1']],
    ['The bug exists since 1.4 in every release.', ['>=1.4']],
    ['Versions 2.2.0 through 2.4.1 are affected.', ['>=2.2.0 <=2.4.1']],
    ['Also seen on 2.3.2 and 2.5.0-rc1.', ['2.3.2', '2.5.0-rc1']],
    ['2.4.1 and earlier are affected.', ['<=2.4.1']],
    ['Affected version: 9.9p1', ['9.9']],
    ['Tested on version 9.6p2.', ['9.6']],
    // A range of fixes asked for, and upgrade targets and releases asked for in other languages.
    [
      'We run 0.21.10. Could you ship a 0.21.x release with all security fixes since 0.21.11?',
      ['0.21.10'],
    ],
    ['Usamos a 1.7.1. Migrar para o 2.x exige reescrever tudo.', ['1.7.1']],
    ['Seria possível publicar uma 1.7.2 com a correção?', []],
    ['Estamos en la 3.1.0 y no podemos actualizar a la 4.0.1.', ['3.1.0']],
    // The release whose API changed is the one the reporter has not moved to.
    ['Seguimos en la 2.1.0 porque la API de la 3.x cambió.', ['2.1.0']],
    ['We stay on 2.1.0 because the 3.x API changed.', ['2.1.0']],
    ['Wir bleiben bei 2.1.0, weil sich die API von 3.x geändert hat.', ['2.1.0']],
    ['The API of 3.10.5 crashes on this input.', ['3.10.5']],
    ['Nous sommes en 5.2.1 ; migrer vers la 6.0.0 est impossible.', ['5.2.1']],
    ['Wir nutzen 1.4.2 und können nicht auf 2.0.0 migrieren.', ['1.4.2']],
    ['Temos a 1.14.4 fixada. Não podemos subir para 1.15.x agora.', ['1.14.4']],
    ['Usiamo la 2.3.1 e non possiamo aggiornare alla 3.0.0.', ['2.3.1']],
  ])('%s -> %j', (text, expected) => {
    expect(versionsOf(text)).toEqual(expected);
  });

  it('takes any dotted number in an affected-version section, with origin structure', () => {
    const facts = extractFacts(buildTestReport('# Report\n\n## Affected versions\n\n2.4\n'));
    expect(
      facts.filter((fact) => fact.kind === 'version').map((fact) => [fact.value, fact.origin]),
    ).toEqual([['2.4', 'structure']]);
  });

  it('skips IP addresses, dates, scores, protocols, line numbers, tool versions and commits', () => {
    expect(versionsOf('Connect to 192.168.1.10 and 10.0.0.1:8080.')).toEqual([]);
    expect(versionsOf('Reported on 2024-03-05, or 05.03.2024.')).toEqual([]);
    expect(versionsOf('CVSS score 9.8 and CVSS:3.1 vectors.')).toEqual([]);
    expect(versionsOf('It speaks HTTP/1.1 and HTTP/2.')).toEqual([]);
    expect(versionsOf('See src/http/parser.c:120 and commit abc1234.')).toEqual([]);
    expect(versionsOf('Built with Python 3.11.4 on Ubuntu 22.04.')).toEqual([]);
    expect(versionsOf('We build with Swift 5.6 on Ubuntu 20.04.')).toEqual([]);
    expect(versionsOf('Tested on Elixir 1.18.4 and Erlang 27.3.')).toEqual([]);
    expect(versionsOf('We run on .NET Framework 4.7.2 under IIS 10.0.')).toEqual([]);
    expect(versionsOf('Runtime: .NET 8.0.14, Kotlin 2.1.20 on JVM 21.0.2.')).toEqual([]);
    expect(versionsOf('The request took 1.5.2 seconds')).toEqual([]);
    expect(versionsOf('The request took 2.5 sec, then 3.5 secs.')).toEqual([]);
  });

  it('reads a version followed by a word that starts like a unit', () => {
    expect(versionsOf('Tested on version 2.5 security release.')).toEqual(['2.5']);
  });

  it('skips the environment section, where versions are of the tools', () => {
    expect(versionsOf('# Report\n\n## Environment\n\nclang 17.0.6 on 6.8.0 kernel\n')).toEqual([]);
  });

  it('does not read code blocks or blockquote markers', () => {
    expect(versionsOf('```\nversion 1.2.3\n```\n> 2.3.4 is what the issue says')).toEqual([
      '2.3.4',
    ]);
  });

  it('reads a portable banner without its p level, and not the SSH protocol version', () => {
    const names = ['openssh'];
    const of = (text: string) =>
      extractFacts(buildTestReport(text), { projectNames: names })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(of('Server banner: SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\n')).toEqual(['8.9']);
    expect(of('We run OpenSSH 9.9p1 built from the tarball.')).toEqual(['9.9']);
  });

  it('reads a two-part release right after the project’s own name, not another product’s', () => {
    const of = (text: string) =>
      extractFacts(buildTestReport(text), { projectNames: ['ndpi'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(of('Affected: nDPI 4.10 and dev.')).toEqual(['4.10']);
    expect(of('We embed libndpi 4.10 in our probe.')).toEqual(['4.10']);
    expect(of('Seen with Wireshark 4.2 and clang 18.1 only.')).toEqual([]);
    expect(of('nDPI 4.10 (release tarball) is affected.')).toEqual(['4.10']);
  });

  it('reads a release named as one, also in an environment section', () => {
    expect(versionsOf('It reproduces on the 4.10 release.')).toEqual(['4.10']);
    expect(
      versionsOf('# Report\n\n## Tested on\n\nUbuntu 24.04, dev branch and the 4.10 release\n'),
    ).toEqual(['4.10']);
  });

  it('leaves out the version of a product the reporter used, named after "with" or "using"', () => {
    const of = (text: string) =>
      extractFacts(buildTestReport(text), { projectNames: ['ndpi'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(of('Tested with Wireshark 4.2.6 and nDPI dev.')).toEqual([]);
    expect(of('Built using Meson 1.3.0 from the 4.10.1 tarball.')).toEqual(['4.10.1']);
    expect(of('Tested with nDPI 4.10.2 and with version 4.8.1.')).toEqual(['4.10.2', '4.8.1']);
  });

  it('leaves out a release the project’s name introduces as the fix', () => {
    const of = (text: string) =>
      extractFacts(buildTestReport(text), { projectNames: ['ndpi'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(of('This was fixed in nDPI 4.10; we run 4.8.1.')).toEqual(['4.8.1']);
  });

  it('reads the project module a Go build requires, not other modules', () => {
    const of = (text: string) =>
      extractFacts(buildTestReport(text), { projectNames: ['gateproxy'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    const goMod = [
      '# Smuggling',
      '',
      'Our build:',
      '',
      '```',
      'require (',
      '\tgithub.com/example/gateproxy/v2 v2.10.7',
      '\tgolang.org/x/net v0.17.0',
      ')',
      '```',
      '',
    ].join('\n');
    expect(of(goMod)).toEqual(['2.10.7']);
    expect(of('Pinned with `go get github.com/example/gateproxy/v3@v3.1.2`.')).toEqual(['3.1.2']);
    expect(
      of('Pinned with:\n\n```\ngo get github.com/example/otherproxy/v3@v3.1.2\n```\n'),
    ).toEqual([]);
  });

  it('reads the project’s own version in an environment section, not the tools’', () => {
    const facts = extractFacts(
      buildTestReport(
        '# Report\n\n## Environment\n\nGateProxy v2.10.4 built with Go 1.21.5 on Ubuntu 22.04\n',
      ),
      { projectNames: ['gateproxy'] },
    );
    expect(facts.filter((fact) => fact.kind === 'version').map((fact) => fact.value)).toEqual([
      '2.10.4',
    ]);
  });

  it('leaves out another product named right before a version, also in a version section', () => {
    const facts = extractFacts(
      buildTestReport('# Report\n\n## Version\n\nOpenSSH_9.9p1, OpenSSL 3.0.13\n'),
      { projectNames: ['openssh'] },
    );
    expect(facts.filter((fact) => fact.kind === 'version').map((fact) => fact.value)).toEqual([
      '9.9',
    ]);
  });

  it('reads the major line the project’s own name ends in as the project, not a release', () => {
    const releasesOf = (text: string): string[] =>
      extractFacts(buildTestReport(text), { projectNames: ['log4j2'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(releasesOf('# Bypass in Apache Log4j 2.x lookups\n\nIt is bad.\n')).toEqual([]);
    expect(releasesOf('# Bypass in Apache Log4j 2.17.1\n\nIt is bad.\n')).toEqual(['2.17.1']);
    expect(releasesOf('# Bypass in Apache Log4j 3.x\n\nIt is bad.\n')).toEqual(['3.x']);
  });

  it('leaves out the version of another package on a dependency tree line', () => {
    const releasesOf = (text: string): string[] =>
      extractFacts(buildTestReport(text), { projectNames: ['russh'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(
      releasesOf('cargo audit prints:\n\n    russh 0.54.0\n    └── bastion-gw 2.3.1\n'),
    ).toEqual(['0.54.0']);
    expect(
      releasesOf('cargo tree prints:\n\n    russh v0.54.0\n    │   ├── serde v1.0.219\n'),
    ).toEqual(['0.54.0']);
  });

  it('leaves out upgrade targets asked about', () => {
    expect(
      versionsOf(
        'We are on version 9.6.1. Is moving to 9.8.1 enough, or do we need to go to 9.9.1?',
      ),
    ).toEqual(['9.6.1']);
    expect(versionsOf('We use version 1.26.18; do we need 2.x?')).toEqual(['1.26.18']);
    expect(versionsOf('Version 1.4.2 here. Is 1.4.9 enough?')).toEqual(['1.4.2']);
    expect(versionsOf('We run 3.1.4. Is 3.1.5 the fixed release?')).toEqual(['3.1.4']);
    expect(versionsOf('On 7.4.0 here; is 7.4.1 the release that fixes this?')).toEqual(['7.4.0']);
    expect(versionsOf('Version 1.4.2 here; we will upgrade to tinyhttpd 2.0.1.')).toEqual([
      '1.4.2',
    ]);
  });

  it("leaves out every upgrade target of a bundler-audit solution list ('~> 5.6.9', '>= 6.5.0')", () => {
    expect(
      versionsOf(
        "Name: puma\nVersion: 5.6.4\nSolution: upgrade to '~> 5.6.9', '~> 6.4.3', '>= 6.5.0'\n",
      ),
    ).toEqual(['5.6.4']);
    expect(versionsOf('We run 2.1.0 and will upgrade to 2.4.1, 2.5.0 later.')).toEqual(['2.1.0']);
  });

  it('reads a lockfile entry as its package’s version, the project’s only when it names it', () => {
    const lock =
      'Our Gemfile.lock (version 4.1.1):\n\n    sinatra (4.1.1)\n      rack (>= 3.0.0, < 4)\n      rack-protection (= 4.1.1)\n      tilt (~> 2.0)\n';
    const versions = extractFacts(buildTestReport(lock), { projectNames: ['sinatra'] })
      .filter((fact) => fact.kind === 'version')
      .map((fact) => fact.value);
    expect(versions).toEqual(['4.1.1', '4.1.1']);
    expect(versionsOf('Crash on our build.\n\nASan (2.4.1, clang 19):\n')).toEqual(['2.4.1']);
  });

  it('leaves out a fix named with a scanner label', () => {
    expect(
      versionsOf('We pin version 2.11.3. The alert says "patched version: 3.1.3". Is 2.11 fixed?'),
    ).toEqual(['2.11.3']);
    expect(versionsOf('Installed version 1.2.4, first patched version 1.2.6.')).toEqual(['1.2.4']);
    // A scanner table's fix column is the advisory's fix too.
    expect(
      versionsOf(
        'Grype prints:\n\nNAME     INSTALLED  FIXED-IN  TYPE    VULNERABILITY\naiohttp  3.13.2     3.10.11   python  CVE-2024-52304\n',
      ),
    ).toEqual(['3.13.2']);
    expect(versionsOf('Fixed versions: >= 4.2.1 (we run 4.1.0)')).toEqual(['4.1.0']);
    expect(versionsOf('The bug is in version 3.1.3 and was patched later.')).toEqual(['3.1.3']);
  });

  it('leaves out every release of a list a fix is named as shipped in, in any language', () => {
    expect(versionsOf('We run 1.1.15. It was fixed in 1.2.8, 1.3.3 and 1.4.0-rc.3.')).toEqual([
      '1.1.15',
    ]);
    expect(versionsOf('We run 1.1.15; the fix shipped in 1.2.8 or 1.3.3.')).toEqual(['1.1.15']);
    expect(
      versionsOf('Usamos 1.1.15. Las notas dicen que la corrección salió en 1.2.8, 1.3.3 y 1.4.0.'),
    ).toEqual(['1.1.15']);
    expect(versionsOf('Usamos a 1.1.15, corrigido em 1.2.8.')).toEqual(['1.1.15']);
    expect(versionsOf('Nous utilisons 1.1.15, corrigé dans la 1.2.8.')).toEqual(['1.1.15']);
    expect(versionsOf('Wir nutzen 1.1.15; laut Notizen in 1.2.8 und 1.3.3 behoben.')).toEqual([
      '1.1.15',
    ]);
    // A release said to be affected as well stays read.
    expect(versionsOf('We run 1.1.15 and 1.2.8 is affected too.')).toEqual(['1.1.15', '1.2.8']);
  });

  it('leaves out a fix in a key-value table row, a release asked for and a protocol revision', () => {
    expect(
      versionsOf(
        'Snyk flags it:\n\n| field | value |\n|---|---|\n| installed | 2.3.0 |\n| fixed in | 2.4.0 |\n',
      ),
    ).toEqual(['2.3.0']);
    // The version column of a table of versions stays read.
    expect(versionsOf('| version | result |\n|---|---|\n| 2.3.0 | crash |\n')).toEqual(['2.3.0']);
    expect(
      versionsOf(
        'We run 2.3.0. Could the fix be released as 2.3.1 so we stay on the same minor line?',
      ),
    ).toEqual(['2.3.0']);
    expect(versionsOf('We run 2.3.0; please backport the fix to 2.3.1.')).toEqual(['2.3.0']);
    expect(
      versionsOf('The service runs 2.3.0 and the client is pinned to the 2.x protocol.'),
    ).toEqual(['2.3.0']);
  });

  it('reads a release the project’s name introduces with an underscore pre-release tag', () => {
    const releasesOf = (text: string): string[] =>
      extractFacts(buildTestReport(text), { projectNames: ['openvpn'] })
        .filter((fact) => fact.kind === 'version')
        .map((fact) => fact.value);
    expect(releasesOf('The client is OpenVPN 2.7_beta1, built from the branch.')).toEqual([
      '2.7-beta1',
    ]);
    expect(releasesOf('We run Wireshark 4.2_rc1 here.')).toEqual([]);
  });

  it('leaves out the build tool or scanner of a dependency report and the releases asked for', () => {
    expect(
      versionsOf(
        'Our build (Maven, dependency-check-maven 12.1.0) flags io.netty:netty 3.10.6.Final.',
      ),
    ).toEqual(['3.10.6']);
    expect(versionsOf('Gradle 8.10.2 resolves version 2.3.0 of the library.')).toEqual(['2.3.0']);
    expect(
      versionsOf('We run 3.10.6 and cannot move it to 4.x this year. Could you publish a 3.10.7?'),
    ).toEqual(['3.10.6']);
    expect(
      versionsOf('The jar is 1.14.1. We cannot move this service to 1.23.x right now.'),
    ).toEqual(['1.14.1']);
    expect(versionsOf('We run 2.1.0 and plan to move our deployment to 3.x.')).toEqual(['2.1.0']);
    expect(versionsOf('We run 4.9.4 and cannot upgrade to 5.x or 6.x this year.')).toEqual([
      '4.9.4',
    ]);
    expect(
      versionsOf('We are on 1.20.1. Could you publish a 1.27.6 or 1.20.2 with the fix?'),
    ).toEqual(['1.20.1']);
    expect(versionsOf('We are on 0.13.0; do you plan a 0.13.x release with the fixes?')).toEqual([
      '0.13.0',
    ]);
    // A release named as the one in use stays read.
    expect(versionsOf('We release a product that bundles version 2.3.0.')).toEqual(['2.3.0']);
  });

  it('reads a backport request as the line in use, not the lines it compares with', () => {
    expect(
      versionsOf(
        'We run 5.22.5 and it has the same test as 6.28.0. Could you publish a 5.22.6 with the fix?',
      ),
    ).toEqual(['5.22.5']);
    expect(
      versionsOf(
        'Usamos a 3.3.0. A atualização para 3.4.0 exige Python 3.8. Vocês poderiam publicar uma versão 3.3.1 só com a correção?',
      ),
    ).toEqual(['3.3.0']);
    expect(versionsOf('Wir nutzen 2.4.1 und 3.0.2. Könnt ihr eine 2.4.2 veröffentlichen?')).toEqual(
      ['2.4.1'],
    );
    // A version whose own clause says it is affected stays.
    expect(
      versionsOf('We run 5.22.5, and 6.28.0 is affected too. Could you publish a 5.22.6?'),
    ).toEqual(['5.22.5', '6.28.0']);
    // Without a release asked for on the line in use, every version stays.
    expect(versionsOf('We run 5.22.5; 6.28.0 has the same test.')).toEqual(['5.22.5', '6.28.0']);
  });

  it('reads a unit after a version only as a whole word', () => {
    expect(versionsOf('It took 3.5 s on 2.4.1.')).toEqual(['2.4.1']);
    expect(versionsOf('Usamos a 3.3.1 só em produção.')).toEqual(['3.3.1']);
  });

  it("leaves out the advisory's range on an npm audit finding's package line", () => {
    const audit = [
      'Our CMS runs version 1.20.1, and npm audit reports:',
      '',
      '  sanitize-html  <2.3.1',
      '  Severity: moderate',
      '  Improper Input Validation - https://github.com/advisories/GHSA-xxxx-xxxx-xxxx',
    ].join('\n');
    expect(versionsOf(audit)).toEqual(['1.20.1']);
    // A line that is not followed by the audit's severity keeps its version.
    expect(versionsOf(audit.replace('Severity: moderate', 'see the advisory'))).toEqual([
      '1.20.1',
      '2.3.1',
    ]);
  });

  it('leaves out a version the reporter’s input does not crash', () => {
    expect(
      versionsOf('Tested on version 1.6.15 only; the same input does not crash 2.0.20.'),
    ).toEqual(['1.6.15']);
    expect(versionsOf('Version 1.6.15 aborts, and it never triggers on tinyhttpd 2.0.1.')).toEqual([
      '1.6.15',
    ]);
    expect(versionsOf('Crashes on version 1.6.15. Version 2.0.20 does not crash on it.')).toEqual([
      '1.6.15',
    ]);
    expect(versionsOf('Version 2.0.20 crashes; it does not hang, it aborts.')).toEqual(['2.0.20']);
    expect(
      versionsOf(
        'Only 1.6.15; the 2.0 retain code is a rewrite and the input does not crash 2.0.20.',
      ),
    ).toEqual(['1.6.15']);
    expect(
      versionsOf(
        'Affected: 1.6.15 (tested on 1.6.15 only; the 2.0 code is a rewrite and the input does not crash 2.0.20) Steps to reproduce: 1. run it',
      ),
    ).toEqual(['1.6.15', '1.6.15']);
  });
});

describe('versionPatternLiterals', () => {
  it('are what findRequiredLiterals reads from the version patterns now (else copy them in)', () => {
    expect(versionPatternLiterals).toEqual(
      versionPatterns.map(({ pattern }) => findRequiredLiterals(pattern.source)),
    );
  });
});

describe('a build banner with a git describe tail', () => {
  const of = (text: string): string[] =>
    extractFacts(buildTestReport(text), { projectNames: ['mediakit'] })
      .filter((fact) => fact.kind === 'version')
      .map((fact) => fact.value);

  it.each([
    ['Built from mediakit version 4.02.1-rev17-g0c4d2ee-master (c) the authors.', ['4.02.1']],
    ['Banner: MediaKit version 3.1.0-rev0-gdeadbee1 on a test box.', ['3.1.0']],
    ['I run version 2.6.0-dirty from my checkout.', ['2.6.0']],
    ['Tested on version 5.0.2-master today.', ['5.0.2']],
    ['Version 1.8.0-rc2 is affected.', ['1.8.0-rc2']],
    ['Version 1.8.0-beta.3-dirty is affected.', ['1.8.0-beta.3']],
  ])('%s -> %j', (text, expected) => {
    expect(of(text)).toEqual(expected);
  });

  it('reads the same release in a block and run into one paragraph', () => {
    const block =
      '# Crash\n\n## Version\n\n```\nmediakit version 4.02.1-rev3-g1a2b3c4d-master\n```\n';
    const paragraph = 'Crash. Version: mediakit version 4.02.1-rev3-g1a2b3c4d-master (c) 2026.';
    expect(of(paragraph)).toEqual(['4.02.1']);
    expect(of(block).every((value) => value === '4.02.1')).toBe(true);
  });

  it('keeps the release of a described build and leaves other tails alone (property)', () => {
    const describePart = fc.oneof(
      fc.nat({ max: 999 }).map((n) => `rev${n}`),
      fc.nat({ max: 999 }).map(String),
      fc.stringMatching(/^[0-9a-f]{7,12}$/).map((hex) => `g${hex}`),
      fc.constantFrom('dirty', 'master', 'main'),
    );
    const release = fc
      .tuple(fc.nat({ max: 99 }), fc.nat({ max: 99 }), fc.nat({ max: 99 }))
      .map((parts) => parts.join('.'));
    fc.assert(
      fc.property(
        release,
        fc
          .constantFrom('rev', 'dirty', 'master', 'main')
          .chain((head) =>
            fc.tuple(
              fc.constant(head === 'rev' ? 'rev4' : head),
              fc.array(describePart, { maxLength: 3 }),
            ),
          ),
        (version, [head, rest]) => {
          const after = rest.map((part) => `-${part}`).join('') + ' (c) 2026';
          expect(dropBuildDescription(`${version}-${head}`, after)).toBe(version);
        },
      ),
    );
    fc.assert(
      fc.property(
        release,
        fc.constantFrom('rc1', 'beta', 'alpha.2', 'dev', 'pre'),
        fc.string(),
        (version, tag, after) => {
          expect(dropBuildDescription(`${version}-${tag}`, after)).toBe(`${version}-${tag}`);
        },
      ),
    );
  });
});

describe('a dependency scanner row in a pasted block', () => {
  const versionsOf = (text: string, names: readonly string[]): string[] =>
    extractFacts(buildTestReport(text), { projectNames: names })
      .filter((fact) => fact.kind === 'version')
      .map((fact) => fact.value);

  it('reads the installed version of the project’s rows, not the fix column', () => {
    const report = [
      'Our nightly job fails:',
      '',
      '```',
      '$ pip-audit -r requirements.txt',
      'Name    Version ID             Fix Versions',
      '------- ------- -------------- ------------',
      'uvicorn 0.11.5  PYSEC-2020-150 0.11.7',
      'uvicorn 0.11.5  PYSEC-2020-151 0.11.7',
      'jinja2  2.10.1  PYSEC-2021-66  2.11.3',
      '```',
      '',
    ].join('\n');
    expect(versionsOf(report, ['uvicorn'])).toEqual(['0.11.5', '0.11.5']);
    expect(versionsOf(report, ['starlight'])).toEqual([]);
  });

  it('reads nothing from a row without an advisory id or from another package', () => {
    const report = '```\nuvicorn 0.35.0 installed\nrequests 2.31.0 CVE-2024-35195\n```\n';
    expect(versionsOf(report, ['uvicorn'])).toEqual([]);
  });
});
