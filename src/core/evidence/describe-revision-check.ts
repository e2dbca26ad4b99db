// Words what the evidence check did about versions: which revision it checked and why (the named
// tag, the nearest older release, or HEAD), and what happened to cited code after it.

import type { CheckedClaim, ClaimProof, EvidenceSummary } from '../model/evidence.js';

type CommitInfo = NonNullable<ClaimProof['commit']>;

export type RevisionOutcome =
  | { kind: 'named'; candidate: string; commit: string }
  | {
      kind: 'nearest-older';
      requested: string;
      tag: string;
      commit: string;
      pattern: string | null;
      /** The named version is newer than every tag: the clone may be out of date. */
      isNewerThanEveryTag: boolean;
    }
  | { kind: 'head'; requested: string | null; commit: string };

/** The note shown with every result: what was checked, and, when not the named version, why. */
export function describeCheckedRevision(outcome: RevisionOutcome): string {
  const short = outcome.commit.slice(0, 12);
  switch (outcome.kind) {
    case 'named':
      return `checked ${outcome.candidate} (${short}), the version the report names`;
    case 'nearest-older': {
      const convention = outcome.pattern !== null ? ` (its tags look like ${outcome.pattern})` : '';
      const stale = outcome.isNewerThanEveryTag
        ? `; ${outcome.requested} is newer than every tag, so the clone may be out of date and a missing name proves nothing`
        : '';
      return `the repository has no tag for ${outcome.requested}${convention}; checked the nearest older release ${outcome.tag} (${short}) instead${stale}`;
    }
    case 'head':
      return outcome.requested !== null
        ? `the repository has no tag or commit for ${outcome.requested} and no older release; checked HEAD (${short}) instead`
        : `the report names no version; checked HEAD (${short})`;
  }
}

/**
 * The `revision` block of an evidence summary: what the report asked for (`requested`), the name
 * checked (`resolved`: a tag, a commit or HEAD), and the sentence saying why.
 */
export function summarizeCheckedRevision(
  outcome: RevisionOutcome,
  checked: { requested: string | null; resolved: string; tagConvention: string | null },
): EvidenceSummary['revision'] {
  return {
    requested: checked.requested,
    resolved: checked.resolved,
    commit: outcome.commit,
    isDefault: outcome.kind === 'head',
    note: describeCheckedRevision(outcome),
    ...(checked.tagConvention !== null ? { tagConvention: checked.tagConvention } : {}),
    ...(outcome.kind === 'nearest-older' ? { isNearestOlder: true } : {}),
    ...(outcome.kind === 'nearest-older' && outcome.isNewerThanEveryTag
      ? { isNewerThanEveryTag: true }
      : {}),
  };
}

function shortCommit(commit: CommitInfo): string {
  return `${commit.id.slice(0, 12)} "${commit.subject}"`;
}

/**
 * Adds the later change of the cited lines (or file) to a verified claim: the report may be about
 * code that was changed, perhaps fixed, after the version it names.
 */
export function addLaterChange(
  checked: CheckedClaim,
  label: string,
  change: CommitInfo,
  isLineRange: boolean,
): CheckedClaim {
  const what = isLineRange ? 'the cited lines changed' : 'changed';
  return {
    ...checked,
    proof: {
      ...checked.proof,
      changedLater: change,
      summary: `${checked.proof.summary}; ${what} after ${label} in ${shortCommit(change)} (may be fixed already)`,
    },
  };
}

/**
 * Adds "already fixed in X": the cited code is gone in the released tag X, and `commit` is the
 * change that removed it.
 */
export function addFixedIn(checked: CheckedClaim, tag: string, commit: CommitInfo): CheckedClaim {
  return {
    ...checked,
    proof: {
      ...checked.proof,
      fixedIn: { tag, commit },
      summary: `${checked.proof.summary}; already fixed in ${tag}: the cited code was changed by ${shortCommit(commit)}`,
    },
  };
}
