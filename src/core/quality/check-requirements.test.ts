import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile, buildReport } from '../../../test/support/build-fact.js';
import { checkRequirements } from './check-requirements.js';

const requirements = buildProfile().reportRequirements;
const missingOf = (checks: ReturnType<typeof checkRequirements>) =>
  checks.filter((check) => !check.isPresent).map((check) => `${check.level}:${check.name}`);

describe('checkRequirements', () => {
  it('finds nothing in an empty report and lists every item at its level', () => {
    const checks = checkRequirements(
      buildReport('Your server is vulnerable, please fix.'),
      [],
      requirements,
    );
    expect(missingOf(checks)).toEqual([
      'required:affected-version',
      'required:affected-component',
      'required:reproduction',
      'required:impact',
      'recommended:proposed-patch',
      'recommended:test-case',
      'required:ai-disclosure',
    ]);
  });

  it('accepts facts as evidence and says where they are', () => {
    const facts = [
      buildFact('version', '2.4.1'),
      buildFact('function', 'parse_header'),
      buildFact('reproduction-steps', '3 steps'),
      buildFact('impact', 'denial-of-service'),
      buildFact('diff', 'src/http/parser.c'),
      buildFact('ai-use', 'not-used'),
    ];
    const checks = checkRequirements(buildReport('x'), facts, requirements);
    expect(missingOf(checks)).toEqual(['recommended:test-case']);
    expect(checks[0]?.reason).toContain('"2.4.1"');
  });

  it('accepts a known section with real content but not a placeholder', () => {
    const body =
      '## Impact\nAn attacker can read other tenants session cookies.\n## Test case\nN/A\n';
    const checks = checkRequirements(
      buildReport(body, { Impact: 'impact', 'Test case': 'test-case' }),
      [],
      requirements,
    );
    expect(checks.find((check) => check.name === 'impact')?.isPresent).toBe(true);
    expect(checks.find((check) => check.name === 'test-case')?.isPresent).toBe(false);
  });

  it('does not count a vague proof-of-concept section as a reproduction', () => {
    const body =
      '## PoC\nAn attacker could send a malicious payload to trigger the vulnerability.\n';
    const checks = checkRequirements(buildReport(body, { PoC: 'reproduction' }), [], requirements);
    const reproduction = checks.find((check) => check.name === 'reproduction');
    expect(reproduction?.isPresent).toBe(false);
    expect(reproduction?.reason).toContain('no concrete steps');
  });

  it('skips the AI disclosure when the policy makes it optional', () => {
    const checks = checkRequirements(buildReport('x'), [], {
      ...requirements,
      aiDisclosure: 'optional',
    });
    expect(checks.map((check) => check.name)).not.toContain('ai-disclosure');
  });

  it('counts a proof-of-concept script but not quoted project source as a reproduction', () => {
    const body = '## Details\n```c\nmemcpy(buf, src, len);\n```\n';
    const report = buildReport(body, { Details: 'details' });
    const source = {
      ...buildFact('code-block', 'c', '```c'),
      span: { start: 11, end: 40, line: 2 },
    };
    expect(
      checkRequirements(report, [source], requirements).find(
        (check) => check.name === 'reproduction',
      )?.isPresent,
    ).toBe(false);
    const script = {
      ...buildFact('code-block', 'python', '```python'),
      span: { start: 11, end: 40, line: 2 },
    };
    expect(
      checkRequirements(report, [script], requirements).find(
        (check) => check.name === 'reproduction',
      )?.isPresent,
    ).toBe(true);
    const inSection = buildReport('## Steps to reproduce\n```\nGET /%2e%2e/etc/passwd\n```\n', {
      'Steps to reproduce': 'reproduction',
    });
    const block = {
      ...buildFact('code-block', 'text', '```'),
      span: { start: 22, end: 50, line: 2 },
    };
    expect(
      checkRequirements(inSection, [block], requirements).find(
        (check) => check.name === 'reproduction',
      )?.isPresent,
    ).toBe(true);
  });
});

describe('a quoted definition of the function a report blames', () => {
  const reproductionOf = (body: string): boolean | undefined => {
    const start = body.indexOf('```python');
    const block = {
      ...buildFact('code-block', 'python', '```python'),
      span: { start, end: body.indexOf('```\n', start + 3) + 3, line: 3 },
    };
    return checkRequirements(buildReport(body), [block], requirements).find(
      (check) => check.name === 'reproduction',
    )?.isPresent;
  };

  it("is not a reproduction when the report names the function as the project's", () => {
    expect(
      reproductionOf(
        'The bug is in `Server._check_token()`:\n\n```python\ndef _check_token(self, packet):\n    return pickle.loads(packet)\n```\n',
      ),
    ).toBe(false);
  });

  it('is a reproduction when the script also runs something at its top level', () => {
    expect(
      reproductionOf(
        'The bug is in `Server._check_token()`:\n\n```python\ndef _check_token(self, packet):\n    return packet\nasyncio.run(main())\n```\n',
      ),
    ).toBe(true);
  });
});

describe('a quoted definition under a comment naming its file', () => {
  const reproductionOf = (body: string): boolean | undefined => {
    const start = body.indexOf('```js');
    const block = {
      ...buildFact('code-block', 'js', '```js'),
      span: { start, end: body.indexOf('```\n', start + 3) + 3, line: 3 },
    };
    return checkRequirements(buildReport(body), [block], requirements).find(
      (check) => check.name === 'reproduction',
    )?.isPresent;
  };

  it("is not a reproduction: the comment says it is the project's source", () => {
    const lead = `${'This helper resolves the trust chain for every request. '.repeat(6)}:\n\n`;
    expect(
      reproductionOf(
        `${lead}\`\`\`js\n// lib/proxy-trust.js\nfunction resolveHop (expr) {\n  return new Function(expr)\n}\n\`\`\`\n`,
      ),
    ).toBe(false);
  });

  it('is a reproduction when the lead-in calls the code ours', () => {
    expect(
      reproductionOf(
        'Our script:\n\n```js\n// lib/poc.js\nfunction run (url) {\n  return fetch(url)\n}\n```\n',
      ),
    ).toBe(true);
  });
});

describe('a report that withholds its exploit until a bounty or a CVE', () => {
  const body = (disclosure: string) =>
    `## Proof of Concept\n\n\`\`\`js\nejs.render(payload);\n\`\`\`\n\n## Disclosure\n\n${disclosure}\n`;
  const reproductionOf = (text: string) => {
    const report = buildReport(text, { 'Proof of Concept': 'reproduction' });
    const block = {
      ...buildFact('code-block', 'js', '```js'),
      span: { start: text.indexOf('```'), end: text.indexOf('```\n\n') + 3, line: 3 },
    };
    return checkRequirements(report, [block], requirements).find(
      (check) => check.name === 'reproduction',
    );
  };

  it('does not count its code as the reproduction, and says why', () => {
    const check = reproductionOf(
      body('I will share the full weaponized chain after a bounty is agreed.'),
    );
    expect(check?.isPresent).toBe(false);
    expect(check?.reason).toContain('withholds its exploit');
  });

  it('does not count its steps either: they outline the attack', () => {
    const text =
      '## Exploitation\n\n1. Run a rogue server\n2. Victim lists a folder\n3. Code runs\n\n## Disclosure\n\nThe full exploit will be provided after a bounty is confirmed.\n';
    const report = buildReport(text, { Exploitation: 'reproduction' });
    const steps = {
      ...buildFact('reproduction-steps', '3 steps', '1. Run a rogue server'),
      span: { start: text.indexOf('1.'), end: text.indexOf('\n\n## Disc'), line: 3 },
    };
    const check = checkRequirements(report, [steps], requirements).find(
      (candidate) => candidate.name === 'reproduction',
    );
    expect(check?.isPresent).toBe(false);
    expect(check?.reason).toContain('withholds its exploit');
  });

  it('counts the same code when the exploit is only offered on request', () => {
    expect(reproductionOf(body('A fuller exploit is available on request.'))?.isPresent).toBe(true);
  });
});

describe('a block of HTTP headers alone in a proof-of-concept section', () => {
  const reproductionOf = (code: string): boolean | undefined => {
    const body = `## Exploitation\n\`\`\`\n${code}\n\`\`\`\n`;
    const report = buildReport(body, { Exploitation: 'reproduction' });
    const block = {
      ...buildFact('code-block', 'text', '```'),
      span: { start: body.indexOf('```'), end: body.lastIndexOf('```') + 3, line: 2 },
    };
    return checkRequirements(report, [block], requirements).find(
      (check) => check.name === 'reproduction',
    )?.isPresent;
  };

  it('is a payload, not steps: it says neither where nor how to send it', () => {
    expect(reproductionOf('Forwarded: for="process.mainModule.require(1)"')).toBe(false);
    expect(reproductionOf('X-Forwarded-For: 1.2.3.4\nX-Real-IP: 5.6.7.8')).toBe(false);
  });

  it('counts a written-out request', () => {
    expect(reproductionOf('GET /ip HTTP/1.1\nHost: a\nForwarded: for=1.2.3.4')).toBe(true);
  });
});

describe('a quoted Ruby or PHP definition of the method a report blames', () => {
  const reproductionOf = (body: string, info: string): boolean | undefined => {
    const start = body.indexOf('```' + info);
    const block = {
      ...buildFact('code-block', info, '```' + info),
      span: { start, end: body.indexOf('```\n', start + 3) + 3, line: 3 },
    };
    return checkRequirements(buildReport(body), [block], requirements).find(
      (check) => check.name === 'reproduction',
    )?.isPresent;
  };

  it("is not a reproduction when the report names the Ruby method as the project's (`Class#name`)", () => {
    expect(
      reproductionOf(
        'The bug is in `Puma::Reactor#restore_state`:\n\n```ruby\ndef restore_state(client)\n  Marshal.load(client.blob)\nend\n```\n',
        'ruby',
      ),
    ).toBe(false);
    expect(
      reproductionOf(
        'The bug is in `Rack::Utils.parse_blob`:\n\n```ruby\ndef self.parse_blob(blob)\n  Marshal.load(blob)\nend\n```\n',
        'ruby',
      ),
    ).toBe(false);
  });

  it("is not a reproduction when the report names the PHP method as the project's (`Class::name`)", () => {
    expect(
      reproductionOf(
        'The bug is in `Mailer::restoreCache()`:\n\n```php\npublic function restoreCache($key)\n{\n    return unserialize($key);\n}\n```\n',
        'php',
      ),
    ).toBe(false);
  });

  it('is not a reproduction when it quotes a JavaScript method assigned to its type or a Go method', () => {
    expect(
      reproductionOf(
        'It is called by `Storage.prototype._resolvePath()`:\n\n```js\n// storage/disk.js, line 88\nStorage.prototype._resolvePath = function (dest, file) {\n  return path.join(dest, file.name)\n}\n```\n',
        'js',
      ),
    ).toBe(false);
    expect(
      reproductionOf(
        'The flaw is in `(*Broker).dispatch()`:\n\n```go\nfunc (b *Broker) dispatch() {\n    for c := range b.pending {\n        b.release(c)\n    }\n}\n```\n',
        'go',
      ),
    ).toBe(false);
    // The caller's own handler, assigned and then run, is a script.
    expect(
      reproductionOf(
        'Run this:\n\n```js\napp.handler = function (req) {\n  return upload(req)\n}\napp.listen(3000)\n```\n',
        'js',
      ),
    ).toBe(true);
  });

  it('is a reproduction when a PHP script calls the library', () => {
    expect(
      reproductionOf(
        'Run this:\n\n```php\n$mail = new Mailer(true);\n$mail->addAddress($argv[1]);\n$mail->send();\n```\n',
        'php',
      ),
    ).toBe(true);
  });
});

describe('a compiled-language fragment in a proof-of-concept section', () => {
  const reproductionOf = (code: string): boolean | undefined => {
    const body = `## Proof of concept\n\`\`\`c\n${code}\n\`\`\`\n`;
    const report = buildReport(body, { 'Proof of concept': 'reproduction' });
    const block = {
      ...buildFact('code-block', 'c', '```c'),
      span: { start: body.indexOf('```'), end: body.lastIndexOf('```') + 3, line: 2 },
    };
    return checkRequirements(report, [block], requirements).find(
      (check) => check.name === 'reproduction',
    )?.isPresent;
  };

  it('does not count a sketch that calls helpers it never shows', () => {
    expect(
      reproductionOf('char frame[512];\nfill_evil_frame(frame, 40);\nsend_to_daemon(fd, frame);'),
    ).toBe(false);
  });

  it('counts a program that can be built and run', () => {
    expect(
      reproductionOf(
        '#include <stdio.h>\nint main(void) { char b[8]; parse_frame(b, 9); return 0; }',
      ),
    ).toBe(true);
    expect(
      reproductionOf(
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return decode(d, n); }',
      ),
    ).toBe(true);
  });
});

describe('a sanitizer trace as reproduction', () => {
  const only = {
    required: ['reproduction' as const],
    recommended: [],
    aiDisclosure: 'optional' as const,
  };
  it('counts an indented or quoted sanitizer report, not a bare crash log', () => {
    const indented = buildReport(
      'Decompressing the attached frame gives:\n\n    ==1==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6\n        #0 0x5 in f lib/a.c:3\n',
    );
    const trace = {
      ...buildFact('code-block', 'sanitizer-trace'),
      span: { start: 42, end: indented.body.length, line: 3 },
    };
    expect(checkRequirements(indented, [trace], only)[0]?.isPresent).toBe(true);
    const paragraph = buildReport(
      'It crashes: ==7==ERROR: AddressSanitizer: heap-use-after-free on address 0x6 #0 0x5 in f a.c:3',
    );
    expect(checkRequirements(paragraph, [], only)[0]?.isPresent).toBe(true);
    const mention = buildReport('AddressSanitizer reports nothing, but it crashes sometimes.');
    expect(checkRequirements(mention, [], only)[0]?.isPresent).toBe(false);
    const crash = buildReport('It crashes:\n\n    Segmentation fault (core dumped)\n');
    const log = {
      ...buildFact('code-block', 'text'),
      span: { start: 13, end: crash.body.length, line: 3 },
    };
    expect(checkRequirements(crash, [log], only)[0]?.isPresent).toBe(false);
  });
});
