// The catalogue of `thresher audit` checks, in the order they are run and printed.

import type { ReadinessRule } from './readiness-rule.js';
import { policyPresentRule } from './rules/policy-present-rule.js';
import { policyPrivateChannelRule } from './rules/policy-private-channel-rule.js';
import { policyResponseTimesRule } from './rules/policy-response-times-rule.js';
import { policySupportedVersionsRule } from './rules/policy-supported-versions-rule.js';
import { policyReportRequirementsRule } from './rules/policy-report-requirements-rule.js';
import { policyScopeRule } from './rules/policy-scope-rule.js';
import { policyLinksProfileRule } from './rules/policy-links-profile-rule.js';
import { policyIssueTemplateRule } from './rules/policy-issue-template-rule.js';
import { securityTxtPresentRule } from './rules/security-txt-present-rule.js';
import { securityTxtValidRule } from './rules/security-txt-valid-rule.js';
import { securityTxtExpiresRule } from './rules/security-txt-expires-rule.js';
import { aiPolicyPresentRule } from './rules/ai-policy-present-rule.js';
import { aiPolicyDisclosureRule } from './rules/ai-policy-disclosure-rule.js';
import { aiPolicyTrailerRule } from './rules/ai-policy-trailer-rule.js';
import { aiPolicyPrTemplateRule } from './rules/ai-policy-pr-template-rule.js';
import { aiPolicyAgentsRule } from './rules/ai-policy-agents-rule.js';
import { profileValidRule } from './rules/profile-valid-rule.js';
import { profileScopeRulesRule } from './rules/profile-scope-rules-rule.js';
import { profileDriftContactsRule } from './rules/profile-drift-contacts-rule.js';
import { profileDriftResponseRule } from './rules/profile-drift-response-rule.js';
import { profileDriftVersionsRule } from './rules/profile-drift-versions-rule.js';
import { profileExemptionsRule } from './rules/profile-exemptions-rule.js';
import { workflowsSyntaxRule } from './rules/workflows-syntax-rule.js';
import { workflowsDangerousTriggersRule } from './rules/workflows-dangerous-triggers-rule.js';
import { workflowsScriptInjectionRule } from './rules/workflows-script-injection-rule.js';
import { workflowsAiAgentsRule } from './rules/workflows-ai-agents-rule.js';
import { workflowsPermissionsRule } from './rules/workflows-permissions-rule.js';
import { workflowsPinnedActionsRule } from './rules/workflows-pinned-actions-rule.js';
import { workflowsPinnedImagesRule } from './rules/workflows-pinned-images-rule.js';
import { workflowsPinnedDownloadsRule } from './rules/workflows-pinned-downloads-rule.js';
import { workflowsPersistCredentialsRule } from './rules/workflows-persist-credentials-rule.js';
import { workflowsGithubEnvRule } from './rules/workflows-github-env-rule.js';
import { workflowsInsecureCommandsRule } from './rules/workflows-insecure-commands-rule.js';
import { workflowsSecretsRule } from './rules/workflows-secrets-rule.js';
import { workflowsReleaseProvenanceRule } from './rules/workflows-release-provenance-rule.js';
import { dependenciesUpdateToolRule } from './rules/dependencies-update-tool-rule.js';
import { dependenciesScanningRule } from './rules/dependencies-scanning-rule.js';
import { dependenciesDockerfileImagesRule } from './rules/dependencies-dockerfile-images-rule.js';
import { artefactsBinariesRule } from './rules/artefacts-binaries-rule.js';
import { artefactsModelsRule } from './rules/artefacts-models-rule.js';

export const readinessRules: readonly ReadinessRule[] = [
  policyPresentRule,
  policyPrivateChannelRule,
  policyResponseTimesRule,
  policySupportedVersionsRule,
  policyReportRequirementsRule,
  policyScopeRule,
  policyLinksProfileRule,
  policyIssueTemplateRule,
  securityTxtPresentRule,
  securityTxtValidRule,
  securityTxtExpiresRule,
  aiPolicyPresentRule,
  aiPolicyDisclosureRule,
  aiPolicyTrailerRule,
  aiPolicyPrTemplateRule,
  aiPolicyAgentsRule,
  profileValidRule,
  profileScopeRulesRule,
  profileDriftContactsRule,
  profileDriftResponseRule,
  profileDriftVersionsRule,
  profileExemptionsRule,
  workflowsSyntaxRule,
  workflowsDangerousTriggersRule,
  workflowsScriptInjectionRule,
  workflowsAiAgentsRule,
  workflowsPermissionsRule,
  workflowsPinnedActionsRule,
  workflowsPinnedImagesRule,
  workflowsPinnedDownloadsRule,
  workflowsPersistCredentialsRule,
  workflowsGithubEnvRule,
  workflowsInsecureCommandsRule,
  workflowsSecretsRule,
  workflowsReleaseProvenanceRule,
  dependenciesUpdateToolRule,
  dependenciesScanningRule,
  dependenciesDockerfileImagesRule,
  artefactsBinariesRule,
  artefactsModelsRule,
];
