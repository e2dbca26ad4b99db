import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract-facts.js';
import { parseReportText } from './parse-report.js';

const stepsOf = (text: string): string[] => {
  const parsed = parseReportText('report.md', text);
  if (!parsed.ok) throw new Error('unparsable test report');
  return extractFacts(parsed.value[0]!)
    .filter((fact) => fact.kind === 'reproduction-steps')
    .map((fact) => fact.value);
};

const withheldPoc = (label: (name: string) => string): string =>
  [
    '# Heap overflow in parse_tag()',
    '',
    label('Summary'),
    '',
    'A heap overflow in `parse_tag()` gives code execution.',
    '',
    label('Proof of Concept'),
    '',
    'A working PoC is available upon request after the disclosure timeline is agreed.',
    '',
    label('Remediation'),
    '',
    '1. Validate the tag count.',
    '2. Use safe copy functions.',
    '3. Enable hardening flags.',
  ].join('\n');

describe('numbered lists led in by a reproduction cue', () => {
  it('does not read a remediation list after a withheld PoC as steps, however labelled', () => {
    expect(stepsOf(withheldPoc((name) => `## ${name}`))).toEqual([]);
    expect(stepsOf(withheldPoc((name) => `**${name}:**`))).toEqual([]);
    expect(stepsOf(withheldPoc((name) => `${name}:`))).toEqual([]);
    expect(stepsOf(withheldPoc((name) => `🛠️ ${name}:`))).toEqual([]);
  });

  it('reads a plain label decorated with an emoji as its field', () => {
    const parsed = parseReportText(
      'report.md',
      withheldPoc((name) => `🔬 ${name}:`),
    );
    if (!parsed.ok) throw new Error('unparsable test report');
    const fields = parsed.value[0]!.sections.map((section) => section.field);
    expect(fields).toContain('reproduction');
    expect(fields).toContain('summary');
  });

  it('still reads steps led in by a cue in their own section or in unlabelled text', () => {
    const ownSection = ['**Details:**', '', 'To reproduce:', '', '1. Build it.', '2. Run it.'];
    expect(stepsOf(ownSection.join('\n'))).toEqual(['2 steps']);
    expect(stepsOf('To reproduce it:\n\n1. Build it.\n2. Run it.')).toEqual(['2 steps']);
  });

  it('reads a command quoted as inline code in a reproduction section, not a program named in prose', () => {
    const section = (text: string): string =>
      ['# Quadratic re-dissection', '', 'Seen on 0.23.40.', '', '## Reproduction', '', text].join(
        '\n',
      );
    expect(
      stepsOf(
        section('Run `cargo run --release --example frag1` from the branch; it times the parse.'),
      ),
    ).toEqual(['command']);
    expect(
      stepsOf(section('We build it with cargo in release mode and time `process_new_packets()`.')),
    ).toEqual([]);
    expect(
      stepsOf(section('A weaponised exploit (`go run poc.go`) is available upon request.')),
    ).toEqual([]);
  });

  it('reads numbered steps run into a paragraph after a reproduction lead-in ending in a colon', () => {
    expect(
      stepsOf(
        'The client logs it. Reproduction with a modified server (patch attached): 1. Start the patched server. 2. Connect with the client. 3. Read the log.',
      ),
    ).toEqual(['3 steps']);
    expect(
      stepsOf('The fix has two parts: 1. Validate the length. 2. Reject the message.'),
    ).toEqual([]);
  });

  it('reads a bare heading line of a plain-text report above the list, and only a reproduction one', () => {
    const plain = (heading: string): string =>
      [
        'Server exits on a packet',
        '',
        'Description',
        'It asserts.',
        '',
        heading,
        '1. Connect.',
        '2. Send the packet.',
      ].join('\n');
    expect(stepsOf(plain('Steps'))).toEqual(['2 steps']);
    expect(stepsOf(plain('How to reproduce'))).toEqual(['2 steps']);
    expect(stepsOf(plain('Remediation'))).toEqual([]);
    expect(stepsOf(plain('Timeline'))).toEqual([]);
  });
});

describe('one command indented by itself', () => {
  const report = (leadIn: string, line: string): string =>
    [
      'Subject: heap overflow in the filler step',
      '',
      'The attached file triggers it with our reader. ' + leadIn,
      '',
      line,
      '',
      'ASan then reports a WRITE of size 2.',
    ].join('\n');

  it('reads the line as the reproduction after a reproduction lead-in', () => {
    expect(stepsOf(report('To reproduce:', '    ./readrgba16 gray16-wide.png'))).toEqual([
      'command',
    ]);
    expect(stepsOf(report('Steps:', '\tpngfix --optimize short.png'))).toEqual(['command']);
  });

  it('reads the line after the verb of running it, the sentence going on below', () => {
    expect(stepsOf(report('Running', '    mytool -x 500:20 input.bin'))).toEqual(['command']);
    expect(stepsOf(report('I simply executed:', '    conv --fast in.dat out.dat'))).toEqual([
      'command',
    ]);
    expect(stepsOf(report('We then run', '    Just open the file in any viewer.'))).toEqual([]);
    expect(stepsOf(report('The service was running', 'plain text, not indented'))).toEqual([]);
  });

  it('does not read an indented sentence or a line without a lead-in', () => {
    expect(stepsOf(report('To reproduce:', '    Just open the file in any viewer.'))).toEqual([]);
    expect(stepsOf(report('Here it is:', '    ./readrgba16 gray16-wide.png'))).toEqual([]);
  });
});

describe('a program beside the sanitizer report of its run', () => {
  const program = [
    '```c',
    '#include <stdint.h>',
    '#include "zstd.h"',
    'int main(void) {',
    '  uint8_t out[16];',
    '  static const uint8_t frame[] = {0x28, 0xb5, 0x2f, 0xfd, 0x00};',
    '  ZSTD_decompress(out, sizeof out, frame, sizeof frame);',
    '  return 0;',
    '}',
    '```',
  ].join('\n');
  const asan = [
    '```',
    '==31337==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7ffc1 at pc 0x4f1 bp 0x7ff sp 0x7ff',
    'WRITE of size 4 at 0x7ffc1 thread T0',
    '    #0 0x4f0 in ZSTD_decompressBlock lib/decompress/zstd_decompress_block.c:1402:9',
    '```',
  ].join('\n');
  const ubsan =
    '    lib/decompress/huf_decompress.c:730:15: runtime error: shift exponent 64 is too large';

  it('reads a C program and an ASan trace as a reproduction without any steps heading', () => {
    const overclaimed = `# CRITICAL remote code execution in ZSTD_decompress (CVSS 10.0)\n\nThis is the most severe bug ever found.\n\n${program}\n\n${asan}\n`;
    expect(stepsOf(overclaimed)).toEqual(['program']);
  });

  it('reads an untagged program with includes beside an indented UBSan line', () => {
    const untagged = program.replace('```c', '```');
    expect(stepsOf(`# Shift overflow\n\n${untagged}\n\nRunning it prints:\n\n${ubsan}\n`)).toEqual([
      'program',
    ]);
  });

  it('does not make a step of a lone trace, a lone program, or quoted source beside a trace', () => {
    expect(stepsOf(`# Overflow\n\n${asan}\n`)).toEqual([]);
    expect(stepsOf(`# Overflow\n\n${program}\n`)).toEqual([]);
    const quotedSource = [
      '```c',
      'static size_t HUF_decodeLastSymbol(BIT_DStream_t* D) {',
      '  return D->bitContainer >> 64;',
      '}',
      '```',
    ].join('\n');
    expect(stepsOf(`# Overflow\n\nThe code:\n\n${quotedSource}\n\n${asan}\n`)).toEqual([]);
    const pythonText = '```text\n#include <x.h>\nint main(void) { return 0; }\n```';
    expect(stepsOf(`# Overflow\n\n${pythonText}\n\n${asan}\n`)).toEqual([]);
  });
});

describe('a C fragment run into a one-paragraph report', () => {
  const oneParagraph = (code: string): string =>
    `Overflow in frame_decode(). Summary: the decoder copies a frame past its buffer. Proof of concept: ${code} Running this crashes the daemon.`;

  it('does not read the calls of a fragment without an entry point as commands', () => {
    expect(
      stepsOf(
        oneParagraph('uint8_t frame[512]; fill_evil_frame(frame, 40); send_frame(fd, frame);'),
      ),
    ).toEqual([]);
  });

  it('still reads a call in a reproduction that declares no C variable, or a whole program', () => {
    expect(stepsOf(oneParagraph('frame_decode(b"\\x00" * 9000) raises nothing.'))).toContain(
      'command',
    );
    expect(
      stepsOf(
        oneParagraph(
          '#include <stdio.h> int main(void) { char b[8]; frame_decode(b, 9); return 0; }',
        ),
      ),
    ).toContain('command');
  });
});

describe('commands of a report written as one paragraph', () => {
  const stepsOfText = (text: string): string[] => {
    const parsed = parseReportText('report.txt', text);
    if (!parsed.ok) throw new Error('unparsable test report');
    return extractFacts(parsed.value[0]!)
      .filter((fact) => fact.kind === 'reproduction-steps')
      .map((fact) => fact.value);
  };

  it('reads a shell prompt after the end of a sentence as a typed command', () => {
    const text =
      'Listing escapes nothing. Details: a file named <b>x</b>.txt shows as markup in the listing. $ webhostd version 3.4.1 built with go1.22 We pinned 3.4.';
    expect(stepsOfText(text)).toEqual(['command']);
  });

  it('does not read a price or a shell variable in a sentence as a prompt', () => {
    expect(stepsOfText('Cost report. Details: the licence costs $ 40 per seat.')).toEqual([]);
    expect(stepsOfText('Env report. Details: we set $HOME to /srv and it breaks.')).toEqual([]);
  });

  it('reads a reproduction section that opens with a program and an option', () => {
    const text =
      'Broker drops clients. Description: any admin can drop another tenant. Reproduction: brokerctl --user root --password x drop 17 The client is gone at once. Impact: tenants lose their sessions.';
    expect(stepsOfText(text)).toEqual(['command']);
  });

  it('does not read a reproduction section that opens with a sentence', () => {
    const text =
      'Broker drops clients. Description: any admin can drop another tenant. Reproduction: log in as the admin and drop any client; it is gone at once. Impact: tenants lose their sessions.';
    expect(stepsOfText(text)).toEqual([]);
  });
});

describe('a sentence that starts with "from" in a reproduction section', () => {
  it('is prose, not a Python import, on its own line or run into a paragraph', () => {
    const onItsOwnLine = [
      '# Broker leaks messages',
      '',
      '## Steps to reproduce',
      '',
      'from another host the topics can be read.',
      '',
      'from every device the messages show up.',
    ].join('\n');
    expect(stepsOf(onItsOwnLine)).toEqual([]);
    const paragraph =
      'Broker leaks messages. Steps to reproduce: from another host the topics can be read. Impact: leaks.';
    expect(stepsOf(paragraph)).toEqual([]);
  });

  it('still reads `from module import name` as code', () => {
    const text = [
      '# Loader runs code',
      '',
      '## Steps to reproduce',
      '',
      'from yamlish import unsafe_load',
    ].join('\n');
    expect(stepsOf(text)).toEqual(['command']);
    const paragraph =
      'Loader runs code. Steps to reproduce: from yamlish import unsafe_load then load the file. Impact: code runs.';
    expect(stepsOf(paragraph)).toEqual(['command']);
  });
});

describe('a command after a lead-in or a step number in a one-paragraph reproduction', () => {
  it('reads a program with an option after a colon or a step number', () => {
    expect(
      stepsOf(
        'Broker leaks messages. Steps to reproduce: run the broker, then from another host: brokersub -h 10.0.0.5 -t all The messages show. Impact: leaks.',
      ),
    ).toEqual(['command']);
    expect(
      stepsOf(
        'Proxy crashes. Steps to reproduce: 1. Start the backend. 2. webproxy run --config proxy.conf The process exits. Impact: outage.',
      ),
    ).toEqual(['command']);
  });

  it('does not read a sentence after a colon, or a command outside the reproduction', () => {
    expect(
      stepsOf(
        'Broker leaks messages. Steps to reproduce: note: the broker listens on all interfaces. Impact: leaks.',
      ),
    ).toEqual([]);
    expect(
      stepsOf('Broker leaks messages. Impact: brokersub -h 10.0.0.5 -t all shows every message.'),
    ).toEqual([]);
  });
});

describe('a script that talks to the network, outside a reproduction section', () => {
  it('reads the global fetch() of a script as a step', () => {
    const script = "```js\nconst res = await fetch('http://127.0.0.1:3000/x');\n```";
    expect(stepsOf(`# Leak\n\n## Details\n\n${script}\n`)).toEqual(['script']);
  });

  it('does not read a method called fetch on some object as one (`$store->fetch(`, `ENV.fetch(`)', () => {
    const php =
      '```php\npublic function restore($key)\n{\n    return unserialize($this->store->fetch($key));\n}\n```';
    expect(stepsOf(`# Injection\n\n## Details\n\n${php}\n`)).toEqual([]);
    const ruby = '```ruby\ndef secret\n  ENV.fetch("SECRET")\nend\n```';
    expect(stepsOf(`# Leak\n\n## Details\n\n${ruby}\n`)).toEqual([]);
  });
});

describe('PHP statements run into one paragraph', () => {
  it('reads two PHP statements close together as a script', () => {
    expect(
      stepsOf(
        '# Injection\n\nReprodução: $mail = new Mailer(true); $mail->isSendmail(); $mail->send(); the log shows it.\n',
      ),
    ).toContain('script');
    expect(
      stepsOf(
        "# Disclosure\n\nOur page does $mail->addAttachment(__DIR__ . $_GET['doc']); and mails it.\n",
      ),
    ).toContain('script');
  });

  it("does not read the project's own `$this->` code or one lone call as a script", () => {
    expect(
      stepsOf('# Bug\n\nThe method calls $this->store->fetch($key) and unserializes it.\n'),
    ).toEqual([]);
  });

  it('reads a tool run with a flag in inline code as a command', () => {
    expect(stepsOf('# Bug\n\nRun the snippet above with `php -n` (no imap).\n')).toContain(
      'command',
    );
  });
});

describe('a request written out in a reproduction section', () => {
  it('reads the request line and a header in inline code as the request to send', () => {
    const text =
      '# Slow header parsing\n\n## PoC\n\nA client sends `GET /` with `Cookie: s="` followed by 50 000 escapes to any route.\n';
    expect(stepsOf(text)).toEqual(['request']);
  });

  it('reads no request from a path or a header named alone, or outside the section', () => {
    expect(stepsOf('# Slow\n\n## PoC\n\nRequesting `GET /admin` is slow.\n')).toEqual([]);
    expect(
      stepsOf(
        '# Slow\n\n## Details\n\nA client sends `GET /` with `Cookie: s="x"` to any route.\n',
      ),
    ).toEqual([]);
  });

  it('reads a numbered list under a reproduction heading in another language', () => {
    const text =
      '# Recorrido\n\n## Reproducción\n\n1. Compilar la aplicación.\n2. Pedir `/..%5C..%5Cwin.ini`.\n';
    expect(stepsOf(text)).toEqual(['2 steps']);
  });
});

describe('a reproduction told in one sentence that opens with a cue', () => {
  it('reads the call it writes as code as the command', () => {
    expect(
      stepsOf(
        'Phoenix 1.6.13 matches a wildcard origin by suffix. To reproduce, register a host ending in example.com and serve a page that opens new Socket("wss://app.example.com/socket").connect(), and watch it join. Impact: hijacking.',
      ),
    ).toEqual(['command']);
    expect(
      stepsOf(
        "The read is unguarded. Reproduction with express 5.1.0 and ejs 6.0.1: an app with app.set('view engine','ejs') and a route that renders home. Impact: DoS.",
      ),
    ).toEqual(['command']);
  });

  it('reads nothing without a call, or when the sentence withholds it', () => {
    expect(
      stepsOf('The check is weak. To reproduce, use any host name ending in the domain.'),
    ).toEqual([]);
    expect(
      stepsOf('To reproduce, the script run(payload) is available upon request once confirmed.'),
    ).toEqual([]);
  });
});

describe('a proof of concept the report says it attached', () => {
  it('reads an attached PoC, exploit or reproducer as the reproduction', () => {
    expect(
      stepsOf(
        '# Escape\n\n## Impact\n\nOur PoC (24 lines, attached to the advisory) runs `id` on the host.\n',
      ),
    ).toEqual(['attached']);
    expect(stepsOf('# Crash\n\nThe exploit script is attached as poc.js.\n')).toEqual(['attached']);
  });

  it('does not read a PoC that is withheld, denied or only promised', () => {
    expect(stepsOf('# Crash\n\nThe PoC will be attached once the bounty is agreed.\n')).toEqual([]);
    expect(stepsOf('# Crash\n\nThe PoC is not attached, ask me for it.\n')).toEqual([]);
    expect(stepsOf('# Crash\n\nI could not get the exploit attached to the mail.\n')).toEqual([]);
    expect(stepsOf('# Crash\n\nThe PoC can be attached upon request.\n')).toEqual([]);
    expect(stepsOf('# Crash\n\nThe full exploit will be attached later.\n')).toEqual([]);
    expect(stepsOf('# Crash\n\nA screenshot is attached.\n')).toEqual([]);
  });

  it('reads whatever a reproduction section attaches, except a picture of it', () => {
    expect(
      stepsOf(
        '# Race\n\n## Reproduction\n\nTwo workers race. Script and config attached (`race.zip`).\n',
      ),
    ).toEqual(['attached']);
    expect(
      stepsOf('# Race\n\n## Impact\n\nTwo workers race. Script and config attached.\n'),
    ).toEqual([]);
    expect(stepsOf('# Race\n\n## Reproduction\n\nA screenshot of the run is attached.\n')).toEqual(
      [],
    );
    expect(stepsOf('# Race\n\n## Reproduction\n\nThe script will be attached later.\n')).toEqual(
      [],
    );
    // Beside steps of its own, an attached patch is the fix, not more of the reproduction.
    expect(
      stepsOf(
        '# Race\n\n## Reproduction\n\n1. Start the server.\n2. Run the client.\n\nWith the attached patch the server stays idle.\n',
      ),
    ).toEqual(['2 steps']);
  });
});
