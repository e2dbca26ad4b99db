// Drafts the reply a busy, courteous maintainer would send as it is: it thanks the reporter, says
// what was decided and why (quoting the rule, or asking once for each missing item), and what
// happens next, promising only the response times the profile sets. Internal detail (commit ids,
// which revision was checked, how the verdict was reached) goes to the maintainer's notes, not to
// the reporter. It is a draft for a human to edit and send; Thresher never sends anything.

import type { DuplicateCandidate } from '../model/duplicate.js';
import type { CheckedClaim, EvidenceSummary } from '../model/evidence.js';
import type { Report } from '../model/report.js';
import type { SecurityProfile } from '../model/security-profile.js';
import type {
  ExpectedItem,
  RequirementCheck,
  RuleMatch,
  SeverityAssessment,
  Verdict,
} from '../model/triage-result.js';
import type { ChannelCheck } from '../triage/check-channel.js';
import { ruleMatcherEvidenceKey } from '../triage/apply-rule-matcher.js';

export interface ReplyInput {
  report: Report;
  profile: SecurityProfile;
  verdict: Verdict;
  /** The rules the verdict cites. */
  rules?: readonly string[];
  ruleMatches: readonly RuleMatch[];
  requirements: readonly RequirementCheck[];
  severity: SeverityAssessment;
  /** Why in-scope rules could not be decided, when the verdict is undetermined. */
  openQuestions: readonly string[];
  evidence?: EvidenceSummary | null;
  /** The earlier report or advisory this one duplicates. */
  original?: DuplicateCandidate | null;
  /** Whether it came in through a channel the policy lists. */
  channel?: ChannelCheck;
}

const askFor: Record<ExpectedItem, string> = {
  'affected-version':
    'the exact version or commit you tested (for example the output of `--version`)',
  'affected-component': 'the affected file, function or component',
  reproduction:
    'step-by-step instructions or a proof of concept that shows the problem on an unmodified build',
  impact: 'what an attacker gains: what they can read, change or stop, and under which conditions',
  'proposed-patch': 'a proposed fix, if you have one (a unified diff is ideal)',
  'test-case': 'a test case that fails before the fix and passes after it',
  severity: 'your severity estimate, ideally as a CVSS vector',
  weakness: 'the weakness type (a CWE id)',
  'ai-disclosure': 'whether and how you used AI tools to find or write up the issue',
};

// Words that are no one's first name: roles, placeholders, handles.
const notNames = new Set([
  'anonymous',
  'anon',
  'security',
  'researcher',
  'research',
  'team',
  'admin',
  'unknown',
  'n/a',
  'none',
  'reporter',
  'hacker',
  'user',
  'the',
]);

/** "Hi Ada," from `Ada Lovelace`, `"Dmitri "dm1tr0n" V."` or `Lovelace, Ada`; "Hi there," when unsure. */
export function greet(report: Report): string {
  // A name is short; the cut bounds the quote and bracket stripping below on hostile input.
  const raw = (report.reporter?.name ?? '').slice(0, 200);
  const cleaned = raw
    .replace(/"[^"]*"|'[^']*'|\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, ' ')
    // Control, zero-width and bidirectional characters: nothing a greeting should carry.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const ordered = /^[^,]+,\s*\S/.test(cleaned) ? cleaned.split(',').reverse().join(' ') : cleaned;
  const first = ordered.split(/\s+/).find((word) => word !== '') ?? '';
  const isName =
    /^\p{Lu}[\p{L}'-]{1,30}$/u.test(first) &&
    !notNames.has(first.toLowerCase()) &&
    !raw.includes('@');
  return `Hi ${isName ? first : 'there'},`;
}

function describeSeverity(input: ReplyInput): string {
  const { assessed, claimed } = input.severity;
  if (assessed.rating === 'unknown') return '';
  const usesCvss = input.profile.severity?.cvss !== false;
  const score = usesCvss && assessed.score !== null ? ` (CVSS ${assessed.score.toFixed(1)})` : '';
  const project = input.severity.project;
  const inOwnWords =
    project?.level != null
      ? `${project.level}${project.description ? ` (${project.description})` : ''}`
      : project?.range
        ? `between ${project.range.lowest} and ${project.range.highest}`
        : null;
  const lines = [
    inOwnWords !== null
      ? `Our initial severity assessment is ${inOwnWords}${score}.`
      : `Our initial severity assessment is ${assessed.rating}${score}.`,
  ];
  if (claimed && input.severity.comparison === 'overstated') {
    const changes = assessed.reasons.filter(
      (reason) =>
        reason.includes('->') || reason.startsWith('not a') || reason.startsWith('at most'),
    );
    lines.push(
      `You rated it ${claimed.rating}${usesCvss && claimed.score !== null ? ` (CVSS ${claimed.score.toFixed(1)})` : ''}; in our threat model it is lower because:`,
      ...changes.slice(0, 4).map((reason) => `- ${reason}`),
    );
  }
  return lines.join('\n');
}

function quoteRule(match: RuleMatch): string[] {
  // A rule the learned rule matcher read quotes no fact; how it was read is for the maintainer's
  // notes, not the reporter.
  if (match.evidence.some((evidence) => evidence.key === ruleMatcherEvidenceKey))
    return [`> ${match.statement}`];
  const why = match.evidence.flatMap((evidence) =>
    evidence.facts
      .slice(0, 1)
      .map((fact) => `- ${evidence.detail}: "${fact.quote.slice(0, 120).replace(/\s+/g, ' ')}"`),
  );
  return [`> ${match.statement}`, '', 'What in the report puts it there:', ...why];
}

function replyOutOfScope(input: ReplyInput): string[] {
  const cited = new Set(input.rules ?? []);
  const matches = input.ruleMatches.filter(
    (match) => match.kind === 'out-of-scope' && (cited.size === 0 || cited.has(match.ruleId)),
  );
  const first = matches[0];
  if (!first) return [];
  const lines = [
    `We have read it against our published security policy, and we do not treat it as a security vulnerability in ${input.profile.project.name}, because it falls under this part of our policy (${first.ruleId}):`,
    '',
    ...quoteRule(first),
  ];
  for (const other of matches.slice(1))
    lines.push('', `It also falls under ${other.ruleId}:`, '', ...quoteRule(other));
  lines.push('');
  if (first.disposition === 'regular-bug') {
    lines.push(
      'It does look like a genuine bug, though. Please file it as a regular public issue so we can fix it in the normal way.',
    );
  } else if (first.disposition === 'hardening') {
    lines.push('We would welcome it as a hardening suggestion in a public issue or pull request.');
  } else {
    lines.push(
      'If we have misread the report, for example if the attack works without the condition quoted above, please reply with the details and we will look again.',
    );
  }
  return lines;
}

function replyNeedsReview(input: ReplyInput): string[] {
  const cited = new Set(input.rules ?? []);
  const matches = input.ruleMatches.filter((match) => cited.has(match.ruleId));
  return [
    'Your report touches parts of our security policy that point in different directions, so a member of the security team will look at it before we decide:',
    '',
    ...matches.map((match) => `- ${match.statement}`),
    '',
    `We will get back to you${withinDays(input.profile.policy.response.triageDays)} with our assessment.`,
  ];
}

function withinDays(days: number | undefined): string {
  return days === undefined ? '' : ` within ${days} days`;
}

function replyNeedsInfo(input: ReplyInput): string[] {
  const missing = input.requirements.filter(
    (check) => check.level === 'required' && !check.isPresent,
  );
  if (missing.length === 0) return [];
  const triageDays = input.profile.policy.response.triageDays;
  return [
    'Before we can assess it, our security policy asks every report for a few things we could not find in yours. Could you send us:',
    '',
    ...missing.map((check) => `- ${askFor[check.name]}`),
    '',
    triageDays === undefined
      ? 'As soon as we have them, we will pick the report up.'
      : `As soon as we have them, we will pick the report up; we aim to triage complete reports within ${triageDays} days.`,
  ];
}

function replyInScope(input: ReplyInput): string[] {
  const lines = [
    'It falls within the scope of our security policy, and it is now in our triage queue.',
  ];
  const severity = describeSeverity(input);
  if (severity) lines.push('', severity);
  const recommended = input.requirements.filter(
    (check) => check.level === 'recommended' && !check.isPresent,
  );
  if (recommended.length > 0) {
    lines.push(
      '',
      'If you can, it would also help to have:',
      ...recommended.map((check) => `- ${askFor[check.name]}`),
    );
  }
  const { triageDays, disclosureDays } = input.profile.policy.response;
  const disclosure =
    disclosureDays === undefined
      ? 'we will agree the date of disclosure with you'
      : `we coordinate disclosure within ${disclosureDays} days of the report`;
  lines.push(
    '',
    `We will follow up${withinDays(triageDays)}. Please keep the details private until a fix is released; ${disclosure}, and we will credit you in the advisory unless you prefer otherwise.`,
  );
  return lines;
}

function replyDuplicate(input: ReplyInput): string[] {
  const original = input.original;
  if (!original) return [];
  if (original.kind === 'advisory') {
    const title = original.title.trim() ? ` ("${original.title.trim().slice(0, 120)}")` : '';
    const fixed =
      original.fixedIn && original.fixedIn.length > 0
        ? `, fixed in ${original.fixedIn.join(', ')}`
        : '';
    return [
      `It describes a vulnerability we have already published as ${original.id}${title}${fixed}. The advisory lists the affected and fixed versions${advisoryLink(original.id)}.`,
      '',
      'If you can reproduce the problem on a fixed version, please tell us: that would be a new bug.',
    ];
  }
  return [
    'Another reporter told us about the same issue a little earlier, and we are already handling it.',
    '',
    'We will credit every reporter who found it independently in the advisory, unless you prefer otherwise. If your report differs in a way we may have missed (another code path, another version), please tell us.',
  ];
}

/** A public link for ids whose home is known: GitHub advisories and CVE records. */
function advisoryLink(id: string): string {
  if (/^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/.test(id))
    return `: https://github.com/advisories/${id}`;
  if (/^CVE-\d{4}-\d{4,7}$/.test(id)) return `: https://www.cve.org/CVERecord?id=${id}`;
  if (/^[A-Z]+-\d{4}-\d{1,7}$/.test(id)) return `: https://osv.dev/vulnerability/${id}`;
  return '';
}

function replyUndetermined(input: ReplyInput): string[] {
  return [
    'We could not yet tell from the report whether it falls within our threat model. Could you tell us how an attacker reaches this code, and what they need to control (network input, a local file, the configuration)?',
    ...(input.openQuestions.length > 0 ? [''] : []),
    ...input.openQuestions.slice(0, 3).map((question) => `- ${question}`),
  ];
}

function shortClaim(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 70 ? `${line.slice(0, 67)}...` : line;
}

/** What a contradicted claim lacks, in words for the reporter (no commit ids, no revisions). */
function describeMissingCode(checked: CheckedClaim): string {
  const hint = checked.proof.closestPath
    ? ` (the closest file is ${checked.proof.closestPath})`
    : '';
  switch (checked.claim.kind) {
    case 'file':
      return `there is no such file${hint}`;
    case 'symbol':
      return checked.proof.didYouMean
        ? `there is no such name; did you mean \`${checked.proof.didYouMean}\`?`
        : 'there is no such function, type or name';
    case 'line':
      return checked.proof.summary.includes('lines')
        ? 'the file is shorter than that'
        : `the cited code is not there${hint}`;
    case 'snippet':
      return 'this code does not appear anywhere';
    case 'patch':
      return 'the patch does not apply';
    case 'revision':
      return 'there is no such version or revision';
    case 'option':
      return 'there is no such option';
  }
}

function describeEvidence(input: ReplyInput): string[] {
  const evidence = input.evidence;
  if (!evidence) return [];
  const project = input.profile.project.name;
  const where =
    evidence.revision.isDefault || evidence.revision.requested === null
      ? `our current ${project} source`
      : `${project} ${evidence.revision.requested}`;
  const contradicted = evidence.claims.filter((checked) => checked.status === 'contradicted');
  if (contradicted.length === 0) {
    // The commit itself stays in the maintainer's notes: whether it fixes the bug is theirs to say.
    const hasChanged = evidence.claims.some((checked) => checked.proof.changedLater);
    return hasChanged && !evidence.revision.isDefault
      ? [
          `The code your report cites has changed since ${where}; we will check whether that change already addresses it. If you can, please tell us whether the problem still reproduces on our latest release.`,
          '',
        ]
      : [];
  }
  const lines = contradicted
    .slice(0, 6)
    .map((checked) => `- \`${shortClaim(checked.claim.text)}\`: ${describeMissingCode(checked)}`);
  if (evidence.grade === 'contradicted' || evidence.grade === 'fabricated') {
    const opening =
      evidence.grade === 'fabricated'
        ? `We checked the code your report says is vulnerable against ${where}, and it is not there; none of these references holds:`
        : `We checked every reference to our code in your report against ${where}, and none of them holds:`;
    return [
      opening,
      '',
      ...lines,
      '',
      'This usually means the report was not written against our code. If you did reproduce the problem, please send the exact version you tested and the code path you observed.',
      '',
    ];
  }
  return [`Some references in the report do not match ${where}:`, '', ...lines, ''];
}

const bountyQuestion =
  /\b(?:bug\s+)?bount(?:y|ies)\b|\brewards?\b|\bpay(?:out|ment|ments)?\b|\bcompensat\w*|\bhonorarium\b/i;

function answerBounty(input: ReplyInput): string[] {
  const bounty = input.profile.policy.bounty;
  if (bounty === undefined || !bountyQuestion.test(input.report.body.slice(0, 20_000))) return [];
  if (bounty === 'none') {
    return [
      'About a reward: we do not run a bug bounty programme and cannot pay for reports. We do credit every reporter in our advisories, unless they prefer otherwise.',
      '',
    ];
  }
  return [`About a reward: our bug bounty programme and its rules are at ${bounty.url}.`, ''];
}

function noteChannel(input: ReplyInput): string[] {
  const channel = input.channel;
  if (channel === undefined || channel.isListed || channel.listed.length === 0) return [];
  return [
    `Our security policy asks for reports through ${channel.listed.join(' or ')}. We have taken this one in as it is; please use that channel for anything further, so that it reaches the whole security team.`,
    '',
  ];
}

function replyInvalid(): string[] {
  return [
    'Because the code the report describes does not exist, we cannot treat it as a vulnerability. If we have missed something, please reply with the version you tested and a proof of concept that runs against it.',
  ];
}

function replyBody(input: ReplyInput): string[] {
  switch (input.verdict) {
    case 'out-of-scope':
      return replyOutOfScope(input);
    case 'needs-review':
      return replyNeedsReview(input);
    case 'needs-info':
      return replyNeedsInfo(input);
    case 'in-scope':
      return replyInScope(input);
    case 'duplicate':
      return replyDuplicate(input);
    case 'invalid':
      return replyInvalid();
    case 'undetermined':
      return replyUndetermined(input);
  }
}

export function draftReply(input: ReplyInput): string {
  const title = input.report.title.trim().replace(/\s+/g, ' ') || 'your report';
  return [
    greet(input.report),
    '',
    `Thank you for reporting "${title.slice(0, 160)}" to the ${input.profile.project.name} security team.`,
    '',
    ...noteChannel(input),
    ...describeEvidence(input),
    ...replyBody(input),
    '',
    ...answerBounty(input),
    'Best regards,',
    `The ${input.profile.project.name} security team`,
  ].join('\n');
}
