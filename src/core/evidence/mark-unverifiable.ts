// A contradicted claim re-read as unverifiable, with the reason added to its proof: the shared
// last step of the judgements that find a missing name to be someone else's.

import type { CheckedClaim } from '../model/evidence.js';

/** The claim as unverifiable, its proof ending "…; `reason`, so its absence here proves nothing". */
export function markUnverifiable(entry: CheckedClaim, reason: string): CheckedClaim {
  return {
    ...entry,
    status: 'unverifiable',
    proof: {
      ...entry.proof,
      summary: `${entry.proof.summary}; ${reason}, so its absence here proves nothing`,
    },
  };
}
