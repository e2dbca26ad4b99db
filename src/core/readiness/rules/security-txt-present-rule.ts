// security-txt.present: a security.txt (RFC 9116) is published from the repository.

import { findFile } from '../audit-context.js';
import { securityTxtLocations } from '../parse-security-txt.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

export const securityTxtPresentRule: ReadinessRule = {
  id: 'security-txt.present',
  category: 'security-txt',
  title: 'security.txt present',
  rule: {
    pass: 'A security.txt is at .well-known/security.txt (or public/, static/ or docs/.well-known/ for a site built from the repository).',
    warn: 'Only the legacy top-level security.txt, or none (a project without a website may not need one).',
  },
  fix: 'Add .well-known/security.txt (RFC 9116) with Contact, Expires, Policy and Preferred-Languages; `thresher init` writes one.',
  reads: (path) => securityTxtLocations.includes(path),
  check(context) {
    const found = securityTxtLocations
      .map((path) => findFile(context.snapshot, path))
      .find((file) => file !== undefined);
    if (found === undefined) return [makeResult('warn', null, [], ['no security.txt'])];
    if (found.path === 'security.txt') {
      return [
        makeResult(
          'warn',
          found.path,
          [1],
          ['security.txt is at the legacy top-level location'],
          'Move security.txt to .well-known/security.txt (RFC 9116 section 3).',
        ),
      ];
    }
    return [makeResult('pass', found.path, [1], [`found ${found.path}`])];
  },
};
