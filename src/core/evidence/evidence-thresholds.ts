// The numbers the evidence check decides by, in one place: how alike quoted code must be to hold,
// and how much of the repository is read per claim.

export const evidenceThresholds = {
  /** A quoted snippet holds from this similarity (1 = every line there, in order). */
  snippetVerified: 0.75,
  /** Below `snippetVerified` but from this, the snippet only resembles code: unverifiable. */
  snippetResembles: 0.4,
  /** Code quoted with a `path:line` holds at those lines from this similarity. */
  quotedLine: 0.6,
  /** …or elsewhere in the same file from this one ("the lines moved"). */
  movedLine: 0.8,
  /** Files read to find a symbol's definition. */
  maxCandidateFilesPerSymbol: 20,
  /** Files read to find a snippet (those the most probe lines lead to). */
  maxCandidateFilesPerSnippet: 5,
  /** Characters of real code kept in a proof. */
  maxProofSnippet: 400,
} as const;
