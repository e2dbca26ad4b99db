import { describe, expect, it } from 'vitest';
import { buildTestSeverityModel } from './build-test-severity-model.js';
import { inferSeverityFacts } from './infer-severity-facts.js';
import { predictSeverity } from './predict-severity.js';

describe('inferSeverityFacts', () => {
  it('infers attack vector, privileges and interaction, marked inferred, pointing at the text', () => {
    const text =
      'Summary of the bug.\nIn the parser, a local user with a shell on the machine, only with an administrator account, can crash the service.';
    const facts = inferSeverityFacts(predictSeverity(buildTestSeverityModel(), text), text, 0.5);
    const byKind = new Map(facts.map((fact) => [fact.kind, fact]));
    expect(byKind.get('attack-vector')?.value).toBe('local');
    expect(byKind.get('privileges-required')?.value).toBe('high');
    for (const fact of facts) {
      expect(fact.origin).toBe('inferred');
      expect(fact.confidence).toBeGreaterThanOrEqual(0.5);
      expect(text.slice(fact.span.start, fact.span.end)).toBe(fact.quote);
      if (fact.quote) expect(fact.span.line).toBe(2);
    }
  });

  it('infers nothing below the confidence asked for, or from an unfamiliar text', () => {
    const model = buildTestSeverityModel();
    const text = 'A remote attacker can send a crafted network request and read secret files.';
    expect(inferSeverityFacts(predictSeverity(model, text), text, 1.01)).toEqual([]);
    expect(inferSeverityFacts(predictSeverity(model, 'qqq'), 'qqq', 0)).toEqual([]);
  });
});
