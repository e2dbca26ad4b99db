import { describe, expect, it } from 'vitest';
import type { DependencyCheckOutcome } from '../services/check-dependencies.js';
import { findSarifErrors } from '../../test/support/validate-sarif.js';
import { renderDependencySarif } from './render-dependency-report.js';
import { renderSarifLog } from './render-sarif-log.js';

describe('renderSarifLog', () => {
  it('writes a valid SARIF 2.1.0 log with rules, levels and regions', () => {
    const log = JSON.parse(
      renderSarifLog({
        toolName: 'thresher',
        toolVersion: '0.1.0',
        informationUri: 'https://example.org/thresher',
        rules: [
          {
            id: 'audit/security-md',
            name: 'SecurityPolicy',
            shortDescription: 'Has a security policy',
            helpUri: 'https://example.org/docs#security-md',
          },
        ],
        results: [
          {
            ruleId: 'audit/security-md',
            level: 'warning',
            message: 'No SECURITY.md',
            locations: [{ path: 'SECURITY.md' }],
          },
          {
            ruleId: 'audit/security-md',
            level: 'error',
            message: 'Bad',
            locations: [{ path: 'dir with space/ä.json', startLine: 3, endLine: 5 }],
          },
        ],
      }),
    ) as { runs: Array<{ results: Array<{ ruleIndex: number; locations: unknown[] }> }> };
    expect(findSarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results[1]).toMatchObject({
      ruleIndex: 0,
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'dir%20with%20space/%C3%A4.json' },
            region: { startLine: 3, endLine: 5 },
          },
        },
      ],
    });
  });

  it('renders dependency findings as valid SARIF, one result per finding', () => {
    const outcome: DependencyCheckOutcome = {
      dependencies: 2,
      files: [{ name: 'package.json', format: 'package.json', dependencies: 2 }],
      registry: {
        url: 'https://registry.npmjs.org/',
        offline: true,
        requests: 0,
        cacheHits: 0,
        unverified: 2,
      },
      problems: [],
      warnings: [],
      findings: [
        {
          package: 'loadsh',
          version: '^4',
          ecosystem: 'npm',
          kind: 'typosquat',
          severity: 'high',
          message: 'loadsh looks like lodash',
          evidence: ['transposition'],
          location: { file: 'package.json', line: 4 },
          target: 'lodash',
        },
        {
          package: 'x',
          version: '',
          ecosystem: 'pypi',
          kind: 'not-found',
          severity: 'info',
          message: 'x is unverifiable',
          evidence: [],
          location: { file: 'requirements.txt' },
        },
      ],
    };
    const log = JSON.parse(renderDependencySarif(outcome, '0.1.0')) as {
      runs: Array<{ results: Array<{ level: string; ruleId: string }> }>;
    };
    expect(findSarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results.map((result) => `${result.ruleId} ${result.level}`)).toEqual([
      'deps/typosquat error',
      'deps/not-found note',
    ]);
    expect(findSarifErrors({ version: '2.1.0', runs: [{ tool: {} }] })).not.toEqual([]);
  });
});
