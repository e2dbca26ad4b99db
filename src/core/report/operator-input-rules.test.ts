import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

const controlsOf = (text: string): string[] =>
  extractFacts(buildTestReport(text))
    .filter((fact) => fact.kind === 'attacker-controls')
    .map((fact) => `${fact.value}:${fact.actor ?? '-'}`);

describe('a command-line tool’s operator input', () => {
  it.each([
    'An attacker who controls the commands piped into `xmltool --shell` can crash it.',
    'An attacker who can write the list file that an operator passes to `zstd --filelist` overflows it.',
    'An attacker who can write the script the tool runs as its driver can exhaust memory.',
    'The attacker supplies the commands the interpreter executes.',
  ])('%s', (text) => {
    expect(controlsOf(text)).toContain('command-line:attacker');
  });

  it('does not read the tool’s untrusted file input as its command line', () => {
    expect(
      controlsOf('An attacker who supplies a crafted archive to `tool -x` can crash it.'),
    ).not.toContain('command-line:attacker');
    expect(
      controlsOf('The attacker cannot control the commands piped into `tool --shell`.'),
    ).toEqual([]);
  });
});
