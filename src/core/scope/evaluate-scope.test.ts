import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile, buildVectorFacts } from '../../../test/support/build-fact.js';
import { evaluateScope } from './evaluate-scope.js';

const profile = buildProfile();
const ruleIds = (facts: Parameters<typeof evaluateScope>[1]) =>
  evaluateScope(profile, facts).outOfScope.map((match) => match.ruleId);

describe('evaluateScope', () => {
  it('matches an out-of-scope rule on a described precondition and cites the fact', () => {
    const root = buildFact('privileges-required', 'high', 'must run tinyhttpd-ctl as root');
    const result = evaluateScope(profile, [root]);
    expect(result.outOfScope.map((match) => match.ruleId)).toEqual(['OOS-PRIV']);
    expect(result.outOfScope[0]?.disposition).toBe('not-a-vulnerability');
    expect(result.outOfScope[0]?.evidence[0]?.facts).toEqual([root]);
  });

  it('lets the described precondition outrank the claimed CVSS vector', () => {
    const facts = [
      ...buildVectorFacts('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', [
        ['privileges-required', 'none'],
      ]),
      buildFact('privileges-required', 'high', 'as root'),
    ];
    expect(ruleIds(facts)).toEqual(['OOS-PRIV']);
  });

  it('uses the vector when the prose says nothing', () => {
    const facts = buildVectorFacts('CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', [
      ['privileges-required', 'high'],
    ]);
    const result = evaluateScope(profile, facts);
    expect(result.outOfScope[0]?.evidence[0]?.detail).toContain('from the CVSS vector');
  });

  it('needs every listed key and any listed value', () => {
    expect(ruleIds([buildFact('attacker-controls', 'config-file')])).toEqual(['OOS-ENV']);
    expect(ruleIds([buildFact('attacker-controls', 'network-request')])).toEqual([]);
    expect(ruleIds([buildFact('requires-config', 'debug')])).toEqual(['OOS-DEBUG']);
    expect(ruleIds([buildFact('impact', 'bounded-resource-consumption')])).toEqual([
      'OOS-DOS-SMALL',
    ]);
  });

  it("holds a rule about the application's own code on the caller's code shown at fault", () => {
    const appCode = buildProfile({
      outOfScope: [
        {
          id: 'OOS-APP-CODE',
          statement:
            "The flaw is in the WSGI application the server runs; it is the deployer's code",
          when: { mentions: ['application code'] },
        },
      ],
    });
    const atFault = { ...buildFact('requires-config', 'caller-callback'), actor: 'user' as const };
    const held = evaluateScope(appCode, [atFault]).outOfScope;
    expect(held.map((match) => [match.ruleId, match.strength])).toEqual([
      ['OOS-APP-CODE', 'strong'],
    ]);
    // The reporter's own setup is not the application's code.
    const setup = { ...atFault, actor: 'reporter' as const };
    expect(evaluateScope(appCode, [setup]).outOfScope).toEqual([]);
  });

  it("holds a rule about the caller breaking the API's contract on the caller's code at fault", () => {
    const atFault = { ...buildFact('requires-config', 'caller-callback'), actor: 'user' as const };
    for (const statement of [
      "The application breaks the C API's contract (a buffer smaller than it says)",
      'The caller breaks the documented use of the API (signs a message instead of its hash)',
      'The application passes the library wrong ABI parameters (a maxlen larger than its buffer)',
    ]) {
      const profile = buildProfile({
        outOfScope: [{ id: 'OOS-API', statement, when: { mentions: ['wrong size'] } }],
      });
      expect(evaluateScope(profile, [atFault]).outOfScope.map((m) => m.ruleId)).toEqual([
        'OOS-API',
      ]);
    }
    const other = buildProfile({
      outOfScope: [
        {
          id: 'OOS-API',
          statement: 'The library breaks when the caller passes a large size',
          when: { mentions: ['wrong size'] },
        },
      ],
    });
    expect(evaluateScope(other, [atFault]).outOfScope).toEqual([]);
  });

  it('applies paths-only only when every cited path matches', () => {
    expect(
      ruleIds([
        buildFact('file-path', 'test/fuzz/harness.c'),
        buildFact('line-reference', 'examples/echo.c:12'),
      ]),
    ).toEqual(['OOS-TEST']);
    expect(
      ruleIds([
        buildFact('file-path', 'test/fuzz/harness.c'),
        buildFact('file-path', 'src/http/parser.c'),
      ]),
    ).toEqual([]);
    expect(ruleIds([])).toEqual([]);
  });

  it('leaves a path no glob of the profile holds out of paths-only once a cited path matches', () => {
    // `infra/helper.py` of another checkout the harness script runs is no code of the project.
    expect(
      ruleIds([
        buildFact('file-path', 'test/fuzz/ci.sh'),
        buildFact('file-path', 'infra/helper.py'),
      ]),
    ).toEqual(['OOS-TEST']);
    // A path of another component still counts against the rule, and foreign paths alone hold nothing.
    expect(
      ruleIds([buildFact('file-path', 'test/fuzz/ci.sh'), buildFact('file-path', 'tools/x.c')]),
    ).toEqual([]);
    expect(ruleIds([buildFact('file-path', 'infra/helper.py')])).toEqual([]);
  });

  it('ranks paths-only with components (where the code is, specificity 0), not with preconditions', () => {
    // A carve-out glob inside an in-scope component is a conflict in the profile for a human to
    // settle (needs-review), not an exclusion that outranks the component rule (docs/verdicts.md).
    const carveOut = buildProfile({
      inScope: [
        { id: 'IN-HTTP', statement: 'The HTTP parser.', when: { components: ['http-parser'] } },
      ],
      outOfScope: [
        {
          id: 'OOS-EXPERIMENTAL',
          statement: 'The experimental module is not covered.',
          when: { pathsOnly: ['src/http/experimental/**'] },
        },
      ],
    });
    const result = evaluateScope(carveOut, [buildFact('file-path', 'src/http/experimental/h3.c')]);
    expect(result.inScope.map((match) => [match.ruleId, match.specificity])).toEqual([
      ['IN-HTTP', 0],
    ]);
    expect(result.outOfScope.map((match) => [match.ruleId, match.specificity])).toEqual([
      ['OOS-EXPERIMENTAL', 0],
    ]);
  });

  it('judges versions against the supported ranges', () => {
    expect(ruleIds([buildFact('version', '1.8.3')])).toEqual(['OOS-UNSUPPORTED']);
    expect(ruleIds([buildFact('version', '1.8.3'), buildFact('version', '2.4.1')])).toEqual([]);
    expect(ruleIds([buildFact('version', '<2.5.0')])).toEqual([]);
    expect(ruleIds([buildFact('version', 'not a version')])).toEqual([]);
  });

  it('maps cited paths, also with a leading repository folder, to components', () => {
    const result = evaluateScope(profile, [
      buildFact('file-path', 'tinyhttpd/src/http/chunked.c'),
      buildFact('attack-vector', 'network'),
    ]);
    expect(result.components.map((match) => match.component.id)).toEqual(['http-parser']);
    expect(result.inScope.map((match) => match.ruleId)).toEqual(['IN-NET']);
  });

  it('holds a component rule on a bare file name only when it covers every folder the file could be in', () => {
    const components = [
      { id: 'http-parser', paths: ['src/http/**'], input: 'untrusted' as const },
      { id: 'core', paths: ['src/core/**'], input: 'untrusted' as const },
      { id: 'tests', paths: ['test/**'], input: 'trusted' as const },
    ];
    const rule = (id: string, names: string[]) => ({
      id,
      statement: id,
      when: { components: names },
    });
    const narrow = buildProfile({ components, inScope: [rule('IN-HTTP', ['http-parser'])] });
    const wide = buildProfile({ components, inScope: [rule('IN-ALL', ['http-parser', 'core'])] });
    const facts = [buildFact('file-path', 'chunked.c', 'in chunked.c')];
    const narrowResult = evaluateScope(narrow, facts);
    expect(narrowResult.inScope).toEqual([]);
    expect(narrowResult.undecidedInScope[0]?.details[0]).toContain('bare file names');
    expect(evaluateScope(wide, facts).inScope.map((match) => match.ruleId)).toEqual(['IN-ALL']);
    // A bare name never makes "only tests" hold.
    expect(ruleIds([buildFact('file-path', 'helpers.c', 'helpers.c')])).not.toContain('OOS-TEST');
  });

  it('keeps an in-scope rule undecided when the report does not say enough', () => {
    const result = evaluateScope(profile, [buildFact('file-path', 'src/http/parser.c')]);
    expect(result.inScope).toEqual([]);
    expect(result.undecidedInScope.map((outcome) => outcome.rule.id)).toEqual(['IN-NET']);
    expect(result.undecidedInScope[0]?.details[0]).toContain('attack-vector');
  });

  it('takes the most demanding stated precondition', () => {
    const facts = [
      buildFact('attack-vector', 'network'),
      buildFact('attack-vector', 'local', 'a local user'),
    ];
    const result = evaluateScope(profile, [...facts, buildFact('file-path', 'src/http/parser.c')]);
    expect(result.inScope).toEqual([]);
  });

  it('lets an inferred fact make a rule hold weakly, never strongly', () => {
    const inferred = {
      ...buildFact('privileges-required', 'high', 'admin', 'inferred'),
      confidence: 0.9,
    };
    const [match] = evaluateScope(profile, [inferred]).outOfScope;
    expect(match?.ruleId).toBe('OOS-PRIV');
    expect(match?.strength).toBe('weak');
    expect(match?.evidence[0]?.detail).toContain('inferred by the severity model, confidence 0.90');
  });

  it('never lets an inferred fact rule a rule out: the report still does not say', () => {
    const inferred = buildFact('attack-vector', 'local', 'shell', 'inferred');
    const result = evaluateScope(profile, [inferred, buildFact('file-path', 'src/http/parser.c')]);
    expect(result.inScope).toEqual([]);
    expect(result.undecidedInScope.map((outcome) => outcome.rule.id)).toEqual(['IN-NET']);
    expect(result.undecidedInScope[0]?.details[0]).toContain('the severity model reads local');
  });

  it('ignores an inferred fact where the report states or claims the kind', () => {
    const inferred = buildFact('privileges-required', 'high', 'admin', 'inferred');
    expect(ruleIds([inferred, buildFact('privileges-required', 'none', 'no account')])).toEqual([]);
    const claimed = buildVectorFacts('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', [
      ['privileges-required', 'none'],
    ]);
    expect(ruleIds([inferred, ...claimed])).toEqual([]);
  });
});

describe('requires-config: a switch named with its dashes', () => {
  const base = buildProfile();
  const profile = buildProfile({
    outOfScope: [
      {
        id: 'OOS-ENV',
        statement: 'The operator chose the environment',
        when: { requiresConfig: ['--env'] },
      },
    ],
    inScope: base.threatModel.inScope,
  });
  const ids = (facts: Parameters<typeof evaluateScope>[1]) =>
    evaluateScope(profile, facts).outOfScope.map((match) => match.ruleId);

  it('holds on the switch read from a command line', () => {
    expect(ids([buildFact('requires-config', 'env')])).toEqual(['OOS-ENV']);
    expect(ids([buildFact('requires-config', 'environment')])).toEqual([]);
  });
});

describe('requires-config: non-default', () => {
  const base = buildProfile();
  const profile = buildProfile({
    outOfScope: [
      {
        id: 'OOS-NON-DEFAULT',
        statement: 'Non-default builds and settings',
        when: { requiresConfig: ['non-default'] },
      },
    ],
    inScope: base.threatModel.inScope,
  });
  const ids = (facts: Parameters<typeof evaluateScope>[1]) =>
    evaluateScope(profile, facts).outOfScope.map((match) => match.ruleId);

  it('holds on any setting the attack needs, named or not', () => {
    expect(ids([buildFact('requires-config', 'zstd_legacy_support')])).toEqual(['OOS-NON-DEFAULT']);
    expect(ids([buildFact('requires-config', 'debug')])).toEqual(['OOS-NON-DEFAULT']);
    expect(ids([buildFact('requires-config', 'non-default')])).toEqual(['OOS-NON-DEFAULT']);
  });

  it('does not hold when the report names no setting', () => {
    expect(ids([buildFact('impact', 'denial-of-service')])).toEqual([]);
  });

  it("does not hold on the caller's own code, which is no setting", () => {
    expect(ids([buildFact('requires-config', 'caller-callback')])).toEqual([]);
    const both = buildProfile({
      outOfScope: [
        { id: 'OOS-NON-DEFAULT', statement: 'Settings', when: { requiresConfig: ['non-default'] } },
        {
          id: 'OOS-CALLER-CODE',
          statement: 'Own code',
          when: { requiresConfig: ['caller-callback'] },
        },
      ],
      inScope: base.threatModel.inScope,
    });
    const matched = evaluateScope(both, [buildFact('requires-config', 'caller-callback')]);
    expect(matched.outOfScope.map((match) => match.ruleId)).toEqual(['OOS-CALLER-CODE']);
  });
});

describe('calls: API choices written as code', () => {
  const callProfile = buildProfile({
    components: [{ id: 'loader', paths: ['lib/yaml/**'], input: 'untrusted' }],
    inScope: [{ id: 'IN-LOAD', statement: 'Loading', when: { components: ['loader'] } }],
    outOfScope: [
      {
        id: 'OOS-UNSAFE-LOADER',
        statement: 'The caller chose an unsafe loader',
        when: { calls: ['yaml.unsafe_load', 'yaml.load(Loader=UnsafeLoader)'] },
      },
    ],
  });
  const call = (value: string, actor?: 'user' | 'reporter') => ({
    ...buildFact('api-call', value),
    ...(actor ? { actor } : {}),
  });

  it("holds strongly on the caller's call, as a precondition more specific than the code", () => {
    const result = evaluateScope(callProfile, [
      call('yaml.load(<expression>, Loader=yaml.UnsafeLoader)', 'user'),
      buildFact('file-path', 'lib/yaml/constructor.py'),
    ]);
    expect(
      result.outOfScope.map((match) => [match.ruleId, match.strength, match.specificity]),
    ).toEqual([['OOS-UNSAFE-LOADER', 'strong', 3]]);
    expect(result.outOfScope[0]?.evidence[0]?.detail).toBe(
      'calls: yaml.load(<expression>, Loader=yaml.UnsafeLoader)',
    );
    expect(result.inScope.map((match) => match.specificity)).toEqual([0]);
  });

  it('stays undecided on other calls, and weak on the reporter’s own steps', () => {
    const safe = evaluateScope(callProfile, [call('yaml.safe_load(<expression>)', 'user')]);
    expect(safe.outOfScope).toEqual([]);
    const steps = evaluateScope(callProfile, [call('yaml.unsafe_load(doc)', 'reporter')]);
    expect(steps.outOfScope[0]?.strength).toBe('weak');
  });
});
