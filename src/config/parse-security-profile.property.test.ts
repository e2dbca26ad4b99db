import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ParseResult } from '../core/model/parse-result.js';
import type {
  RuleCondition,
  ScopeRule,
  SecurityProfile,
  ThreatComponent,
} from '../core/model/security-profile.js';
import { parseSecurityProfile } from './parse-security-profile.js';

function expectOkOrExplained(result: ParseResult<SecurityProfile>): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) expect(issue.message).not.toBe('');
}

// Renames camelCase keys back to the file's kebab-case, the inverse of the parser's mapping.
function kebabCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(kebabCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
      kebabCaseKeys(item),
    ]),
  );
}

// Text a profile author could write: not blank, no control characters, well-formed Unicode.
const prose = fc
  .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
  .filter(
    (text) => /\S/.test(text) && !/[\p{Cc}\p{Cs}\uFFFD-\uFFFF]/u.test(text.replace(/[\t\n]/g, '')),
  );
const identifier = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/);
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const glob = fc.oneof(
  prose,
  word.map((name) => `${name}/**`),
);
const range = fc
  .tuple(fc.constantFrom('>=', '^', '~', '<', ''), fc.nat(20), fc.nat(20), fc.nat(20))
  .map(([operator, major, minor, patch]) => `${operator}${major}.${minor}.${patch}`);

const contact: fc.Arbitrary<SecurityProfile['policy']['contact'][number]> = fc.oneof(
  fc
    .tuple(word, word)
    .map(([user, host]) => ({ type: 'email' as const, address: `${user}@${host}.org` })),
  word.map((host) => ({ type: 'url' as const, url: `https://${host}.example/security` })),
  fc.record(
    {
      type: fc.constant('github-pvr' as const),
      url: word.map((name) => `https://github.com/${name}/security`),
    },
    { requiredKeys: ['type'] },
  ),
);

function someOf<T>(values: readonly T[]): fc.Arbitrary<T[]> {
  return fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });
}

function condition(componentIds: string[]): fc.Arbitrary<RuleCondition> {
  const keys = {
    attackVector: someOf(['network', 'adjacent', 'local', 'physical'] as const),
    privilegesRequired: someOf(['none', 'low', 'high'] as const),
    userInteraction: someOf(['none', 'passive', 'active'] as const),
    attackerControls: fc.array(prose, { minLength: 1, maxLength: 3 }),
    requiresConfig: fc.array(prose, { minLength: 1, maxLength: 3 }),
    ...(componentIds.length > 0 ? { components: someOf(componentIds) } : {}),
    pathsOnly: fc.array(glob, { minLength: 1, maxLength: 3 }),
    versions: fc.constantFrom('supported' as const, 'unsupported' as const),
    impact: someOf([
      'code-execution',
      'denial-of-service',
      'bounded-resource-consumption',
      'auth-bypass',
    ] as const),
    cwe: fc.array(
      fc.integer({ min: 1, max: 2000 }).map((id) => `CWE-${id}`),
      { minLength: 1, maxLength: 3 },
    ),
  };
  return fc.record(keys, { requiredKeys: [] }).filter((when) => Object.keys(when).length > 0);
}

function rules(
  ids: string[],
  componentIds: string[],
  isOutOfScope: boolean,
): fc.Arbitrary<ScopeRule[]> {
  return fc.tuple(
    ...ids.map((id) =>
      fc.record({
        id: fc.constant(id),
        statement: prose,
        when: condition(componentIds),
        ...(isOutOfScope
          ? { disposition: fc.constantFrom('not-a-vulnerability', 'regular-bug', 'hardening') }
          : {}),
      }),
    ),
  );
}

const components: fc.Arbitrary<ThreatComponent[]> = fc
  .uniqueArray(identifier, { maxLength: 4 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record(
          {
            id: fc.constant(id),
            paths: fc.array(glob, { minLength: 1, maxLength: 3 }),
            input: fc.constantFrom('untrusted' as const, 'trusted' as const),
            description: prose,
          },
          { requiredKeys: ['id', 'paths', 'input'] },
        ),
      ),
    ),
  );

const threatModel: fc.Arbitrary<SecurityProfile['threatModel']> = fc
  .tuple(components, fc.uniqueArray(identifier, { maxLength: 6 }), fc.nat(6))
  .chain(([declared, ruleIds, split]) => {
    const componentIds = declared.map((component) => component.id);
    return fc.record({
      components: fc.constant(declared),
      inScope: rules(ruleIds.slice(0, split), componentIds, false),
      outOfScope: rules(ruleIds.slice(split), componentIds, true),
    });
  });

const requirement = fc.constantFrom(
  'affected-version',
  'affected-component',
  'reproduction',
  'impact',
  'proposed-patch',
  'test-case',
  'severity',
  'weakness',
) satisfies fc.Arbitrary<SecurityProfile['reportRequirements']['required'][number]>;

const validProfile: fc.Arbitrary<SecurityProfile> = fc.record({
  version: fc.constant(1 as const),
  project: fc.record(
    { name: prose, repository: word.map((name) => `https://example.org/${name}.git`) },
    {
      requiredKeys: ['name'],
    },
  ),
  policy: fc.record({
    contact: fc.array(contact, { minLength: 1, maxLength: 3 }),
    response: fc.record({
      acknowledgeDays: fc.nat(30),
      triageDays: fc.nat(90),
      disclosureDays: fc.nat(365),
    }),
    supportedVersions: fc.array(range, { maxLength: 3 }),
  }),
  reportRequirements: fc.record({
    required: fc.uniqueArray(requirement, { maxLength: 4 }),
    recommended: fc.uniqueArray(requirement, { maxLength: 4 }),
    aiDisclosure: fc.constantFrom('required', 'recommended', 'optional'),
  }),
  threatModel,
});

describe('parseSecurityProfile properties', () => {
  it('never throws on arbitrary text, and explains every rejection', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (text) => {
          expectOkOrExplained(parseSecurityProfile(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary data rendered as YAML', () => {
    const sections = fc.record(
      {
        version: fc.jsonValue({ maxDepth: 2 }),
        project: fc.jsonValue({ maxDepth: 3 }),
        policy: fc.jsonValue({ maxDepth: 4 }),
        'report-requirements': fc.jsonValue({ maxDepth: 3 }),
        'threat-model': fc.jsonValue({ maxDepth: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), sections), (data) => {
        expectOkOrExplained(parseSecurityProfile(stringify(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back every valid profile it is given as YAML', () => {
    fc.assert(
      fc.property(validProfile, (generated) => {
        // fast-check builds records without a prototype; the parser returns plain objects.
        const profile = JSON.parse(JSON.stringify(generated)) as SecurityProfile;
        expect(parseSecurityProfile(stringify(kebabCaseKeys(profile)))).toStrictEqual({
          ok: true,
          value: profile,
        });
      }),
      { numRuns: 200 },
    );
  });
});
