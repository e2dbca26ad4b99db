// Renders the documents `thresher init` writes from a security profile: SECURITY.md,
// AI_POLICY.md, .well-known/security.txt, the AGENTS.md section and the GitHub templates. Every
// document is rendered from the same profile, so they agree with it and with each other.

import type { RequirementName, ScopeRule, SecurityProfile } from '../model/security-profile.js';

export interface RenderOptions {
  now: Date;
  /** The project's https website, for security.txt's Canonical field. */
  website?: string;
  languages: string[];
  /** The profile's path in the repository, linked from the documents. */
  profileFile: string;
}

export interface RenderedFile {
  path: string;
  content: string;
}

export const agentsSectionStart = '<!-- thresher:security:start -->';
export const agentsSectionEnd = '<!-- thresher:security:end -->';
const securityTxtDays = 360;

const requirementText: Record<RequirementName, string> = {
  'affected-version': 'The affected version(s), as a release number or commit',
  'affected-component': 'The affected component: file, function or endpoint',
  reproduction: 'Steps to reproduce, or a proof of concept',
  impact: 'The impact: what an attacker gains',
  'proposed-patch': 'A proposed fix or patch',
  'test-case': 'A test case that fails before the fix',
  severity: 'Your severity assessment (a CVSS vector is welcome)',
  weakness: 'The weakness (CWE), if you know it',
};

/** `https://github.com/OWNER/REPO` when the repository is on GitHub. */
export function findGithubUrl(repository: string | undefined): string | undefined {
  const match = /github\.com[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
    repository ?? '',
  );
  return match === null ? undefined : `https://github.com/${match[1]}/${match[2]}`;
}

export function renderReadinessFiles(
  profile: SecurityProfile,
  options: RenderOptions,
): RenderedFile[] {
  return [
    { path: 'SECURITY.md', content: renderSecurityPolicy(profile, options) },
    { path: 'AI_POLICY.md', content: renderAiPolicy(profile, options) },
    { path: '.well-known/security.txt', content: renderSecurityTxt(profile, options) },
    { path: '.github/ISSUE_TEMPLATE/config.yml', content: renderIssueTemplateConfig(profile) },
    { path: '.github/pull_request_template.md', content: renderPullRequestTemplate() },
  ];
}

function describeChannels(profile: SecurityProfile): string[] {
  const github = findGithubUrl(profile.project.repository);
  return profile.policy.contact.map((contact) => {
    if (contact.type === 'email') return `- Email: [${contact.address}](mailto:${contact.address})`;
    if (contact.type === 'url') return `- Web form: <${contact.url}>`;
    const url =
      contact.url ?? (github === undefined ? undefined : `${github}/security/advisories/new`);
    return url === undefined
      ? "- GitHub private vulnerability reporting: the repository's Security tab, **Report a vulnerability**"
      : `- GitHub private vulnerability reporting: [report a vulnerability](${url})`;
  });
}

function describeRule(rule: ScopeRule): string {
  const disposition =
    rule.disposition === 'regular-bug'
      ? ' (we fix these as ordinary bugs)'
      : rule.disposition === 'hardening'
        ? ' (treated as hardening)'
        : '';
  return `- **${rule.id}**: ${rule.statement.replace(/\s+/g, ' ').trim()}${disposition}`;
}

const supportedKeywordText = {
  latest: 'Only the latest release receives security fixes: please upgrade before reporting.',
  'latest-minor':
    'Only the latest minor release series (every patch release of it) receives security fixes.',
  'latest-major': 'Only the latest major release series receives security fixes.',
} as const;

function renderSupportedVersions(profile: SecurityProfile): string[] {
  const ranges = profile.policy.supportedVersions;
  if (typeof ranges === 'string') return [supportedKeywordText[ranges]];
  if (ranges.length === 0) return ['All released versions receive security fixes.'];
  return [
    '| Version | Supported |',
    '| ------- | --------- |',
    ...ranges.map((range) => `| ${range} | ✅ |`),
    '| anything older | ❌ |',
  ];
}

function renderSecurityPolicy(profile: SecurityProfile, options: RenderOptions): string {
  const { response } = profile.policy;
  const { required, recommended, aiDisclosure } = profile.reportRequirements;
  const { inScope, outOfScope } = profile.threatModel;
  const ai = aiDisclosure === 'optional' ? 'is welcome' : `is ${aiDisclosure}`;
  return [
    `# Security policy for ${profile.project.name}`,
    '',
    `The machine-readable version of this policy is [${options.profileFile}](${options.profileFile}). It is`,
    'the source of this file: change it, then re-render with `thresher init --force`.',
    '',
    '## Reporting a vulnerability',
    '',
    'Please do not report security vulnerabilities in public issues, discussions or pull requests.',
    'Report them privately:',
    '',
    ...describeChannels(profile),
    '',
    '## What to expect',
    '',
    response.acknowledgeDays === undefined
      ? '- We acknowledge every report as soon as we can.'
      : `- We acknowledge reports within ${response.acknowledgeDays} days.`,
    response.triageDays === undefined
      ? '- We triage reports and tell you our assessment.'
      : `- We triage reports within ${response.triageDays} days and tell you our assessment.`,
    response.disclosureDays === undefined
      ? '- We coordinate the fix and the date of the advisory with you.'
      : `- We coordinate the fix with you and publish an advisory no later than ${response.disclosureDays} days after the report.`,
    '',
    '## What a report must contain',
    '',
    ...required.map((name) => `- ${requirementText[name]} (required)`),
    ...recommended.map((name) => `- ${requirementText[name]} (recommended)`),
    `- Whether and how you used AI tools: disclosure ${ai} (see [AI_POLICY.md](AI_POLICY.md))`,
    '',
    '## Supported versions',
    '',
    ...renderSupportedVersions(profile),
    '',
    '## Scope',
    '',
    '### In scope',
    '',
    ...(inScope.length > 0
      ? inScope.map(describeRule)
      : ['Any vulnerability not listed as out of scope below.']),
    '',
    '### Out of scope',
    '',
    ...(outOfScope.length > 0
      ? outOfScope.map(describeRule)
      : ['Nothing is excluded up front; we judge each report on its merits.']),
    '',
  ].join('\n');
}

function renderAiPolicy(profile: SecurityProfile, options: RenderOptions): string {
  const disclosure = profile.reportRequirements.aiDisclosure;
  return [
    `# AI policy for ${profile.project.name}`,
    '',
    '## Contributions',
    '',
    'We accept contributions written with the help of AI tools when a person has reviewed,',
    'understood and tested every line and takes responsibility for it.',
    '',
    '- Disclose AI use in the pull request: the pull request template asks.',
    '- Add a trailer to each commit written with AI help: `Assisted-by: TOOL (MODEL)`.',
    '',
    '## Security reports',
    '',
    `- Disclosing whether and how you used AI tools is ${disclosure} in every security report.`,
    `- Before you report, check the scope in [SECURITY.md](SECURITY.md) and [${options.profileFile}](${options.profileFile}).`,
    '- Check every file, function and line your report cites against the code: we verify them.',
    '',
    '## What we refuse',
    '',
    '- Reports or pull requests generated by AI and sent without a person checking them.',
    '- Reports that cite code, files or versions that do not exist.',
    '- Bulk submissions of unverified findings.',
    '',
  ].join('\n');
}

function renderSecurityTxt(profile: SecurityProfile, options: RenderOptions): string {
  const github = findGithubUrl(profile.project.repository);
  const contacts = profile.policy.contact.flatMap((contact) => {
    if (contact.type === 'email') return [`Contact: mailto:${contact.address}`];
    if (contact.type === 'url') return [`Contact: ${contact.url}`];
    const url =
      contact.url ?? (github === undefined ? undefined : `${github}/security/advisories/new`);
    return url === undefined ? [] : [`Contact: ${url}`];
  });
  const expires = new Date(options.now.getTime() + securityTxtDays * 24 * 60 * 60 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  const policy =
    github !== undefined
      ? `${github}/blob/HEAD/SECURITY.md`
      : options.website === undefined
        ? undefined
        : `${options.website.replace(/\/$/, '')}/SECURITY.md`;
  return [
    `# security.txt for ${profile.project.name} (RFC 9116), rendered from ${options.profileFile}.`,
    ...contacts,
    `Expires: ${expires.toISOString()}`,
    ...(policy === undefined ? [] : [`Policy: ${policy}`]),
    `Preferred-Languages: ${options.languages.join(', ')}`,
    ...(options.website === undefined
      ? []
      : [`Canonical: ${options.website.replace(/\/$/, '')}/.well-known/security.txt`]),
    '',
  ].join('\n');
}

export function renderAgentsSection(profile: SecurityProfile, options: RenderOptions): string {
  return [
    agentsSectionStart,
    '## Security reports (for AI tools)',
    '',
    `Before you report a security vulnerability in ${profile.project.name}, read [SECURITY.md](SECURITY.md) and`,
    `[${options.profileFile}](${options.profileFile}): they say what is in scope, what is out of scope and why,`,
    'and what a report must contain. Do not report what is out of scope. Verify every file, function',
    'and line you cite against this repository. Report privately (never in a public issue), and say',
    'that an AI tool helped write the report.',
    agentsSectionEnd,
  ].join('\n');
}

/** AGENTS.md with the security section added, or replaced between its markers. */
export function mergeAgentsFile(existing: string | null, section: string): string {
  if (existing === null) return `# AGENTS.md\n\n${section}\n`;
  const start = existing.indexOf(agentsSectionStart);
  const end = existing.indexOf(agentsSectionEnd, start);
  if (start >= 0 && end > start) {
    return `${existing.slice(0, start)}${section}${existing.slice(end + agentsSectionEnd.length)}`;
  }
  const separator = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return `${existing}${separator}${section}\n`;
}

function renderIssueTemplateConfig(profile: SecurityProfile): string {
  const github = findGithubUrl(profile.project.repository);
  const email = profile.policy.contact.find((contact) => contact.type === 'email');
  const url = profile.policy.contact.find((contact) => contact.type === 'url');
  const target =
    github !== undefined && profile.policy.contact.some((contact) => contact.type === 'github-pvr')
      ? `${github}/security/advisories/new`
      : email?.type === 'email'
        ? `mailto:${email.address}`
        : url?.type === 'url'
          ? url.url
          : github === undefined
            ? 'SECURITY.md'
            : `${github}/security/policy`;
  return [
    'blank_issues_enabled: true',
    'contact_links:',
    '  - name: Report a security vulnerability',
    `    url: ${JSON.stringify(target)}`,
    '    about: Please report security vulnerabilities privately, never in a public issue (see SECURITY.md).',
    '',
  ].join('\n');
}

function renderPullRequestTemplate(): string {
  return [
    '## What this changes',
    '',
    '',
    '## AI assistance',
    '',
    '- [ ] No AI tools were used.',
    '- [ ] AI tools were used: name them, say what they did, and add an `Assisted-by:` trailer to the commits.',
    '',
    '## Checklist',
    '',
    '- [ ] Tests added or updated',
    '- [ ] Security problems are reported privately as SECURITY.md says, not in pull requests',
    '',
  ].join('\n');
}
