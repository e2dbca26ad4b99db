import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../report/parse-report.js';
import { createMentionFinder, isAboutAbsence, isAboutUnsetSetting } from './find-mentions.js';
import { isAboutAnotherProject } from './read-other-project-mention.js';

function finderFor(text: string, projectNames: readonly string[] = []) {
  const parsed = parseReportText('report.txt', text);
  if (!parsed.ok) throw new Error('the report did not parse');
  return createMentionFinder(parsed.value[0]!, projectNames);
}

describe('createMentionFinder', () => {
  it('weighs a phrase in the reproduction steps as the reporter setup', () => {
    const finder = finderFor(
      'Title: sftp leak\n\nReproduce: run `sftp-client --small memory leak test` against the server.\n',
    );
    expect(finder.find(['small memory leak'])?.strength).toBe('weak');
  });

  it('weighs a phrase in the fix the reporter proposes as weak, the same phrase elsewhere as strong', () => {
    const fix = finderFor(
      '# Key recovery\n\nThe cache leaks the key.\n\n## Suggested fix\n\nClose the side channel in the unpadding.\n',
    );
    expect(fix.find(['side channel'])?.strength).toBe('weak');
    const claim = finderFor(
      '# Timing\n\nThe unpadding leaks through a side channel, so a remote client recovers the key.\n',
    );
    expect(claim.find(['side channel'])?.strength).toBe('strong');
  });

  it('reads a switch named with its kind (`-d option`) in the switch alone, weak on a command line', () => {
    const prose = finderFor(
      'Title: data loss\n\nA shared batch script can include -d and users lose their originals.\n',
    );
    expect(prose.find(['-d option'])?.strength).toBe('strong');
    const command = finderFor(
      'Title: crash\n\nCommand: wavpack -y crash.dff -o /tmp/x.wv\n\nThe encoder reads past the chunk.\n',
    );
    expect(command.find(['-y option'])?.strength).toBe('weak');
    // Inside another token it is no switch.
    expect(
      finderFor('Title: x\n\nThe build-d step and x--d fail.\n').find(['-d option']),
    ).toBeNull();
  });

  it('reads no package named as a link of a dependency path (the dependent, not the flaw)', () => {
    const finder = finderFor(
      'Title: Snyk finding\n\nSnyk reports CVE-2022-0536, introduced by axios@1.6.2 > follow-redirects@1.15.3, and also via axios > follow-redirects.\n',
    );
    expect(finder.find(['axios'])).toBeNull();
    const named = finderFor('Title: header leak\n\nThe leak is in axios, not in this package.\n');
    expect(named.find(['axios'])?.strength).toBe('strong');
  });

  it('counts a sentence naming the problem as strong, even where a reproduction label runs on', () => {
    const finder = finderFor(
      'Memory leak in sftp_open. Version: 1.11.1 Reproduce: `example/sftp host user pass /missing` against an SFTP server. This is a small memory leak: 13 bytes per failed open.\n',
    );
    expect(finder.find(['small memory leak'])?.strength).toBe('strong');
  });

  it("counts the reporter's own words about their production deployment as strong", () => {
    const deployed = finderFor(
      'Hello,\n\nwe run our internal wiki with the dev server in production (version 2.0) because few people use it. One slow client blocks everyone.\n',
    );
    expect(deployed.find(['dev server in production'])?.strength).toBe('strong');
    // How they tested it is still their setup.
    const tested = finderFor(
      'Hello,\n\nwe ran the dev server to keep the reproduction short. One slow client blocks everyone.\n',
    );
    expect(tested.find(['dev server'])?.strength).toBe('weak');
  });

  it('counts a paragraph after the steps about how the product runs in production as strong', () => {
    const finder = finderFor(
      '## Steps\n\n1. Start the app with the default server.\n2. Open one slow connection.\n\nThe default server in production has no read timeout.\n',
    );
    expect(finder.find(['default server in production'])?.strength).toBe('strong');
    const step = finderFor(
      '## Steps\n\n1. Run the default server in production mode.\n2. Open one slow connection.\n',
    );
    expect(step.find(['default server in production'])?.strength).toBe('weak');
  });

  it("counts a setup section's sentence about the reporter's own application as strong", () => {
    const own = finderFor(
      '## Setup\n\nOur getKey callback supports both HS256 and RS256 tokens from the same endpoint:\n\n    cb(null, createSecretKey(pem));\n',
    );
    expect(own.find(['our getKey callback'])?.strength).toBe('strong');
    // What the reporter did in that section, and a step, stay their setup.
    const ran = finderFor(
      '## Setup\n\nWe ran our getKey callback from the test suite.\n\n1. Our getKey callback returns the PEM.\n',
    );
    expect(ran.find(['our getKey callback'])?.strength).toBe('weak');
  });

  it("reads code case-sensitively: a rule's identifier is not a variable spelt otherwise", () => {
    const finder = finderFor(
      'Title: x\n\n```go\ntoken, err := jwt.ParseWithClaims(raw, &claims, keyFunc)\n```\n\nWe call `jwt.Parse(raw, keyFunc)`.\n',
    );
    expect(finder.find(['Keyfunc', 'keyfunc'])).toBeNull();
    // In prose any case matches, and in code the identifier as the rule writes it.
    expect(
      finderFor('Title: x\n\nOur keyfunc returns the key.\n').find(['Keyfunc']),
    ).not.toBeNull();
    expect(
      finderFor('Title: x\n\n```go\nvar k jwt.Keyfunc = lookup\n```\n').find(['Keyfunc']),
    ).not.toBeNull();
  });

  it('still ignores a denied phrase', () => {
    const finder = finderFor('Reproduce: see below. This is not a small memory leak at all.\n');
    expect(finder.find(['small memory leak'])).toBeNull();
  });

  it('counts a setting left unset when the rule is about settings left unset, and only then', () => {
    const finder = finderFor(
      'Title: host header\n\nWe have not set `SERVER_NAME` or `TRUSTED_HOSTS` because the docs call them optional.\n',
    );
    expect(finder.find(['SERVER_NAME'])).toBeNull();
    expect(finder.find(['SERVER_NAME', 'TRUSTED_HOSTS'], { isUnsetCounted: true })?.strength).toBe(
      'strong',
    );
    // A denial that is not about setting it stays a denial.
    const denied = finderFor('Title: x\n\nThis is not about SERVER_NAME at all.\n');
    expect(denied.find(['SERVER_NAME'], { isUnsetCounted: true })).toBeNull();
  });

  it('counts a thing said to be missing when the rule is about its absence, and only then', () => {
    const finder = finderFor(
      'Title: over-read\n\nWhen the peer sends a document without a trailing NUL byte, the parser reads on.\n',
    );
    expect(finder.find(['trailing NUL'])).toBeNull();
    expect(finder.find(['trailing NUL'], { isAbsenceCounted: true })?.strength).toBe('strong');
    // "Even without" and "with or without" say the thing does not matter; a denial stays one.
    for (const text of [
      'It crashes even without a trailing NUL byte.',
      'It crashes with or without a trailing NUL byte.',
      'This is not about a trailing NUL byte.',
      'It does not happen without a trailing NUL byte.',
    ])
      expect(
        finderFor(`Title: x\n\n${text}\n`).find(['trailing NUL'], { isAbsenceCounted: true }),
      ).toBeNull();
  });

  it('finds a two-word compound written the other way round with a preposition', () => {
    const finder = finderFor(
      'Title: x\n\nComo nuestra override de validateLink acepta todos los esquemas, el enlace pasa.\n',
    );
    expect(finder.find(['validateLink override'])?.facts[0]?.value).toBe('validateLink override');
    expect(
      finderFor('Title: x\n\nEin Override von validateLink.\n').find(['validateLink override']),
    ).not.toBeNull();
    // Another word between, or no preposition, is no such compound; nor is a longer phrase.
    expect(
      finderFor('Title: x\n\nThe override and validateLink.\n').find(['validateLink override']),
    ).toBeNull();
    expect(
      finderFor('Title: x\n\nOverride de validateLink.\n').find(['own validateLink override']),
    ).toBeNull();
  });

  it('finds a limit quoted by number and unit with the unit in the reporter’s language', () => {
    const finder = finderFor('Title: x\n\nDer Parser hört nach 63 Zeichen einfach auf.\n');
    expect(finder.find(['63 characters'])?.strength).toBe('strong');
    expect(
      finderFor('Title: x\n\nAu-delà de 63 caractères.\n').find(['63 characters']),
    ).not.toBeNull();
    // Another number, or a unit that is not one of the limit's, is not the limit.
    expect(finderFor('Title: x\n\nNach 64 Zeichen.\n').find(['63 characters'])).toBeNull();
    expect(finderFor('Title: x\n\nNach 63 Sekunden.\n').find(['63 characters'])).toBeNull();
  });

  it('tells a statement about something missing from others', () => {
    expect(isAboutAbsence('The application passes a buffer without a terminating zero')).toBe(true);
    expect(isAboutAbsence('The application passes untrusted HTML without cleaning it')).toBe(false);
  });

  it('tells a statement about a setting left unset from others', () => {
    expect(
      isAboutUnsetSetting('The application builds URLs from a Host header it never restricted'),
    ).toBe(true);
    expect(isAboutUnsetSetting('The application left the proxy settings at the default')).toBe(
      true,
    );
    expect(isAboutUnsetSetting('The application turned DEBUG on in production')).toBe(false);
  });

  it('finds a command switch after the other switches the command line gives first', () => {
    const finder = finderFor(
      'Title: hidden files served\n\nOn my box:\n\n    harbor serve --port 9000 --tls-cert site.pem -v --root /var/www\n\nserves /var/www/.htpasswd.\n',
    );
    expect(finder.find(['harbor serve --root'])?.facts[0]?.quote).toMatch(/^harbor serve --port/);
  });

  it.each([
    ['a switch on the next line', 'harbor serve --port 9000\n--root /var/www'],
    ['a positional argument before the switch', 'harbor serve site --root /var/www'],
    ['another command', 'harbor build --root /var/www'],
    ['a switch that only starts like it', 'harbor serve --port 1 --rootless'],
  ])('does not take %s for the switch', (_, command) => {
    const finder = finderFor(`Title: files served\n\n    ${command}\n\nserves too much.\n`);
    expect(finder.find(['harbor serve --root'])).toBeNull();
  });

  it('reads a privileged step of steps split between roles as the attack, not the setup', () => {
    const body =
      'Title: format string\n\n## Steps to reproduce\n\n1. As root, install a modified catalogue.\n2. As any user, run the tool.\n';
    expect(finderFor(body).find(['as root'])?.strength).toBe('strong');
    const single =
      'Title: crash\n\n## Steps to reproduce\n\n1. As root, start the daemon.\n2. Send the packet.\n';
    expect(finderFor(single).find(['as root'])?.strength).toBe('weak');
  });

  it("reads a phrase in code the report quotes as the project's own as no strong mention", () => {
    const quoted = finderFor(
      'The flaw is in `lib/storage.js`, called by `Storage.prototype._resolvePath()`:\n\n```js\nStorage.prototype._resolvePath = function (dest, file) {\n  return path.join(dest, file.originalname)\n}\n```\n',
    );
    expect(quoted.find(['file.originalname'])?.strength).toBe('weak');
    const own = finderFor(
      'Our upload handler:\n\n```js\nconst name = req.file.originalname\nfs.writeFileSync(name, data)\n```\n',
    );
    expect(own.find(['file.originalname'])?.strength).toBe('strong');
  });

  it('reads another project named as a user of this one, or as exposed, as no place of the flaw', () => {
    const elsewhere = { isAboutAnotherProject: true };
    const users = finderFor(
      'Hello,\n\nI found a credential leak in the library that affects millions of projects (axios uses you!!). Details after we agree a reward.\n',
    );
    expect(users.find(['axios'], elsewhere)).toBeNull();
    // Read as any other rule's phrase, it is still a mention.
    expect(users.find(['axios'])?.strength).toBe('strong');
    const cluster = finderFor(
      'Hi,\n\nA critical escape in the runtime works on every Kubernetes cluster using it.\n',
    );
    expect(cluster.find(['Kubernetes'], elsewhere)).toBeNull();
    const named = finderFor(
      'Hi,\n\nEvery deployment that runs on gizmo from Kubernetes is hit.\n',
      ['gizmo'],
    );
    expect(named.find(['Kubernetes'], elsewhere)?.strength).toBe('strong');
    const usingName = finderFor(
      'Hi,\n\nEvery Kubernetes cluster using gizmo can be taken over.\n',
      ['gizmo'],
    );
    expect(usingName.find(['Kubernetes'], elsewhere)).toBeNull();
    const doingWith = finderFor(
      'Hi,\n\nAn attacker runs code in any application that parses EXIF metadata with gizmo\n(GNOME, KDE, PHP, ImageMagick, ...).\n',
      ['gizmo'],
    );
    expect(doingWith.find(['PHP'], elsewhere)).toBeNull();
    const oneWith = finderFor('Hi,\n\nPHP crashes when it parses EXIF metadata with gizmo.\n', [
      'gizmo',
    ]);
    expect(oneWith.find(['PHP'], elsewhere)?.strength).toBe('strong');
    const exposed = finderFor(
      '# Use-after-free\n\n## Summary\n\nEvery platform (Docker, Kubernetes) is exposed.\n\n## Impact\n\n- Kubernetes cluster takeover\n',
    );
    expect(exposed.find(['Docker', 'Kubernetes'], elsewhere)).toBeNull();
    const flaw = finderFor(
      'Hi,\n\nThe flaw is in containerd: its shim leaks the descriptor. Kubernetes uses containerd.\n',
    );
    expect(flaw.find(['containerd'], elsewhere)?.strength).toBe('strong');
  });

  it("reads another project in the version line or the reporter's own installation as setup", () => {
    const elsewhere = { isAboutAnotherProject: true };
    const versionLine = finderFor(
      '# Escape\n\n**Version:** gizmo 1.5.1, Docker 27 host\n\n## Description\n\nA root process escapes.\n',
    );
    expect(versionLine.find(['Docker'], elsewhere)?.strength).toBe('weak');
    expect(versionLine.find(['Docker'])?.strength).toBe('strong');
    const own = finderFor('Hola,\n\ngizmo 1.1.15 corre sobre nuestro containerd antiguo.\n');
    expect(own.find(['containerd'], elsewhere)?.strength).toBe('weak');
  });

  it('tells a statement that sends a flaw to another project from others', () => {
    expect(
      isAboutAnotherProject('The flaw is in containerd or the kernel; it goes to that project'),
    ).toBe(true);
    expect(
      isAboutAnotherProject(
        "The flaw is in the identity provider; it goes to that provider's maintainers",
      ),
    ).toBe(true);
    expect(isAboutAnotherProject('Only the tests are affected')).toBe(false);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const finder = finderFor(`Reproduce: ${text}\nThis is a ${text}`);
        const found = finder.find(['leak', 'this is']);
        expect(found === null || ['strong', 'weak'].includes(found.strength)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
