// policy.links-profile: SECURITY.md points to the machine-readable security-profile.yml, so tools
// and reporters read the same rules.

import { findLines, quoteLine } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const policyLinksProfileRule: ReadinessRule = {
  id: 'policy.links-profile',
  category: 'policy',
  title: 'Policy links to the security profile',
  rule: {
    pass: 'SECURITY.md mentions the file name of the profile (security-profile.yml).',
    warn: 'It does not.',
    skip: 'No SECURITY.md or no security-profile.yml.',
  },
  fix: 'Link the profile from SECURITY.md, e.g. "The machine-readable version of this policy is security-profile.yml."',
  reads: () => false,
  check(context) {
    const policy = context.policy;
    const profile = context.profile;
    if (policy === null || profile === null) {
      return [
        makeResult(
          'skip',
          null,
          [],
          [policy === null ? 'no SECURITY.md' : 'no security-profile.yml'],
        ),
      ];
    }
    const name = profile.file.split('/').at(-1) ?? profile.file;
    const hits = findLines(policy.lines, [new RegExp(name.replace(/[.]/g, '\\.'), 'i')]);
    if (hits.length > 0) {
      return [
        makeResult(
          'pass',
          policy.file,
          hits.map((hit) => hit.line),
          hits.slice(0, 2).map(quoteLine),
        ),
      ];
    }
    return [makeResult('warn', policy.file, [], [`${policy.file} does not mention ${name}`])];
  },
};
