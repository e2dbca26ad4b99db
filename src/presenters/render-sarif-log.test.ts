import { describe, expect, it } from 'vitest';
import { validateSarif } from '../../test/support/validate-sarif.js';
import { renderSarifLog } from './render-sarif-log.js';

describe('renderSarifLog', () => {
  const log = renderSarifLog({
    toolName: 'thresher',
    toolVersion: '0.1.0',
    informationUri: 'urn:thresher:docs:audit-checks',
    rules: [
      { id: 'a.rule', name: 'ARule', shortDescription: 'A rule', helpUri: 'https://example.org/a' },
      { id: 'b.rule', name: 'BRule', shortDescription: 'B rule' },
    ],
    results: [
      {
        ruleId: 'b.rule',
        level: 'error',
        message: 'bad',
        locations: [{ path: 'dir/a file.yml', startLine: 3, endLine: 2 }],
      },
      { ruleId: 'a.rule', level: 'warning', message: 'meh', locations: [{ path: 'x.md' }] },
      { ruleId: 'a.rule', level: 'note', message: 'nowhere', locations: [] },
    ],
  });

  it('is valid SARIF 2.1.0', () => {
    expect(validateSarif(log)).toEqual([]);
  });

  it('indexes rules, encodes paths and keeps regions ordered', () => {
    const parsed = JSON.parse(log) as {
      runs: {
        results: {
          ruleIndex: number;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region?: { startLine: number; endLine: number };
            };
          }[];
        }[];
      }[];
    };
    const [first, second] = parsed.runs[0]!.results;
    expect(first!.ruleIndex).toBe(1);
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'dir/a%20file.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, endLine: 3 },
    });
    expect(second!.locations[0]!.physicalLocation.region).toBeUndefined();
  });

  it('is rejected by the validator when broken, so the check above means something', () => {
    const broken = JSON.parse(log) as { version: string };
    broken.version = '2.0.0';
    expect(validateSarif(JSON.stringify(broken)).length).toBeGreaterThan(0);
  });
});
