// Every rule meets hostile content: arbitrary text in every file the rules read never makes the
// audit throw, and every result is well formed with lines inside its file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../model/parse-result.js';
import type { SecurityProfile } from '../model/security-profile.js';
import { createRepoSnapshot, runAudit } from './run-audit.js';

const paths = [
  'SECURITY.md',
  'AI_POLICY.md',
  'CONTRIBUTING.md',
  'AGENTS.md',
  '.well-known/security.txt',
  '.github/pull_request_template.md',
  '.github/ISSUE_TEMPLATE/config.yml',
  '.github/dependabot.yml',
  '.github/workflows/a.yml',
  '.github/workflows/b.yml',
  'Dockerfile',
  'security-profile.yml',
];
const snippets = fc.constantFrom(
  '${{ github.event.issue.title }}',
  '${{',
  '}}',
  'on: pull_request_target\n',
  'jobs:\n  a:\n    steps:\n      - run: curl x | sh\n',
  '## Supported versions\n| 1.x | ✅ |\n',
  'Expires: 2020-01-01T00:00:00Z\n',
  'Contact: mailto:a@b.example\n',
  '-----BEGIN PGP SIGNED MESSAGE-----\n',
  'within 3 days\n',
  'FROM x:latest\n',
  '\u0000\u001b[2J',
  '- [',
  '&a [*a]',
);
const content = fc
  .array(fc.oneof(fc.string({ maxLength: 200 }), snippets), { maxLength: 12 })
  .map((parts) => parts.join(''));
const profile: SecurityProfile = {
  version: 1,
  project: { name: 'p' },
  policy: {
    contact: [{ type: 'github-pvr' }],
    response: { acknowledgeDays: 3, triageDays: 14, disclosureDays: 90 },
    supportedVersions: ['>=1.0.0'],
  },
  reportRequirements: { required: [], recommended: [], aiDisclosure: 'optional' },
  threatModel: { components: [], inScope: [], outOfScope: [] },
};
const parseProfile = (): ParseResult<SecurityProfile> => ({ ok: true, value: profile });

describe('runAudit on hostile content', () => {
  it('never throws and returns well-formed results', () => {
    fc.assert(
      fc.property(
        fc.array(content, { minLength: paths.length, maxLength: paths.length }),
        (texts) => {
          const files = paths.map((path, index) => ({
            path,
            size: texts[index]!.length,
            text: texts[index]!,
          }));
          const report = runAudit({
            snapshot: createRepoSnapshot(files),
            now: new Date('2026-06-01T00:00:00Z'),
            parseProfile,
          });
          for (const check of report.checks) {
            expect(['pass', 'warn', 'fail', 'skip']).toContain(check.status);
            if (check.file === null) continue;
            const lineCount = (files.find((file) => file.path === check.file)?.text ?? '').split(
              '\n',
            ).length;
            for (const line of check.lines) expect(line >= 1 && line <= lineCount).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
