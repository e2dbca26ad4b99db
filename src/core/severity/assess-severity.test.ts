import { describe, expect, it } from 'vitest';
import { buildFact, buildVectorFacts } from '../../../test/support/build-fact.js';
import type { RuleMatch } from '../model/triage-result.js';
import { assessSeverity } from './assess-severity.js';
import { parseCvssVector, scoreCvssVector } from './score-cvss-vector.js';

const critical = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
// These reports show their problem (steps, a trace or a patch): only then is a rating assessed.
const shown = { isShown: true };

describe('scoreCvssVector', () => {
  it('scores v3.1 and v4.0 vectors with FIRST ratings', () => {
    expect(scoreCvssVector(parseCvssVector(critical)!)).toEqual({
      vector: critical,
      score: 9.8,
      rating: 'critical',
    });
    const v4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    expect(scoreCvssVector(parseCvssVector(v4)!)?.score).toBe(9.3);
    expect(
      scoreCvssVector(parseCvssVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')!)?.rating,
    ).toBe('none');
  });

  it('rejects incomplete, duplicated and unknown vectors', () => {
    expect(parseCvssVector('CVSS:3.1/AV:N')).toBeNull();
    expect(parseCvssVector('CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeNull();
    expect(parseCvssVector(`${critical}/AV:L`)).toBeNull();
    expect(
      scoreCvssVector(parseCvssVector('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')!),
    ).toBeNull();
  });
});

describe('assessSeverity', () => {
  it('keeps a claim the report supports', () => {
    const facts = [
      ...buildVectorFacts(critical, [['attack-vector', 'network']]),
      buildFact('impact', 'code-execution'),
    ];
    const result = assessSeverity(facts, [], [], shown);
    expect(result.claimed).toMatchObject({ source: 'cvss', rating: 'critical', score: 9.8 });
    expect(result.assessed).toMatchObject({ rating: 'critical', score: 9.8 });
    expect(result.comparison).toBe('consistent');
  });

  it('lowers a claim whose own text needs root and a debug flag, with reasons', () => {
    const facts = [
      ...buildVectorFacts(critical, [['privileges-required', 'none']]),
      buildFact('privileges-required', 'high', 'run as root'),
      buildFact('requires-config', 'debug', 'with DEBUG=1'),
      buildFact('impact', 'memory-corruption'),
    ];
    const result = assessSeverity(facts, [], [], shown);
    expect(result.assessed.vector).toBe('CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H');
    expect(result.assessed.rating).toBe('medium');
    expect(result.comparison).toBe('overstated');
    expect(result.assessed.reasons.join('\n')).toContain('PR:N -> PR:H');
    expect(result.assessed.reasons.join('\n')).toContain('"with DEBUG=1"');
  });

  it('drops confidentiality and integrity a denial of service does not reach', () => {
    const facts = [buildFact('cvss-vector', critical), buildFact('impact', 'denial-of-service')];
    const result = assessSeverity(facts, [], [], shown);
    expect(result.assessed.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H');
    expect(result.assessed.rating).toBe('high');
  });

  it('treats a trusted-input component as needing high privileges', () => {
    const facts = [buildFact('cvss-vector', critical), buildFact('file-path', 'tools/ctl.c')];
    const result = assessSeverity(
      facts,
      [{ id: 'admin-cli', paths: ['tools/**'], input: 'trusted' }],
      [],
      shown,
    );
    expect(result.assessed.vector).toContain('PR:H');
    expect(result.assessed.reasons.join('\n')).toContain('admin-cli takes trusted input');
  });

  it('builds a vector from described facts when none is claimed, and compares with words', () => {
    const facts = [
      buildFact('claimed-severity', 'low', 'Severity: Low'),
      buildFact('impact', 'memory-corruption'),
      buildFact('attack-vector', 'network'),
    ];
    const result = assessSeverity(facts, [], [], shown);
    expect(result.claimed).toMatchObject({ source: 'words', rating: 'low' });
    expect(result.assessed.rating).toBe('critical');
    expect(result.comparison).toBe('understated');
  });

  it('says unknown, not a guess, when there is nothing to go on', () => {
    const result = assessSeverity([buildFact('claimed-severity', 'critical')], [], []);
    expect(result.assessed.rating).toBe('unknown');
    expect(result.comparison).toBe('not-comparable');
  });

  it('rates out-of-scope non-vulnerabilities none and regular bugs at most low', () => {
    const facts = [buildFact('cvss-vector', critical), buildFact('impact', 'code-execution')];
    const rule = (disposition: RuleMatch['disposition']): RuleMatch => ({
      ruleId: 'OOS-X',
      kind: 'out-of-scope',
      strength: 'strong',
      specificity: 3,
      statement: 'x',
      disposition,
      evidence: [],
    });
    expect(assessSeverity(facts, [], [rule('not-a-vulnerability')]).assessed.rating).toBe('none');
    expect(assessSeverity(facts, [], [rule('regular-bug')]).assessed.rating).toBe('low');
  });

  it('adjusts v4.0 vectors with v4 metrics', () => {
    const v4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    const facts = [
      buildFact('cvss-vector', v4),
      buildFact('requires-config', 'debug'),
      buildFact('user-interaction', 'passive'),
    ];
    const result = assessSeverity(facts, [], [], shown);
    expect(result.assessed.vector).toBe(
      'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    );
  });

  it('raises a vector the report shows to be too low, but never on speculation', () => {
    const low = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L';
    const raised = assessSeverity(
      [
        buildFact('cvss-vector', low),
        buildFact('impact', 'memory-corruption', 'heap-buffer-overflow'),
      ],
      [],
      [],
      shown,
    );
    expect(raised.assessed.vector).toBe('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(raised.comparison).toBe('understated');
    const imagined = {
      ...buildFact('impact', 'code-execution', 'could lead to remote code execution'),
      isSpeculative: true,
    };
    const speculated = assessSeverity([buildFact('cvss-vector', low), imagined], [], [], shown);
    expect(speculated.assessed.vector).toBe(low);
    expect(speculated.assessed.reasons.join('\n')).toContain('only speculates about its impact');
  });

  it('prefers what a report shows over what it imagines', () => {
    const imagined = {
      ...buildFact('impact', 'code-execution', 'can often be leveraged for RCE'),
      isSpeculative: true,
    };
    const result = assessSeverity(
      [
        buildFact('cvss-vector', critical),
        buildFact('impact', 'denial-of-service', 'crashes'),
        imagined,
      ],
      [],
      [],
      shown,
    );
    expect(result.assessed.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H');
    expect(result.comparison).toBe('overstated');
  });

  it('rates nothing a report only asserts, and reads "shown" from its steps, trace or patch', () => {
    const asserted = [buildFact('cvss-vector', critical), buildFact('impact', 'code-execution')];
    const bare = assessSeverity(asserted, [], []);
    expect(bare.assessed).toMatchObject({ rating: 'unknown', score: null, vector: null });
    expect(bare.assessed.reasons.join('\n')).toContain('not taken on trust');
    expect(bare.comparison).toBe('not-comparable');
    const withSteps = assessSeverity(
      [...asserted, buildFact('reproduction-steps', 'command', './poc --crash')],
      [],
      [],
    );
    expect(withSteps.assessed.rating).toBe('critical');
    const withTrace = assessSeverity(
      [
        ...asserted,
        buildFact('code-block', 'text', '==1==ERROR: AddressSanitizer: heap-buffer-overflow'),
      ],
      [],
      [],
    );
    expect(withTrace.assessed.rating).toBe('critical');
  });
});
