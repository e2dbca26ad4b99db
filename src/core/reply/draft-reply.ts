// Drafts the reply a busy, courteous maintainer would send: it thanks the reporter, says what was
// decided and why (quoting the rule or listing what is missing), and what happens next. It is a
// draft for a human to edit and send; Thresher never sends anything.

import type { DuplicateCandidate } from '../model/duplicate.js';
import type { EvidenceSummary } from '../model/evidence.js';
import type { Report } from '../model/report.js';
import type { SecurityProfile } from '../model/security-profile.js';
import type {
  ExpectedItem,
  RequirementCheck,
  RuleMatch,
  SeverityAssessment,
  Verdict,
} from '../model/triage-result.js';

export interface ReplyInput {
  report: Report;
  profile: SecurityProfile;
  verdict: Verdict;
  ruleMatches: readonly RuleMatch[];
  requirements: readonly RequirementCheck[];
  severity: SeverityAssessment;
  /** Why in-scope rules could not be decided, when the verdict is undetermined. */
  openQuestions: readonly string[];
  evidence?: EvidenceSummary | null;
  /** The earlier report or advisory this one duplicates. */
  original?: DuplicateCandidate | null;
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
  'ai-disclosure':
    'whether and how you used AI tools to find or write up the issue (our policy asks every reporter)',
};

function greet(report: Report): string {
  const name = report.reporter?.name?.trim();
  return `Hi ${name && name.length > 0 ? name.split(/\s+/)[0] : 'there'},`;
}

function describeSeverity(severity: SeverityAssessment): string {
  const { assessed, claimed } = severity;
  if (assessed.rating === 'unknown') return '';
  const score =
    assessed.score !== null ? ` (${assessed.score.toFixed(1)}, ${assessed.vector})` : '';
  const lines = [`Our initial severity assessment is ${assessed.rating}${score}.`];
  if (claimed && severity.comparison === 'overstated') {
    const changes = assessed.reasons.filter(
      (reason) =>
        reason.includes('->') || reason.startsWith('not a') || reason.startsWith('at most'),
    );
    lines.push(
      `You rated it ${claimed.rating}${claimed.score !== null ? ` (${claimed.score.toFixed(1)})` : ''}; in our threat model it is lower because:`,
      ...changes.slice(0, 4).map((reason) => `- ${reason}`),
    );
  } else if (claimed && severity.comparison === 'understated') {
    lines.push(
      `That is higher than your own rating of ${claimed.rating}; thank you for being conservative.`,
    );
  }
  return lines.join('\n');
}

function quoteRule(match: RuleMatch): string {
  const why = match.evidence.flatMap((evidence) =>
    evidence.facts
      .slice(0, 1)
      .map((fact) => `- ${evidence.detail}: line ${fact.span.line}, "${fact.quote.slice(0, 120)}"`),
  );
  return [
    `${match.ruleId}:`,
    '',
    `> ${match.statement}`,
    '',
    'What in the report puts it there:',
    ...why,
  ].join('\n');
}

function replyOutOfScope(input: ReplyInput): string[] {
  const matches = input.ruleMatches.filter((match) => match.kind === 'out-of-scope');
  const first = matches[0];
  if (!first) return [];
  const lines = [
    `We have read it against our published security policy and threat model, and we do not treat it as a security vulnerability in ${input.profile.project.name}, because it falls under our out-of-scope rule ${quoteRule(first)}`,
  ];
  for (const other of matches.slice(1)) lines.push('', `It also falls under ${quoteRule(other)}`);
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

function replyNeedsInfo(input: ReplyInput): string[] {
  const missing = input.requirements.filter(
    (check) => check.level === 'required' && !check.isPresent,
  );
  return [
    'Before we can triage it, our security policy asks every report to include a few things we could not find in yours:',
    '',
    ...missing.map((check) => `- ${askFor[check.name]} (${check.reason})`),
    '',
    `Please reply with these details and we will pick the report up right away. We aim to triage complete reports within ${input.profile.policy.response.triageDays} days.`,
  ];
}

function replyInScope(input: ReplyInput): string[] {
  const rule = input.ruleMatches.find((match) => match.kind === 'in-scope');
  const scope = rule ? ` (rule ${rule.ruleId}: ${rule.statement})` : '';
  const lines = [
    `It falls within the scope of our security policy${scope}, and it is now in our triage queue.`,
  ];
  const severity = describeSeverity(input.severity);
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
  lines.push(
    '',
    `We will follow up within ${triageDays} days. Please keep the details private until a fix is released; we coordinate disclosure within ${disclosureDays} days of the report and will credit you in the advisory unless you prefer otherwise.`,
  );
  return lines;
}

function replyDuplicate(input: ReplyInput): string[] {
  const original = input.original;
  if (!original) return [];
  const title = original.title.trim() ? ` ("${original.title.trim().slice(0, 120)}")` : '';
  const why = original.evidence.slice(0, 4).map((reason) => `- ${reason}`);
  if (original.kind === 'advisory') {
    return [
      `It describes the same vulnerability as the published advisory ${original.id}${title}:`,
      '',
      ...why,
      '',
      'The advisory lists the affected and fixed versions. If you can reproduce the problem on a fixed version, please tell us: that would be a new bug.',
    ];
  }
  return [
    `Another reporter told us about the same issue a little earlier (${original.id}${title}):`,
    '',
    ...why,
    '',
    'We are handling it there and will credit every reporter who found it independently in the advisory, unless you prefer otherwise. If your report differs in a way we have missed (another code path, another version), please tell us.',
  ];
}

function replyUndetermined(input: ReplyInput): string[] {
  return [
    'We could not yet tell from the report whether it falls within our threat model. Could you help us with the following?',
    '',
    ...input.openQuestions.slice(0, 4).map((question) => `- ${question}`),
    '',
    'In particular: how does an attacker reach this code, and what do they need to control (network input, a local file, the configuration)?',
  ];
}

function shortClaim(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 70 ? `${line.slice(0, 67)}...` : line;
}

/** What the repository says about the report's code, in the maintainer's words, with the proof. */
function describeEvidence(input: ReplyInput): string[] {
  const evidence = input.evidence;
  if (!evidence) return [];
  const project = input.profile.project.name;
  const where = evidence.revision.isDefault
    ? `its current HEAD (${evidence.revision.note})`
    : evidence.revision.resolved;
  const contradicted = evidence.claims.filter((checked) => checked.status === 'contradicted');
  const lines: string[] = [];
  if (evidence.grade === 'contradicted') {
    lines.push(
      `We checked every reference to our code in your report against the ${project} repository at ${where}, and none of them holds:`,
      '',
      ...contradicted
        .slice(0, 6)
        .map((checked) => `- \`${shortClaim(checked.claim.text)}\`: ${checked.proof.summary}`),
      '',
      'This usually means the report was not written against our code. If you did reproduce the problem, please send the exact version you tested and the code path you observed.',
      '',
    );
  } else if (contradicted.length > 0) {
    lines.push(
      `Some references in the report do not match the ${project} repository at ${where}:`,
      '',
      ...contradicted
        .slice(0, 4)
        .map((checked) => `- \`${shortClaim(checked.claim.text)}\`: ${checked.proof.summary}`),
      '',
    );
  }
  const changed = evidence.claims.find((checked) => checked.proof.changedLater);
  if (changed?.proof.changedLater) {
    const later = changed.proof.changedLater;
    lines.push(
      `The code you cite changed after ${evidence.revision.resolved}, in ${later.id.slice(0, 12)} ("${later.subject}"); please check whether the current release is still affected.`,
      '',
    );
  }
  return lines;
}

export function draftReply(input: ReplyInput): string {
  const title = input.report.title.trim() || 'your report';
  const opening = [
    greet(input.report),
    '',
    `Thank you for reporting "${title}" to the ${input.profile.project.name} security team.`,
    '',
  ];
  const body =
    input.verdict === 'out-of-scope'
      ? replyOutOfScope(input)
      : input.verdict === 'needs-info'
        ? replyNeedsInfo(input)
        : input.verdict === 'in-scope'
          ? replyInScope(input)
          : input.verdict === 'duplicate'
            ? replyDuplicate(input)
            : replyUndetermined(input);
  return [
    ...opening,
    ...describeEvidence(input),
    ...body,
    '',
    'Best regards,',
    `The ${input.profile.project.name} security team`,
  ].join('\n');
}
