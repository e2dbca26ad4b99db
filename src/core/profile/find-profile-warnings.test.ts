import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { findProfileWarnings } from './find-profile-warnings.js';

describe('findProfileWarnings', () => {
  it('finds nothing to say about a sound profile', () => {
    expect(findProfileWarnings(buildProfile())).toEqual([]);
  });

  it('names in- and out-of-scope rules whose conditions are the same, in any order', () => {
    const profile = buildProfile({
      inScope: [
        { id: 'IN-A', statement: 's', when: { impact: ['denial-of-service', 'auth-bypass'] } },
      ],
      outOfScope: [
        { id: 'OOS-A', statement: 's', when: { impact: ['auth-bypass', 'denial-of-service'] } },
        { id: 'OOS-B', statement: 's', when: { impact: ['auth-bypass'] } },
      ],
    });
    const warnings = findProfileWarnings(profile);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: 'threat-model.out-of-scope[0].when' });
    expect(warnings[0]!.message).toContain('in-scope rule IN-A');
  });

  it('says when a version rule can never hold and when keywords need a repository', () => {
    const profile = buildProfile({
      outOfScope: [{ id: 'OOS-OLD', statement: 's', when: { versions: 'unsupported' } }],
    });
    const allSupported = { ...profile, policy: { ...profile.policy, supportedVersions: [] } };
    expect(findProfileWarnings(allSupported).map((warning) => warning.path)).toEqual([
      'threat-model.out-of-scope[0].when.versions',
    ]);
    const latest = {
      ...profile,
      policy: { ...profile.policy, supportedVersions: 'latest' as const },
    };
    expect(findProfileWarnings(latest)[0]!.message).toContain('without --repo');
  });

  it('warns about replies without dates and a scale nothing can place a report on', () => {
    const profile = buildProfile();
    const silent = {
      ...profile,
      policy: { ...profile.policy, response: {} },
      severity: { cvss: false, levels: [{ id: 'important', description: 'bad' }] },
    };
    expect(findProfileWarnings(silent).map((warning) => warning.path)).toEqual([
      'policy.response',
      'severity.levels',
    ]);
  });
});
