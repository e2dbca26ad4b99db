import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { findProfileSwitches, findUnenforcedSwitches } from './extract-command-switch-facts.js';
import { extractFacts } from './extract-facts.js';

const settings = ['display-tracebacks', 'follow_symlinks', 'reverse-proxy'];

function switchFactsOf(markdown: string): Array<{ value: string; actor?: string; quote: string }> {
  return extractFacts(buildTestReport(markdown), { profileSettings: settings })
    .filter((fact) => fact.kind === 'requires-config')
    .map((fact) => ({
      value: fact.value,
      quote: fact.quote,
      ...(fact.actor ? { actor: fact.actor } : {}),
    }));
}

describe('switches the profile names, on a command the report runs', () => {
  it('reads a listed switch in an inline command of a step as the operator’s setting', () => {
    const report =
      '# Tracebacks shown to clients\n\n## Steps\n\n1. `twist web --listen tcp:8080 --display-tracebacks --class app.root`\n2. request /search?q=%ff\n';
    expect(switchFactsOf(report)).toContainEqual({
      value: 'display-tracebacks',
      actor: 'user',
      quote: '--display-tracebacks',
    });
  });

  it('reads it in a shell block and in an indented snippet', () => {
    const block = '# Leak\n\nStart it:\n\n```sh\ntwist web --display-tracebacks --path .\n```\n';
    const snippet =
      '# Leak\n\nStart it:\n\n    twist web --display-tracebacks --path .\n\nThen ask.\n';
    for (const report of [block, snippet]) {
      expect(switchFactsOf(report).map((fact) => [fact.value, fact.actor])).toEqual([
        ['display-tracebacks', 'user'],
      ]);
    }
  });

  it('leaves switches the profile does not name, switched off, denied or in bare prose', () => {
    expect(findProfileSwitches('twist web --debug --path .', settings)).toEqual([]);
    expect(findProfileSwitches('twist web --display-tracebacks=false', settings)).toEqual([]);
    expect(findProfileSwitches('twist web --no-display-tracebacks', settings)).toEqual([]);
    expect(findProfileSwitches('it leaks even without --display-tracebacks', settings)).toEqual([]);
    expect(findProfileSwitches('--display-tracebacks is not needed here', settings)).toEqual([]);
    expect(
      switchFactsOf(
        '# Leak\n\nThe help of --display-tracebacks says it is risky, but the page leaks.\n',
      ),
    ).toEqual([]);
  });

  it('reads a command written out in bare prose when another switch stands next to the named one', () => {
    const run =
      '# Leak\n\nSteps: start it as we do on staging: twist web --display-tracebacks --port 8080 then open a broken page.\n';
    expect(switchFactsOf(run).map((fact) => [fact.value, fact.actor])).toEqual([
      ['display-tracebacks', 'user'],
    ]);
    const last = '# Leak\n\nWe run twist web --port 8080 --display-tracebacks on the box.\n';
    expect(switchFactsOf(last).map((fact) => fact.value)).toEqual(['display-tracebacks']);
    // Named alone, or denied, in a sentence: not a command line.
    expect(
      switchFactsOf('# Leak\n\nThe help of --display-tracebacks says it is risky, but it leaks.\n'),
    ).toEqual([]);
    expect(
      switchFactsOf('# Leak\n\nIt leaks even without --display-tracebacks --port 8080 set.\n'),
    ).toEqual([]);
  });

  it('leaves a switch named with its default value, and one the report says is not enforced', () => {
    const limits = ['ws-max-size', 'h11-max-incomplete-event-size'];
    expect(
      findProfileSwitches(
        'h11 refuses an event larger than `--h11-max-incomplete-event-size` (16 KiB by default).',
        limits,
      ),
    ).toEqual([]);
    expect(findProfileSwitches('`--ws-max-size` (default: 16 MiB)', limits)).toEqual([]);
    // Not the default: still the deployment's setting.
    expect(
      findProfileSwitches('uvicorn app:app --ws-max-size 1073741824 (not the default)', limits),
    ).toHaveLength(1);
    const ignored = [
      '# Limit ignored',
      '',
      '`--ws wsproto` does not enforce `--ws-max-size`; fragments pile up.',
      '',
      '```bash',
      'uvicorn echo:app --ws wsproto --ws-max-size 1048576',
      '```',
      '',
    ].join('\n');
    expect(
      extractFacts(buildTestReport(ignored), { profileSettings: limits }).filter(
        (fact) => fact.kind === 'requires-config',
      ),
    ).toEqual([]);
    for (const sentence of [
      'the server ignores `--ws-max-size` here',
      'with wsproto `--ws-max-size` is silently ignored',
      '--ws-max-size has no effect on wsproto',
      'it never applies --ws-max-size',
    ]) {
      expect([...findUnenforcedSwitches(sentence, limits)]).toEqual(['ws-max-size']);
    }
    // A limit the deployer raised, said plainly, stays a setting.
    const lifted =
      '# OOM\n\nWe run `uvicorn app:app --h11-max-incomplete-event-size 2147483648` now.\n';
    expect(
      extractFacts(buildTestReport(lifted), { profileSettings: limits })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value),
    ).toEqual(['h11-max-incomplete-event-size']);
  });

  it('finds nothing when the profile names no setting', () => {
    expect(findProfileSwitches('twist web --display-tracebacks', [])).toEqual([]);
  });

  it('returns spans of listed names only, on any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.constantFrom(
              ' --display-tracebacks',
              '--display-tracebacks=0',
              ' without ',
              '`',
              '--',
              '-x',
            ),
          ),
          { maxLength: 20 },
        ),
        (parts) => {
          const text = parts.join('');
          for (const found of findProfileSwitches(text, settings)) {
            expect(settings).toContain(found.name);
            expect(
              text.slice(found.start, found.end).toLowerCase().startsWith(`--${found.name}`),
            ).toBe(true);
          }
        },
      ),
    );
  });
});

describe('switches the report says are off, or proposes as the fix', () => {
  it('does not read a switch the sentence says is not set', () => {
    for (const report of [
      '# Bypass\n\nThe proxy listens directly, `--reverse-proxy` **not** set.\n',
      '# Bypass\n\nThe proxy listens directly; `--reverse-proxy` is not enabled.\n',
      '# Bypass\n\nThe proxy listens directly and `--reverse-proxy` was left unset.\n',
    ]) {
      expect(switchFactsOf(report), report).toEqual([]);
    }
  });

  it('still reads a switch the sentence sets, next to another one said to be off', () => {
    const report = '# Bypass\n\nRun with `--display-tracebacks`, `--reverse-proxy` not set.\n';
    expect(switchFactsOf(report).map((fact) => fact.value)).toEqual(['display-tracebacks']);
  });

  it('does not read a switch named in a fix section as the deployment’s setting', () => {
    const report =
      '# Bypass\n\n## Details\n\nThe header decides.\n\n### Suggested fix\n\nOnly honour the headers when `--reverse-proxy` is on and the peer is trusted.\n';
    expect(switchFactsOf(report)).toEqual([]);
  });
});
