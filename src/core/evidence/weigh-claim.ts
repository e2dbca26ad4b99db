// How much one claim counts when grading a report: what it names (a function more than a file
// anyone can list) times its role (the vulnerable location more than a passing mention).

import type { CodeClaim } from '../model/evidence.js';

/** Weight of a claim's kind: names and quoted code say the most, a file path the least. */
const claimKindWeights = {
  function: 3,
  constant: 2,
  type: 2,
  member: 1,
  snippet: 3,
  line: 2,
  file: 1,
  option: 1,
  patch: 1,
  revision: 0,
} as const;

/** A claim in the vulnerable location counts three times one said in passing. */
const locationRoleWeight = 3;

/** The claim's weight: its kind's weight times three when it names the vulnerable location. */
export function weighClaim(claim: CodeClaim): number {
  const kindWeight =
    claim.kind === 'symbol'
      ? claimKindWeights[claim.symbolKind ?? 'function']
      : claimKindWeights[claim.kind];
  return kindWeight * (claim.role === 'location' ? locationRoleWeight : 1);
}
