import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { buildTestSeverityModel } from '../severity/build-test-severity-model.js';
import { predictSeverity } from '../severity/predict-severity.js';
import { parseReportText } from '../report/parse-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { minInferredFactConfidence, triageFacts } from './triage-report.js';

// The severity model reads "only with an administrator account" as PR:H. The profile's OOS-PRIV
// rule excludes attacks that need administrator privileges.
function parseOne(body: string) {
  const parsed = parseReportText('report.md', `# Crash in the parser\n\n${body}\n`);
  if (!parsed.ok) throw new Error('the test report does not parse');
  return parsed.value[0]!;
}

const text =
  'In the parser, a local user with a shell on the machine can run a crafted command only with an administrator account and crash the service.';

describe('triageFacts with the severity model', () => {
  it('offers the model’s confident reading to scope rules as a weak, inferred fact', () => {
    const report = parseOne(text);
    const prediction = predictSeverity(buildTestSeverityModel(), report.body);
    expect(prediction.metrics.PR.value).toBe('H');
    expect(prediction.metrics.PR.confidence).toBeGreaterThanOrEqual(minInferredFactConfidence);
    // What the fact extractor read, less any privilege it stated: the text states nothing of it.
    const facts = extractFacts(report).filter((fact) => fact.kind !== 'privileges-required');
    const profile = buildProfile();
    const without = triageFacts(report, facts, profile);
    const result = triageFacts(report, facts, profile, { prediction });
    expect(without.ruleMatches.map((match) => match.ruleId)).not.toContain('OOS-PRIV');
    const inferred = result.facts.find((fact) => fact.kind === 'privileges-required');
    expect(inferred).toMatchObject({ value: 'high', origin: 'inferred' });
    expect(report.body.slice(inferred!.span.start, inferred!.span.end)).toBe(inferred!.quote);
    const match = result.ruleMatches.find((candidate) => candidate.ruleId === 'OOS-PRIV');
    expect(match?.strength).toBe('weak');
    // Weak evidence alone never makes the rule engine call a report out of scope.
    const engine = triageFacts(report, facts, profile, { prediction, ruleMatcher: null });
    expect(engine.verdict).not.toBe('out-of-scope');
    // The learned rule matcher may read the exclusion where the engine asks for missing items; it
    // cites the rule with a line naming the model, never as the engine's own match.
    if (result.verdict === 'out-of-scope') {
      expect(result.rules).toEqual(['OOS-PRIV']);
      expect(result.basis).toMatch(/the learned rule matcher reads OOS-PRIV \(\d+%\)/);
    }
  });

  it('does not infer a kind the report states', () => {
    const report = parseOne(text);
    const prediction = predictSeverity(buildTestSeverityModel(), report.body);
    const stated = {
      kind: 'privileges-required' as const,
      value: 'none',
      origin: 'prose' as const,
      quote: 'crafted command',
      span: { start: 0, end: 15, line: 1 },
    };
    const result = triageFacts(report, [stated], buildProfile(), { prediction });
    expect(result.facts.filter((fact) => fact.kind === 'privileges-required')).toEqual([stated]);
    expect(result.ruleMatches.map((match) => match.ruleId)).not.toContain('OOS-PRIV');
  });
});
