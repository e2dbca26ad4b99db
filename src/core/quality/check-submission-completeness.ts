// Before a reporter sends: which of the project's required report items the draft lacks, with
// the reason each is judged missing. The same checks triage applies, so the form warns about
// exactly what the maintainers' queue would list as missing.

import type { SecurityProfile } from '../model/security-profile.js';
import type { Report } from '../model/report.js';
import type { RequirementCheck } from '../model/triage-result.js';
import { deriveProjectNames } from '../report/derive-project-names.js';
import { deriveProfileSettingNames } from '../report/derive-profile-setting-names.js';
import { extractReportFacts } from '../report/extract-facts.js';
import { checkRequirements } from './check-requirements.js';

export function checkSubmissionCompleteness(
  report: Report,
  profile: SecurityProfile,
): RequirementCheck[] {
  const { facts } = extractReportFacts(report, {
    projectNames: deriveProjectNames(profile.project),
    profileSettings: deriveProfileSettingNames(profile),
  });
  return checkRequirements(report, facts, profile.reportRequirements).filter(
    (check) => check.level === 'required' && !check.isPresent,
  );
}
