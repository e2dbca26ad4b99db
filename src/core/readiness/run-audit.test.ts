import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../model/parse-result.js';
import type { SecurityProfile } from '../model/security-profile.js';
import { createRepoSnapshot, describeSnapshotNeeds, runAudit } from './run-audit.js';
import { findDurations } from './policy-patterns.js';
import { agentsSectionEnd, agentsSectionStart, mergeAgentsFile } from './render-readiness-files.js';

const profile: SecurityProfile = {
  version: 1,
  project: { name: 'p' },
  policy: {
    contact: [{ type: 'email', address: 'sec@p.example' }],
    response: { acknowledgeDays: 3, triageDays: 14, disclosureDays: 90 },
    supportedVersions: [],
  },
  reportRequirements: { required: [], recommended: [], aiDisclosure: 'optional' },
  threatModel: { components: [], inScope: [], outOfScope: [] },
  exemptions: [
    { id: 'artefacts.binaries', file: 'vendor/**', reason: 'vendored SDK', expires: '2027-01-01' },
    { id: 'artefacts.binaries', file: 'old/**', reason: 'to be removed', expires: '2026-01-01' },
  ],
};
// The profile parser is injected; these tests hand back a fixed profile for any text.
const parseProfile = (): ParseResult<SecurityProfile> => ({ ok: true, value: profile });
const now = new Date('2026-06-01T00:00:00Z');

function audit(files: Record<string, string>) {
  const snapshot = createRepoSnapshot(
    Object.entries(files).map(([path, text]) => ({ path, size: text.length, text })),
  );
  return runAudit({ snapshot, now, parseProfile });
}

describe('runAudit', () => {
  it('applies a current exemption as a skip with its reason, and shows an expired one without applying it', () => {
    const { checks, summary } = audit({
      'security-profile.yml': 'x',
      'vendor/sdk.dll': 'x',
      'old/tool.exe': 'x',
      'bin/new.so': 'x',
    });
    const binaries = checks.filter((check) => check.id === 'artefacts.binaries');
    expect(binaries.map((check) => [check.file, check.status, check.exemption?.isExpired])).toEqual(
      [
        ['bin/new.so', 'fail', undefined],
        ['old/tool.exe', 'fail', true],
        ['vendor/sdk.dll', 'skip', false],
      ],
    );
    expect(binaries[2]!.exemption).toEqual({
      reason: 'vendored SDK',
      expires: '2027-01-01',
      isExpired: false,
      originalStatus: 'fail',
    });
    const exemptionCheck = checks.find((check) => check.id === 'profile.exemptions');
    expect(exemptionCheck?.status).toBe('warn');
    expect(exemptionCheck?.evidence).toEqual([
      'artefacts.binaries (old/**): expired on 2026-01-01; it no longer applies',
    ]);
    expect(summary.fail + summary.warn + summary.pass + summary.skip).toBe(checks.length);
  });

  it('gives a fix only for warnings and failures', () => {
    const { checks } = audit({ 'README.md': '# hi' });
    for (const check of checks)
      expect(check.fix === null).toBe(check.status === 'pass' || check.status === 'skip');
  });

  it('asks for the content of the files rules read and the heads of extension-less files', () => {
    const needs = describeSnapshotNeeds();
    expect(needs.readsContent('SECURITY.md')).toBe(true);
    expect(needs.readsContent('.github/workflows/ci.yml')).toBe(true);
    expect(needs.readsContent('src/index.ts')).toBe(false);
    expect(needs.readsHead('bin/tool')).toBe(true);
    expect(needs.readsHead('src/index.ts')).toBe(false);
    expect(needs.readsHead('Makefile')).toBe(false);
  });
});

describe('findDurations', () => {
  it('reads durations in days', () => {
    expect(
      findDurations('within 48 hours, 2 business days, 1-2 weeks, 3 months or 5d').map(
        (d) => d.days,
      ),
    ).toEqual([2, 2, 14, 90, 5]);
  });
});

describe('mergeAgentsFile', () => {
  const section = `${agentsSectionStart}\nnew\n${agentsSectionEnd}`;
  it('creates, appends and replaces the delimited section', () => {
    expect(mergeAgentsFile(null, section)).toBe(`# AGENTS.md\n\n${section}\n`);
    expect(mergeAgentsFile('# Mine\n\nKeep this.\n', section)).toBe(
      `# Mine\n\nKeep this.\n\n${section}\n`,
    );
    const existing = `# Mine\n\n${agentsSectionStart}\nold\n${agentsSectionEnd}\n\nAfter.\n`;
    expect(mergeAgentsFile(existing, section)).toBe(`# Mine\n\n${section}\n\nAfter.\n`);
  });
});

describe('findDurations in words', () => {
  it('reads number words and parenthesised digits', () => {
    expect(
      findDurations('within three (3) business days, or (5) working days, two weeks').map(
        (d) => d.days,
      ),
    ).toEqual([3, 5, 14]);
  });
});
