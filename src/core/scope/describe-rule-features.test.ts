import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/fact.js';
import type { RuleMatch } from '../model/triage-result.js';
import type { SecurityProfile } from '../model/security-profile.js';
import { parseReportText } from '../report/parse-report.js';
import {
  describeRuleFeatures,
  readProfileVocabulary,
  ruleFeatureNames,
  type RuleFeatures,
} from './describe-rule-features.js';

function buildProfile(): SecurityProfile {
  return {
    version: 1,
    project: { name: 'tinyregex' },
    policy: { contact: [], response: {}, supportedVersions: [] },
    reportRequirements: { required: [], recommended: [], aiDisclosure: 'optional' },
    threatModel: {
      components: [{ id: 'engine', paths: ['src/**'], input: 'untrusted' }],
      inScope: [
        {
          id: 'IN-ENGINE',
          statement: 'Memory errors in the matching engine on untrusted patterns.',
          when: { components: ['engine'] },
        },
      ],
      outOfScope: [
        {
          id: 'OOS-DEBUG',
          statement: 'Debug builds print the parse tree and may exit; they are not for production.',
          when: { mentions: ['debug build'], requiresConfig: ['ONIG_DEBUG'] },
        },
        {
          id: 'OOS-SAMPLES',
          statement: 'The sample programs and tests are not shipped to production.',
          when: { pathsOnly: ['sample/**', 'test/**'] },
        },
      ],
    },
  };
}

function parseOne(title: string, body: string) {
  const parsed = parseReportText('report.md', `# ${title}\n\n${body}\n`);
  if (!parsed.ok) throw new Error('the test report does not parse');
  return parsed.value[0]!;
}

const valueOf = (features: readonly RuleFeatures[], id: string, name: string): number => {
  const entry = features.find((candidate) => candidate.rule.id === id)!;
  return entry.values[ruleFeatureNames.indexOf(name as (typeof ruleFeatureNames)[number])]!;
};

function pathFact(value: string): Fact {
  return {
    kind: 'file-path',
    value,
    origin: 'prose',
    quote: value,
    span: { start: 0, end: value.length, line: 1 },
  };
}

describe('describeRuleFeatures', () => {
  it('gives one row per rule, as many values as feature names', () => {
    const profile = buildProfile();
    const features = describeRuleFeatures(profile, {
      report: parseOne('Crash', 'It crashes.'),
      facts: [],
      ruleMatches: [],
      versionSupport: 'unknown',
    });
    expect(features.map((entry) => [entry.rule.id, entry.side])).toEqual([
      ['IN-ENGINE', 'in-scope'],
      ['OOS-DEBUG', 'out-of-scope'],
      ['OOS-SAMPLES', 'out-of-scope'],
    ]);
    for (const entry of features) expect(entry.values).toHaveLength(ruleFeatureNames.length);
  });

  it('weighs a word the profile’s rules share less than one only a rule uses', () => {
    const vocabulary = readProfileVocabulary(buildProfile());
    // "production" is in two statements, "parse" in one.
    expect(vocabulary.rulesWith('production')).toBe(2);
    expect(vocabulary.weightOf('parse')).toBeGreaterThan(vocabulary.weightOf('production'));
  });

  it('reads a report in the words of one rule as fitting that rule best', () => {
    const profile = buildProfile();
    const features = describeRuleFeatures(profile, {
      report: parseOne(
        'Exit while printing the parse tree',
        'Our debug build with ONIG_DEBUG set prints the parse tree and exits on this pattern.',
      ),
      facts: [],
      ruleMatches: [],
      versionSupport: 'unknown',
    });
    expect(valueOf(features, 'OOS-DEBUG', 'mention-whole')).toBe(1);
    expect(valueOf(features, 'OOS-DEBUG', 'setting-named')).toBe(1);
    expect(valueOf(features, 'OOS-DEBUG', 'best-of-profile')).toBe(1);
    expect(valueOf(features, 'OOS-DEBUG', 'statement-margin')).toBeGreaterThan(0);
    expect(valueOf(features, 'OOS-DEBUG', 'title-coverage')).toBeGreaterThan(0);
    expect(valueOf(features, 'OOS-SAMPLES', 'statement-margin')).toBeLessThan(0);
    expect(valueOf(features, 'IN-ENGINE', 'other-side-fits-better')).toBe(1);
    const words = features.find((entry) => entry.rule.id === 'OOS-DEBUG')!.words;
    expect(words[0]).toBe('debug build');
    expect(words).toContain('onig_debug');
  });

  it('reads cited paths against the rule’s globs and the engine’s matches', () => {
    const profile = buildProfile();
    const engineMatch: RuleMatch = {
      ruleId: 'IN-ENGINE',
      kind: 'in-scope',
      statement: '',
      disposition: null,
      strength: 'strong',
      specificity: 0,
      evidence: [],
    };
    const features = describeRuleFeatures(profile, {
      report: parseOne('Overflow', 'See sample/simple.c and src/regexec.c.'),
      facts: [pathFact('sample/simple.c'), pathFact('src/regexec.c')],
      ruleMatches: [engineMatch],
      versionSupport: 'unknown',
    });
    expect(valueOf(features, 'OOS-SAMPLES', 'paths-only-fit')).toBe(0.5);
    expect(valueOf(features, 'IN-ENGINE', 'component-fit')).toBe(0.5);
    expect(valueOf(features, 'IN-ENGINE', 'holds-strong')).toBe(1);
    expect(valueOf(features, 'IN-ENGINE', 'another-rule-holds')).toBe(0);
    expect(valueOf(features, 'OOS-SAMPLES', 'another-rule-holds')).toBe(1);
    expect(valueOf(features, 'OOS-SAMPLES', 'has-paths-only')).toBe(1);
    expect(valueOf(features, 'OOS-DEBUG', 'has-paths-only')).toBe(0);
  });

  it('finds a rule’s concept in a report in another language', () => {
    const profile: SecurityProfile = {
      ...buildProfile(),
      threatModel: {
        ...buildProfile().threatModel,
        outOfScope: [
          {
            id: 'OOS-CRASH',
            statement: 'A crash of the command-line tool is a regular bug.',
            when: { mentions: ['crash'] },
          },
        ],
      },
    };
    const features = describeRuleFeatures(profile, {
      report: parseOne('Absturz', 'Das Programm stürzt beim Öffnen ab (Absturz).'),
      facts: [],
      ruleMatches: [],
      versionSupport: 'unknown',
    });
    expect(valueOf(features, 'OOS-CRASH', 'concept-coverage')).toBe(1);
    expect(valueOf(features, 'OOS-CRASH', 'mention-whole')).toBe(0);
  });
});
