import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecurityProfile } from '../config/load-security-profile.js';
import { parseReportText } from '../core/report/parse-report.js';
import { createServices } from '../create-services.js';
import { createDefaultConfig } from '../config/load-config.js';

const root = resolve(import.meta.dirname, '../..');
const profile = await loadSecurityProfile(resolve(root, 'examples/security-profile.yml'));
// No registry settings and no cache folder: the offline check needs neither.
const services = createServices(createDefaultConfig());

function parse(name: string, text: string) {
  const parsed = parseReportText(name, text, 'markdown');
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
}

const reportWithDiff = `# Fix request parsing

The parser overflows on long headers. This patch fixes it and adds a helper library:

\`\`\`diff
--- a/requirements.txt
+++ b/requirements.txt
@@ -1 +1,3 @@
 flask==3.0.0
+reqeusts==2.31.0
+python-dateutil==2.9.0
\`\`\`
`;

describe('triage checks the dependencies a report adds', () => {
  it('attaches the dependency guard findings to the report, as thresher deps gives them', async () => {
    const reports = parse('report.md', reportWithDiff);
    const outcome = await services.triage.triage({ profile, reports });
    const result = outcome.queue[0]!;
    expect(result.dependencies?.dependencies).toBe(2);
    expect(result.dependencies?.findings).toMatchObject([
      { package: 'reqeusts', kind: 'typosquat', target: 'requests', ecosystem: 'pypi' },
    ]);
    // The same service, not a copy: the standalone check of the same body says the same.
    const direct = await services.dependencies.checkReportBody(
      { name: 'report.md', text: reports[0]!.body },
      { offline: true },
    );
    expect(result.dependencies?.findings).toEqual(direct?.findings);
  });

  it('gives null for a report without a diff, and when the check is off', async () => {
    const plain = parse('plain.md', '# Crash\n\nThe server crashes on a long header.\n');
    const outcome = await services.triage.triage({ profile, reports: plain });
    expect(outcome.queue[0]!.dependencies).toBeNull();
    const off = await services.triage.triage({
      profile,
      reports: parse('report.md', reportWithDiff),
      dependencyCheck: 'off',
    });
    expect(off.queue[0]!.dependencies).toBeNull();
  });
});
