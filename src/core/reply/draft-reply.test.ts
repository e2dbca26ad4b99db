import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile, buildReport } from '../../../test/support/build-fact.js';
import type { EvidenceSummary } from '../model/evidence.js';
import type { RequirementCheck, RuleMatch, SeverityAssessment } from '../model/triage-result.js';
import { draftReply, greet, type ReplyInput } from './draft-reply.js';

const profile = buildProfile();
const noSeverity: SeverityAssessment = {
  claimed: null,
  assessed: { rating: 'unknown', score: null, vector: null, reasons: [] },
  comparison: 'not-comparable',
};

function input(overrides: Partial<ReplyInput>): ReplyInput {
  return {
    report: { ...buildReport('body'), title: 'Heap overflow', reporter: { name: 'Ada Lovelace' } },
    profile,
    verdict: 'in-scope',
    ruleMatches: [],
    requirements: [],
    severity: noSeverity,
    openQuestions: [],
    ...overrides,
  };
}

describe('draftReply', () => {
  it('quotes the out-of-scope rule and the words that matched it', () => {
    const rootFact = buildFact('privileges-required', 'high', 'run tinyhttpd-ctl as root');
    const match: RuleMatch = {
      ruleId: 'OOS-PRIV',
      kind: 'out-of-scope',
      statement: 'The attacker already has root or administrator privileges',
      disposition: 'not-a-vulnerability',
      strength: 'strong',
      specificity: 3,
      evidence: [
        {
          key: 'privileges-required',
          detail: 'privileges-required: high',
          strength: 'strong',
          facts: [rootFact],
        },
      ],
    };
    const reply = draftReply(input({ verdict: 'out-of-scope', ruleMatches: [match] }));
    expect(reply).toMatch(/^Hi Ada,/);
    expect(reply).toContain('OOS-PRIV');
    expect(reply).toContain('> The attacker already has root or administrator privileges');
    expect(reply).toContain('"run tinyhttpd-ctl as root"');
    expect(reply).toContain('The tinyhttpd security team');
  });

  it('points a regular bug to the public tracker', () => {
    const match: RuleMatch = {
      ruleId: 'OOS-DOS-SMALL',
      kind: 'out-of-scope',
      strength: 'strong',
      specificity: 3,
      statement: 's',
      disposition: 'regular-bug',
      evidence: [],
    };
    expect(draftReply(input({ verdict: 'out-of-scope', ruleMatches: [match] }))).toContain(
      'regular public issue',
    );
  });

  it('lists each missing item with why it is missing', () => {
    const requirements: RequirementCheck[] = [
      {
        name: 'affected-version',
        level: 'required',
        isPresent: false,
        reason: 'no affected version',
      },
      { name: 'reproduction', level: 'required', isPresent: true, reason: 'x' },
      {
        name: 'ai-disclosure',
        level: 'required',
        isPresent: false,
        reason: 'no statement on the use of AI',
      },
    ];
    const reply = draftReply(input({ verdict: 'needs-info', requirements }));
    expect(reply).toContain('- the exact version or commit you tested');
    expect(reply).toContain('whether and how you used AI tools');
    expect(reply).not.toContain('step-by-step');
    expect(reply).toContain('within 14 days');
  });

  it('explains a lowered severity when confirming a report', () => {
    const severity: SeverityAssessment = {
      claimed: { source: 'cvss', rating: 'critical', score: 9.8, vector: 'v', quote: 'v' },
      assessed: {
        rating: 'medium',
        score: 6.6,
        vector: 'CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H',
        reasons: ['start', 'PR:N -> PR:H: the report says so'],
      },
      comparison: 'overstated',
    };
    const reply = draftReply(input({ severity }));
    expect(reply).toContain('medium (CVSS 6.6)');
    expect(reply).toContain('You rated it critical (CVSS 9.8)');
    expect(reply).toContain('- PR:N -> PR:H: the report says so');
    expect(reply).toContain('90 days');
  });

  it('asks the deciding questions when undetermined and greets strangers politely', () => {
    const reply = draftReply(
      input({
        verdict: 'undetermined',
        report: buildReport('x'),
        openQuestions: ['IN-NET: the report does not say (attack-vector)'],
      }),
    );
    expect(reply).toMatch(/^Hi there,/);
    expect(reply).toContain('- IN-NET: the report does not say (attack-vector)');
  });

  it('says plainly, with the proof, when none of the cited code exists', () => {
    const evidence: EvidenceSummary = {
      revision: {
        requested: '2.4.1',
        resolved: 'v2.4.1',
        commit: 'abc',
        isDefault: false,
        note: '',
      },
      grade: 'contradicted',
      summary: 'none hold',
      claims: [
        {
          claim: {
            kind: 'symbol',
            text: 'http_parse_secure_headers',
            span: { start: 0, end: 1, line: 1 },
          },
          status: 'contradicted',
          proof: {
            summary:
              'http_parse_secure_headers is neither defined nor mentioned anywhere at v2.4.1',
          },
        },
      ],
    };
    const reply = draftReply(input({ verdict: 'needs-info', evidence }));
    expect(reply).toContain('against tinyhttpd 2.4.1, and none of them holds');
    expect(reply).toContain(
      '- `http_parse_secure_headers`: there is no such function, type or name',
    );
    expect(reply).not.toContain('Could you send us');
  });

  it('greets by a cleaned first name, and strangers politely', () => {
    const named = (name: string) => greet({ ...buildReport('x'), reporter: { name } });
    expect(named('Ada Lovelace')).toBe('Hi Ada,');
    expect(named('Lovelace, Ada')).toBe('Hi Ada,');
    expect(named('"Dmitri "dm1tr0n" V."')).toBe('Hi there,');
    expect(named('Dmitri (dm1tr0n) Volkov')).toBe('Hi Dmitri,');
    expect(named('\u202eAda\u202c Lovelace')).toBe('Hi Ada,');
    expect(named('security researcher')).toBe('Hi there,');
    expect(named('ada@example.org')).toBe('Hi there,');
  });

  it('says the severity in the project’s own words, without CVSS when the project does not use it', () => {
    const severity: SeverityAssessment = {
      claimed: null,
      assessed: { rating: 'high', score: 7.5, vector: 'v', reasons: [] },
      comparison: 'not-comparable',
      project: {
        level: 'important',
        description: 'fix within a week',
        range: null,
        showsCvss: false,
        reason: 'score 7.5',
      },
    };
    const ownScale = {
      ...profile,
      severity: { cvss: false, levels: [{ id: 'important', description: 'fix within a week' }] },
    };
    const reply = draftReply(input({ severity, profile: ownScale }));
    expect(reply).toContain('Our initial severity assessment is important (fix within a week).');
    expect(reply).not.toContain('CVSS');
  });
});
