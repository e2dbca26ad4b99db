import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile } from '../../../test/support/build-fact.js';
import type { RequirementCheck, RuleMatch } from '../model/triage-result.js';
import type { ScopeEvaluation } from '../scope/evaluate-scope.js';
import { decideVerdict } from './decide-verdict.js';

const profile = buildProfile();

function match(
  ruleId: string,
  kind: RuleMatch['kind'],
  strength: RuleMatch['strength'],
  specificity: number,
): RuleMatch {
  return {
    ruleId,
    kind,
    strength,
    specificity,
    statement: ruleId,
    disposition: null,
    evidence: [],
  };
}

function scope(inScope: RuleMatch[], outOfScope: RuleMatch[]): ScopeEvaluation {
  return {
    inScope,
    outOfScope,
    undecidedInScope: [],
    components: [],
    versionSupport: { status: 'unknown' },
    traceCallers: [],
    resolvePath: (path: string) => path,
  } as unknown as ScopeEvaluation;
}

const complete: RequirementCheck[] = [
  { name: 'reproduction', level: 'required', isPresent: true, reason: 'steps' },
];
const missing: RequirementCheck[] = [
  { name: 'reproduction', level: 'required', isPresent: false, reason: 'no steps' },
];

describe('decideVerdict (the precedence of docs/verdicts.md)', () => {
  it('1. puts a report out of scope on strong evidence even when items are missing', () => {
    const decision = decideVerdict(
      profile,
      scope([], [match('OOS-OLD', 'out-of-scope', 'strong', 3)]),
      missing,
    );
    expect(decision).toMatchObject({ verdict: 'out-of-scope', rules: ['OOS-OLD'] });
  });

  it('2. lets the more specific side win when both hold strongly, and asks a human on a tie', () => {
    const network = match('IN-NET', 'in-scope', 'strong', 1);
    const root = match('OOS-PRIV', 'out-of-scope', 'strong', 3);
    expect(decideVerdict(profile, scope([network], [root]), complete)).toMatchObject({
      verdict: 'out-of-scope',
      rules: ['OOS-PRIV'],
    });
    const memory = match('IN-MEM', 'in-scope', 'strong', 2);
    const location = match('OOS-TESTS', 'out-of-scope', 'strong', 0);
    expect(decideVerdict(profile, scope([memory], [location]), complete).verdict).toBe('in-scope');
    expect(decideVerdict(profile, scope([memory], [location]), missing).verdict).toBe('needs-info');
    const tie = decideVerdict(
      profile,
      scope([network], [match('OOS-X', 'out-of-scope', 'strong', 1)]),
      complete,
    );
    expect(tie).toMatchObject({ verdict: 'needs-review', rules: ['IN-NET', 'OOS-X'] });
  });

  it('3. never lets a weakly held exclusion beat a strong in-scope rule', () => {
    const network = match('IN-NET', 'in-scope', 'strong', 1);
    const mention = match('OOS-CONF', 'out-of-scope', 'weak', 3);
    expect(decideVerdict(profile, scope([network], [mention]), complete).verdict).toBe('in-scope');
    expect(decideVerdict(profile, scope([], [mention]), complete)).toMatchObject({
      verdict: 'needs-review',
      rules: ['OOS-CONF'],
    });
    expect(decideVerdict(profile, scope([], [mention]), missing).verdict).toBe('needs-info');
  });

  it('4-5. asks for missing items, then confirms or leaves it undetermined', () => {
    expect(decideVerdict(profile, scope([], []), missing).verdict).toBe('needs-info');
    const undecided = decideVerdict(profile, scope([], []), complete);
    expect(undecided.verdict).toBe('undetermined');
    expect(undecided.openQuestions[0]).toContain('none of our in-scope rules');
    const network = match('IN-NET', 'in-scope', 'strong', 1);
    expect(decideVerdict(profile, scope([network], []), complete)).toMatchObject({
      verdict: 'in-scope',
      rules: ['IN-NET'],
    });
  });

  it('cites, of the rules that hold on the deciding side, those that say why', () => {
    const crash = buildFact('impact', 'denial-of-service', 'crash');
    const crashOnly: RuleMatch = {
      ...match('OOS-CRASH-ONLY', 'out-of-scope', 'strong', 2),
      evidence: [
        { key: 'impact', detail: 'impact: denial-of-service', strength: 'strong', facts: [crash] },
      ],
    };
    const harness = buildFact('file-path', 'contrib/fuzz/harness.cc');
    const helpers: RuleMatch = {
      ...match('OOS-HELPERS', 'out-of-scope', 'strong', 0),
      evidence: [
        { key: 'paths-only', detail: 'every cited path', strength: 'strong', facts: [harness] },
      ],
    };
    const decision = decideVerdict(profile, scope([], [crashOnly, helpers]), complete);
    expect(decision).toMatchObject({ verdict: 'out-of-scope', rules: ['OOS-HELPERS'] });
  });
});

describe('a rule that names the setting and the non-default catch-all', () => {
  const settingsProfile = buildProfile({
    outOfScope: [
      {
        id: 'OOS-ANY-SETTING',
        statement: 'The application changed a default.',
        when: { requiresConfig: ['non-default'] },
      },
      {
        id: 'OOS-VERIFY-OFF',
        statement: 'The application switched verification off.',
        when: { requiresConfig: ['verification-disabled'] },
      },
    ],
  });
  const held = (ruleId: string, values: string[]): RuleMatch => ({
    ...match(ruleId, 'out-of-scope', 'strong', 3),
    evidence: [
      {
        key: 'requires-config',
        detail: `requires-config: ${values.join(', ')}`,
        strength: 'strong',
        facts: values.map((value) => buildFact('requires-config', value)),
      },
    ],
  });

  it('cites only the rule that names every setting the catch-all holds on', () => {
    const decision = decideVerdict(
      settingsProfile,
      scope(
        [],
        [
          held('OOS-ANY-SETTING', ['verification-disabled']),
          held('OOS-VERIFY-OFF', ['verification-disabled']),
        ],
      ),
      complete,
    );
    expect(decision).toMatchObject({ verdict: 'out-of-scope', rules: ['OOS-VERIFY-OFF'] });
  });

  it('keeps the catch-all when it also holds on a setting no other rule names', () => {
    const decision = decideVerdict(
      settingsProfile,
      scope(
        [],
        [
          held('OOS-ANY-SETTING', ['verification-disabled', 'maxcontentlength']),
          held('OOS-VERIFY-OFF', ['verification-disabled']),
        ],
      ),
      complete,
    );
    expect(decision.rules).toEqual(['OOS-ANY-SETTING', 'OOS-VERIFY-OFF']);
  });
});

describe('an exclusion that lists the cited file by name', () => {
  const loaders = buildProfile({
    components: [{ id: 'library', paths: ['lib/**'], input: 'untrusted' }],
    inScope: [{ id: 'IN-LIB', statement: 'The library.', when: { components: ['library'] } }],
    outOfScope: [
      {
        id: 'OOS-LEGACY',
        statement: 'Only the legacy loader, not for untrusted input.',
        when: { pathsOnly: ['lib/loaders/legacy.c', 'lib/loaders/old.c'] },
        disposition: 'regular-bug',
      },
      { id: 'OOS-LOADERS', statement: 'Any loader.', when: { pathsOnly: ['lib/loaders/**'] } },
    ],
  });
  const at = (
    ruleId: string,
    kind: RuleMatch['kind'],
    key: string,
    ...paths: string[]
  ): RuleMatch => ({
    ...match(ruleId, kind, 'strong', 0),
    evidence: [
      {
        key,
        detail: key,
        strength: 'strong',
        facts: paths.map((path) => buildFact('file-path', path)),
      },
    ],
  });

  it('decides out-of-scope when the in-scope rule holds the file only through a wildcard', () => {
    const decision = decideVerdict(
      loaders,
      scope(
        [at('IN-LIB', 'in-scope', 'components', 'lib/loaders/legacy.c')],
        [at('OOS-LEGACY', 'out-of-scope', 'paths-only', '../lib/loaders/legacy.c')],
      ),
      complete,
    );
    expect(decision.verdict).toBe('out-of-scope');
    expect(decision.rules).toEqual(['OOS-LEGACY']);
  });

  it('stays needs-review for a wildcard exclusion, another kind of evidence, or a file it does not list', () => {
    const review = (inMatch: RuleMatch, outMatch: RuleMatch): string =>
      decideVerdict(loaders, scope([inMatch], [outMatch]), complete).verdict;
    const inLib = at('IN-LIB', 'in-scope', 'components', 'lib/loaders/legacy.c');
    expect(
      review(inLib, at('OOS-LOADERS', 'out-of-scope', 'paths-only', 'lib/loaders/legacy.c')),
    ).toBe('needs-review');
    expect(
      review(inLib, at('OOS-LEGACY', 'out-of-scope', 'mentions', 'lib/loaders/legacy.c')),
    ).toBe('needs-review');
    expect(
      review(
        at('IN-LIB', 'in-scope', 'components', 'lib/loaders/png.c'),
        at('OOS-LEGACY', 'out-of-scope', 'paths-only', 'lib/loaders/png.c'),
      ),
    ).toBe('needs-review');
  });
});
