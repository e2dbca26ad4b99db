import { describe, expect, it } from 'vitest';
import { mapHeadingToField } from './map-heading-to-field.js';

describe('mapHeadingToField', () => {
  it.each([
    ['Steps To Reproduce:', 'reproduction'],
    ['Reproduction steps', 'reproduction'],
    ['PoC', 'reproduction'],
    ['Reproducción', 'reproduction'],
    ['## Étapes de reproduction', 'reproduction'],
    ['Schritte zur Reproduktion:', 'reproduction'],
    ['## Como reproduzir', 'reproduction'],
    ['Cómo reproducir:', 'reproduction'],
    ['Comment reproduire', 'reproduction'],
    ['Come riprodurre', 'reproduction'],
    ['Proof of Concept (PoC)', 'reproduction'],
    ['Exploit', 'reproduction'],
    ['Affected version(s)', 'affected-version'],
    ['**Affected versions:**', 'affected-version'],
    ['Version', 'affected-version'],
    ['Affected file(s)', 'affected-component'],
    ['Vulnerable code', 'affected-component'],
    ['Location', 'affected-component'],
    ['Impact', 'impact'],
    ['Suggested fix', 'proposed-patch'],
    ['Fix idea', 'proposed-patch'],
    ['Remediation', 'proposed-patch'],
    ['Mitigation', 'proposed-patch'],
    ['Regression test', 'test-case'],
    ['CVSS score', 'severity'],
    ['CVSS v3.1', 'severity'],
    ['Vulnerability type', 'weakness'],
    ['CWE', 'weakness'],
    ['Use of AI', 'ai-disclosure'],
    ['AI-assistance', 'ai-disclosure'],
    ['Overview', 'summary'],
    ['Root cause', 'details'],
    ['Setup', 'environment'],
    ['Supporting Material/References:', 'references'],
    ['Credit', 'credits'],
    ['1. Summary', 'summary'],
    ['Severity (my guess):', 'severity'],
    ["Reporter's severity", 'severity'],
  ] as const)('maps %j to %s', (heading, field) => {
    expect(mapHeadingToField(heading)).toBe(field);
  });

  it('returns null for headings that are not field names', () => {
    expect(mapHeadingToField('Timeline')).toBeNull();
    expect(mapHeadingToField('Heap overflow in parse_header')).toBeNull();
    expect(mapHeadingToField('Impact '.repeat(20))).toBeNull();
  });
});
