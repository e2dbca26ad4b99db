import { describe, expect, it } from 'vitest';
import type { SecurityProfile } from '../model/security-profile.js';
import { parseReportText } from '../report/parse-report.js';
import { ruleFeatureNames } from './describe-rule-features.js';
import {
  loadRuleMatcher,
  ruleMatcherModelVersion,
  shippedRuleMatcher,
  type RuleMatcherWeights,
} from './rule-matcher-model.js';
import { ruleMatcherWeights } from './rule-matcher-weights.js';

const zeroFeatures = Object.fromEntries(ruleFeatureNames.map((name) => [name, 0]));

function weights(overrides: Partial<RuleMatcherWeights> = {}): RuleMatcherWeights {
  return {
    version: ruleMatcherModelVersion,
    threshold: 0.5,
    needsInfoThreshold: null,
    bias: 0,
    features: zeroFeatures,
    ...overrides,
  };
}

const profile: SecurityProfile = {
  version: 1,
  project: { name: 'tinyregex' },
  policy: { contact: [], response: {}, supportedVersions: [] },
  reportRequirements: { required: [], recommended: [], aiDisclosure: 'optional' },
  threatModel: {
    components: [],
    inScope: [{ id: 'IN-ENGINE', statement: 'Overflows in the matcher.', when: { impact: [] } }],
    outOfScope: [
      {
        id: 'OOS-DEBUG',
        statement: 'Debug builds are not for production.',
        when: { mentions: ['debug build'] },
      },
    ],
  },
};

function parseOne(body: string) {
  const parsed = parseReportText('report.md', `# Exit\n\n${body}\n`);
  if (!parsed.ok) throw new Error('the test report does not parse');
  return parsed.value[0]!;
}

describe('loadRuleMatcher', () => {
  it('loads the shipped weights, trained for this version and these features', () => {
    expect(ruleMatcherWeights.version).toBe(ruleMatcherModelVersion);
    expect(Object.keys(ruleMatcherWeights.features).sort()).toEqual([...ruleFeatureNames].sort());
    expect(shippedRuleMatcher.threshold).toBe(ruleMatcherWeights.threshold);
  });

  it('refuses weights of another version', () => {
    expect(() => loadRuleMatcher(weights({ version: ruleMatcherModelVersion + 1 }))).toThrow(
      /version .*train:rules/,
    );
  });

  it('refuses weights that lack a feature or name one it does not know', () => {
    const lacking = Object.fromEntries(
      Object.entries(zeroFeatures).filter(([name]) => name !== 'title-coverage'),
    );
    expect(() => loadRuleMatcher(weights({ features: lacking }))).toThrow(
      /lack feature title-coverage/,
    );
    expect(() =>
      loadRuleMatcher(weights({ features: { ...zeroFeatures, 'project-name': 1 } })),
    ).toThrow(/unknown features: project-name/);
  });

  it('ranks the profile’s rules by the weighted features, most probable first', () => {
    const matcher = loadRuleMatcher(
      weights({ bias: -2, features: { ...zeroFeatures, 'mention-whole': 5 } }),
    );
    const readings = matcher.read(profile, {
      report: parseOne('Only our debug build exits on this pattern.'),
      facts: [],
      ruleMatches: [],
      versionSupport: 'unknown',
    });
    expect(readings.map((reading) => reading.ruleId)).toEqual(['OOS-DEBUG', 'IN-ENGINE']);
    expect(readings[0]!.probability).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(readings[1]!.probability).toBeCloseTo(1 / (1 + Math.exp(2)), 6);
    expect(readings[0]!.side).toBe('out-of-scope');
    expect(readings[0]!.words[0]).toBe('debug build');
  });
});
