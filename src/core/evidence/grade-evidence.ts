// Grades a report by how its code claims held up against the repository, with one sentence a
// maintainer can paste: "None of the 5 code claims hold at v2.4.1: ...".

import { trimEndCharacters } from '../text/trim-characters.js';
import type { CheckedClaim, CodeClaim, EvidenceGrade } from '../model/evidence.js';

export interface EvidenceGrading {
  grade: EvidenceGrade;
  summary: string;
}

const maxReasons = 3;
const mostlyVerifiedShare = 0.75;
// A single failing claim says "fabricated" only when it is about something that either exists or
// not; a paraphrased snippet or a patch against another version is weaker evidence.
const centralKinds = new Set<CodeClaim['kind']>(['symbol', 'file', 'line']);

function labelOf(claim: CodeClaim): string {
  switch (claim.kind) {
    case 'symbol':
      return claim.text;
    case 'file':
      return claim.path ?? claim.text;
    case 'line':
      return claim.lines !== undefined && claim.path !== undefined
        ? `${claim.path}:${claim.lines.start}${claim.lines.end !== claim.lines.start ? `-${claim.lines.end}` : ''}`
        : claim.text;
    case 'snippet':
      return `the quoted code "${cut(claim.text.trim().split('\n')[0] ?? '', 40)}"`;
    case 'patch':
      return claim.path !== undefined ? `the patch to ${claim.path}` : 'the patch';
    case 'revision':
      return claim.text;
  }
}

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** "src/x.c does not exist" when the proof already names the claim, else "label: proof". */
function describe(checked: CheckedClaim): string {
  const label = labelOf(checked.claim);
  const summary = cut(trimEndCharacters(checked.proof.summary.trim(), '.;'), 200);
  if (summary === '') return label;
  const bare = checked.claim.kind === 'symbol' ? (checked.claim.symbol ?? label) : label;
  return summary.includes(bare) || summary.includes(label) ? summary : `${label}: ${summary}`;
}

function listReasons(claims: readonly CheckedClaim[]): string {
  const reasons = claims.slice(0, maxReasons).map(describe);
  const more = claims.length - reasons.length;
  return more > 0 ? `${reasons.join(', ')} and ${more} more` : reasons.join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "at v2.4.1" when a revision the report names was found (and so checked). */
function describeRevision(checked: readonly CheckedClaim[]): string {
  const revision = checked.find(
    (entry) => entry.claim.kind === 'revision' && entry.status === 'verified',
  );
  return revision === undefined ? '' : ` at ${revision.claim.text}`;
}

/**
 * The grade: `no-claims` with nothing to check; `unverifiable` when nothing could be checked;
 * `contradicted` when every checkable claim fails (at least two, or one about a symbol, file or
 * line); `verified` when all hold; `mostly-verified` from 75 %; `mixed` otherwise. Revision
 * claims only count when they are the only claims.
 */
export function gradeEvidence(checked: readonly CheckedClaim[]): EvidenceGrading {
  if (checked.length === 0)
    return { grade: 'no-claims', summary: 'The report makes no claims about the code.' };
  const codeClaims = checked.filter((entry) => entry.claim.kind !== 'revision');
  const graded = codeClaims.length > 0 ? codeClaims : checked;
  const noun = codeClaims.length > 0 ? 'code claim' : 'revision claim';
  const where = codeClaims.length > 0 ? describeRevision(checked) : '';
  const held = graded.filter((entry) => entry.status === 'verified');
  const failed = graded.filter((entry) => entry.status === 'contradicted');
  const open = graded.length - held.length - failed.length;
  const checkable = held.length + failed.length;
  const unchecked = open > 0 ? ` (${open} could not be checked)` : '';

  if (checkable === 0) {
    const unverifiable = graded.filter((entry) => entry.status === 'unverifiable');
    return {
      grade: 'unverifiable',
      summary: `None of the ${plural(graded.length, noun)} could be checked${where}: ${listReasons(unverifiable)}.`,
    };
  }
  if (failed.length === checkable) {
    const isConclusive = failed.length >= 2 || centralKinds.has(failed[0]!.claim.kind);
    const claims =
      checkable === 1
        ? `The only checkable ${noun} does not hold${where}`
        : `None of the ${plural(checkable, noun)} hold${where}`;
    return {
      grade: isConclusive ? 'contradicted' : 'mixed',
      summary: `${claims}: ${listReasons(failed)}${unchecked}.`,
    };
  }
  if (failed.length === 0) {
    const all =
      checkable === 1 ? `The ${noun} holds${where}` : `All ${plural(checkable, noun)} hold${where}`;
    return { grade: 'verified', summary: `${all}${unchecked}.` };
  }
  const share = held.length / checkable;
  return {
    grade: share >= mostlyVerifiedShare ? 'mostly-verified' : 'mixed',
    summary: `${held.length} of ${plural(checkable, noun)} hold${where}; ${failed.length} ${failed.length === 1 ? 'does' : 'do'} not: ${listReasons(failed)}${unchecked}.`,
  };
}
