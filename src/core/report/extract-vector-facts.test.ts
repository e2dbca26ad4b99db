import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/fact.js';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

function factsOf(markdown: string, kinds: readonly Fact['kind'][]): Array<[string, string]> {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => kinds.includes(fact.kind))
    .map((fact) => [fact.kind, fact.value]);
}

const v3 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const v4 = 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

describe('CVSS vectors', () => {
  it('reads a v3.1 vector and the preconditions it states, all on the vector span', () => {
    const body = `Score: ${v3} (9.8)`;
    const facts = extractFacts(buildTestReport(body)).filter(
      (fact) => fact.span.start === body.indexOf('CVSS:'),
    );
    expect(facts.map((fact) => [fact.kind, fact.value])).toEqual([
      ['attack-vector', 'network'],
      ['cvss-vector', v3],
      ['privileges-required', 'none'],
      ['user-interaction', 'none'],
    ]);
    for (const fact of facts) expect(fact.quote).toBe(v3);
  });

  it('reads a v4.0 vector with its own user-interaction values', () => {
    expect(
      factsOf(`Vector: ${v4}/E:A`, [
        'cvss-vector',
        'attack-vector',
        'privileges-required',
        'user-interaction',
      ]),
    ).toEqual([
      ['attack-vector', 'local'],
      ['cvss-vector', `${v4}/E:A`],
      ['privileges-required', 'high'],
      ['user-interaction', 'passive'],
    ]);
  });

  it('prefixes a bare v3 vector with CVSS:3.1', () => {
    expect(
      factsOf('AV:A/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N', ['cvss-vector', 'user-interaction']),
    ).toEqual([
      ['cvss-vector', 'CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N'],
      ['user-interaction', 'active'],
    ]);
  });

  it('keeps CVSS:3.0 as written and reads vectors inside code blocks', () => {
    expect(
      factsOf('```\nCVSS:3.0/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\n```', ['cvss-vector']),
    ).toEqual([['cvss-vector', 'CVSS:3.0/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N']]);
  });

  it('rejects incomplete, repeated and mislabelled vectors', () => {
    expect(factsOf('AV:N/AC:L/PR:N/UI:N', ['cvss-vector'])).toEqual([]);
    expect(factsOf('CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', ['cvss-vector'])).toEqual([]);
    expect(factsOf('CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', ['cvss-vector'])).toEqual([]);
    expect(
      factsOf('https://example.com/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', ['cvss-vector']),
    ).toEqual([]);
  });
});

describe('CWE ids', () => {
  it('normalises the forms people write', () => {
    expect(factsOf('CWE-79, CWE 787, cwe-22 and CWE0416.', ['cwe'])).toEqual([
      ['cwe', 'CWE-79'],
      ['cwe', 'CWE-787'],
      ['cwe', 'CWE-22'],
      ['cwe', 'CWE-416'],
    ]);
  });

  it('derives an impact only from unambiguous weaknesses', () => {
    expect(factsOf('CWE-787', ['impact'])).toEqual([['impact', 'memory-corruption']]);
    expect(factsOf('CWE-78', ['impact'])).toEqual([['impact', 'code-execution']]);
    expect(factsOf('CWE-20 and CWE-190', ['impact'])).toEqual([]);
  });

  it('does not read a CWE inside a word or a code block', () => {
    expect(factsOf('XCWE-79 and\n```\nCWE-79\n```', ['cwe'])).toEqual([]);
  });
});
