import { describe, expect, it } from 'vitest';
import type { Fact, FactKind } from '../model/fact.js';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

function pick(facts: readonly Fact[], kind: FactKind): string[] {
  return [...new Set(facts.filter((fact) => fact.kind === kind).map((fact) => fact.value))];
}

function expectSpansToHold(body: string, facts: readonly Fact[]): void {
  for (const fact of facts) {
    expect(fact.quote).toBe(body.slice(fact.span.start, fact.span.end).slice(0, 200));
    expect(fact.span.line).toBe(body.slice(0, fact.span.start).split('\n').length);
  }
}

const githubPvr = `# Heap overflow in http_read_chunked() via chunk-size integer overflow

### Summary

\`http_read_chunked()\` in \`src/http/chunked.c\` accumulates the chunk-size into a \`size_t\`
without an overflow check, so the \`memcpy()\` at \`src/http/chunked.c:88\` writes past the end of
the heap buffer. Any unauthenticated client can trigger it with a single request.

### Details

The sum wraps when the size is near SIZE_MAX (see line 86 of src/http/chunked.c).

### PoC

\`\`\`python
import socket
s = socket.create_connection(("127.0.0.1", 8080))
s.sendall(b"POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nfffffffffffffff0\\r\\n")
\`\`\`

### Impact

A remote attacker gets a heap buffer overflow with controlled content; at minimum a crash.

### Severity

High

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H

### Affected versions

2.2.0 through 2.4.1

### Weakness

CWE-122
`;

describe('a GitHub PVR-style report', () => {
  const report = buildTestReport(githubPvr);
  const facts = extractFacts(report);

  it('reads the structured fields as structure and the title as prose', () => {
    const origin = (kind: FactKind, value: string): string[] =>
      facts.filter((fact) => fact.kind === kind && fact.value === value).map((fact) => fact.origin);
    expect(origin('claimed-severity', 'high')).toEqual(['structure']);
    expect(origin('cvss-vector', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual([
      'structure',
    ]);
    expect(origin('version', '>=2.2.0 <=2.4.1')).toEqual(['structure']);
    expect(origin('cwe', 'CWE-122')).toEqual(['structure']);
    expect(facts.find((fact) => fact.kind === 'impact')!.origin).toBe('prose');
  });

  it('reads what a triager needs', () => {
    expect(pick(facts, 'attack-vector')).toEqual(['network']);
    expect(pick(facts, 'privileges-required')).toEqual(['none']);
    expect(pick(facts, 'user-interaction')).toEqual(['none']);
    expect(pick(facts, 'impact')).toEqual(['memory-corruption', 'denial-of-service']);
    expect(pick(facts, 'file-path')).toEqual(['src/http/chunked.c']);
    expect(pick(facts, 'line-reference')).toEqual([
      'src/http/chunked.c:88',
      'src/http/chunked.c:86',
    ]);
    expect(pick(facts, 'function')).toEqual(['http_read_chunked', 'memcpy']);
    expect(pick(facts, 'reproduction-steps')).toEqual(['script']);
    expect(pick(facts, 'requires-config')).toEqual([]);
    expect(pick(facts, 'attacker-controls')).toEqual([]);
  });

  it('keeps exact spans, lines and quotes, in body order, without duplicates', () => {
    expectSpansToHold(githubPvr, facts);
    const vector = facts.find((fact) => fact.kind === 'cvss-vector')!;
    expect(vector.span.line).toBe(
      githubPvr.split('\n').findIndex((line) => line.startsWith('CVSS:3.1')) + 1,
    );
    const starts = facts.map((fact) => fact.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const keys = facts.map(
      (fact) => `${fact.kind}|${fact.value}|${fact.span.start}|${fact.span.end}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

const hackerOne = `## Summary:
A stack-based buffer overflow exists in the \`tinyhttpd-ctl\` utility. \`ctl_parse_socket_path()\` in
\`tools/ctl/main.c\` copies the \`--socket\` argument into a 108-byte buffer with \`strcpy()\`.
Since \`tinyhttpd-ctl\` is typically executed as root (or with CAP_SYS_ADMIN), this gives code execution.

**Severity:** Critical (9.8)
**Version:** tinyhttpd 2.4.1

## Steps To Reproduce:

1. Install tinyhttpd 2.4.1.
2. As root, run:

   \`\`\`
   sudo tinyhttpd-ctl --socket "$(python3 -c 'print("A"*600)')" status
   \`\`\`

3. Observe the crash.

## Impact

An attacker can execute arbitrary code as **root**, a critical privilege escalation.
`;

describe('a HackerOne-style report', () => {
  const facts = extractFacts(buildTestReport(hackerOne));

  it('sees that the attack needs root and the command line', () => {
    expect(pick(facts, 'privileges-required')).toEqual(['high']);
    expect(pick(facts, 'attacker-controls')).toEqual(['command-line']);
    expect(pick(facts, 'claimed-severity')).toEqual(['critical']);
    expect(pick(facts, 'version')).toEqual(['2.4.1']);
    expect(pick(facts, 'reproduction-steps')).toEqual(['3 steps', 'command']);
    expect(pick(facts, 'impact')).toEqual([
      'memory-corruption',
      'code-execution',
      'denial-of-service',
      'privilege-escalation',
    ]);
  });

  it('does not read the sudo inside the PoC block as prose', () => {
    const sudo = facts.filter(
      (fact) => fact.kind === 'privileges-required' && /sudo/.test(fact.quote),
    );
    expect(sudo).toEqual([]);
  });
});

const slop = `# CRITICAL: Remote Code Execution in tinyhttpd (CVSS 10.0)

## Summary

A critical Remote Code Execution (RCE) vulnerability allows an attacker to execute arbitrary
commands on the server. To exploit it, the server must run as root and be started with DEBUG=1,
after which a malicious request to \`/__th/debug\` triggers memory corruption.

**Severity:** Critical

## AI Disclosure

This report was written with the help of AI.
`;

describe('an AI-slop report claiming a critical RCE', () => {
  const facts = extractFacts(buildTestReport(slop));

  it('surfaces the preconditions that make it out of scope', () => {
    expect(pick(facts, 'privileges-required')).toEqual(['high']);
    expect(pick(facts, 'requires-config')).toEqual(['debug']);
    expect(pick(facts, 'claimed-severity')).toEqual(['critical']);
    expect(pick(facts, 'impact')).toEqual(['code-execution', 'memory-corruption']);
    expect(pick(facts, 'attacker-controls')).toEqual(['network-request']);
    expect(
      facts.filter((fact) => fact.kind === 'ai-use').map((fact) => [fact.value, fact.origin]),
    ).toEqual([['used', 'structure']]);
  });
});

const sanitizer = `Fuzzing found this:

\`\`\`
==2291==ERROR: AddressSanitizer: heap-use-after-free on address 0x6110000003d8
READ of size 8 at 0x6110000003d8 thread T0
    #0 0x5581a3c2e0b0 in conn_timeout_check src/conn.c:406:9
    #1 0x5581a3c2b9f4 in event_loop src/server.c:211:13
freed by thread T0 here:
    #0 0x5581a3bd2f22 in free
    #1 0x5581a3c2d7c1 in conn_close src/conn.c:188:5
SUMMARY: AddressSanitizer: heap-use-after-free src/conn.c:406:9 in conn_timeout_check
\`\`\`

A remote client can crash the server without authentication. No AI was used.
`;

describe('a report with a sanitizer trace', () => {
  const facts = extractFacts(buildTestReport(sanitizer));

  it('reads the trace, and the sanitizer headline as a finding, not as prose', () => {
    expect(pick(facts, 'function')).toEqual(['conn_timeout_check', 'event_loop', 'conn_close']);
    expect(pick(facts, 'line-reference')).toEqual([
      'src/conn.c:406',
      'src/server.c:211',
      'src/conn.c:188',
    ]);
    // A use-after-free is corruption even on a READ; the SUMMARY line repeats it and is skipped.
    expect(pick(facts, 'impact')).toEqual(['memory-corruption', 'denial-of-service']);
    expect(facts.find((fact) => fact.kind === 'impact')?.quote).toBe(
      'AddressSanitizer: heap-use-after-free on address 0x6110000003d8',
    );
    expect(pick(facts, 'privileges-required')).toEqual(['none']);
    expect(pick(facts, 'attack-vector')).toEqual(['network']);
    expect(pick(facts, 'ai-use')).toEqual(['not-used']);
    expectSpansToHold(sanitizer, facts);
  });
});

describe('extractFacts', () => {
  it('returns nothing for an empty report', () => {
    expect(extractFacts(buildTestReport(''))).toEqual([]);
  });

  it('marks facts in known sections as structure, elsewhere as prose', () => {
    const body = 'Requires root.\n\n## Details\n\nRequires root.\n\n## Notes\n\nRequires root.\n';
    const facts = extractFacts(buildTestReport(body)).filter(
      (fact) => fact.kind === 'privileges-required',
    );
    expect(facts.map((fact) => [fact.origin, fact.span.line])).toEqual([
      ['prose', 1],
      ['structure', 5],
      ['prose', 9],
    ]);
  });

  it('skips prose inside HTML comments (report templates)', () => {
    const body = '<!-- Does the attack require root? Is debug mode needed? -->\nNothing to see.';
    expect(extractFacts(buildTestReport(body))).toEqual([]);
  });

  it('cuts quotes to 200 characters', () => {
    const body = `\`\`\`\n${'x'.repeat(500)}\n\`\`\``;
    const [block] = extractFacts(buildTestReport(body));
    expect(block!.kind).toBe('code-block');
    expect(block!.quote).toHaveLength(200);
    expect(block!.span.end).toBe(body.length);
  });
});

describe('sanitizer findings and speculation', () => {
  it('tells an out-of-bounds READ from a WRITE and a NULL dereference', () => {
    const trace = (headline: string, access: string) =>
      extractFacts(
        buildTestReport(`\`\`\`\n==1==ERROR: AddressSanitizer: ${headline}\n${access}\n\`\`\`\n`),
      );
    expect(
      pick(
        trace('heap-buffer-overflow on address 0x602000000011', 'READ of size 1 at 0x602000000011'),
        'impact',
      ),
    ).toEqual(['information-disclosure']);
    expect(
      pick(
        trace(
          'heap-buffer-overflow on address 0x602000000011',
          'WRITE of size 4 at 0x602000000011',
        ),
        'impact',
      ),
    ).toEqual(['memory-corruption']);
    expect(
      pick(
        trace(
          'SEGV on unknown address 0x000000000008',
          'The signal is caused by a READ memory access.',
        ),
        'impact',
      ),
    ).toEqual(['denial-of-service']);
  });

  it('marks impacts a sentence only speculates about', () => {
    const facts = extractFacts(
      buildTestReport(
        'The server crashes. Bugs like this can often be leveraged for remote code execution.\n',
      ),
    );
    const impacts = facts.filter((fact) => fact.kind === 'impact');
    expect(impacts.map((fact) => [fact.value, fact.isSpeculative === true])).toEqual([
      ['denial-of-service', false],
      ['code-execution', true],
    ]);
  });
});

describe('indented plain-text transcripts', () => {
  const facts = (body: string) => extractFacts(buildTestReport(body));

  it('reads an indented transcript with a prompt under a lead-in as a reproduction', () => {
    const body = [
      'The helper crashes on a negative width.',
      '',
      'Transcript (any user that may call EVAL):',
      '',
      '    127.0.0.1:6379> EVAL "return bit.tohex(1, -2147483648)" 0',
      '    Could not connect to Redis at 127.0.0.1:6379: Connection refused',
      '',
    ].join('\n');
    const found = facts(body);
    expect(pick(found, 'reproduction-steps')).toEqual(['command']);
    expectSpansToHold(body, found);
    const step = found.find((fact) => fact.kind === 'reproduction-steps');
    expect(step?.quote).toBe('127.0.0.1:6379> EVAL "return bit.tohex(1, -2147483648)" 0');
  });

  it('reads a lead-in in German or Italian ("Reproduktion", "Riproduzione")', () => {
    for (const leadIn of ['Reproduktion (jeder Benutzer):', 'Riproduzione:', 'Schritte:']) {
      const body = `Absturz.\n\n${leadIn}\n\n    127.0.0.1:6379> EVAL "return 1" 0\n    Error\n`;
      expect(pick(facts(body), 'reproduction-steps')).toEqual(['command']);
    }
  });

  it('reads two prompted lines as a test case even without a lead-in', () => {
    const body = 'It fails like this\n\n    client A> HSET h f1 v1\n    client A> HGETALL h\n';
    expect(pick(facts(body), 'reproduction-steps')).toEqual(['command']);
  });

  it('reads the same transcript run into one paragraph', () => {
    const body =
      'The helper crashes. Transcript (any user that may call EVAL): 127.0.0.1:6379> EVAL "return 1" 0 Could not connect. Impact: a crash.';
    const found = facts(body);
    expect(pick(found, 'reproduction-steps')).toEqual(['command']);
    expectSpansToHold(body, found);
    expect(
      pick(facts('Our CLI prompt looks like host> HELP and lists commands.'), 'reproduction-steps'),
    ).toEqual([]);
  });

  it('does not read an indented quote or a lone prompt without a lead-in as a reproduction', () => {
    expect(
      pick(
        facts('Output:\n\n    AddressSanitizer: heap-use-after-free\n    READ of size 2\n'),
        'reproduction-steps',
      ),
    ).toEqual([]);
    expect(
      pick(
        facts('Our prompt looks like this\n\n    host> help\n    (list of commands)\n'),
        'reproduction-steps',
      ),
    ).toEqual([]);
  });
});

describe('a fix list after a proof-of-concept label', () => {
  it('does not read the remediation steps as reproduction steps', () => {
    const plain = [
      'Sandbox bypass in the renderer',
      '',
      '🧪 Proof of Concept:',
      'A working exploit will be provided after triage.',
      '',
      '🛡️ Recommended Fix:',
      '1. Remove the unsafe method',
      '2. Check every evaluated expression',
      '',
    ].join('\n');
    expect(pick(extractFacts(buildTestReport(plain)), 'reproduction-steps')).toEqual([]);
    // Steps under the proof-of-concept label still are.
    const steps = plain.replace(
      'A working exploit will be provided after triage.',
      '1. Install 3.1.6\n2. Render the template',
    );
    expect(pick(extractFacts(buildTestReport(steps)), 'reproduction-steps')).toEqual(['2 steps']);
  });
});

describe('a Rust panic with RUST_BACKTRACE=1 frames', () => {
  const body = [
    '# Remote panic in the frame decoder',
    '',
    '```',
    "thread 'tokio-runtime-worker' panicked at src/codec/frame.rs:412:17:",
    'attempt to subtract with overflow',
    'stack backtrace:',
    '   0: rust_begin_unwind',
    '   1: core::panicking::panic_fmt',
    '   2: tinyframe::codec::frame::Decoder<T>::decode_head',
    '             at ./src/codec/frame.rs:412:17',
    '   3: <tinyframe::codec::frame::Decoder<T> as tinyframe::codec::Decode>::decode::h0123456789abcdef',
    '             at ./src/codec/frame.rs:240:9',
    '```',
  ].join('\n');

  it('reads each frame as the path a report names, without generics, traits, hashes or the runtime', () => {
    const facts = extractFacts(buildTestReport(body));
    expect(pick(facts, 'function')).toEqual([
      'tinyframe::codec::frame::Decoder::decode_head',
      'tinyframe::codec::frame::Decoder::decode',
    ]);
    expect(pick(facts, 'line-reference')).toContain('src/codec/frame.rs:412');
    expectSpansToHold(
      body,
      facts.filter((fact) => fact.kind !== 'function'),
    );
  });

  it('reads a backtrace quoted in Markdown (`> `) by the same one Rust frame reader', () => {
    const quoted = body
      .split('\n')
      .filter((line) => !line.startsWith('```'))
      .map((line) => `> ${line}`)
      .join('\n');
    expect(pick(extractFacts(buildTestReport(quoted)), 'function')).toEqual([
      'tinyframe::codec::frame::Decoder::decode_head',
      'tinyframe::codec::frame::Decoder::decode',
    ]);
  });

  it('does not take a numbered list for frames', () => {
    const list = '1: Start the server\n2: Send the request\n';
    expect(pick(extractFacts(buildTestReport(`Steps\n\n${list}`)), 'function')).toEqual([]);
  });
});
