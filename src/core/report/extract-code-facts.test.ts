import { describe, expect, it } from 'vitest';
import type { FactKind } from '../model/fact.js';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

function factsOf(markdown: string, kind: FactKind): Array<[string, string]> {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === kind)
    .map((fact) => [fact.value, fact.quote]);
}

describe('code blocks', () => {
  it('records each fenced block with its info string and whole span', () => {
    const body =
      'Text\n\n```bash title="x"\necho hi\n```\n\n~~~\nplain\n~~~\n\n    indented is not fenced\n';
    expect(factsOf(body, 'code-block')).toEqual([
      ['bash', '```bash title="x"\necho hi\n```'],
      ['text', '~~~\nplain\n~~~'],
    ]);
  });

  it('runs an unclosed block to the end and ignores inline triple backticks', () => {
    expect(factsOf('Use ```x``` inline.\n\n```c\nint x;\n', 'code-block')).toEqual([
      ['c', '```c\nint x;\n'],
    ]);
  });

  it('accepts fences indented inside list items', () => {
    expect(
      factsOf('1. Run:\n\n      ```sh\n      curl -s http://x/\n      ```\n', 'code-block').map(
        ([value]) => value,
      ),
    ).toEqual(['sh']);
  });
});

describe('diffs', () => {
  const patch = [
    '```diff',
    'diff --git a/src/http/chunked.c b/src/http/chunked.c',
    '--- a/src/http/chunked.c',
    '+++ b/src/http/chunked.c',
    '@@ -69,5 +69,10 @@ http_read_chunked(struct th_conn *conn)',
    '-    for (;;)',
    '+    for (;;) {',
    '```',
  ].join('\n');

  it('reads the target file, the paths and the hunk function of a diff block', () => {
    expect(factsOf(patch, 'diff').map(([value]) => value)).toEqual(['src/http/chunked.c']);
    expect(factsOf(patch, 'file-path').map(([value]) => value)).toEqual([
      'src/http/chunked.c',
      'src/http/chunked.c',
    ]);
    expect(factsOf(patch, 'function').map(([value]) => value)).toEqual(['http_read_chunked']);
  });

  it('finds a raw diff pasted into prose', () => {
    const body =
      'Patch:\n\n--- a/lib/x.js\n+++ b/lib/x.js\n@@ -1,2 +1,2 @@\n-a\n+b\n context\n\nThanks.';
    const [diff] = factsOf(body, 'diff');
    expect(diff).toEqual([
      'lib/x.js',
      '--- a/lib/x.js\n+++ b/lib/x.js\n@@ -1,2 +1,2 @@\n-a\n+b\n context',
    ]);
  });

  it('takes the old path when the new one is /dev/null', () => {
    const body = '```patch\n--- a/src/old.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n```';
    expect(factsOf(body, 'diff').map(([value]) => value)).toEqual(['src/old.c']);
  });
});

describe('environment settings in shell PoCs', () => {
  it('reads exported and prefixed variables as attacker-controlled environment', () => {
    const body =
      "```sh\n$ export TINYHTTPD_LOG_FORMAT='%n%n'\nLD_PRELOAD=./evil.so ./tinyhttpd --port 8080\n```";
    expect(factsOf(body, 'attacker-controls')).toEqual([
      ['environment', "export TINYHTTPD_LOG_FORMAT='%n%n'"],
      ['environment', 'LD_PRELOAD=./evil.so'],
    ]);
  });

  it('reads debug switches as requires-config, not as attacker control', () => {
    const body = '```\nmake clean && make DEBUG=1\nTH_DEBUG=true ./server\n```';
    expect(factsOf(body, 'requires-config')).toEqual([
      ['debug', 'DEBUG=1'],
      ['debug', 'TH_DEBUG=true'],
    ]);
    expect(factsOf(body, 'attacker-controls')).toEqual([]);
  });

  it('ignores build and sanitizer settings, and assignments in non-shell code', () => {
    expect(
      factsOf(
        "```sh\nCC=clang CFLAGS='-O1' make\nASAN_OPTIONS=detect_leaks=0 ./hello\n```",
        'attacker-controls',
      ),
    ).toEqual([]);
    expect(factsOf('```python\nDEBUG = 1\nos.environ["X"] = "y"\n```', 'requires-config')).toEqual(
      [],
    );
  });
});

describe('reproduction steps', () => {
  it('counts numbered steps in a reproduction section', () => {
    const body =
      '# Report\n\n## Steps to reproduce\n\n1. Build it.\n2. Start it.\n   Wait a second.\n3. Send the request.\n';
    expect(factsOf(body, 'reproduction-steps')).toEqual([
      ['3 steps', '1. Build it.\n2. Start it.\n   Wait a second.\n3. Send the request.'],
    ]);
  });

  it('counts numbered steps after "steps to reproduce" in prose, but not a remediation list', () => {
    expect(
      factsOf('Steps to reproduce:\n\n1. Build.\n2. Run.\n', 'reproduction-steps').map(
        ([value]) => value,
      ),
    ).toEqual(['2 steps']);
    expect(
      factsOf(
        '# Report\n\n## Remediation\n\n1. Check bounds.\n2. Add tests.\n',
        'reproduction-steps',
      ),
    ).toEqual([]);
  });

  it('records a PoC command in a shell block, a $ prompt line and an inline curl', () => {
    const body =
      '```\n# build first\n./tinyhttpd --port 8080 &\n```\n\n$ python poc.py\n\nThen run `curl -s http://127.0.0.1:8080/x`.';
    expect(factsOf(body, 'reproduction-steps')).toEqual([
      ['command', './tinyhttpd --port 8080 &'],
      ['command', '$ python poc.py'],
      ['command', 'curl -s http://127.0.0.1:8080/x'],
    ]);
  });

  it('records a network PoC script', () => {
    const body = '```python\nimport socket\ns = socket.create_connection(("127.0.0.1", 8080))\n```';
    expect(factsOf(body, 'reproduction-steps').map(([value]) => value)).toEqual(['script']);
  });
});
