import { describe, expect, it } from 'vitest';
import { parseSecurityProfile } from './parse-security-profile.js';

const base = `version: 1
project: { name: p }
policy:
  contact: [{ type: github-pvr }]
`;

describe('parseSecurityProfile exemptions', () => {
  it('reads exemptions with id, optional file glob, reason and expiry', () => {
    const result = parseSecurityProfile(
      `${base}exemptions:\n  - { id: artefacts.binaries, file: 'vendor/**', reason: Vendored SDK, expires: 2027-03-31 }\n`,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        exemptions: [
          {
            id: 'artefacts.binaries',
            file: 'vendor/**',
            reason: 'Vendored SDK',
            expires: '2027-03-31',
          },
        ],
      },
    });
  });

  it('leaves profiles without exemptions unchanged', () => {
    const result = parseSecurityProfile(base);
    expect(result.ok && 'exemptions' in result.value).toBe(false);
  });

  it('reports a bad id, a missing reason and a bad date with their lines', () => {
    const result = parseSecurityProfile(
      `${base}exemptions:\n  - { id: Binaries, expires: 31/03/2027 }\n`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.line, issue.path, issue.message])).toEqual([
      [6, 'exemptions[0].reason', 'missing required key "reason"'],
      [6, 'exemptions[0].id', 'expected an audit check id such as workflows.pinned-actions'],
      [6, 'exemptions[0].expires', 'expected a date written YYYY-MM-DD'],
    ]);
  });
});
