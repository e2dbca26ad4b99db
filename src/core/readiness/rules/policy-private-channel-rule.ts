// policy.private-channel: SECURITY.md names a private way to report (an address, GitHub private
// vulnerability reporting or a report form), not only public issues.

import { findLines, quoteLine } from '../scan-lines.js';
import {
  emailPattern,
  privateReportingPattern,
  publicIssuePattern,
  urlPattern,
} from '../policy-patterns.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const reportFormPattern = /report|security|vulnerab|hackerone|bugcrowd|huntr|intigriti|form/i;

export const policyPrivateChannelRule: ReadinessRule = {
  id: 'policy.private-channel',
  category: 'policy',
  title: 'Private reporting channel',
  rule: {
    pass: 'SECURITY.md gives an email address, a GitHub private vulnerability reporting link or wording ("security/advisories/new", "report a vulnerability", "security advisory"), or an http(s) link on a line about reporting.',
    fail: 'None of those; the evidence says so when the policy only asks for public issues.',
    skip: 'No SECURITY.md (policy.present fails).',
  },
  fix: 'Name a private channel in SECURITY.md: enable GitHub private vulnerability reporting and link https://github.com/OWNER/REPO/security/advisories/new, or give a security@ address.',
  anchors: ['Scorecard Security-Policy (securityPolicyContainsLinks)'],
  reads: () => false,
  check(context) {
    const policy = context.policy;
    if (policy === null) return [makeResult('skip', null, [], ['no SECURITY.md'])];
    const hits = [
      ...findLines(policy.lines, [privateReportingPattern]),
      ...findLines(policy.lines, [new RegExp(emailPattern.source)]),
      ...findLines(policy.lines, [new RegExp(urlPattern.source), reportFormPattern]),
    ]
      .sort((a, b) => a.line - b.line)
      .filter((hit, index, all) => all[index - 1]?.line !== hit.line);
    if (hits.length > 0) {
      return [
        makeResult(
          'pass',
          policy.file,
          hits.map((hit) => hit.line),
          hits.slice(0, 5).map(quoteLine),
        ),
      ];
    }
    const publicOnly = findLines(policy.lines, [publicIssuePattern]);
    const evidence =
      publicOnly.length > 0
        ? [`only public issues: ${publicOnly.map(quoteLine).join('; ')}`]
        : ['no email address, private vulnerability reporting link or report form'];
    return [
      makeResult(
        'fail',
        policy.file,
        publicOnly.map((hit) => hit.line),
        evidence,
      ),
    ];
  },
};
