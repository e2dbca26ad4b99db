// Grades a report by how its code claims held up against the repository, with one sentence a
// maintainer can paste: "None of the 5 code claims hold at v2.4.1: ...".

import { trimEndCharacters } from '../text/trim-characters.js';
import type {
  CheckedClaim,
  CodeClaim,
  EvidenceGrade,
  FabricationProof,
} from '../model/evidence.js';
import { weighClaim } from './weigh-claim.js';

export interface EvidenceGrading {
  grade: EvidenceGrade;
  summary: string;
  /** With grade `fabricated`: which central claims failed and what was searched. */
  fabrication?: FabricationProof;
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
    case 'option':
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

// The least failing weight that says "fabricated": one missing file in the vulnerable location
// (weight 3) is the weakest claim there is (a bare file is often the user's own: their
// configuration, their application's module), so it takes an invented function, constant, type,
// line or quoted code there, or a second missing file, to call a report's code invented.
const minimumFabricatedWeight = 6;

// Kinds that either exist or not: a failing snippet alone may be a paraphrase, not an invention.
const conclusiveKinds = new Set<CodeClaim['kind']>(['symbol', 'file', 'line', 'option']);

function nameKey(claim: CodeClaim): string {
  return claim.kind === 'symbol' ? (claim.symbol ?? claim.text) : (claim.path ?? claim.text);
}

/**
 * Fabricated when what the report rests on is contradicted: a claim in its vulnerable location
 * (title, heading, top frame, the sentence that says where the bug is) fails, at least one failing
 * claim is a name, file or line (not only a paraphrased snippet), and the failing claims weigh at
 * least as much as the holding ones (a real file does not redeem invented functions) and at least
 * `minimumFabricatedWeight` (one missing file alone is not enough). One typo among true claims
 * (a single failing name one edit away from a real one) is not fabrication.
 */
function judgeFabrication(
  graded: readonly CheckedClaim[],
  revision: { label: string; commit: string },
): FabricationProof | null {
  const failed = graded.filter((entry) => entry.status === 'contradicted');
  const held = graded.filter((entry) => entry.status === 'verified');
  const isCentral = (entry: CheckedClaim): boolean => entry.claim.role === 'location';
  if (!failed.some(isCentral) || !failed.some((entry) => conclusiveKinds.has(entry.claim.kind)))
    return null;
  const contradictedWeight = failed.reduce((sum, entry) => sum + weighClaim(entry.claim), 0);
  const verifiedWeight = held.reduce((sum, entry) => sum + weighClaim(entry.claim), 0);
  if (contradictedWeight < verifiedWeight || contradictedWeight < minimumFabricatedWeight)
    return null;
  const failedNames = new Set(failed.map((entry) => nameKey(entry.claim)));
  const isTypo =
    failedNames.size === 1 && held.length > 0 && failed.every((entry) => entry.proof.didYouMean);
  if (isTypo) return null;
  return {
    revision: revision.label,
    commit: revision.commit,
    contradicted: failed
      .filter(isCentral)
      .concat(failed.filter((entry) => !isCentral(entry)))
      .map((entry) => ({
        kind: entry.claim.kind,
        text: entry.claim.text,
        role: entry.claim.role ?? 'context',
        searched: entry.proof.summary,
      })),
    verified: held.filter(isCentral).map((entry) => ({
      kind: entry.claim.kind,
      text: entry.claim.text,
      role: entry.claim.role ?? 'context',
    })),
    weights: {
      contradicted: Math.round(contradictedWeight * 100) / 100,
      verified: Math.round(verifiedWeight * 100) / 100,
    },
  };
}

function describeFabrication(
  failed: readonly CheckedClaim[],
  held: readonly CheckedClaim[],
  where: string,
): string {
  const central = failed.filter((entry) => entry.claim.role === 'location');
  const rest = failed.filter((entry) => entry.claim.role !== 'location');
  const real = held.filter((entry) => entry.claim.role === 'location');
  const alsoReal =
    real.length > 0
      ? ` It names ${plural(real.length, 'real thing')} too (${real
          .slice(0, maxReasons)
          .map((entry) => labelOf(entry.claim))
          .join(', ')}), which does not make the rest exist.`
      : '';
  return `The code this report says is vulnerable does not exist${where}: ${listReasons([...central, ...rest])}.${alsoReal}`;
}

/**
 * The grade: `no-claims` with nothing to check; `unverifiable` when nothing could be checked;
 * `fabricated` when the claims the report rests on fail (see `judgeFabrication`);
 * `contradicted` when every checkable claim fails (at least two, or one about a symbol, file or
 * line); `verified` when all hold; `mostly-verified` from 75 %; `mixed` otherwise. Revision
 * claims only count when they are the only claims.
 */
export function gradeEvidence(
  allChecked: readonly CheckedClaim[],
  revision: { label: string; commit: string; canProveAbsence?: boolean } = {
    label: 'HEAD',
    commit: '',
  },
): EvidenceGrading {
  // Names of other projects (libc, `std::`, a system library frame) are never held against a report.
  const checked = allChecked.filter((entry) => entry.status !== 'external');
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
  // A repository older than the version the report names cannot prove its names are invented.
  const fabrication =
    codeClaims.length > 0 && revision.canProveAbsence !== false
      ? judgeFabrication(graded, revision)
      : null;
  if (fabrication !== null) {
    return {
      grade: 'fabricated',
      summary: `${describeFabrication(failed, held, where)}${unchecked === '' ? '' : ` ${open} other ${open === 1 ? 'claim' : 'claims'} could not be checked.`}`,
      fabrication,
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
