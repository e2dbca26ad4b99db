import { describe, expect, it } from 'vitest';
import type { FactKind } from '../model/fact.js';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import { findRuleStarts } from './find-rule-starts.js';
import { phraseRules } from './phrase-rules.js';

function valuesOf(markdown: string, kind: FactKind): string[] {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === kind)
    .map((fact) => fact.value);
}

type Case = [text: string, expected: string[]];

function checkCases(kind: FactKind, cases: readonly Case[]): void {
  it.each(cases)(`%s -> ${kind} %j`, (text, expected) => {
    expect([...new Set(valuesOf(text, kind))].sort()).toEqual([...expected].sort());
  });
}

describe('a phrase that says whose the control is', () => {
  it("gives the attacker the command line an application builds from its users' input", () => {
    const facts = extractFacts(
      buildTestReport(
        '# Impact\n\nOur web service builds the cwebp command line from the form fields.\n',
      ),
    ).filter((fact) => fact.kind === 'attacker-controls');
    expect(facts.map((fact) => [fact.value, fact.actor])).toEqual([['command-line', 'attacker']]);
  });
});

describe('privileges-required', () => {
  checkCases('privileges-required', [
    ['The tool must be run as root.', ['high']],
    ['This requires root privileges.', ['high']],
    ['Run it with sudo to reproduce.', ['high']],
    ['The attacker needs administrator privileges.', ['high']],
    ['The process needs CAP_SYS_ADMIN to call mount().', ['high']],
    ['The attacker must be an admin.', ['high']],
    ['Someone who already has a root shell on the box can copy the key.', ['high']],
    ['An attacker with root on the host can read it.', ['high']],
    ['The attacker already is root there.', ['high']],
    ["So whoever does this already has to be the cluster's administrator.", ['high']],
    ['The attacker needs to be root on the gateway first.', ['high']],
    ['An authenticated administrator can upload plugins.', ['high']],
    ['A local admin can change the setting.', ['high']],
    [
      'We logged in over SSH as the `appsvc` account (the account the unit runs as) and read the key.',
      ['high'],
    ],
    ['Anyone with a shell as the service account can read the key file.', ['high']],
    ['With access as the user the daemon runs under, the socket is writable.', ['high']],
    ['The attacker can gain a shell as the service account.', []],
    ['We logged in as a normal user and sent the request.', ['low']],
    [
      'Any local account that can reach the admin API on port 2019 can load a new config.',
      ['high'],
    ],
    ['A process with access to the management interface can stop the server.', ['high']],
    ['An attacker who cannot reach the admin endpoint gains nothing.', []],
    ['A web page makes the browser post to the admin endpoint.', []],
    ['Any authenticated user can trigger it.', ['low']],
    ['A low-privileged user can read the file.', ['low']],
    ['Any logged-in user can do it.', ['low']],
    ['The attacker needs a valid account.', ['low']],
    ['An unauthenticated attacker can crash it.', ['none']],
    ['It works without authentication.', ['none']],
    ['No authentication is required.', ['none']],
    ['This is a pre-auth bug.', ['none']],
    ['Anonymous users can reach the endpoint.', ['none']],
    ['No privileges required.', ['none']],
    ['It does not require authentication.', ['none']],
    ['Privileges Required: None', ['none']],
    ['A collaborator with the Admin access mode on a repository can change it.', ['low']],
    ['A repository admin can raise their own access mode.', ['low']],
    ['Anyone with admin rights over one project can do this.', ['low']],
    ['The attacker needs repository admin access to a fork.', ['low']],
    ['The attacker needs admin access to the server.', ['high']],
    ['This requires admin access to the project.', ['high']],
    ['An attacker with administrator privileges on the instance can do it.', ['high']],
  ]);

  it('handles negation: a denied need for root is not high', () => {
    expect(valuesOf('This does not require root.', 'privileges-required')).toEqual([]);
    expect(valuesOf('Root privileges are not required.', 'privileges-required')).toEqual([]);
    expect(valuesOf('It works even without sudo.', 'privileges-required')).toEqual([]);
    expect(valuesOf('There is no need to run as root.', 'privileges-required')).toEqual([]);
  });

  it('does not read an outcome as a precondition', () => {
    expect(
      valuesOf('An attacker can execute arbitrary commands as root.', 'privileges-required'),
    ).toEqual([]);
    expect(
      valuesOf('This lets the attacker gain administrator privileges.', 'privileges-required'),
    ).toEqual([]);
    expect(
      valuesOf('The attacker could obtain CAP_SYS_ADMIN this way.', 'privileges-required'),
    ).toEqual([]);
    expect(valuesOf('The daemon is executed as root by systemd.', 'privileges-required')).toEqual([
      'high',
    ]);
    // What a privileged daemon runs for the attacker: a script, a planted file, a command.
    expect(
      valuesOf('The `dns-updown` script sources the file as root.', 'privileges-required'),
    ).toEqual([]);
    expect(valuesOf('On the next start /tmp/x.sh runs as root.', 'privileges-required')).toEqual(
      [],
    );
    expect(
      valuesOf('Every client that connects runs `id>/tmp/owned` as root.', 'privileges-required'),
    ).toEqual([]);
    expect(
      valuesOf('The attacker must run the tool as root first.', 'privileges-required'),
    ).toEqual(['high']);
  });

  it('ignores recommendations and lookalikes', () => {
    expect(
      valuesOf('Require authentication for the debug endpoint.', 'privileges-required'),
    ).toEqual([]);
    expect(
      valuesOf('The root cause is a missing check in the parser.', 'privileges-required'),
    ).toEqual([]);
    expect(valuesOf('The callback is an anonymous function.', 'privileges-required')).toEqual([]);
    expect(valuesOf('The sudoers file is unrelated.', 'privileges-required')).toEqual([]);
  });
});

describe('attack-vector', () => {
  checkCases('attack-vector', [
    ['A remote attacker can crash the server.', ['network']],
    ['It is exploitable over the network.', ['network']],
    ['Triggered via a crafted HTTP request.', ['network']],
    ['The bug is remotely exploitable.', ['network']],
    ['The service is network-accessible.', ['network']],
    ['A local attacker can read the socket.', ['local']],
    ['Any local user can do this.', ['local']],
    ['It is only locally exploitable.', ['local']],
    ['The attacker must be on the same machine.', ['local']],
    ['It needs someone with shell on the box.', ['local']],
    ['An attacker on the adjacent network can spoof it.', ['adjacent']],
    ['The attacker must be on the same LAN.', ['adjacent']],
    ['Exploitable over Bluetooth.', ['adjacent']],
    ['This needs physical access to the device.', ['physical']],
    ['Plug in a malicious USB stick.', ['physical']],
    ['Attack Vector: Network', ['network']],
  ]);

  it('does not read testing "locally" as a local attack vector', () => {
    expect(valuesOf('I reproduced it locally and tested it locally.', 'attack-vector')).toEqual([]);
    expect(valuesOf('I work remotely for a bank.', 'attack-vector')).toEqual([]);
  });

  it('handles negation', () => {
    expect(valuesOf('This is not remotely exploitable.', 'attack-vector')).toEqual([]);
    expect(valuesOf('It cannot be triggered over the network.', 'attack-vector')).toEqual([]);
  });
});

describe('user-interaction', () => {
  checkCases('user-interaction', [
    ['No user interaction is required.', ['none']],
    ['It is a zero-click bug.', ['none']],
    ['The victim must click a link.', ['active']],
    ['The user needs to open the attached file.', ['active']],
    ['The attacker has to trick a user into visiting the page.', ['active']],
    ['It fires when a user views the profile page.', ['passive']],
    ['User Interaction: Required', ['active']],
  ]);

  it('handles a denied need for interaction', () => {
    expect(valuesOf('It does not require any user interaction.', 'user-interaction')).toEqual([
      'none',
    ]);
    expect(
      valuesOf('It cannot be exploited without user interaction.', 'user-interaction'),
    ).toEqual([]);
  });
});

describe('attacker-controls', () => {
  checkCases('attacker-controls', [
    ['The attacker sets a crafted environment variable.', ['environment']],
    ['An attacker who can set the FOO environment variable wins.', ['environment']],
    ['Injected via env var.', ['environment']],
    ['Load it with LD_PRELOAD.', ['environment']],
    ['Supply a malicious config file.', ['config-file']],
    ['The attacker must edit the configuration file.', ['config-file']],
    ['Modify /etc/tinyhttpd.conf to point at the payload.', ['config-file']],
    ['The attacker must be able to modify the ACL file that redis.conf names.', ['config-file']],
    ['An attacker who can change the Lua script the configuration loads.', ['config-file']],
    ['The attacker replaces the hook script referenced by the configuration.', ['config-file']],
    ["An attacker who can write the victim's `~/.config/tool` options file.", ['config-file']],
    ['Someone able to edit the user’s rc file runs commands.', ['config-file']],
    ["The attacker overwrites the operator's settings file.", ['config-file']],
    ["As the attacker, append to the victim's config file: a line.", ['config-file']],
    ["The attacker needs write access to the victim's SSH config file.", ['config-file']],
    ['Pass a long command-line argument.', ['command-line']],
    ['It is triggered by passing --socket with a long value.', ['command-line']],
    ['Whoever can set the `AuthorizedKeysCommand` key runs programs.', ['config-file']],
    ['An attacker who controls the config key wins.', ['config-file']],
    ['Anyone able to add a directive to the server configuration.', ['config-file']],
    ['An attacker who can append a line to named.conf wins.', ['config-file']],
    ['Someone able to insert an entry into `/etc/proxy/proxy.cfg` gets it.', ['config-file']],
    ['The attacker must add one line to the configuration file.', ['config-file']],
    [
      'An attacker who controls one of those accounts, and therefore the configuration file, can add:',
      ['config-file'],
    ],
    ['Whoever owns the deploy user and thus the settings file wins.', ['config-file']],
    ['They control the build, and therefore the log file, not the configuration.', []],
    ['An attacker who controls the -s argument of the tool.', ['command-line']],
    ['Whoever supplies the arguments passed to ssh decides.', ['command-line']],
    ['An attacker who can choose the resize arguments passed to the converter.', ['command-line']],
    ['Our service builds the cwebp command line from the form fields.', ['command-line']],
    ['The app constructs the command line from user input.', ['command-line']],
    ['We build the command line by hand.', []],
    [
      'Our build job runs `markdown-it "$DOC_FILE" -o "$OUT"` where the two values come from the job\'s parameters.',
      ['command-line'],
    ],
    [
      'The worker invokes `convert $SRC out.png` with arguments taken from the request.',
      ['command-line'],
    ],
    ['The job runs `tool --check` where the values come from our own config file.', []],
    ['The server runs `tool` and the request comes from the user.', []],
    ['Send a crafted HTTP request to the server.', ['network-request']],
    ['A malicious request crashes it.', ['network-request']],
    ['The victim opens a crafted PNG file.', ['file-content']],
    ['The parser reads a malicious input file.', ['file-content']],
    ['The attacker needs write access to the filesystem.', ['local-file-system']],
    [
      "The attacker needs write access to the application's working directory on the host.",
      ['local-file-system'],
    ],
    ['Place a file in the plugin directory.', ['local-file-system']],
  ]);

  describe('a value the operator hands an option', () => {
    checkCases('attacker-controls', [
      ['An attacker who can set the `-z` option runs any program.', ['command-line']],
      ['Whoever controls the argument of the -F option wins.', ['command-line']],
      ['A long secret passed with `-E` overflows the buffer.', ['command-line']],
      ['A crafted command given to -z is run through the shell.', ['command-line']],
      ['A malicious filter file named with `-F` crashes it.', ['command-line']],
      ['A crafted capture file read with -r crashes it.', ['file-content']],
      ['A malformed filter expression file makes it abort.', []],
      ['Set the `listen` option to 0.0.0.0.', ['config-file']],
    ]);
  });

  describe("a detection engine's rules files and a tool's arguments", () => {
    checkCases('attacker-controls', [
      ['Loading a crafted protocols file overflows the stack.', ['config-file']],
      ['A malicious custom rules file crashes the engine.', ['config-file']],
      ['A poisoned categories list is read at start-up.', ['config-file']],
      ['Anyone who can get an administrator to load a crafted file wins.', ['config-file']],
      ['Trick the operator into using a malicious rules file.', ['config-file']],
      ['A crafted protocol header crashes the dissector.', ['network-request']],
      ["Passing a very long directory path to the tool's -G option crashes it.", ['command-line']],
      ['Giving an oversized count as `--limit` makes it allocate too much.', ['command-line']],
      ['Passing a crafted pcap file to -r crashes it.', ['file-content']],
      ['A local user who can choose the arguments of ndpiReader wins.', ['command-line']],
      ['Whoever controls the options of `mytool` wins.', ['command-line']],
      ['An attacker who controls the arguments of memcpy overwrites memory.', []],
    ]);

    it('reads a local user able to do something as the attacker', () => {
      const facts = extractFacts(
        buildTestReport('A local user who can choose the arguments of ndpiReader wins.'),
      ).filter((fact) => fact.kind === 'attacker-controls');
      expect(facts.map((fact) => fact.actor)).toEqual(['attacker']);
    });
  });

  describe("a packet decoder's input", () => {
    checkCases('attacker-controls', [
      ['A malformed savefile makes the dumper read out of bounds.', ['file-content']],
      ['Reading a crafted pcapng triggers it.', ['file-content']],
      ['An attacker can hand the analyst a savefile that does this.', ['file-content']],
      ['Opening a capture file from an untrusted source is enough.', ['file-content']],
      ['Anyone who can put a packet on the wire where it listens.', ['network-request']],
      ['Packets sniffed off the network reach the decoder.', ['network-request']],
      ['It happens while printing a packet with two options.', ['network-request']],
      ['The bug fires when dissecting an IPv6 frame.', ['network-request']],
      ['The capture file format is documented in the man page.', []],
      ['I printed the packet counters after the run.', []],
      ['Send a savefile format question to the list.', []],
    ]);
    checkCases('impact', [
      [
        'The printer reads two bytes past the end of the packet buffer.',
        ['information-disclosure'],
      ],
      ['valgrind: Invalid read of size 4 in the OSPF decoder.', ['information-disclosure']],
      ['valgrind: Invalid write of size 8 at the copy.', ['memory-corruption']],
      ['It writes past the end of the stack buffer.', ['memory-corruption']],
      ['It reads the whole packet and stops at the end.', []],
    ]);
  });

  it('keeps a config file apart from other files, and pull requests apart from requests', () => {
    expect(valuesOf('Load a malicious config file.', 'attacker-controls')).toEqual(['config-file']);
    expect(valuesOf('I will send a pull request with the fix.', 'attacker-controls')).toEqual([]);
  });

  it('does not take a file the report merely names beside a configuration for the configuration', () => {
    expect(valuesOf('Modify the script that parses requests.', 'attacker-controls')).toEqual([]);
    expect(valuesOf('The options file format is documented.', 'attacker-controls')).toEqual([]);
    expect(valuesOf('The daemon adds a line to the log file.', 'attacker-controls')).toEqual([]);
    expect(valuesOf('Add an entry to the changelog.md file.', 'attacker-controls')).toEqual([]);
    expect(valuesOf("The tool writes the user's history file.", 'attacker-controls')).toEqual([]);
    expect(
      valuesOf('The attacker sends a file that the server reads.', 'attacker-controls'),
    ).toEqual([]);
  });

  it('handles negation', () => {
    expect(
      valuesOf('The attacker does not need to set any environment variable.', 'attacker-controls'),
    ).toEqual([]);
  });

  it('reads "whoever can" as the attacker', () => {
    const actorsOf = (text: string) =>
      extractFacts(buildTestReport(text))
        .filter((fact) => fact.kind === 'attacker-controls' || fact.kind === 'privileges-required')
        .map((fact) => [fact.value, fact.actor]);
    expect(actorsOf('Whoever can set the `AuthorizedKeysCommand` key runs it.')).toEqual([
      ['config-file', 'attacker'],
    ]);
    expect(actorsOf('Someone who already can edit the `Include` directive wins.')).toEqual([
      ['config-file', 'attacker'],
    ]);
    expect(
      actorsOf('If somebody can edit /etc/openvpn/server.conf they can add an up script.'),
    ).toEqual([['config-file', 'attacker']]);
  });

  it('reads the attack as the one needing a precondition, even in the reproduction section', () => {
    const actorsIn = (text: string) =>
      extractFacts(buildTestReport(text))
        .filter((fact) => fact.kind === 'privileges-required')
        .map((fact) => [fact.value, fact.actor]);
    expect(actorsIn('## Reproduction\n\nThe attack requires root on the device.\n')).toEqual([
      ['high', 'attacker'],
    ]);
    // The reporter's own step is still their setup.
    expect(
      actorsIn('## Reproduction\n\nI reproduced it, which requires root on my box.\n'),
    ).toEqual([['high', 'reporter']]);
  });

  it('does not take a cryptographic key or a plain option for a configuration key', () => {
    expect(valuesOf('The attacker can set the private key length.', 'attacker-controls')).toEqual(
      [],
    );
    expect(valuesOf('The attacker controls the response body.', 'attacker-controls')).toEqual([]);
  });
});

describe('requires-config', () => {
  checkCases('requires-config', [
    ['Start the server with DEBUG=1 and send the request.', ['debug']],
    ['Set APP_DEBUG=true first.', ['debug']],
    ['It only happens in debug mode.', ['debug']],
    ['It needs a debug build to panic.', ['debug']],
    ['The window overflows (debug build panics, release build wraps around).', []],
    ['The leak occurs when debug is enabled.', ['debug']],
    ['Run it with `--debug`.', ['debug']],
    ['The log shows it when verbose logging is enabled.', ['debug']],
    ['Only in development mode.', ['debug']],
    ['We raised the log level in the server configuration to `verb 9`.', ['debug']],
    ['It shows up with the logging verbosity turned up.', ['debug']],
    ['With the log level set to TRACE the token is printed.', ['debug']],
    ['We set the log level to error.', []],
    ['This needs a non-default configuration.', ['non-default']],
    ['It requires the `allow_symlinks` option.', ['allow_symlinks']],
    ['It only happens when `strict_mode` is enabled.', ['strict_mode']],
    ['It only happens when the compression option is enabled.', ['compression']],
    ['The binary must be compiled with -DTH_UNSAFE_PARSER.', ['th_unsafe_parser']],
    ['With host-key checking disabled like this, anyone can answer.', ['verification-disabled']],
    ['The caller turned off certificate verification.', ['verification-disabled']],
    ['The client was created with rejectUnauthorized: false.', ['verification-disabled']],
    ['They call it with verify=False.', ['verification-disabled']],
    ['The job sets StrictHostKeyChecking=no.', ['verification-disabled']],
    ['A user-supplied interceptor rewrites the URL.', ['caller-callback']],
    ['The application registers its own transform callback.', ['caller-callback']],
    ['Our user-supplied KnownHostsCommand script prints keys.', ['caller-callback']],
    ['The escape requires the unsafe custom filter we registered.', ['caller-callback']],
    ['It needs a custom template filter the application added.', ['caller-callback']],
    ['The constructor function we registered runs the command.', ['caller-callback']],
    ['This only happens when `server.fs.strict` is set to false.', ['server.fs.strict']],
    ['It only happens when `allow_unicode` is set.', ['allow_unicode']],
    ['It is our callback that writes more than it declared.', ['caller-callback']],
    ["The bug is in the application's row transform.", ['caller-callback']],
  ]);

  it('does not take a setting the reporter proposes in a fix section for a precondition', () => {
    const text =
      '# Bypass\n\n## Details\n\nThe header decides the route.\n\n## Suggested fix\n\nOnly trust the header when `--reverse-proxy` is on.\n';
    expect(valuesOf(text, 'requires-config')).toEqual([]);
    expect(valuesOf(text.replace('## Suggested fix', '## Details'), 'requires-config')).not.toEqual(
      [],
    );
  });

  it('does not take a condition on a value inside the code for a setting', () => {
    for (const text of [
      'The overlay renders the frame only when `err.loc.file` is set.',
      'The decoding branch only runs when `self.raw_decode` is set.',
      'It copies the header again if `this.pending` is true.',
      'The loop ends early when `node->next` is set.',
      'The branch runs if `obj.flag` is truthy.',
    ]) {
      expect(valuesOf(text, 'requires-config'), text).toEqual([]);
    }
  });

  it('does not take a setting narrowed to a safe value for a protection lifted', () => {
    for (const text of [
      'When `trustProxy` is set to an address or a function that accepts only the load balancer, the host is still spoofed.',
      'If `allowedHosts` is set to an allow-list, a crafted Host header still passes.',
    ]) {
      expect(valuesOf(text, 'requires-config'), text).toEqual([]);
    }
    expect(
      valuesOf('This only happens when `trustProxy` is set to true.', 'requires-config'),
    ).toEqual(['trustproxy']);
  });

  it("does not take a callback the library misuses for the caller's fault", () => {
    expect(
      valuesOf('libpng calls our callback with a length past the buffer.', 'requires-config'),
    ).toEqual([]);
    expect(valuesOf('It is not our callback that overflows.', 'requires-config')).toEqual([]);
  });

  it("does not take a denied or a neutral custom filter for the caller's own unsafe code", () => {
    expect(
      valuesOf('This does not need an unsafe custom filter to work.', 'requires-config'),
    ).toEqual([]);
    expect(valuesOf('Any custom filter list is parsed the same way.', 'requires-config')).toEqual(
      [],
    );
  });

  it('does not take a verification the bug itself skips, or a denied one, for the caller turning it off', () => {
    expect(
      valuesOf('Certificate verification is not disabled in our setup.', 'requires-config'),
    ).toEqual([]);
    expect(valuesOf('The library verifies the certificate chain.', 'requires-config')).toEqual([]);
  });

  it('handles negation and hypotheticals', () => {
    expect(valuesOf('There is no need for debug mode.', 'requires-config')).toEqual([]);
    expect(valuesOf('It crashes even without DEBUG=1.', 'requires-config')).toEqual([]);
    expect(valuesOf('Debug mode is not required.', 'requires-config')).toEqual([]);
    expect(valuesOf('It works regardless of debug mode.', 'requires-config')).toEqual([]);
    expect(valuesOf('It works even when debug logging is off.', 'requires-config')).toEqual([]);
  });

  it('does not take lower-case or prose "debug" as a setting', () => {
    expect(valuesOf('I started to debug the parser with gdb.', 'requires-config')).toEqual([]);
  });
});

describe('impact', () => {
  checkCases('impact', [
    ['This leads to RCE.', ['code-execution']],
    ['It allows remote code execution.', ['code-execution']],
    ['The attacker can execute arbitrary commands.', ['code-execution']],
    ['A heap buffer overflow in the parser.', ['memory-corruption']],
    ['This is a use-after-free.', ['memory-corruption']],
    ['It causes an out-of-bounds write.', ['memory-corruption']],
    ['A double free in cleanup.', ['memory-corruption']],
    ['It results in privilege escalation.', ['privilege-escalation']],
    ['Users can escalate their privileges.', ['privilege-escalation']],
    ['This is an authentication bypass.', ['auth-bypass']],
    ['The attacker can bypass the login.', ['auth-bypass']],
    ['It is an information disclosure.', ['information-disclosure']],
    ['The endpoint leaks session tokens.', ['information-disclosure']],
    ['The attacker can read arbitrary files.', ['information-disclosure']],
    ['A path traversal lets the attacker read /etc/passwd.', ['information-disclosure']],
    ['This is a denial of service.', ['denial-of-service']],
    ['A single request makes the server crash.', ['denial-of-service']],
    ['The regex is vulnerable to ReDoS.', ['denial-of-service']],
    ['The loop never ends: an infinite loop.', ['denial-of-service']],
    ['It causes unbounded memory growth.', ['denial-of-service']],
    ['It uses slightly higher memory per request.', ['bounded-resource-consumption']],
    ['The extra allocation is bounded by max_header_size.', ['bounded-resource-consumption']],
    ['It only produces log noise.', ['bounded-resource-consumption']],
    ["The worker's memory stays flat over a ten-minute run.", ['bounded-resource-consumption']],
    ['The memory usage of the process remains constant.', ['bounded-resource-consumption']],
    ['Memory does not grow between requests.', ['bounded-resource-consumption']],
    ['Each one costs a few microseconds per request.', ['bounded-resource-consumption']],
    ['The time is linear in the input size.', ['bounded-resource-consumption']],
    ['There is no amplification: it answers 404.', ['bounded-resource-consumption']],
    ['Memory grows to about 300 MB, then it stays there.', ['bounded-resource-consumption']],
    ['The heap climbs to 400MB and then plateaus.', ['bounded-resource-consumption']],
    ['Each buffer is capped by the default max header size.', ['bounded-resource-consumption']],
    ['Usage stays within the default header size limit.', ['bounded-resource-consumption']],
    ['The allocation never exceeds the configured maximum.', ['bounded-resource-consumption']],
    [
      'So memory use is about ten times the file size and grows linearly.',
      ['bounded-resource-consumption'],
    ],
    [
      'The leaked pointer lets an attacker bypass ASLR.',
      ['information-disclosure', 'hardening-bypass'],
    ],
    ['This is a defence-in-depth issue.', ['hardening-bypass']],
  ]);

  it('handles negation and lookalikes', () => {
    expect(valuesOf('There is no memory corruption here.', 'impact')).toEqual([]);
    expect(valuesOf('The server does not crash.', 'impact')).toEqual([]);
    expect(valuesOf('It returns an error without crashing.', 'impact')).toEqual([]);
    expect(valuesOf('Install it on MS-DOS.', 'impact')).toEqual([]);
    expect(valuesOf('There is a memory leak on shutdown.', 'impact')).toEqual([]);
    expect(valuesOf('The memory does not stay flat.', 'impact')).toEqual([]);
    expect(valuesOf('Memory is not capped by the default limit.', 'impact')).toEqual([]);
    expect(valuesOf('Memory grows to 2 GB and then the process is killed.', 'impact')).toEqual([]);
    expect(valuesOf('The comparison time stays constant.', 'impact')).toEqual([]);
    expect(valuesOf('It should be linear in the input size.', 'impact')).toEqual([]);
    expect(valuesOf('It is not true that memory grows linearly.', 'impact')).toEqual([]);
    expect(valuesOf('The scan count grows linearly, so parsing is slow.', 'impact')).toEqual([]);
    expect(valuesOf('It takes 90 seconds per request.', 'impact')).toEqual([]);
    expect(valuesOf('The patch improves the principle of defense in depth.', 'impact')).toEqual([]);
    expect(valuesOf('Dos and don\u2019ts for contributors.', 'impact')).toEqual([]);
  });
});

describe('claimed-severity', () => {
  checkCases('claimed-severity', [
    ['Severity: Critical', ['critical']],
    ['**Severity:** High', ['high']],
    ['This is a critical severity issue.', ['critical']],
    ['CVSS 9.8 (Critical)', ['critical']],
    ['I rate this High.', ['high']],
    ['CVSS score: 5.3', ['medium']],
    ['CVSS v3.1 base score 7.5', ['high']],
    ['Severity: Moderate', ['medium']],
    ['# Severity\n\nHigh\n', ['high']],
  ]);

  it('does not read a vector version, a complexity or a denial as a rating', () => {
    expect(valuesOf('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'claimed-severity')).toEqual(
      [],
    );
    expect(valuesOf('The attack is rated low complexity.', 'claimed-severity')).toEqual([]);
    expect(valuesOf('This is not high severity.', 'claimed-severity')).toEqual([]);
  });
});

describe('a protection applied only under a setting', () => {
  checkCases('requires-config', [
    ['The handler only enforces origins when `enforce_origin` is set.', []],
    ['It only checks the token when `verify_token` is enabled, so by default anyone passes.', []],
    ['The overflow happens only when `big_buffers` is enabled.', ['big_buffers']],
    ['The helper that should clamp the length is only called when `STRICT_MODE` is set.', []],
    ['The bounds check is only performed when `CHECKED_BUILD` is set.', []],
    ['The vulnerable parser is only called when `LEGACY_MODE` is set.', ['legacy_mode']],
  ]);
});

describe('ai-use', () => {
  checkCases('ai-use', [
    ['I used ChatGPT to find this bug.', ['used']],
    ['We used an LLM to write the PoC.', ['used']],
    ['This report is AI-assisted.', ['used']],
    ['This report was written with the help of AI.', ['used']],
    ['Generated with Claude.', ['used']],
    ['No AI was used.', ['not-used']],
    ['I did not use AI for this report.', ['not-used']],
    ['This report was written without AI.', ['not-used']],
    ['**AI disclosure:** No AI tools were used to find or write this report.', ['not-used']],
    ['# AI disclosure\n\nNone.\n', ['not-used']],
    ['# AI disclosure\n\nYes, for the wording.\n', ['used']],
    ['KI habe ich dafür nicht verwendet.', ['not-used']],
    ['Der Bericht entstand ohne KI.', ['not-used']],
    ['Rapport rédigé sans IA.', ['not-used']],
    ["Je n'ai pas utilisé d'IA pour ce rapport.", ['not-used']],
    ['No hemos utilizado ninguna IA.', ['not-used']],
    ['Relatório escrito sem inteligência artificial.', ['not-used']],
    ['Non ho usato IA per questa segnalazione.', ['not-used']],
    ['Er lief über die IA-32 Architektur.', []],
  ]);

  it('ignores AI-disclosure instructions inside an HTML comment', () => {
    expect(
      valuesOf(
        '<!-- Tell us whether you used AI (for example: I used ChatGPT to ...) -->\nText.',
        'ai-use',
      ),
    ).toEqual([]);
  });
});

describe('the phrase table', () => {
  it('lets the extractor find the first word of nearly every rule', () => {
    const scanned = phraseRules.filter(
      (rule) => rule.isScanned !== true && findRuleStarts(rule.pattern.source) === null,
    );
    expect(scanned.map((rule) => rule.pattern.source)).toEqual([
      '`--?[A-Za-z][\\w-]*`\\s+(?:command[\\s-]line\\s+)?argument\\b',
      '--debug\\b',
    ]);
  });

  it('reads the first words of a pattern', () => {
    expect(findRuleStarts(String.raw`\b(?:does\s+not|without)\s+x`)).toEqual([
      { literal: 'does', isOpen: false },
      { literal: 'without', isOpen: false },
    ]);
    expect(findRuleStarts(String.raw`\b(?:(?:stack|heap)[\s-]+)?buffer\b`)).toEqual([
      { literal: 'stack', isOpen: false },
      { literal: 'heap', isOpen: false },
      { literal: 'buffer', isOpen: false },
    ]);
    expect(findRuleStarts(String.raw`\brequires?\s+root`)).toEqual([
      { literal: 'require', isOpen: true },
    ]);
    expect(findRuleStarts(String.raw`\bre\w*`)).toBeNull();
  });
});

describe('physical access in other words', () => {
  checkCases('attack-vector', [
    ['The attacker opens the device case and reads the key from flash.', ['physical']],
    ['After removing the enclosure, a probe on the SPI bus shows the key.', ['physical']],
    ['We placed a shunt resistor in the supply line and recorded the traces.', ['physical']],
    ['By measuring the power consumption during signing the nonce leaks.', ['physical']],
    ['An electromagnetic probe over the chip recovers the key bits.', ['physical']],
    ['A voltage glitch during the comparison skips the check.', ['physical']],
    ['With a ChipWhisperer glitching rig the branch is skipped.', ['physical']],
    ['Connect to the JTAG header and halt the core.', ['physical']],
    ['The UART header on the board gives a root shell.', ['physical']],
  ]);

  it('does not read software fault injection, device files or a DoS as physical', () => {
    expect(
      valuesOf('Allocation fault injection in the fuzzer fails malloc.', 'attack-vector'),
    ).toEqual([]);
    expect(valuesOf('The program opens the device file /dev/ttyS0.', 'attack-vector')).toEqual([]);
    expect(valuesOf('The loop raises CPU load and power use.', 'attack-vector')).toEqual([]);
    expect(valuesOf('The server probes the upstream host.', 'attack-vector')).toEqual([]);
    expect(valuesOf('This does not need JTAG or any hardware.', 'attack-vector')).toEqual([]);
  });
});

describe('another local account and a shared folder', () => {
  checkCases('attack-vector', [
    ['Another local user can replace the file before it is read.', ['local']],
    ['A different local account on the box can win the race.', ['local']],
  ]);
  checkCases('attacker-controls', [
    [
      'The archive is extracted into a world-writable folder that others can change.',
      ['local-file-system'],
    ],
    ['The cache lives in a shared /tmp directory.', ['local-file-system']],
    ['Files are written to the shared `/tmp` of the build host.', ['local-file-system']],
    ['Another user can delete it, since the directory is world-writable.', ['local-file-system']],
    [
      'The attacker must already have write access to the state file’s location.',
      ['local-file-system'],
    ],
  ]);

  it('does not read another user of a web application as local', () => {
    expect(
      valuesOf('Another user of the application can see the comment.', 'attack-vector'),
    ).toEqual([]);
    expect(
      valuesOf('The library shares a directory handle with the caller.', 'attacker-controls'),
    ).toEqual([]);
  });
});

describe('a tenant allowed to write routing configuration', () => {
  it('is the attacker writing configuration, and a deployment choice', () => {
    const text =
      'In our multi-tenant cluster each tenant may create IngressRoute resources in its namespace.';
    expect(valuesOf(text, 'attacker-controls')).toEqual(['config-file']);
    expect(valuesOf(text, 'requires-config')).toEqual(['non-default']);
    expect(
      valuesOf('Tenants who can apply their own routing CRDs hijack hosts.', 'requires-config'),
    ).toEqual(['non-default']);
  });

  it('does not read a tenant sending requests, or a denied permission', () => {
    expect(valuesOf('A tenant can send requests to the shared proxy.', 'requires-config')).toEqual(
      [],
    );
    expect(valuesOf('Tenants cannot create routes.', 'requires-config')).toEqual([]);
  });
});
