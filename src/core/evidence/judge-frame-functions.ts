// A stack frame names a file and a function on one line (`File "/srv/app/ingest.py", line 41, in
// handle_upload`). When the frame's file is the reporter's own (an absolute path no folder of which
// the repository has), its function is that file's too: missing here proves nothing, so it is not
// counted as invented.

import type { CheckedClaim } from '../model/evidence.js';
import { markUnverifiable } from './mark-unverifiable.js';

// `/srv/app/ingest.py`, `C:\\app\\x.py`: a file of the reporter's machine, which the evidence
// check calls unverifiable when no folder of it is the repository's.
const absolutePath = /^(?:\/|[A-Za-z]:[\\/])/;

/**
 * Re-reads each contradicted function named on the same line as a frame whose file is the
 * reporter's own (its line claim unverifiable, its path absolute) as unverifiable.
 */
export function judgeFrameFunctions(checked: readonly CheckedClaim[]): CheckedClaim[] {
  const foreignFrameLines = new Map<number, string>();
  for (const entry of checked) {
    if (entry.claim.kind !== 'line' || entry.claim.path === undefined) continue;
    // Only the reporter's own files: a frame in an installed package (`site-packages/x/`) may be
    // the project's own code under another folder, whose functions are still checked.
    if (entry.status === 'unverifiable' && absolutePath.test(entry.claim.path))
      foreignFrameLines.set(entry.claim.span.line, entry.claim.path);
  }
  if (foreignFrameLines.size === 0) return [...checked];
  return checked.map((entry) => {
    const path = foreignFrameLines.get(entry.claim.span.line);
    if (entry.status !== 'contradicted' || entry.claim.kind !== 'symbol' || path === undefined)
      return entry;
    return markUnverifiable(
      entry,
      `it is the function of a stack frame in ${path}, a file this repository does not hold`,
    );
  });
}
