// What a valid security profile still gets wrong in use: rules that can never hold or always
// conflict, and promises the replies cannot make. `thresher profile check` lists these beside the
// schema problems; triage runs with them.

import type { RuleCondition, ScopeRule, SecurityProfile } from '../model/security-profile.js';

export interface ProfileWarning {
  /** The field the warning is about, as written in the YAML file. */
  path: string;
  message: string;
}

function describeCondition(condition: RuleCondition): string {
  const sorted = Object.entries(condition)
    .map(([key, value]: [string, unknown]) => [
      key,
      Array.isArray(value) ? [...(value as unknown[]).map(String)].sort() : value,
    ])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return JSON.stringify(sorted);
}

function findConflictingRules(profile: SecurityProfile): ProfileWarning[] {
  const inScopeByCondition = new Map<string, ScopeRule>();
  for (const rule of profile.threatModel.inScope)
    inScopeByCondition.set(describeCondition(rule.when), rule);
  const warnings: ProfileWarning[] = [];
  profile.threatModel.outOfScope.forEach((rule, index) => {
    const twin = inScopeByCondition.get(describeCondition(rule.when));
    if (twin === undefined) return;
    warnings.push({
      path: `threat-model.out-of-scope[${index}].when`,
      message: `rule ${rule.id} has the same condition as in-scope rule ${twin.id}: every report that meets one meets both, so triage can only answer needs-review`,
    });
  });
  return warnings;
}

function findUnreachableVersionRules(profile: SecurityProfile): ProfileWarning[] {
  const supported = profile.policy.supportedVersions;
  if (typeof supported === 'string' || supported.length > 0) return [];
  const warnings: ProfileWarning[] = [];
  for (const [list, rules] of [
    ['in-scope', profile.threatModel.inScope],
    ['out-of-scope', profile.threatModel.outOfScope],
  ] as const) {
    rules.forEach((rule, index) => {
      if (rule.when.versions !== 'unsupported') return;
      warnings.push({
        path: `threat-model.${list}[${index}].when.versions`,
        message: `rule ${rule.id} asks for an unsupported version, but policy.supported-versions is empty (every version is supported): the rule never holds`,
      });
    });
  }
  return warnings;
}

export function findProfileWarnings(profile: SecurityProfile): ProfileWarning[] {
  const warnings = [...findConflictingRules(profile), ...findUnreachableVersionRules(profile)];
  const supported = profile.policy.supportedVersions;
  if (typeof supported === 'string') {
    warnings.push({
      path: 'policy.supported-versions',
      message: `"${supported}" is resolved against the repository's release tags: without --repo, whether a version is supported stays undecided`,
    });
  }
  const response = profile.policy.response;
  if (response.acknowledgeDays === undefined && response.triageDays === undefined) {
    warnings.push({
      path: 'policy.response',
      message:
        'no response times: draft replies promise none (set acknowledge-days or triage-days to give reporters a date)',
    });
  }
  const scale = profile.severity;
  if (scale && !scale.cvss && scale.levels.every((level) => level.when === undefined)) {
    warnings.push({
      path: 'severity.levels',
      message:
        'CVSS is switched off and no level has a `when` condition: reports cannot be placed on the scale automatically',
    });
  }
  return warnings;
}
