// Renders the `security-profile.yml` that `thresher init` writes from a few answers: the
// project's contacts, response times and supported versions, with a starter threat model that the
// maintainers are expected to edit. Strings are written as JSON strings, which YAML reads as-is.

import type { AiDisclosurePolicy } from '../model/security-profile.js';

export interface InitAnswers {
  projectName: string;
  /** A clone or web URL of the repository; a github.com one enables the GitHub links. */
  repository?: string;
  email?: string;
  contactUrl?: string;
  githubPvr: boolean;
  supportedVersions: string[];
  acknowledgeDays: number;
  triageDays: number;
  disclosureDays: number;
  aiDisclosure: AiDisclosurePolicy;
  /** The project's website (https), for security.txt's Canonical field. */
  website?: string;
  /** Language tags for security.txt's Preferred-Languages, e.g. ['en']. */
  languages: string[];
}

const quote = (value: string): string => JSON.stringify(value);

export function renderSecurityProfile(answers: InitAnswers): string {
  const contacts = [
    ...(answers.email === undefined
      ? []
      : [`    - { type: email, address: ${quote(answers.email)} }`]),
    ...(answers.githubPvr ? ['    - { type: github-pvr }'] : []),
    ...(answers.contactUrl === undefined
      ? []
      : [`    - { type: url, url: ${quote(answers.contactUrl)} }`]),
  ];
  const versions = answers.supportedVersions.map(quote).join(', ');
  return [
    '# yaml-language-server: $schema=./node_modules/thresher/schema/security-profile.schema.json',
    '#',
    `# The security profile of ${answers.projectName}: how to report, what a report must contain, and`,
    '# which reports are vulnerabilities. Written by `thresher init`; edit it, then run',
    '# `thresher init --force` to re-render SECURITY.md, AI_POLICY.md and security.txt from it,',
    '# and `thresher audit` to check that everything agrees. Format: docs/security-profile.md.',
    'version: 1',
    '',
    'project:',
    `  name: ${quote(answers.projectName)}`,
    ...(answers.repository === undefined ? [] : [`  repository: ${quote(answers.repository)}`]),
    '',
    'policy:',
    '  contact:',
    ...contacts,
    '  response:',
    `    acknowledge-days: ${answers.acknowledgeDays}`,
    `    triage-days: ${answers.triageDays}`,
    `    disclosure-days: ${answers.disclosureDays}`,
    '  # Semver ranges that get security fixes; an empty list means every version.',
    `  supported-versions: [${versions}]`,
    '',
    'report-requirements:',
    '  required: [affected-version, affected-component, reproduction, impact]',
    '  recommended: [proposed-patch, test-case]',
    `  ai-disclosure: ${answers.aiDisclosure}`,
    '',
    '# A starting point: declare your components (by path) and sharpen these rules.',
    'threat-model:',
    '  components: []',
    '  in-scope:',
    '    - id: IN-REMOTE',
    '      statement: >-',
    '        An attacker without credentials can, over the network, run code, read or change data',
    '        they should not, or make the service unavailable.',
    '      when: { attack-vector: [network], privileges-required: [none] }',
    '  out-of-scope:',
    '    - id: OOS-PRIV',
    '      statement: >-',
    '        The attacker already has administrator or root privileges; there is no boundary left',
    '        to cross.',
    '      when: { privileges-required: [high] }',
    '      disposition: not-a-vulnerability',
    '    - id: OOS-ENV',
    '      statement: >-',
    '        The attacker must control the environment, the configuration file or the command line,',
    '        which belong to the operator. We fix these as ordinary bugs.',
    '      when: { attacker-controls: [environment, config-file, command-line] }',
    '      disposition: regular-bug',
    '    - id: OOS-UNSUPPORTED',
    '      statement: Only versions that no longer receive security fixes are affected.',
    '      when: { versions: unsupported }',
    '      disposition: not-a-vulnerability',
    '',
  ].join('\n');
}
