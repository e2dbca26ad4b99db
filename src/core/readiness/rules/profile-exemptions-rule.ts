// profile.exemptions: the audit exemptions in the profile are current, name real checks and are
// reviewed at least yearly. Expired exemptions no longer apply (run-audit enforces that).

import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const maxExemptionDays = 366;
const dayMs = 24 * 60 * 60 * 1000;

export const profileExemptionsRule: ReadinessRule = {
  id: 'profile.exemptions',
  category: 'profile',
  title: 'Audit exemptions are current',
  rule: {
    pass: 'Every exemption names a known check id and expires today or later, at most 366 days ahead.',
    warn: 'An exemption has expired (it no longer applies, and the check counts again), names an unknown check, or runs more than 366 days.',
    skip: 'No valid profile, or it has no exemptions.',
  },
  fix: 'Remove expired exemptions or renew them with a fresh reason and expiry; fix the check id of unknown ones (docs/audit-checks.md lists them).',
  reads: () => false,
  check(context) {
    const profile = context.validProfile;
    const file = context.profile?.file ?? null;
    const exemptions = profile?.exemptions ?? [];
    if (exemptions.length === 0) return [makeResult('skip', file, [], ['no exemptions'])];
    const problems: string[] = [];
    for (const exemption of exemptions) {
      const label = `${exemption.id}${exemption.file ? ` (${exemption.file})` : ''}`;
      if (!context.knownCheckIds.has(exemption.id)) problems.push(`${label}: no such check`);
      if (exemption.expires < context.today)
        problems.push(`${label}: expired on ${exemption.expires}; it no longer applies`);
      const days = (Date.parse(exemption.expires) - context.now.getTime()) / dayMs;
      if (days > maxExemptionDays)
        problems.push(`${label}: expires ${exemption.expires}, more than a year ahead`);
    }
    if (problems.length > 0) return [makeResult('warn', file, [], problems)];
    return [
      makeResult(
        'pass',
        file,
        [],
        exemptions.map((e) => `${e.id}: until ${e.expires}: ${e.reason}`),
      ),
    ];
  },
};
