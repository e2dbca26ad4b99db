// Notes for the maintainer, kept out of the reply to the reporter: how the verdict was reached,
// which revision the evidence was checked at, a report that came in through an unlisted channel,
// and the parts of the report that were not read.

import type { EvidenceSummary } from '../model/evidence.js';
import type { WorkLimit } from '../model/work-limit.js';
import type { RuleMatch } from '../model/triage-result.js';
import type { ChannelCheck } from './check-channel.js';
import { ruleMatcherEvidenceKey } from './apply-rule-matcher.js';

export interface MaintainerNotesInput {
  basis: string;
  rules: readonly string[];
  ruleMatches: readonly RuleMatch[];
  evidence: EvidenceSummary | null;
  channel: ChannelCheck;
  limits: readonly WorkLimit[];
}

function describeRuleMatch(match: RuleMatch): string {
  const learned = match.evidence.find((evidence) => evidence.key === ruleMatcherEvidenceKey);
  if (learned) return `${match.kind} rule ${match.ruleId} holds on no condition: ${learned.detail}`;
  const isInferred = match.evidence.some((evidence) =>
    evidence.facts.some((fact) => fact.origin === 'inferred'),
  );
  const strength =
    match.strength === 'strong'
      ? 'strongly'
      : isInferred
        ? 'weakly (on what the severity model infers)'
        : 'weakly (a mention only)';
  return `${match.kind} rule ${match.ruleId} holds ${strength}, specificity ${match.specificity}`;
}

export function writeMaintainerNotes(input: MaintainerNotesInput): string[] {
  const notes = [`Verdict basis: ${input.basis}.`];
  const cited = new Set(input.rules);
  for (const match of input.ruleMatches) {
    if (cited.has(match.ruleId)) notes.push(`Cited: ${describeRuleMatch(match)}.`);
  }
  for (const match of input.ruleMatches) {
    if (!cited.has(match.ruleId)) notes.push(`Also held, not cited: ${describeRuleMatch(match)}.`);
  }
  const evidence = input.evidence;
  if (evidence) {
    const named = evidence.revision.requested ?? 'the default branch';
    notes.push(
      `Evidence checked at ${named} (${evidence.revision.resolved}, commit ${evidence.revision.commit.slice(0, 12)}): ${evidence.grade}.`,
    );
    if (evidence.revision.note) notes.push(evidence.revision.note);
    const changes = new Map<string, { subject: string; claims: string[] }>();
    for (const checked of evidence.claims) {
      const later = checked.proof.changedLater;
      if (!later) continue;
      const change = changes.get(later.id) ?? { subject: later.subject, claims: [] };
      change.claims.push(checked.claim.text);
      changes.set(later.id, change);
    }
    for (const [id, change] of changes) {
      notes.push(
        `The cited code changed after ${evidence.revision.resolved} in ${id.slice(0, 12)} "${change.subject}" (${change.claims.slice(0, 3).join(', ')}): check whether it already fixes the report.`,
      );
    }
  }
  if (!input.channel.isListed) {
    notes.push(
      `The report did not arrive through a channel the policy lists (${input.channel.listed.join(', ') || 'none listed'}); the draft reply points there.`,
    );
  }
  for (const limit of input.limits) notes.push(`Not fully read: ${limit.message}.`);
  return notes;
}
