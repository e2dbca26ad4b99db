// The JSON shape of a report's code evidence, shared by `thresher evidence`, the `evidence` field
// of `thresher triage --format json` and the inbox's stored assessments.

import type { CheckedClaim, EvidenceSummary } from '../core/triage.js';

function toJsonClaim(checked: CheckedClaim) {
  return {
    kind: checked.claim.kind,
    text: checked.claim.text,
    status: checked.status,
    proof: checked.proof,
    line: checked.claim.span.line,
    role: checked.claim.role ?? 'context',
    ...(checked.claim.externalTo !== undefined ? { externalTo: checked.claim.externalTo } : {}),
  };
}

export function toJsonEvidence(evidence: EvidenceSummary) {
  return {
    claims: evidence.claims.map(toJsonClaim),
    grade: evidence.grade,
    summary: evidence.summary,
    revision: evidence.revision,
    ...(evidence.fabrication !== undefined ? { fabrication: evidence.fabrication } : {}),
  };
}
